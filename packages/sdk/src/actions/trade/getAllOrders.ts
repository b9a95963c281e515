import type { GetAllOrdersParams, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getAllOrders}: `symbol`, `orderId`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetAllOrdersParameters = GetAllOrdersParams & SignedParameters;

/** The orders, oldest first. */
export type GetAllOrdersReturnType = Order[];

/** What {@link getAllOrders} may reject with. */
export type GetAllOrdersErrorType = RequestErrorType;

/**
 * Lists a symbol's orders in every status: `GET /fapi/v1/allOrders` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * Orders with id ≥ `orderId` when given, else the newest; the window is under 7 days (default: the last 7 days); `limit` 500 by default, 1000 at most.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAllOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/All-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `orderId`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns The orders, oldest first.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAllOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const orders = await getAllOrders(client, { symbol: 'BTCUSDT', limit: 1000 });
 */
export async function getAllOrders(
  client: Client,
  parameters: GetAllOrdersParameters,
): Promise<GetAllOrdersReturnType> {
  requireMarket(client, 'usdm', 'getAllOrders');
  return client.request<GetAllOrdersReturnType>({
    method: 'GET',
    path: '/fapi/v1/allOrders',
    params: {
      symbol: parameters.symbol,
      orderId: parameters.orderId === undefined ? undefined : String(parameters.orderId),
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
