import type { AlgoOrderDetail, GetAlgoOrderParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getAlgoOrderOf } from './algoCalls.js';

/** Parameters of {@link getAlgoOrder}: `algoId` or `clientAlgoId`, and `recvWindow`. */
export type GetAlgoOrderParameters = GetAlgoOrderParams & SignedParameters;

/** The algo order with its matching-engine outcome (`actualOrderId`, `actualPrice`, ...). */
export type GetAlgoOrderReturnType = AlgoOrderDetail;

/** What {@link getAlgoOrder} may reject with (notably `UnknownOrderError` -2013 when there is no such algo order). */
export type GetAlgoOrderErrorType = RequestErrorType;

/**
 * Reads one algo (conditional) order: `GET /fapi/v1/algoOrder` (USD-M, `USER_DATA`, signed). Weight 1.
 *
 * `actualOrderId` is "" until the order triggers, then the matching engine's `orderId`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAlgoOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Query-Algo-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `algoId` or `clientAlgoId`, and `recvWindow` to override the client's.
 * @returns The algo order.
 * @throws UnknownOrderError (-2013) for an unknown algo order; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAlgoOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const algo = await getAlgoOrder(client, { clientAlgoId: 'my-stop-1' });
 * console.log(algo.algoStatus, algo.actualOrderId);
 */
export async function getAlgoOrder(
  client: Client,
  parameters: GetAlgoOrderParameters,
): Promise<GetAlgoOrderReturnType> {
  return getAlgoOrderOf(client, 'usdm', 'getAlgoOrder', parameters);
}
