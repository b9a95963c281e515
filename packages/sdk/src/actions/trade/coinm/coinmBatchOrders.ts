import type { CoinmBatchOrderResult, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type {
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import { orderLayerOf } from '../../../orders/orderLayer.js';
import { type OrderLayerCallOptions, type PreparedOrder, prepareOrder } from '../../../orders/prepare.js';
import { locate } from '../../../orders/reconcile.js';
import { batchReconciled } from '../../../orders/reconcileBatch.js';
import { requireMarket } from '../../requireMarket.js';
import { checkBatch, MAX_BATCH_ORDERS } from '../batchOrders.js';
import { queryOrder, reconcileContext, recvWindowCall, stringValues } from '../orderCalls.js';
import type { CoinmOrderInput } from './newCoinmOrder.js';

/** Parameters of {@link coinmBatchOrders}: 1 to 5 orders of any type, plus the order layer's per-call options (applied to every item). */
export type CoinmBatchOrdersParameters = {
  readonly batchOrders: readonly CoinmOrderInput[];
} & OrderLayerCallOptions;

/** One result per order, in request order: the order, or Binance's inline error `{ code, msg }` for that item. */
export type CoinmBatchOrdersReturnType = CoinmBatchOrderResult[];

/** What {@link coinmBatchOrders} may reject with (an item's own rejection is inline, not thrown). */
export type CoinmBatchOrdersErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType;

/**
 * Places up to 5 COIN-M orders in one request: `POST /dapi/v1/batchOrders` (COIN-M, `TRADE`, signed).
 * Weight 5. Conditional types are allowed (COIN-M keeps them on the order endpoints).
 *
 * Every item goes through the order layer before the batch is sent; an unknown outcome is reconciled
 * item by item as on USD-M (`batchOrders`).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/coinmBatchOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Place-Multiple-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `batchOrders` (1–5 orders) and the order layer's per-call options.
 * @returns One result per item, in request order.
 * @throws OrderValidationError (naming the item's `index`) before sending; UnknownOrderStatusError after the bound.
 *
 * @example
 * import { coinmBatchOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * await coinmBatchOrders(client, {
 *   batchOrders: [
 *     { symbol: 'BTCUSD_PERP', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '60000' },
 *     { symbol: 'BTCUSD_PERP', side: 'SELL', type: 'STOP_MARKET', quantity: '1', stopPrice: '58000' },
 *   ],
 * });
 */
export async function coinmBatchOrders(
  client: Client,
  parameters: CoinmBatchOrdersParameters,
): Promise<CoinmBatchOrdersReturnType> {
  requireMarket(client, 'coinm', 'coinmBatchOrders');
  const items = parameters.batchOrders;
  checkBatch(items, MAX_BATCH_ORDERS);
  const layer = orderLayerOf(client);
  const prepared: PreparedOrder[] = [];
  for (const [index, item] of items.entries()) {
    prepared.push(await prepareOrder(client, layer, item, 'order', parameters, index));
  }
  const send = (indexes: readonly number[]) =>
    client.request<CoinmBatchOrderResult[]>({
      method: 'POST',
      path: '/dapi/v1/batchOrders',
      params: { batchOrders: indexes.map((index) => stringValues(prepared[index]!.params)) },
      security: 'TRADE',
      weight: 5,
      orders: { tenSeconds: 0, minute: 1 },
      kind: 'order',
      ...recvWindowCall(parameters),
    });
  const ctx = reconcileContext(client, layer, 'coinmBatchOrders', parameters);
  return batchReconciled<CoinmOrder>(ctx, {
    clientOrderIds: prepared.map((order) => order.clientOrderId),
    send,
    resolve: async (index, closesAt, counts) => {
      const order = prepared[index]!;
      const lookup = () =>
        queryOrder<CoinmOrder>(client, order.symbol, { origClientOrderId: order.clientOrderId }, parameters);
      const located = await locate(ctx, lookup, closesAt, counts);
      if (located.kind === 'found') return { kind: 'done', value: located.value };
      return located.kind === 'absent' ? { kind: 'resend' } : { kind: 'unknown', cause: located.cause };
    },
    resends: layer.reconcile.resends,
    exhausted: () => ({ code: -2013, msg: 'Order does not exist.' }),
    outcome: 'found',
  });
}
