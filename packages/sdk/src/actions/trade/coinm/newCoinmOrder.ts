import type { AlgoOrder, CoinmOrder, NewOrderType, OrderType } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import { orderLayerOf } from '../../../orders/orderLayer.js';
import {
  isConditionalType,
  type OrderInput,
  type OrderLayerCallOptions,
  prepareOrder,
} from '../../../orders/prepare.js';
import { placeReconciled } from '../../../orders/reconcile.js';
import { newCoinmAlgoOrder } from '../../algo/coinm/newCoinmAlgoOrder.js';
import { requireMarket } from '../../requireMarket.js';
import { conditionalAsAlgo, type PlacedAlgoOrder } from '../newOrder.js';
import { queryOrder, reconcileContext, recvWindowCall } from '../orderCalls.js';

/**
 * The COIN-M new-order fields: all seven types, in either spelling for the conditional ones
 * (`stopPrice`/`triggerPrice`, `activationPrice`/`activatePrice`, `newClientOrderId`/`clientAlgoId`);
 * no GTD on COIN-M.
 */
export type CoinmOrderInput = Omit<OrderInput, 'goodTillDate'>;

/**
 * Parameters of {@link newCoinmOrder}: Binance's COIN-M new-order parameters for all seven types
 * (`quantity` in contracts; prices, quantities and `callbackRate` as exact decimals: a string or a
 * `Decimal`, never a number), plus the order layer's per-call options.
 */
export type NewCoinmOrderParameters = CoinmOrderInput & OrderLayerCallOptions;

/**
 * Where the order went and what came back, as `newOrder` answers on USD-M: `endpoint: 'order'` with
 * the COIN-M order object (LIMIT, MARKET), or `endpoint: 'algo'` with the algo order (the five
 * conditional types, which Binance takes only at `POST /dapi/v1/algoOrder` since 2026-06-30).
 * `clientOrderId` is the id it was sent with (`newClientOrderId`, or `clientAlgoId`).
 */
export type NewCoinmOrderReturnType<Type extends OrderType = OrderType> = Type extends NewOrderType
  ? PlacedCoinmOrder
  : PlacedAlgoOrder;

/** A COIN-M LIMIT or MARKET order, placed at `POST /dapi/v1/order`. */
export interface PlacedCoinmOrder {
  readonly endpoint: 'order';
  readonly clientOrderId: string;
  readonly order: CoinmOrder;
}

/** What {@link newCoinmOrder} may reject with. */
export type NewCoinmOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Places a COIN-M order: `POST /dapi/v1/order` (COIN-M, `TRADE`, signed). Weight 0; 1 ORDERS count
 * (per minute; COIN-M has no 10 s order counter). STOP, STOP_MARKET, TAKE_PROFIT,
 * TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET go to `POST /dapi/v1/algoOrder` instead (see
 * {@link newCoinmAlgoOrder}): since the CM/UM integration of 2026-06-30, `/dapi/v1/order` answers
 * -4120 for them. The result's `endpoint` says which.
 *
 * The order layer validates it against the symbol's filters, shapes `positionSide`/`reduceOnly` to
 * the account's mode and sets a client order id; an unknown outcome is reconciled by client order
 * id (`GET /dapi/v1/order`, or `GET /dapi/v1/algoOrder` for an algo order), as on USD-M.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/newCoinmOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/New-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - The order and the order layer's per-call options.
 * @returns The endpoint used, the client order id and the order (typed by `type` when it is a literal).
 * @throws OrderValidationError / PositionModeError before sending; UnknownOrderStatusError when
 * reconciliation learned nothing within its bound; OrderNotPlacedError when proven not placed.
 *
 * @example
 * import { createClient, newCoinmOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const placed = await newCoinmOrder(client, {
 *   symbol: 'BTCUSD_PERP', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '60000.1',
 * });
 * if (placed.endpoint === 'order') console.log(placed.order.orderId, placed.order.cumBase);
 */
export async function newCoinmOrder<const Parameters extends NewCoinmOrderParameters>(
  client: Client,
  parameters: Parameters,
): Promise<NewCoinmOrderReturnType<Parameters['type']>> {
  return (await placeCoinmOrder(client, parameters)) as NewCoinmOrderReturnType<Parameters['type']>;
}

async function placeCoinmOrder(
  client: Client,
  parameters: NewCoinmOrderParameters,
): Promise<PlacedCoinmOrder | PlacedAlgoOrder> {
  requireMarket(client, 'coinm', 'newCoinmOrder');
  if (isConditionalType(parameters.type)) {
    const order: AlgoOrder = await newCoinmAlgoOrder(client, conditionalAsAlgo(parameters));
    return { endpoint: 'algo', clientOrderId: order.clientAlgoId, order };
  }
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
  const order = await placeReconciled(reconcileContext(client, layer, 'newCoinmOrder', parameters), {
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
  return { endpoint: 'order', clientOrderId: prepared.clientOrderId, order };
}
