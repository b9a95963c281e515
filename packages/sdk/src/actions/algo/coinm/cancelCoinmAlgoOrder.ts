import type { CancelAlgoOrderResponse } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { OrderClosedErrorType, UnknownOrderStatusErrorType } from '../../../orders/errors.js';
import { cancelAlgoOrderOf } from '../algoCalls.js';
import type { CancelAlgoOrderParameters } from '../cancelAlgoOrder.js';

/** Parameters of {@link cancelCoinmAlgoOrder}: `algoId` or `clientAlgoId`, `recvWindow`, and `reconcile` (default true). */
export type CancelCoinmAlgoOrderParameters = CancelAlgoOrderParameters;

/** `{ algoId, clientAlgoId, code: "200", msg: "success" }` (`code` is a string here). */
export type CancelCoinmAlgoOrderReturnType = CancelAlgoOrderResponse;

/** What {@link cancelCoinmAlgoOrder} may reject with (notably `UnknownOrderError` -2011). */
export type CancelCoinmAlgoOrderErrorType =
  | RequestErrorType
  | UnknownOrderStatusErrorType
  | OrderClosedErrorType;

/**
 * Cancels an untriggered COIN-M algo order: `DELETE /dapi/v1/algoOrder` (COIN-M, `TRADE`, signed).
 * Weight 1.
 *
 * On an unknown outcome the algo order is queried (`GET /dapi/v1/algoOrder`): CANCELED settles the
 * call, NEW is cancelled again (a cancel is idempotent), any other status is an `OrderClosedError`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/cancelCoinmAlgoOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Cancel-Algo-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `algoId` or `clientAlgoId`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderError (-2011) when the algo order is not open; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { cancelCoinmAlgoOrder, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * await cancelCoinmAlgoOrder(client, { clientAlgoId: 'my-stop-1' });
 */
export async function cancelCoinmAlgoOrder(
  client: Client,
  parameters: CancelCoinmAlgoOrderParameters,
): Promise<CancelCoinmAlgoOrderReturnType> {
  return cancelAlgoOrderOf(client, 'coinm', 'cancelCoinmAlgoOrder', parameters);
}
