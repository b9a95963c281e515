import type {
  BinanceErrorBody,
  CancelAllOpenOrdersParams,
  CancelBatchOrdersParams,
  CancelOrderParams,
  CodeMsgAck,
  Id,
  Order,
} from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { apiPrefix, type Market } from '../../clients/environments.js';
import { OrderClosedError, OrderValidationError } from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import { cancelReconciled, isAbsent } from '../../orders/reconcile.js';
import { batchReconciled } from '../../orders/reconcileBatch.js';
import { isTransient } from '../../request/retryPolicy.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { requireMarket } from '../requireMarket.js';
import {
  identityParams,
  isOpenStatus,
  type OrderIdentity,
  queryOrder,
  reconcileContext,
} from './orderCalls.js';

// The cancel calls shared by the USD-M actions and their COIN-M twins: one body each, parameterized by
// the market (its path prefix) and the action's name, generic over the market's wire order type.
// Not exported from the package.

/** The per-call options of a cancel: `recvWindow` and `reconcile` (default true). */
export type CancelOptions = SignedParameters & { readonly reconcile?: boolean };

/** The order layer's call options of a cancel: `reconcile` and `recvWindow`, whichever are given. */
export function cancelOptions(parameters: CancelOptions) {
  return {
    ...(parameters.reconcile === undefined ? {} : { reconcile: parameters.reconcile }),
    ...recvWindowOf(parameters),
  };
}

/** The most ids one batch cancel takes. */
export const MAX_BATCH_CANCELS = 10;

/** What a cancel's result is checked on: an order of either market. */
type CanceledOrder = Pick<Order, 'orderId' | 'status'>;

const NOT_OPEN = { code: -2011, msg: 'Unknown order sent.' } as const;

/** `DELETE {prefix}/v1/order` of `market`, reconciled (see `cancelOrder`). */
export async function cancelOrderOf<O extends CanceledOrder>(
  client: Client,
  market: Market,
  action: string,
  parameters: CancelOrderParams & CancelOptions,
): Promise<O> {
  requireMarket(client, market, action);
  const call = {
    method: 'DELETE',
    path: `${apiPrefix(market)}/v1/order`,
    params: { symbol: parameters.symbol, ...identityParams(parameters) },
    security: 'TRADE',
    weight: 1,
    kind: 'cancel',
    ...recvWindowOf(parameters),
  } as const;
  return cancelReconciled<O, O>(
    reconcileContext(client, orderLayerOf(client), action, cancelOptions(parameters)),
    {
      clientOrderId: parameters.origClientOrderId,
      send: () => client.request<O>(call),
      lookup: () => queryOrder<O>(client, parameters.symbol, parameters, parameters),
      state: (order) =>
        order.status === 'CANCELED' ? 'canceled' : isOpenStatus(order.status) ? 'open' : 'closed',
      settle: (order, state) => {
        if (state === 'closed') {
          throw new OrderClosedError({ status: order.status, order, what: `Order ${String(order.orderId)}` });
        }
        return order;
      },
    },
  );
}

/** `DELETE {prefix}/v1/allOpenOrders` of `market`, reconciled by `openOrders` (see `cancelAllOpenOrders`). */
export function cancelAllOpenOrdersOf<O>(
  client: Client,
  market: Market,
  action: string,
  parameters: CancelAllOpenOrdersParams & CancelOptions,
  openOrders: () => Promise<readonly O[]>,
): Promise<CodeMsgAck> {
  return cancelEverythingOf(client, market, action, parameters, 'allOpenOrders', openOrders);
}

/**
 * `DELETE {prefix}/v1/{endpoint}` of one symbol (its open orders, or its open algo orders), reconciled
 * by listing what is still open: done once the list is empty.
 */
export async function cancelEverythingOf<O>(
  client: Client,
  market: Market,
  action: string,
  parameters: CancelAllOpenOrdersParams & CancelOptions,
  endpoint: 'allOpenOrders' | 'algoOpenOrders',
  openOrders: () => Promise<readonly O[]>,
): Promise<CodeMsgAck> {
  requireMarket(client, market, action);
  const call = {
    method: 'DELETE',
    path: `${apiPrefix(market)}/v1/${endpoint}`,
    params: { symbol: parameters.symbol },
    security: 'TRADE',
    weight: 1,
    kind: 'cancel',
    ...recvWindowOf(parameters),
  } as const;
  return cancelReconciled<CodeMsgAck, readonly O[]>(
    reconcileContext(client, orderLayerOf(client), action, cancelOptions(parameters)),
    {
      clientOrderId: undefined,
      send: () => client.request<CodeMsgAck>(call),
      lookup: openOrders,
      state: (open) => (open.length === 0 ? 'canceled' : 'open'),
      settle: () => ({ code: 200, msg: 'The operation of cancel all open order is done.' }),
    },
  );
}

/** `DELETE {prefix}/v1/batchOrders` of `market`, reconciled order by order (see `cancelBatchOrders`). */
export async function cancelBatchOrdersOf<O extends CanceledOrder>(
  client: Client,
  market: Market,
  action: string,
  parameters: CancelBatchOrdersParams & CancelOptions,
): Promise<(O | BinanceErrorBody)[]> {
  requireMarket(client, market, action);
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
    client.request<(O | BinanceErrorBody)[]>({
      method: 'DELETE',
      path: `${apiPrefix(market)}/v1/batchOrders`,
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
  const ctx = reconcileContext(client, layer, action, cancelOptions(parameters));
  // The last state seen of each order still open: the result when the cancels never took.
  const lastSeen = new Map<number, O>();
  return batchReconciled<O>(ctx, {
    clientOrderIds: ids.map((id) => (byId ? undefined : (id as string))),
    send,
    resolve: async (index, _closesAt, counts) => {
      let cause: unknown;
      // Bounded: `attempts` queries.
      for (let query = 1; query <= layer.reconcile.attempts; query++) {
        counts.queries += 1;
        try {
          const order = await queryOrder<O>(client, parameters.symbol, identity(index), parameters);
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
