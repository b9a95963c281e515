import type { BatchOrderResult, NewOrderType, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import {
  OrderValidationError,
  type OrderValidationErrorType,
  type PositionModeErrorType,
  type UnknownOrderStatusErrorType,
} from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import {
  type OrderInput,
  type OrderLayerCallOptions,
  type PreparedOrder,
  prepareOrder,
} from '../../orders/prepare.js';
import { locate } from '../../orders/reconcile.js';
import { batchReconciled } from '../../orders/reconcileBatch.js';
import { requireMarket } from '../requireMarket.js';
import { queryOrder, reconcileContext, recvWindowCall, stringValues } from './orderCalls.js';

/** One order of a batch: LIMIT or MARKET (conditional orders go through `newAlgoOrder`, one by one). */
export type BatchOrderInput = OrderInput & { readonly type: NewOrderType };

/** Parameters of {@link batchOrders}: 1 to 5 orders, plus the order layer's per-call options (applied to every item). */
export type BatchOrdersParameters = {
  readonly batchOrders: readonly BatchOrderInput[];
} & OrderLayerCallOptions;

/** One result per order, in request order: the order, or Binance's inline error `{ code, msg }` for that item. */
export type BatchOrdersReturnType = BatchOrderResult[];

/** What {@link batchOrders} may reject with (an item's own rejection is inline, not thrown). */
export type BatchOrdersErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType;

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

/**
 * Places up to 5 orders in one request: `POST /fapi/v1/batchOrders` (USD-M, `TRADE`, signed). Weight
 * 5; ORDERS 5 (10 s) + 1 (1 min).
 *
 * Every item goes through the order layer (validation, shaping, a client order id each) before the
 * batch is sent; an item Binance refuses comes back inline as `{ code, msg }`. If the outcome of the
 * whole request is unknown, each item is queried by its client order id; items proven absent are
 * sent again (as a smaller batch, bounded); a -4116 answer resolves to the existing order; an item
 * still proven absent once the resends are spent comes back as `{ code: -2013, msg: 'Order does not
 * exist.' }` (nothing is live under its client order id).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/batchOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Place-Multiple-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `batchOrders` (1–5 LIMIT/MARKET orders) and the order layer's per-call options.
 * @returns One result per item, in request order.
 * @throws OrderValidationError (naming the item's `index`) before sending; UnknownOrderStatusError
 * (with every unresolved `clientOrderIds`) when reconciliation learned nothing.
 *
 * @example
 * import { batchOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const results = await batchOrders(client, {
 *   batchOrders: [
 *     { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: '60000' },
 *     { symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: '70000' },
 *   ],
 * });
 */
export async function batchOrders(
  client: Client,
  parameters: BatchOrdersParameters,
): Promise<BatchOrdersReturnType> {
  requireMarket(client, 'usdm', 'batchOrders');
  const items = parameters.batchOrders;
  checkBatch(items, MAX_BATCH_ORDERS);
  items.forEach((item, index) => {
    if (item.type !== 'LIMIT' && item.type !== 'MARKET') {
      throw new OrderValidationError({
        rule: 'ORDER_TYPE',
        symbol: item.symbol,
        field: 'type',
        value: item.type,
        reason: 'batchOrders takes LIMIT and MARKET only; place conditional orders with newAlgoOrder',
        binanceCode: -4120,
        index,
      });
    }
  });
  const layer = orderLayerOf(client);
  const prepared: PreparedOrder[] = [];
  for (const [index, item] of items.entries()) {
    prepared.push(await prepareOrder(client, layer, item, 'order', parameters, index));
  }
  const send = (indexes: readonly number[]) =>
    client.request<BatchOrderResult[]>({
      method: 'POST',
      path: '/fapi/v1/batchOrders',
      params: { batchOrders: indexes.map((index) => stringValues(prepared[index]!.params)) },
      security: 'TRADE',
      weight: 5,
      orders: { tenSeconds: 5, minute: 1 },
      kind: 'order',
      ...recvWindowCall(parameters),
    });
  const ctx = reconcileContext(client, layer, 'batchOrders', parameters);
  return batchReconciled<Order>(ctx, {
    clientOrderIds: prepared.map((order) => order.clientOrderId),
    send,
    resolve: async (index, closesAt, counts) => {
      const order = prepared[index]!;
      const lookup = () =>
        queryOrder<Order>(client, order.symbol, { origClientOrderId: order.clientOrderId }, parameters);
      const located = await locate(ctx, lookup, closesAt, counts);
      if (located.kind === 'found') return { kind: 'done', value: located.value };
      return located.kind === 'absent' ? { kind: 'resend' } : { kind: 'unknown', cause: located.cause };
    },
    resends: layer.reconcile.resends,
    exhausted: () => ({ code: -2013, msg: 'Order does not exist.' }),
    outcome: 'found',
  });
}
