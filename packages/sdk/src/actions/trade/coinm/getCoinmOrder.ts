import type { CoinmOrder, GetOrderParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { SignedParameters } from '../../account/signed.js';
import { getOrderOf } from '../readCalls.js';

/** Parameters of {@link getCoinmOrder}: `symbol` and `orderId` or `origClientOrderId`, and `recvWindow`. */
export type GetCoinmOrderParameters = GetOrderParams & SignedParameters;

/** The order. */
export type GetCoinmOrderReturnType = CoinmOrder;

/** What {@link getCoinmOrder} may reject with. */
export type GetCoinmOrderErrorType = RequestErrorType;

/**
 * Reads one order: `GET /dapi/v1/order` (COIN-M, `USER_DATA`, signed). Weight 1.
 *
 * Any status while retained (canceled or expired orders without fills: 3 days). `orderId` wins over `origClientOrderId` when both are sent; an unknown order is `UnknownOrderError` -2013.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Query-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol` and `orderId` or `origClientOrderId`, and `recvWindow` to override the client's.
 * @returns The order.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const order = await getCoinmOrder(client, { symbol: 'BTCUSD_PERP', origClientOrderId: 'my-order-1' });
 */
export async function getCoinmOrder(
  client: Client,
  parameters: GetCoinmOrderParameters,
): Promise<GetCoinmOrderReturnType> {
  return getOrderOf<CoinmOrder>(client, 'coinm', 'getCoinmOrder', 'order', parameters);
}
