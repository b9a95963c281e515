import type { CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import { orderLayerOf } from '../../../orders/orderLayer.js';
import { type OrderInput, type OrderLayerCallOptions, prepareOrder } from '../../../orders/prepare.js';
import { placeReconciled } from '../../../orders/reconcile.js';
import { requireMarket } from '../../requireMarket.js';
import { queryOrder, reconcileContext, recvWindowCall } from '../orderCalls.js';

/** The COIN-M new-order fields: all seven types with the pre-2025-12 names, no GTD. */
export type CoinmOrderInput = Omit<
  OrderInput,
  'triggerPrice' | 'activatePrice' | 'clientAlgoId' | 'goodTillDate'
>;

/**
 * Parameters of {@link newCoinmOrder}: Binance's `POST /dapi/v1/order` parameters (all seven types;
 * `quantity` in contracts; prices, quantities and `callbackRate` as exact decimals: a string or a
 * `Decimal`, never a number), plus the order layer's per-call options.
 */
export type NewCoinmOrderParameters = CoinmOrderInput & OrderLayerCallOptions;

/** The COIN-M order object (`cumBase`, `pair`). */
export type NewCoinmOrderReturnType = CoinmOrder;

/** What {@link newCoinmOrder} may reject with. */
export type NewCoinmOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Places a COIN-M order: `POST /dapi/v1/order` (COIN-M, `TRADE`, signed). Weight 0; 1 ORDERS count
 * (per minute; COIN-M has no 10 s order counter). Conditional types (STOP, STOP_MARKET, TAKE_PROFIT,
 * TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET) stay on this endpoint on COIN-M, with `stopPrice`,
 * `closePosition`, `activationPrice`, `callbackRate`, `workingType` and `priceProtect`.
 *
 * The order layer validates it against the symbol's filters, shapes `positionSide`/`reduceOnly` to
 * the account's mode and sets a `newClientOrderId`; an unknown outcome is reconciled by client order
 * id, as on USD-M.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/newCoinmOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/New-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - The order and the order layer's per-call options.
 * @returns The order.
 * @throws OrderValidationError / PositionModeError before sending; UnknownOrderStatusError when
 * reconciliation learned nothing within its bound; OrderNotPlacedError when proven not placed.
 *
 * @example
 * import { createClient, newCoinmOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const order = await newCoinmOrder(client, {
 *   symbol: 'BTCUSD_PERP', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '60000.1',
 * });
 */
export async function newCoinmOrder(
  client: Client,
  parameters: NewCoinmOrderParameters,
): Promise<NewCoinmOrderReturnType> {
  requireMarket(client, 'coinm', 'newCoinmOrder');
  const layer = orderLayerOf(client);
  const prepared = await prepareOrder(client, layer, parameters, 'order', parameters);
  const call = {
    method: 'POST',
    path: '/dapi/v1/order',
    params: prepared.params,
    security: 'TRADE',
    weight: 0,
    orders: { tenSeconds: 0, minute: 1 },
    kind: 'order',
    ...recvWindowCall(parameters),
  } as const;
  return placeReconciled(reconcileContext(client, layer, 'newCoinmOrder', parameters), {
    clientOrderId: prepared.clientOrderId,
    send: () => client.request<CoinmOrder>(call),
    lookup: () =>
      queryOrder<CoinmOrder>(
        client,
        prepared.symbol,
        { origClientOrderId: prepared.clientOrderId },
        parameters,
      ),
  });
}
