import type { BatchOrderResult, NewOrderType, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import {
  OrderValidationError,
  type OrderValidationErrorType,
  type PositionModeErrorType,
  type UnknownOrderStatusErrorType,
} from '../../orders/errors.js';
import type { OrderInput, OrderLayerCallOptions } from '../../orders/prepare.js';
import { batchOrdersOf } from './batchCalls.js';

export { checkBatch, MAX_BATCH_ORDERS } from './batchCalls.js';

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
  return batchOrdersOf<Order, BatchOrderInput>(
    client,
    'usdm',
    'batchOrders',
    parameters.batchOrders,
    parameters,
    (items) =>
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
      }),
  );
}
