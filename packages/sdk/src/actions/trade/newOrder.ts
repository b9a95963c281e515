import type { AlgoOrder, AlgoOrderType, NewOrderType, Order, OrderType } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import {
  isConditionalType,
  type OrderInput,
  type OrderLayerCallOptions,
  prepareOrder,
} from '../../orders/prepare.js';
import { placeReconciled } from '../../orders/reconcile.js';
import { newAlgoOrder } from '../algo/newAlgoOrder.js';
import { requireMarket } from '../requireMarket.js';
import { queryOrder, reconcileContext, recvWindowCall } from './orderCalls.js';

/**
 * Parameters of {@link newOrder}: Binance's new-order parameters for all seven types (prices,
 * quantities and `callbackRate` as exact decimals: a string or a `Decimal`, never a number), plus
 * the order layer's per-call options (`validate`, `round`, `shape`, `markPrice`, `openOrders`,
 * `reconcile`, `recvWindow`). Conditional types may use either spelling of their fields
 * (`stopPrice`/`triggerPrice`, `activationPrice`/`activatePrice`, `newClientOrderId`/`clientAlgoId`).
 */
export type NewOrderParameters = OrderInput & OrderLayerCallOptions;

/**
 * Where the order went and what came back: `endpoint: 'order'` with the order object (LIMIT,
 * MARKET), or `endpoint: 'algo'` with the algo order (the five conditional types, which Binance
 * takes only at `POST /fapi/v1/algoOrder` since 2025-12-09). `clientOrderId` is the id it was sent
 * with (`newClientOrderId`, or `clientAlgoId`).
 */
export type NewOrderReturnType<Type extends OrderType = OrderType> = Type extends NewOrderType
  ? PlacedOrder
  : PlacedAlgoOrder;

/** A LIMIT or MARKET order, placed at `POST /fapi/v1/order`. */
export interface PlacedOrder {
  readonly endpoint: 'order';
  readonly clientOrderId: string;
  readonly order: Order;
}

/** A conditional order, placed at `POST /fapi/v1/algoOrder`. */
export interface PlacedAlgoOrder {
  readonly endpoint: 'algo';
  readonly clientOrderId: string;
  readonly order: AlgoOrder;
}

/** What {@link newOrder} may reject with. */
export type NewOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Places an order: `POST /fapi/v1/order` (USD-M, `TRADE`, signed). Weight 0; 1 ORDERS count (10 s
 * and 1 min). STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET go to
 * `POST /fapi/v1/algoOrder` instead (see {@link newAlgoOrder}); the result's `endpoint` says which.
 *
 * Before sending, the order layer checks the symbol's filters (PRICE_FILTER, LOT_SIZE,
 * MARKET_LOT_SIZE, MIN_NOTIONAL, PERCENT_PRICE, MAX_NUM_ORDERS; `OrderValidationError` names the
 * rule and the nearest valid values), rounds only when `round` asks, shapes `positionSide` and
 * `reduceOnly` to the account's position mode, and sets a `newClientOrderId` when none is given. An
 * unknown outcome (timeout, network error, 5xx, 503 "Unknown error", -1007) is reconciled by client
 * order id: the order is queried with bounded backoff and resent only once proven absent.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/newOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/New-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - The order and the order layer's per-call options.
 * @returns The endpoint used, the client order id and the order (typed by `type` when it is a literal).
 * @throws OrderValidationError / PositionModeError before sending; UnknownOrderStatusError when
 * reconciliation learned nothing within its bound; OrderNotPlacedError when proven not placed.
 *
 * @example
 * import { createClient, newOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const placed = await newOrder(client, {
 *   symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: '60000.1',
 * });
 * if (placed.endpoint === 'order') console.log(placed.order.orderId, placed.order.status);
 */
export async function newOrder<const Parameters extends NewOrderParameters>(
  client: Client,
  parameters: Parameters,
): Promise<NewOrderReturnType<Parameters['type']>> {
  return (await placeOrder(client, parameters)) as NewOrderReturnType<Parameters['type']>;
}

/**
 * A conditional order's parameters in the algo service's spelling: `stopPrice` → `triggerPrice`,
 * `activationPrice` → `activatePrice`, `newClientOrderId` → `clientAlgoId` (the algo spelling wins
 * when both are given). Shared with `newCoinmOrder`.
 */
export function conditionalAsAlgo<P extends NewOrderParameters>(
  parameters: P,
): Omit<P, 'type' | 'stopPrice' | 'activationPrice' | 'newClientOrderId'> & { readonly type: AlgoOrderType } {
  const { stopPrice, activationPrice, newClientOrderId, type, ...rest } = parameters;
  const triggerPrice = parameters.triggerPrice ?? stopPrice;
  const activatePrice = parameters.activatePrice ?? activationPrice;
  const clientAlgoId = parameters.clientAlgoId ?? newClientOrderId;
  return {
    ...rest,
    type: type as AlgoOrderType,
    ...(triggerPrice === undefined ? {} : { triggerPrice }),
    ...(activatePrice === undefined ? {} : { activatePrice }),
    ...(clientAlgoId === undefined ? {} : { clientAlgoId }),
  };
}

async function placeOrder(
  client: Client,
  parameters: NewOrderParameters,
): Promise<PlacedOrder | PlacedAlgoOrder> {
  requireMarket(client, 'usdm', 'newOrder');
  if (isConditionalType(parameters.type)) {
    const order = await newAlgoOrder(client, conditionalAsAlgo(parameters));
    return { endpoint: 'algo', clientOrderId: order.clientAlgoId, order };
  }
  const layer = orderLayerOf(client);
  const prepared = await prepareOrder(client, layer, parameters, 'order', parameters);
  const call = {
    method: 'POST',
    path: '/fapi/v1/order',
    params: prepared.params,
    security: 'TRADE',
    weight: 0,
    orders: { tenSeconds: 1, minute: 1 },
    kind: 'order',
    ...recvWindowCall(parameters),
  } as const;
  const order = await placeReconciled(reconcileContext(client, layer, 'newOrder', parameters), {
    clientOrderId: prepared.clientOrderId,
    send: () => client.request<Order>(call),
    lookup: () =>
      queryOrder<Order>(client, prepared.symbol, { origClientOrderId: prepared.clientOrderId }, parameters),
  });
  return { endpoint: 'order', clientOrderId: prepared.clientOrderId, order };
}
