import type { CoinmForceOrder, GetForceOrdersParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { SignedParameters } from '../../account/signed.js';
import { getForceOrdersOf } from '../readCalls.js';

/** Parameters of {@link getCoinmForceOrders}: `symbol`, `autoCloseType`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetCoinmForceOrdersParameters = GetForceOrdersParams & SignedParameters;

/** The force orders. */
export type GetCoinmForceOrdersReturnType = CoinmForceOrder[];

/** What {@link getCoinmForceOrders} may reject with. */
export type GetCoinmForceOrdersErrorType = RequestErrorType;

/**
 * Lists the account's liquidation and ADL orders: `GET /dapi/v1/forceOrders` (COIN-M, `USER_DATA`, signed). Weight 20 with a symbol, 50 without.
 *
 * Client order ids are `autoclose-…` (liquidation) or `adl_autoclose` (ADL). Weight 20 with a symbol, 50 without.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmForceOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Users-Force-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `autoCloseType`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns The force orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmForceOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const liquidations = await getCoinmForceOrders(client, { autoCloseType: 'LIQUIDATION' });
 */
export async function getCoinmForceOrders(
  client: Client,
  parameters: GetCoinmForceOrdersParameters = {},
): Promise<GetCoinmForceOrdersReturnType> {
  return getForceOrdersOf<CoinmForceOrder>(client, 'coinm', 'getCoinmForceOrders', parameters);
}
