import type { CancelAlgoOrderParams, CancelAlgoOrderResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { OrderClosedErrorType, UnknownOrderStatusErrorType } from '../../orders/errors.js';
import type { SignedParameters } from '../account/signed.js';
import { cancelAlgoOrderOf } from './algoCalls.js';

/** Parameters of {@link cancelAlgoOrder}: `algoId` or `clientAlgoId`, `recvWindow`, and `reconcile` (default true). */
export type CancelAlgoOrderParameters = CancelAlgoOrderParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by querying the algo order (default true). */
    readonly reconcile?: boolean;
  };

/** `{ algoId, clientAlgoId, code: "200", msg: "success" }` (`code` is a string here). */
export type CancelAlgoOrderReturnType = CancelAlgoOrderResponse;

/** What {@link cancelAlgoOrder} may reject with (notably `UnknownOrderError` -2011). */
export type CancelAlgoOrderErrorType = RequestErrorType | UnknownOrderStatusErrorType | OrderClosedErrorType;

/**
 * Cancels an untriggered algo order: `DELETE /fapi/v1/algoOrder` (USD-M, `TRADE`, signed). Weight 1.
 *
 * On an unknown outcome the algo order is queried: CANCELED settles the call, NEW is cancelled
 * again (a cancel is idempotent), any other status (triggered, finished, expired) is an
 * `OrderClosedError`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/cancelAlgoOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Cancel-Algo-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `algoId` or `clientAlgoId`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderError (-2011) when the algo order is not open; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { cancelAlgoOrder, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await cancelAlgoOrder(client, { clientAlgoId: 'my-stop-1' });
 */
export async function cancelAlgoOrder(
  client: Client,
  parameters: CancelAlgoOrderParameters,
): Promise<CancelAlgoOrderReturnType> {
  return cancelAlgoOrderOf(client, 'usdm', 'cancelAlgoOrder', parameters);
}
