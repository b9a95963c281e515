import type { CancelBatchOrdersParams, CoinmBatchOrderResult, CoinmOrder, Id } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import {
  OrderValidationError,
  type OrderValidationErrorType,
  type UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import { orderLayerOf } from '../../../orders/orderLayer.js';
import { isAbsent } from '../../../orders/reconcile.js';
import { batchReconciled } from '../../../orders/reconcileBatch.js';
import { isTransient } from '../../../request/retryPolicy.js';
import { recvWindowOf, type SignedParameters } from '../../account/signed.js';
import { requireMarket } from '../../requireMarket.js';
import { isOpenStatus, type OrderIdentity, queryOrder, reconcileContext } from '../orderCalls.js';

/** Parameters of {@link cancelCoinmBatchOrders}: `symbol`, `orderIdList` or `origClientOrderIdList` (10 at most), `recvWindow`, `reconcile`. */
export type CancelCoinmBatchOrdersParameters = CancelBatchOrdersParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by querying each order (default true). */
    readonly reconcile?: boolean;
  };

/** One result per id, in request order: the canceled order or Binance's inline error (`-2011` for an order not open). */
export type CancelCoinmBatchOrdersReturnType = CoinmBatchOrderResult[];

/** What {@link cancelCoinmBatchOrders} may reject with. */
export type CancelCoinmBatchOrdersErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | UnknownOrderStatusErrorType;

/** The most ids one batch cancel takes. */
export const MAX_BATCH_CANCELS = 10;

const NOT_OPEN = { code: -2011, msg: 'Unknown order sent.' } as const;

/**
 * Cancels up to 10 orders of a symbol: `DELETE /dapi/v1/batchOrders` (COIN-M, `TRADE`, signed). Weight 1.
 *
 * On an unknown outcome each order is queried: CANCELED gives the order, closed otherwise (filled,
 * expired) or absent gives -2011 as Binance would have answered, still open ones are cancelled again
 * as one smaller batch (bounded by `reconcile.attempts`; an order still open after that comes back
 * as queried, its `status` showing the cancel did not take).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/cancelCoinmBatchOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Cancel-Multiple-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `orderIdList` or `origClientOrderIdList`, and `recvWindow` to override the client's.
 * @returns One result per id, in request order.
 * @throws OrderValidationError for an empty or oversized list; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { cancelCoinmBatchOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const results = await cancelCoinmBatchOrders(client, { symbol: 'BTCUSD_PERP', origClientOrderIdList: ['a-1', 'a-2'] });
 */
export async function cancelCoinmBatchOrders(
  client: Client,
  parameters: CancelCoinmBatchOrdersParameters,
): Promise<CancelCoinmBatchOrdersReturnType> {
  requireMarket(client, 'coinm', 'cancelCoinmBatchOrders');
  const byId = parameters.orderIdList !== undefined && parameters.orderIdList.length > 0;
  const ids: readonly (Id | string)[] = byId
    ? (parameters.orderIdList ?? [])
    : (parameters.origClientOrderIdList ?? []);
  if (ids.length === 0 || ids.length > MAX_BATCH_CANCELS) {
    throw new OrderValidationError({
      rule: 'BATCH_SIZE',
      symbol: parameters.symbol,
      field: byId ? 'orderIdList' : 'origClientOrderIdList',
      value: String(ids.length),
      reason: `a batch cancel names 1 to ${MAX_BATCH_CANCELS} orders`,
      limits: { max: String(MAX_BATCH_CANCELS) },
      binanceCode: -4082,
    });
  }
  const identity = (index: number): OrderIdentity =>
    byId ? { orderId: ids[index] as Id } : { origClientOrderId: ids[index] as string };
  const send = (indexes: readonly number[]) =>
    client.request<CoinmBatchOrderResult[]>({
      method: 'DELETE',
      path: '/dapi/v1/batchOrders',
      params: {
        symbol: parameters.symbol,
        ...(byId
          ? { orderIdList: indexes.map((index) => String(ids[index])) }
          : { origClientOrderIdList: indexes.map((index) => ids[index] as string) }),
      },
      security: 'TRADE',
      weight: 1,
      kind: 'cancel',
      ...recvWindowOf(parameters),
    });
  const layer = orderLayerOf(client);
  const options = {
    ...(parameters.reconcile === undefined ? {} : { reconcile: parameters.reconcile }),
    ...recvWindowOf(parameters),
  };
  const ctx = reconcileContext(client, layer, 'cancelCoinmBatchOrders', options);
  // The last state seen of each order still open: the result when the cancels never took.
  const lastSeen = new Map<number, CoinmOrder>();
  return batchReconciled<CoinmOrder>(ctx, {
    clientOrderIds: ids.map((id) => (byId ? undefined : (id as string))),
    send,
    resolve: async (index, _closesAt, counts) => {
      let cause: unknown;
      // Bounded: `attempts` queries.
      for (let query = 1; query <= layer.reconcile.attempts; query++) {
        counts.queries += 1;
        try {
          const order = await queryOrder<CoinmOrder>(client, parameters.symbol, identity(index), parameters);
          if (order.status === 'CANCELED') return { kind: 'done', value: order };
          if (!isOpenStatus(order.status)) return { kind: 'done', value: NOT_OPEN };
          lastSeen.set(index, order);
          return { kind: 'resend' };
        } catch (error) {
          if (isAbsent(error)) return { kind: 'done', value: NOT_OPEN };
          cause = error;
          if (!isTransient(error)) break;
          await new Promise<void>((resolve) => {
            client.clock.setTimeout(
              resolve,
              Math.min(layer.reconcile.maxDelayMs, layer.reconcile.baseDelayMs * 2 ** (query - 1)),
            );
          });
        }
      }
      return { kind: 'unknown', cause };
    },
    resends: layer.reconcile.attempts,
    exhausted: (index) => lastSeen.get(index) ?? NOT_OPEN,
    outcome: 'canceled',
  });
}
