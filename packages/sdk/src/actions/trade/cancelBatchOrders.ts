import type { BatchOrderResult, CancelBatchOrdersParams, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { OrderValidationErrorType, UnknownOrderStatusErrorType } from '../../orders/errors.js';
import type { SignedParameters } from '../account/signed.js';
import { cancelBatchOrdersOf } from './cancelCalls.js';

export { MAX_BATCH_CANCELS } from './cancelCalls.js';

/** Parameters of {@link cancelBatchOrders}: `symbol`, `orderIdList` or `origClientOrderIdList` (10 at most), `recvWindow`, `reconcile`. */
export type CancelBatchOrdersParameters = CancelBatchOrdersParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by querying each order (default true). */
    readonly reconcile?: boolean;
  };

/** One result per id, in request order: the canceled order or Binance's inline error (`-2011` for an order not open). */
export type CancelBatchOrdersReturnType = BatchOrderResult[];

/** What {@link cancelBatchOrders} may reject with. */
export type CancelBatchOrdersErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | UnknownOrderStatusErrorType;

/**
 * Cancels up to 10 orders of a symbol: `DELETE /fapi/v1/batchOrders` (USD-M, `TRADE`, signed). Weight 1.
 *
 * On an unknown outcome each order is queried: CANCELED gives the order, closed otherwise (filled,
 * expired) or absent gives -2011 as Binance would have answered, still open ones are cancelled again
 * as one smaller batch (bounded by `reconcile.attempts`; an order still open after that comes back
 * as queried, its `status` showing the cancel did not take).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/cancelBatchOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Cancel-Multiple-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `orderIdList` or `origClientOrderIdList`, and `recvWindow` to override the client's.
 * @returns One result per id, in request order.
 * @throws OrderValidationError for an empty or oversized list; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { cancelBatchOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const results = await cancelBatchOrders(client, { symbol: 'BTCUSDT', origClientOrderIdList: ['a-1', 'a-2'] });
 */
export async function cancelBatchOrders(
  client: Client,
  parameters: CancelBatchOrdersParameters,
): Promise<CancelBatchOrdersReturnType> {
  return cancelBatchOrdersOf<Order>(client, 'usdm', 'cancelBatchOrders', parameters);
}
