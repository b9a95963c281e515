import type { BatchOrderResult, ModifyOrderParams, Order } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { WithDecimals } from '../../orders/decimals.js';
import type { OrderValidationErrorType, UnknownOrderStatusErrorType } from '../../orders/errors.js';
import type { OrderLayerCallOptions } from '../../orders/prepare.js';
import { modifyBatchOrdersOf } from './batchCalls.js';

/** One modification of a batch: as {@link modifyOrder}'s parameters, without the per-call options. */
export type ModifyBatchOrderInput = WithDecimals<ModifyOrderParams, 'quantity' | 'price'>;

/** Parameters of {@link modifyBatchOrders}: 1 to 5 modifications, plus the order layer's per-call options. */
export type ModifyBatchOrdersParameters = {
  readonly batchOrders: readonly ModifyBatchOrderInput[];
} & Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>;

/** One result per item, in request order: the modified order or Binance's inline error. */
export type ModifyBatchOrdersReturnType = BatchOrderResult[];

/** What {@link modifyBatchOrders} may reject with. */
export type ModifyBatchOrdersErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | UnknownOrderStatusErrorType;

/**
 * Modifies up to 5 LIMIT orders in one request: `PUT /fapi/v1/batchOrders` (USD-M, `TRADE`, signed).
 * Weight 5; ORDERS 5 (10 s) + 1 (1 min).
 *
 * Every item is checked like {@link modifyOrder}'s. On an unknown outcome each order is queried once
 * the request's `recvWindow` has closed: carrying its new values or closed settles it, absent is
 * -2013, still with the old values it is sent again in a smaller batch (bounded; after that the
 * order comes back as queried, with its old values).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/modifyBatchOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Modify-Multiple-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `batchOrders` (1–5 modifications) and per-call options.
 * @returns One result per item, in request order.
 * @throws OrderValidationError (with the item's `index`) before sending; UnknownOrderStatusError after the bound.
 *
 * @example
 * import { createClient, modifyBatchOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await modifyBatchOrders(client, {
 *   batchOrders: [{ symbol: 'BTCUSDT', orderId: 42, side: 'BUY', quantity: '0.002', price: '60100' }],
 * });
 */
export async function modifyBatchOrders(
  client: Client,
  parameters: ModifyBatchOrdersParameters,
): Promise<ModifyBatchOrdersReturnType> {
  return modifyBatchOrdersOf<Order>(client, 'usdm', 'modifyBatchOrders', parameters.batchOrders, parameters);
}
