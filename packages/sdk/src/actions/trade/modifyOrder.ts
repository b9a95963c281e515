import type { ModifyOrderParams, ModifyOrderResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { WithDecimals } from '../../orders/decimals.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  UnknownOrderStatusErrorType,
} from '../../orders/errors.js';
import type { OrderLayerCallOptions } from '../../orders/prepare.js';
import { modifyOrderOf } from './batchCalls.js';

/**
 * Parameters of {@link modifyOrder}: `orderId` or `origClientOrderId`, `symbol`, `side`, the new
 * `quantity` and `price` (exact decimals: a string or a `Decimal`), `priceMatch`, `modifyId`, and the
 * order layer's per-call options (`validate`, `round`, `markPrice`, `reconcile`, `recvWindow`).
 */
export type ModifyOrderParameters = WithDecimals<ModifyOrderParams, 'quantity' | 'price'> &
  Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>;

/** The order with its new price and quantity (or canceled, when the new quantity ≤ the executed one). */
export type ModifyOrderReturnType = ModifyOrderResponse;

/** What {@link modifyOrder} may reject with (notably -5027 "No need to modify", -2013 for an unknown order). */
export type ModifyOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Modifies a LIMIT order's price and quantity: `PUT /fapi/v1/order` (USD-M, `TRADE`, signed). Weight
 * 0; 1 ORDERS count (10 s and 1 min). USD-M requires both `quantity` and `price`.
 *
 * The new values are checked against PRICE_FILTER, LOT_SIZE and PERCENT_PRICE first
 * (`OrderValidationError`). On an unknown outcome the order is queried: carrying the new values (or
 * closed) settles the call; still with the old values once the request's `recvWindow` has closed,
 * the modification is sent again (bounded).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/modifyOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Modify-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - The order's id, `symbol`, `side`, the new `quantity` and `price`, and per-call options.
 * @returns The modified order.
 * @throws OrderValidationError before sending; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { createClient, modifyOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const moved = await modifyOrder(client, {
 *   symbol: 'BTCUSDT', origClientOrderId: 'my-order-1', side: 'BUY', quantity: '0.002', price: '60100',
 * });
 */
export async function modifyOrder(
  client: Client,
  parameters: ModifyOrderParameters,
): Promise<ModifyOrderReturnType> {
  return modifyOrderOf<ModifyOrderResponse>(client, 'usdm', 'modifyOrder', parameters);
}
