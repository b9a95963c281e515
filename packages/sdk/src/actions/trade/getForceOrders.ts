import type { ForceOrder, GetForceOrdersParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getForceOrdersOf } from './readCalls.js';

/** Parameters of {@link getForceOrders}: `symbol`, `autoCloseType`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetForceOrdersParameters = GetForceOrdersParams & SignedParameters;

/** The force orders. */
export type GetForceOrdersReturnType = ForceOrder[];

/** What {@link getForceOrders} may reject with. */
export type GetForceOrdersErrorType = RequestErrorType;

/**
 * Lists the account's liquidation and ADL orders: `GET /fapi/v1/forceOrders` (USD-M, `USER_DATA`, signed). Weight 20 with a symbol, 50 without.
 *
 * Client order ids are `autoclose-…` (liquidation) or `adl_autoclose` (ADL). Weight 20 with a symbol, 50 without.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getForceOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Users-Force-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `autoCloseType`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns The force orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getForceOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const liquidations = await getForceOrders(client, { autoCloseType: 'LIQUIDATION' });
 */
export async function getForceOrders(
  client: Client,
  parameters: GetForceOrdersParameters = {},
): Promise<GetForceOrdersReturnType> {
  return getForceOrdersOf<ForceOrder>(client, 'usdm', 'getForceOrders', parameters);
}
