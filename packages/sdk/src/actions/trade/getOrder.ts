import type { GetOrderParams, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getOrderOf } from './readCalls.js';

/** Parameters of {@link getOrder}: `symbol` and `orderId` or `origClientOrderId`, and `recvWindow`. */
export type GetOrderParameters = GetOrderParams & SignedParameters;

/** The order. */
export type GetOrderReturnType = Order;

/** What {@link getOrder} may reject with. */
export type GetOrderErrorType = RequestErrorType;

/**
 * Reads one order: `GET /fapi/v1/order` (USD-M, `USER_DATA`, signed). Weight 1.
 *
 * Any status while retained (canceled or expired orders without fills: 3 days). `orderId` wins over `origClientOrderId` when both are sent; an unknown order is `UnknownOrderError` -2013.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Query-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol` and `orderId` or `origClientOrderId`, and `recvWindow` to override the client's.
 * @returns The order.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const order = await getOrder(client, { symbol: 'BTCUSDT', origClientOrderId: 'my-order-1' });
 */
export async function getOrder(client: Client, parameters: GetOrderParameters): Promise<GetOrderReturnType> {
  return getOrderOf<Order>(client, 'usdm', 'getOrder', 'order', parameters);
}
