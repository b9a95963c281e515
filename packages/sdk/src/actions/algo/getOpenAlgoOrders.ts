import type { AlgoOrderDetail, GetOpenAlgoOrdersParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getOpenAlgoOrdersOf } from './algoCalls.js';

/** Parameters of {@link getOpenAlgoOrders}: `algoType`, `symbol`, `algoId` (all optional), and `recvWindow`. */
export type GetOpenAlgoOrdersParameters = GetOpenAlgoOrdersParams & SignedParameters;

/** The open (untriggered) algo orders. */
export type GetOpenAlgoOrdersReturnType = AlgoOrderDetail[];

/** What {@link getOpenAlgoOrders} may reject with. */
export type GetOpenAlgoOrdersErrorType = RequestErrorType;

/**
 * Lists open algo orders: `GET /fapi/v1/openAlgoOrders` (USD-M, `USER_DATA`, signed). Weight 1 with
 * a symbol, 40 without.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOpenAlgoOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Current-All-Algo-Open-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `algoType`, `symbol`, `algoId`, and `recvWindow` to override the client's.
 * @returns The open algo orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOpenAlgoOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const stops = await getOpenAlgoOrders(client, { symbol: 'BTCUSDT' });
 */
export async function getOpenAlgoOrders(
  client: Client,
  parameters: GetOpenAlgoOrdersParameters = {},
): Promise<GetOpenAlgoOrdersReturnType> {
  return getOpenAlgoOrdersOf(client, 'usdm', 'getOpenAlgoOrders', parameters);
}
