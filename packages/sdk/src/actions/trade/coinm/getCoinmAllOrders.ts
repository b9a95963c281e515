import type { CoinmGetAllOrdersParams, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { recvWindowOf, type SignedParameters } from '../../account/signed.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmAllOrders}: `symbol` or `pair`, `orderId`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetCoinmAllOrdersParameters = CoinmGetAllOrdersParams & SignedParameters;

/** The orders, oldest first. */
export type GetCoinmAllOrdersReturnType = CoinmOrder[];

/** What {@link getCoinmAllOrders} may reject with. */
export type GetCoinmAllOrdersErrorType = RequestErrorType;

/**
 * Lists a symbol's orders in every status: `GET /dapi/v1/allOrders` (COIN-M, `USER_DATA`, signed). Weight 20 with a symbol, 40 with a pair.
 *
 * `symbol` or `pair` (every symbol of the pair); orders with id ≥ `orderId` (with `symbol`) when given; the window is under 7 days; `limit` 50 by default.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmAllOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/All-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol` or `pair`, `orderId`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns The orders, oldest first.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmAllOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const orders = await getCoinmAllOrders(client, { symbol: 'BTCUSD_PERP', limit: 1000 });
 */
export async function getCoinmAllOrders(
  client: Client,
  parameters: GetCoinmAllOrdersParameters,
): Promise<GetCoinmAllOrdersReturnType> {
  requireMarket(client, 'coinm', 'getCoinmAllOrders');
  return client.request<GetCoinmAllOrdersReturnType>({
    method: 'GET',
    path: '/dapi/v1/allOrders',
    params: {
      symbol: parameters.symbol,
      pair: parameters.pair,
      orderId: parameters.orderId === undefined ? undefined : String(parameters.orderId),
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: parameters.symbol === undefined ? 40 : 20,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
