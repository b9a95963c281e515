import type { GetOpenOrdersParams, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getOpenOrders}: `symbol` (optional), and `recvWindow`. */
export type GetOpenOrdersParameters = GetOpenOrdersParams & SignedParameters;

/** The open orders. */
export type GetOpenOrdersReturnType = Order[];

/** What {@link getOpenOrders} may reject with. */
export type GetOpenOrdersErrorType = RequestErrorType;

/**
 * Lists open orders: `GET /fapi/v1/openOrders` (USD-M, `USER_DATA`, signed). Weight 1 with a symbol, 40 without.
 *
 * Every symbol when `symbol` is omitted (weight 40). Algo orders are listed by `getOpenAlgoOrders`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Current-All-Open-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol` (optional), and `recvWindow` to override the client's.
 * @returns The open orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOpenOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const open = await getOpenOrders(client, { symbol: 'BTCUSDT' });
 */
export async function getOpenOrders(
  client: Client,
  parameters: GetOpenOrdersParameters = {},
): Promise<GetOpenOrdersReturnType> {
  requireMarket(client, 'usdm', 'getOpenOrders');
  return client.request<GetOpenOrdersReturnType>({
    method: 'GET',
    path: '/fapi/v1/openOrders',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: parameters.symbol === undefined ? 40 : 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
