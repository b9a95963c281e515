import type { CoinmBatchOrderResult, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type {
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import type { OrderLayerCallOptions } from '../../../orders/prepare.js';
import { batchOrdersOf } from '../batchCalls.js';
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
 * Weight 5. Conditional types are passed through as items (Binance.Net reports -4120 for them on
 * `POST /dapi/v1/order` since the CM/UM integration of 2026-06-30, nothing yet on the batch
 * endpoint); `newCoinmOrder` places them with the algo service.
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
  return batchOrdersOf<CoinmOrder, CoinmOrderInput>(
    client,
    'coinm',
    'coinmBatchOrders',
    parameters.batchOrders,
    parameters,
  );
}
