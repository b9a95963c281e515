import type { BinanceErrorBody } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { apiPrefix, type Market } from '../../clients/environments.js';
import { OrderValidationError } from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import {
  type ModifyInput,
  type OrderInput,
  type OrderLayerCallOptions,
  type PreparedOrder,
  prepareModify,
  prepareOrder,
} from '../../orders/prepare.js';
import { locate, modifyReconciled, sleep } from '../../orders/reconcile.js';
import { batchReconciled } from '../../orders/reconcileBatch.js';
import { requireMarket } from '../requireMarket.js';
import { modifyState } from './modifyState.js';
import {
  type OrderIdentity,
  queryOrder,
  reconcileContext,
  recvWindowCall,
  stringValues,
} from './orderCalls.js';

// The order-placing and modifying calls shared by the USD-M actions and their COIN-M twins: one body
// each, parameterized by the market (its path prefix and ORDERS counts) and the action's name,
// generic over the market's wire order type. Not exported from the package.

/** The most orders one batch takes (reference §5.3; -4082 beyond). */
export const MAX_BATCH_ORDERS = 5;

/** Refuses a batch of the wrong size, or a conditional item (Binance would answer -4082 / -4120). */
export function checkBatch(
  items: readonly { readonly symbol: string; readonly type: string }[],
  max: number,
): void {
  if (items.length === 0 || items.length > max) {
    throw new OrderValidationError({
      rule: 'BATCH_SIZE',
      symbol: items[0]?.symbol ?? '',
      field: 'batchOrders',
      value: String(items.length),
      reason: `a batch holds 1 to ${max} items`,
      limits: { max: String(max) },
      binanceCode: -4082,
    });
  }
}

/** The ORDERS counts of a call: COIN-M has no 10-second count, USD-M counts `tenSeconds`. */
function orderCounts(market: Market, tenSeconds: number) {
  return { tenSeconds: market === 'coinm' ? 0 : tenSeconds, minute: 1 };
}

/** `{method} {prefix}/v1/batchOrders` of `market` with the items' prepared parameters (weight 5). */
function sendBatch<O>(
  client: Client,
  market: Market,
  method: 'POST' | 'PUT',
  items: readonly Readonly<Record<string, string | number>>[],
  parameters: { readonly recvWindow?: number },
): Promise<(O | BinanceErrorBody)[]> {
  return client.request<(O | BinanceErrorBody)[]>({
    method,
    path: `${apiPrefix(market)}/v1/batchOrders`,
    params: { batchOrders: items.map(stringValues) },
    security: 'TRADE',
    weight: 5,
    orders: orderCounts(market, 5),
    kind: 'order',
    ...recvWindowCall(parameters),
  });
}

/** What a modification's result is checked on (USD-M answers a `ModifyOrderResponse`, not an `Order`). */
type ModifiedOrder = { readonly status: string; readonly price: string; readonly origQty: string };

/** A modification: the order's identity, its symbol, and what `prepareModify` takes. */
type ModifyItem = ModifyInput & OrderIdentity & { readonly symbol: string };

/**
 * `POST {prefix}/v1/batchOrders` of `market`, reconciled item by item (see `batchOrders`). `check`
 * runs on the items after the size check, before any is prepared.
 */
export async function batchOrdersOf<O, I extends OrderInput>(
  client: Client,
  market: Market,
  action: string,
  items: readonly I[],
  parameters: OrderLayerCallOptions,
  check: (items: readonly I[]) => void = () => {},
): Promise<(O | BinanceErrorBody)[]> {
  requireMarket(client, market, action);
  checkBatch(items, MAX_BATCH_ORDERS);
  check(items);
  const layer = orderLayerOf(client);
  const prepared: PreparedOrder[] = [];
  for (const [index, item] of items.entries()) {
    prepared.push(await prepareOrder(client, layer, item, 'order', parameters, index));
  }
  const send = (indexes: readonly number[]) =>
    sendBatch<O>(
      client,
      market,
      'POST',
      indexes.map((index) => prepared[index]!.params),
      parameters,
    );
  const ctx = reconcileContext(client, layer, action, parameters);
  return batchReconciled<O>(ctx, {
    clientOrderIds: prepared.map((order) => order.clientOrderId),
    send,
    resolve: async (index, closesAt, counts) => {
      const order = prepared[index]!;
      const lookup = () =>
        queryOrder<O>(client, order.symbol, { origClientOrderId: order.clientOrderId }, parameters);
      const located = await locate(ctx, lookup, closesAt, counts);
      if (located.kind === 'found') return { kind: 'done', value: located.value };
      return located.kind === 'absent' ? { kind: 'resend' } : { kind: 'unknown', cause: located.cause };
    },
    resends: layer.reconcile.resends,
    exhausted: () => ({ code: -2013, msg: 'Order does not exist.' }),
    outcome: 'found',
  });
}

