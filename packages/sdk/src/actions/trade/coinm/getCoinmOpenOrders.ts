import type { CoinmGetOpenOrdersParams, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { recvWindowOf, type SignedParameters } from '../../account/signed.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmOpenOrders}: `symbol` or `pair` (optional), and `recvWindow`. */
export type GetCoinmOpenOrdersParameters = CoinmGetOpenOrdersParams & SignedParameters;

/** The open orders. */
export type GetCoinmOpenOrdersReturnType = CoinmOrder[];

/** What {@link getCoinmOpenOrders} may reject with. */
export type GetCoinmOpenOrdersErrorType = RequestErrorType;

/**
 * Lists open orders: `GET /dapi/v1/openOrders` (COIN-M, `USER_DATA`, signed). Weight 1 with a symbol, 40 without.
 *
 * `symbol` or `pair`; every symbol when both are omitted (weight 40).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Current-All-Open-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol` or `pair` (optional), and `recvWindow` to override the client's.
 * @returns The open orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmOpenOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const open = await getCoinmOpenOrders(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmOpenOrders(
  client: Client,
  parameters: GetCoinmOpenOrdersParameters = {},
): Promise<GetCoinmOpenOrdersReturnType> {
  requireMarket(client, 'coinm', 'getCoinmOpenOrders');
  return client.request<GetCoinmOpenOrdersReturnType>({
    method: 'GET',
    path: '/dapi/v1/openOrders',
    params: { symbol: parameters.symbol, pair: parameters.pair },
    security: 'USER_DATA',
    weight: parameters.symbol === undefined && parameters.pair === undefined ? 40 : 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
