import type { CoinmModifyOrderParams, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { WithDecimals } from '../../../orders/decimals.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import type { OrderLayerCallOptions } from '../../../orders/prepare.js';
import { modifyOrderOf } from '../batchCalls.js';

/**
 * Parameters of {@link modifyCoinmOrder}: `orderId` or `origClientOrderId`, `symbol`, `side`, the new
 * `quantity` and `price` (exact decimals: a string or a `Decimal`), `priceMatch`, `modifyId`, and the
 * order layer's per-call options (`validate`, `round`, `markPrice`, `reconcile`, `recvWindow`).
 */
export type ModifyCoinmOrderParameters = WithDecimals<CoinmModifyOrderParams, 'quantity' | 'price'> &
  Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>;

/** The order with its new price and quantity (or canceled, when the new quantity ≤ the executed one). */
export type ModifyCoinmOrderReturnType = CoinmOrder;

/** What {@link modifyCoinmOrder} may reject with (notably -5027 "No need to modify", -2013 for an unknown order). */
export type ModifyCoinmOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Modifies a LIMIT order's price and quantity: `PUT /dapi/v1/order` (COIN-M, `TRADE`, signed). Weight
 * 0; 1 ORDERS count (per minute). COIN-M takes either `quantity` or `price` (USD-M needs both).
 *
 * The new values are checked against PRICE_FILTER, LOT_SIZE and PERCENT_PRICE first
 * (`OrderValidationError`). On an unknown outcome the order is queried: carrying the new values (or
 * closed) settles the call; still with the old values once the request's `recvWindow` has closed,
 * the modification is sent again (bounded).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/modifyCoinmOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Modify-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - The order's id, `symbol`, `side`, the new `quantity` and `price`, and per-call options.
 * @returns The modified order.
 * @throws OrderValidationError before sending; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { createClient, modifyCoinmOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const moved = await modifyCoinmOrder(client, {
 *   symbol: 'BTCUSD_PERP', origClientOrderId: 'my-order-1', side: 'BUY', quantity: '0.002', price: '60100',
 * });
 */
export async function modifyCoinmOrder(
  client: Client,
  parameters: ModifyCoinmOrderParameters,
): Promise<ModifyCoinmOrderReturnType> {
  return modifyOrderOf<CoinmOrder>(client, 'coinm', 'modifyCoinmOrder', parameters);
}
