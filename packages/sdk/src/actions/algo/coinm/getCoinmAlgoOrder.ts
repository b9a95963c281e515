import type { AlgoOrderDetail } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { getAlgoOrderOf } from '../algoCalls.js';
import type { GetAlgoOrderParameters } from '../getAlgoOrder.js';

/** Parameters of {@link getCoinmAlgoOrder}: `algoId` or `clientAlgoId`, and `recvWindow`. */
export type GetCoinmAlgoOrderParameters = GetAlgoOrderParameters;

/** The algo order with its matching-engine outcome (`actualOrderId`, `actualPrice`, ...). */
export type GetCoinmAlgoOrderReturnType = AlgoOrderDetail;

/** What {@link getCoinmAlgoOrder} may reject with (notably `UnknownOrderError` -2013 when there is no such algo order). */
export type GetCoinmAlgoOrderErrorType = RequestErrorType;

/**
 * Reads one COIN-M algo (conditional) order: `GET /dapi/v1/algoOrder` (COIN-M, `USER_DATA`, signed).
 * Weight 1.
 *
 * `actualOrderId` is "" until the order triggers, then the matching engine's `orderId`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmAlgoOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Query-Algo-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `algoId` or `clientAlgoId`, and `recvWindow` to override the client's.
 * @returns The algo order.
 * @throws UnknownOrderError (-2013) for an unknown algo order; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmAlgoOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const algo = await getCoinmAlgoOrder(client, { clientAlgoId: 'my-stop-1' });
 */
export async function getCoinmAlgoOrder(
  client: Client,
  parameters: GetCoinmAlgoOrderParameters,
): Promise<GetCoinmAlgoOrderReturnType> {
  return getAlgoOrderOf(client, 'coinm', 'getCoinmAlgoOrder', parameters);
}
