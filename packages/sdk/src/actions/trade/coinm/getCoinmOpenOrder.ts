import type { CoinmOrder, GetOpenOrderParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { SignedParameters } from '../../account/signed.js';
import { getOrderOf } from '../readCalls.js';

/** Parameters of {@link getCoinmOpenOrder}: `symbol` and `orderId` or `origClientOrderId`, and `recvWindow`. */
export type GetCoinmOpenOrderParameters = GetOpenOrderParams & SignedParameters;

/** The open order. */
export type GetCoinmOpenOrderReturnType = CoinmOrder;

/** What {@link getCoinmOpenOrder} may reject with. */
export type GetCoinmOpenOrderErrorType = RequestErrorType;

/**
 * Reads one open order: `GET /dapi/v1/openOrder` (COIN-M, `USER_DATA`, signed). Weight 1.
 *
 * A filled or canceled order is `UnknownOrderError` -2013.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmOpenOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Query-Current-Open-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol` and `orderId` or `origClientOrderId`, and `recvWindow` to override the client's.
 * @returns The open order.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmOpenOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const open = await getCoinmOpenOrder(client, { symbol: 'BTCUSD_PERP', orderId: 22542179 });
 */
export async function getCoinmOpenOrder(
  client: Client,
  parameters: GetCoinmOpenOrderParameters,
): Promise<GetCoinmOpenOrderReturnType> {
  return getOrderOf<CoinmOrder>(client, 'coinm', 'getCoinmOpenOrder', 'openOrder', parameters);
}
