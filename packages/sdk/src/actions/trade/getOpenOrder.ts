import type { GetOpenOrderParams, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getOrderOf } from './readCalls.js';

/** Parameters of {@link getOpenOrder}: `symbol` and `orderId` or `origClientOrderId`, and `recvWindow`. */
export type GetOpenOrderParameters = GetOpenOrderParams & SignedParameters;

/** The open order. */
export type GetOpenOrderReturnType = Order;

/** What {@link getOpenOrder} may reject with. */
export type GetOpenOrderErrorType = RequestErrorType;

/**
 * Reads one open order: `GET /fapi/v1/openOrder` (USD-M, `USER_DATA`, signed). Weight 1.
 *
 * A filled or canceled order is `UnknownOrderError` -2013.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOpenOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Query-Current-Open-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol` and `orderId` or `origClientOrderId`, and `recvWindow` to override the client's.
 * @returns The open order.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOpenOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const open = await getOpenOrder(client, { symbol: 'BTCUSDT', orderId: 22542179 });
 */
export async function getOpenOrder(
  client: Client,
  parameters: GetOpenOrderParameters,
): Promise<GetOpenOrderReturnType> {
  return getOrderOf<Order>(client, 'usdm', 'getOpenOrder', 'openOrder', parameters);
}