/** `PUT {prefix}/v1/order` of `market`, reconciled (see `modifyOrder`). */
export async function modifyOrderOf<O extends ModifiedOrder>(
  client: Client,
  market: Market,
  action: string,
  parameters: ModifyItem & Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>,
): Promise<O> {
  requireMarket(client, market, action);
  const layer = orderLayerOf(client);
  const prepared = await prepareModify(client, layer, parameters, parameters);
  const call = {
    method: 'PUT',
    path: `${apiPrefix(market)}/v1/order`,
    params: prepared.params,
    security: 'TRADE',
    weight: 0,
    orders: orderCounts(market, 1),
    kind: 'order',
    ...recvWindowCall(parameters),
  } as const;
  return modifyReconciled<O, O>(reconcileContext(client, layer, action, parameters), {
    clientOrderId: parameters.origClientOrderId,
    send: () => client.request<O>(call),
    lookup: () => queryOrder<O>(client, parameters.symbol, parameters, parameters),
    state: (order) => modifyState(order, prepared.price, prepared.quantity),
    result: (order) => order,
  });
}

/** `PUT {prefix}/v1/batchOrders` of `market`, reconciled item by item (see `modifyBatchOrders`). */
export async function modifyBatchOrdersOf<O extends ModifiedOrder>(
  client: Client,
  market: Market,
  action: string,
  items: readonly ModifyItem[],
  parameters: Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>,
): Promise<(O | BinanceErrorBody)[]> {
  requireMarket(client, market, action);
  checkBatch(
    items.map((item) => ({ symbol: item.symbol, type: 'LIMIT' })),
    MAX_BATCH_ORDERS,
  );
  const layer = orderLayerOf(client);
  const prepared: Awaited<ReturnType<typeof prepareModify>>[] = [];
  for (const [index, item] of items.entries())
    prepared.push(await prepareModify(client, layer, item, parameters, index));
  const send = (indexes: readonly number[]) =>
    sendBatch<O>(
      client,
      market,
      'PUT',
      indexes.map((index) => prepared[index]!.params),
      parameters,
    );
  const ctx = reconcileContext(client, layer, action, parameters);
  // The last state seen of each order still carrying its old values: the result when the resends are spent.
  const lastSeen = new Map<number, O>();
  return batchReconciled<O>(ctx, {
    clientOrderIds: items.map((item) => item.origClientOrderId),
    send,
    resolve: async (index, closesAt, counts) => {
      const item = items[index]!;
      const remaining = closesAt - client.time.now();
      if (remaining > 0) await sleep(client, remaining);
      const located = await locate(
        ctx,
        () => queryOrder<O>(client, item.symbol, item, parameters),
        0,
        counts,
      );
      if (located.kind === 'absent')
        return { kind: 'done', value: { code: -2013, msg: 'Order does not exist.' } };
      if (located.kind === 'unknown') return { kind: 'unknown', cause: located.cause };
      const state = modifyState(located.value, prepared[index]!.price, prepared[index]!.quantity);
      if (state !== 'pending') return { kind: 'done', value: located.value };
      lastSeen.set(index, located.value);
      return { kind: 'resend' };
    },
    resends: layer.reconcile.resends,
    exhausted: (index) => lastSeen.get(index) ?? { code: -2013, msg: 'Order does not exist.' },
    outcome: 'modified',
  });
}
