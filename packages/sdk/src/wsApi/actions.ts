import type {
  AccountV3,
  BalanceV3,
  CancelOrderParams,
  CoinmAccount,
  CoinmBalance,
  CoinmGetPositionRiskParams,
  CoinmOrder,
  CoinmPositionRisk,
  EmptyResponse,
  GetOrderParams,
  GetPositionRiskParams,
  Id,
  ListenKeyResponse,
  ModifyOrderResponse,
  Order,
  PositionRiskV3,
} from '@basis/core';
import type { SignedParameters } from '../actions/account/signed.js';
import { requireMarket } from '../actions/requireMarket.js';
import type { ModifyCoinmOrderParameters } from '../actions/trade/coinm/modifyCoinmOrder.js';
import {
  type NewCoinmOrderParameters,
  type NewCoinmOrderReturnType,
  newCoinmOrder,
  type PlacedCoinmOrder,
} from '../actions/trade/coinm/newCoinmOrder.js';
import type { ModifyOrderParameters } from '../actions/trade/modifyOrder.js';
import { modifyState } from '../actions/trade/modifyState.js';
import {
  type NewOrderParameters,
  type NewOrderReturnType,
  newOrder,
  type PlacedAlgoOrder,
  type PlacedOrder,
} from '../actions/trade/newOrder.js';
import { identityParams, isOpenStatus, reconcileContext } from '../actions/trade/orderCalls.js';
import type { Market } from '../clients/environments.js';
import { OrderClosedError } from '../orders/errors.js';
import { orderLayerOf } from '../orders/orderLayer.js';
import {
  isConditionalType,
  type ModifyInput,
  type OrderInput,
  type OrderLayerCallOptions,
  prepareModify,
  prepareOrder,
} from '../orders/prepare.js';
import { cancelReconciled, modifyReconciled, placeReconciled } from '../orders/reconcile.js';
import type { WsApiCallOptions, WsApiClient } from './createWsApiClient.js';
import type { WsApiMethodName } from './methods.js';

// The WebSocket API's actions: the same order layer as REST (validation, rounding, position-mode
// shaping, client order ids, reconciliation of unknown outcomes), sending through the socket when it
// is up and through REST otherwise. Reconciliation queries by client order id the same way (WS when
// connected, else REST); nothing is resent unless proven absent. One body per action, shared by the
// USD-M helpers (`wsPlaceOrder`...) and their COIN-M twins (`wsPlaceCoinmOrder`...), which differ in
// their market check, their wire types and where conditional orders go (each market's REST algo
// path: `newOrder` / `newCoinmOrder`).

function callOptions(parameters: { readonly recvWindow?: number | undefined }): WsApiCallOptions {
  return parameters.recvWindow === undefined ? {} : { recvWindow: parameters.recvWindow };
}

/** What the shared bodies read of an order of either market. */
interface WireOrder {
  readonly orderId: Id;
  readonly status: string;
  readonly price: string;
  readonly origQty: string;
}

/** `ws.request` with the result typed as the market's wire type (`WsApiResults` holds USD-M's). */
function send<T>(
  ws: WsApiClient,
  method: WsApiMethodName,
  params: Readonly<Record<string, unknown>>,
  options: WsApiCallOptions,
): Promise<T> {
  return ws.request(method, params, options) as Promise<unknown> as Promise<T>;
}

/** `order.place` of a LIMIT or MARKET order, prepared by the order layer and reconciled by client order id. */
async function placeOverSocket<O>(
  ws: WsApiClient,
  action: string,
  parameters: OrderInput & OrderLayerCallOptions,
): Promise<{ readonly endpoint: 'order'; readonly clientOrderId: string; readonly order: O }> {
  const { client } = ws;
  const layer = orderLayerOf(client);
  const prepared = await prepareOrder(client, layer, parameters, 'order', parameters);
  const options = callOptions(parameters);
  const order = await placeReconciled<O>(reconcileContext(client, layer, action, parameters), {
    clientOrderId: prepared.clientOrderId,
    send: () => send<O>(ws, 'order.place', prepared.params, options),
    lookup: () =>
      send<O>(
        ws,
        'order.status',
        { symbol: prepared.symbol, origClientOrderId: prepared.clientOrderId },
        options,
      ),
  });
  return { endpoint: 'order', clientOrderId: prepared.clientOrderId, order };
}

/** `order.modify`, checked by the order layer and reconciled by querying the order. */
async function modifyOverSocket<R, O extends WireOrder>(
  ws: WsApiClient,
  action: string,
  parameters: ModifyInput & Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>,
  result: (order: O) => R,
): Promise<R> {
  const { client } = ws;
  const layer = orderLayerOf(client);
  const prepared = await prepareModify(client, layer, parameters, parameters);
  const options = callOptions(parameters);
  return modifyReconciled<R, O>(reconcileContext(client, layer, action, parameters), {
    clientOrderId: parameters.origClientOrderId,
    send: () => send<R>(ws, 'order.modify', prepared.params, options),
    lookup: () =>
      send<O>(ws, 'order.status', { symbol: parameters.symbol, ...identityParams(parameters) }, options),
    state: (order) => modifyState(order, prepared.price, prepared.quantity),
    result,
  });
}

/** `order.cancel`, reconciled by querying the order. */
function cancelOverSocket<O extends WireOrder>(
  ws: WsApiClient,
  action: string,
  parameters: WsCancelOrderParameters,
): Promise<O> {
  const { client } = ws;
  const options = callOptions(parameters);
  const params = { symbol: parameters.symbol, ...identityParams(parameters) };
  return cancelReconciled<O, O>(
    reconcileContext(client, orderLayerOf(client), action, {
      ...(parameters.reconcile === undefined ? {} : { reconcile: parameters.reconcile }),
      ...options,
    }),
    {
      clientOrderId: parameters.origClientOrderId,
      send: () => send<O>(ws, 'order.cancel', params, options),
      lookup: () => send<O>(ws, 'order.status', params, options),
      state: (order) =>
        order.status === 'CANCELED' ? 'canceled' : isOpenStatus(order.status) ? 'open' : 'closed',
      settle: (order, state) => {
        if (state === 'closed') {
          throw new OrderClosedError({ status: order.status, order, what: `Order ${String(order.orderId)}` });
        }
        return order;
      },
    },
  );
}

/** Throws `ClientConfigError` when `ws`'s REST client is not of `market` (as REST's actions do). */
function requireWsMarket(ws: WsApiClient, market: Market, action: string): void {
  requireMarket(ws.client, market, action);
}

// USD-M (`/ws-fapi/v1`).

/**
 * Places a USD-M order with `order.place` (LIMIT, MARKET). Validation, rounding, shaping and the
 * client order id are REST's `newOrder`'s; an unknown outcome (timeout, connection lost after
 * sending, 5xx) is reconciled by `origClientOrderId` (`order.status` while connected, REST otherwise)
 * and resent with the same id only once proven absent. Conditional types go to REST's algo service
 * (`newOrder`). On a COIN-M client, use {@link wsPlaceCoinmOrder} (or `ws.placeOrder`).
 *
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * const placed = await wsPlaceOrder(ws, {
 *   symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: '60000.1',
 * });
 */
export async function wsPlaceOrder<const Parameters extends NewOrderParameters>(
  ws: WsApiClient,
  parameters: Parameters,
): Promise<NewOrderReturnType<Parameters['type']>> {
  return (await placeOrder(ws, parameters)) as NewOrderReturnType<Parameters['type']>;
}

async function placeOrder(
  ws: WsApiClient,
  parameters: NewOrderParameters,
): Promise<PlacedOrder | PlacedAlgoOrder> {
  requireWsMarket(ws, 'usdm', 'wsPlaceOrder');
  if (isConditionalType(parameters.type)) return newOrder(ws.client, parameters);
  return placeOverSocket<Order>(ws, 'wsPlaceOrder', parameters);
}

/**
 * Modifies a USD-M LIMIT order's price and quantity with `order.modify`, checked like REST's
 * `modifyOrder`; an unknown outcome is reconciled by querying the order (applied, closed, or resent
 * once proven not applied).
 *
 * @throws ClientConfigError on a COIN-M client (use {@link wsModifyCoinmOrder}).
 */
export async function wsModifyOrder(
  ws: WsApiClient,
  parameters: ModifyOrderParameters,
): Promise<ModifyOrderResponse> {
  requireWsMarket(ws, 'usdm', 'wsModifyOrder');
  return modifyOverSocket<ModifyOrderResponse, Order>(
    ws,
    'wsModifyOrder',
    parameters,
    (order) => order as ModifyOrderResponse,
  );
}

/** Parameters of {@link wsCancelOrder} and {@link wsCancelCoinmOrder}. */
export type WsCancelOrderParameters = CancelOrderParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by querying the order (default true). */
    readonly reconcile?: boolean;
  };

/**
 * Cancels a USD-M order with `order.cancel`. On an unknown outcome the order is queried: CANCELED
 * settles the call, still open sends the cancel again (idempotent), filled meanwhile is
 * `OrderClosedError`.
 *
 * @throws ClientConfigError on a COIN-M client (use {@link wsCancelCoinmOrder}).
 */
export async function wsCancelOrder(ws: WsApiClient, parameters: WsCancelOrderParameters): Promise<Order> {
  requireWsMarket(ws, 'usdm', 'wsCancelOrder');
  return cancelOverSocket<Order>(ws, 'wsCancelOrder', parameters);
}

/** Reads one USD-M order with `order.status` (`orderId` or `origClientOrderId`); -2013 when unknown. */
export async function wsGetOrder(
  ws: WsApiClient,
  parameters: GetOrderParams & SignedParameters,
): Promise<Order> {
  requireWsMarket(ws, 'usdm', 'wsGetOrder');
  return ws.request(
    'order.status',
    { symbol: parameters.symbol, ...identityParams(parameters) },
    callOptions(parameters),
  );
}

/** The USD-M account (v3 shape) with `v2/account.status`. Weight 5. */
export async function wsGetAccountStatus(
  ws: WsApiClient,
  parameters: SignedParameters = {},
): Promise<AccountV3> {
  requireWsMarket(ws, 'usdm', 'wsGetAccountStatus');
  return ws.request('v2/account.status', {}, callOptions(parameters));
}

/** The USD-M balances (v3 shape) with `v2/account.balance`. Weight 5. */
export async function wsGetAccountBalance(
  ws: WsApiClient,
  parameters: SignedParameters = {},
): Promise<BalanceV3[]> {
  requireWsMarket(ws, 'usdm', 'wsGetAccountBalance');
  return ws.request('v2/account.balance', {}, callOptions(parameters));
}

/** Open USD-M positions (v3 shape) with `v2/account.position`, optionally of one `symbol`. Weight 5. */
export async function wsGetAccountPosition(
  ws: WsApiClient,
  parameters: GetPositionRiskParams & SignedParameters = {},
): Promise<PositionRiskV3[]> {
  requireWsMarket(ws, 'usdm', 'wsGetAccountPosition');
  return ws.request(
    'v2/account.position',
    parameters.symbol === undefined ? {} : { symbol: parameters.symbol },
    callOptions(parameters),
  );
}

// COIN-M (`/ws-dapi/v1`).

/**
 * Places a COIN-M order (`quantity` in contracts) with `order.place` on `/ws-dapi/v1` (LIMIT,
 * MARKET): validated, rounded and shaped by the order layer as REST's `newCoinmOrder`, with a client
 * order id; an unknown outcome is reconciled by `origClientOrderId` (`order.status` while connected,
 * `GET /dapi/v1/order` otherwise) and resent with the same id only once proven absent. The result
 * is `{ endpoint: 'order', clientOrderId, order: CoinmOrder }` (`cumBase`, `pair`).
 *
 * **Conditional types** (STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET):
 * the COIN-M WebSocket API has no algo-order methods (its `order.place` is `POST /dapi/v1/order`,
 * which answers -4120 for them since 2026-06-30). They are therefore sent over **REST**, through `newCoinmOrder` to
 * `POST /dapi/v1/algoOrder` (whether the socket is up or not), with REST's validation, `clientAlgoId`
 * idempotency and reconciliation; the result is `{ endpoint: 'algo', clientOrderId, order: AlgoOrder }`.
 * This keeps a protective stop from being silently refused or sent to a path that would reject it;
 * such an order is read and canceled with the algo actions (`getCoinmAlgoOrder`,
 * `cancelCoinmAlgoOrder`), not with `order.status`/`order.cancel`. It costs REST weight, not
 * WebSocket API weight.
 *
 * @throws ClientConfigError on a USD-M client (use {@link wsPlaceOrder}); OrderValidationError /
 * PositionModeError before sending; UnknownOrderStatusError when reconciliation learned nothing
 * within its bound; OrderNotPlacedError when proven not placed.
 *
 * @example
 * const placed = await wsPlaceCoinmOrder(ws, {
 *   symbol: 'BTCUSD_PERP', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '60000.1',
 * });
 * console.log(placed.order.cumBase);
 */
export async function wsPlaceCoinmOrder<const Parameters extends NewCoinmOrderParameters>(
  ws: WsApiClient,
  parameters: Parameters,
): Promise<NewCoinmOrderReturnType<Parameters['type']>> {
  return (await placeCoinmOrder(ws, parameters)) as NewCoinmOrderReturnType<Parameters['type']>;
}

async function placeCoinmOrder(
  ws: WsApiClient,
  parameters: NewCoinmOrderParameters,
): Promise<PlacedCoinmOrder | PlacedAlgoOrder> {
  requireWsMarket(ws, 'coinm', 'wsPlaceCoinmOrder');
  // No algo methods on /ws-dapi/v1: REST's COIN-M path sends these to /dapi/v1/algoOrder.
  if (isConditionalType(parameters.type)) return newCoinmOrder(ws.client, parameters);
  return placeOverSocket<CoinmOrder>(ws, 'wsPlaceCoinmOrder', parameters);
}

/**
 * Modifies a COIN-M LIMIT order with `order.modify` (either `quantity` or `price` may be given),
 * checked like REST's `modifyCoinmOrder` (PRICE_FILTER, LOT_SIZE, PERCENT_PRICE); an unknown outcome
 * is reconciled by querying the order (applied, closed, or resent once proven not applied).
 *
 * @throws ClientConfigError on a USD-M client (use {@link wsModifyOrder}).
 */
export async function wsModifyCoinmOrder(
  ws: WsApiClient,
  parameters: ModifyCoinmOrderParameters,
): Promise<CoinmOrder> {
  requireWsMarket(ws, 'coinm', 'wsModifyCoinmOrder');
  return modifyOverSocket<CoinmOrder, CoinmOrder>(ws, 'wsModifyCoinmOrder', parameters, (order) => order);
}

/**
 * Cancels a COIN-M order with `order.cancel`, reconciled as {@link wsCancelOrder}. Conditional
 * (algo) orders are canceled with `cancelCoinmAlgoOrder` over REST.
 *
 * @throws ClientConfigError on a USD-M client (use {@link wsCancelOrder}).
 */
export async function wsCancelCoinmOrder(
  ws: WsApiClient,
  parameters: WsCancelOrderParameters,
): Promise<CoinmOrder> {
  requireWsMarket(ws, 'coinm', 'wsCancelCoinmOrder');
  return cancelOverSocket<CoinmOrder>(ws, 'wsCancelCoinmOrder', parameters);
}

/** Reads one COIN-M order with `order.status` (`orderId` or `origClientOrderId`); -2013 when unknown. */
export async function wsGetCoinmOrder(
  ws: WsApiClient,
  parameters: GetOrderParams & SignedParameters,
): Promise<CoinmOrder> {
  requireWsMarket(ws, 'coinm', 'wsGetCoinmOrder');
  return send<CoinmOrder>(
    ws,
    'order.status',
    { symbol: parameters.symbol, ...identityParams(parameters) },
    callOptions(parameters),
  );
}

/** The COIN-M account (per-coin assets, positions in contracts) with `account.status`. Weight 5. */
export async function wsGetCoinmAccountStatus(
  ws: WsApiClient,
  parameters: SignedParameters = {},
): Promise<CoinmAccount> {
  requireWsMarket(ws, 'coinm', 'wsGetCoinmAccountStatus');
  return send<CoinmAccount>(ws, 'account.status', {}, callOptions(parameters));
}

/** The COIN-M balances, one per coin, with `account.balance`. Weight 1. */
export async function wsGetCoinmAccountBalance(
  ws: WsApiClient,
  parameters: SignedParameters = {},
): Promise<CoinmBalance[]> {
  requireWsMarket(ws, 'coinm', 'wsGetCoinmAccountBalance');
  return send<CoinmBalance[]>(ws, 'account.balance', {}, callOptions(parameters));
}

/**
 * COIN-M position rows (contracts, `maxQty`) with `account.position`, optionally of one
 * `marginAsset` or `pair`. Weight 1.
 */
export async function wsGetCoinmAccountPosition(
  ws: WsApiClient,
  parameters: CoinmGetPositionRiskParams & SignedParameters = {},
): Promise<CoinmPositionRisk[]> {
  requireWsMarket(ws, 'coinm', 'wsGetCoinmAccountPosition');
  return send<CoinmPositionRisk[]>(
    ws,
    'account.position',
    {
      ...(parameters.marginAsset === undefined ? {} : { marginAsset: parameters.marginAsset }),
      ...(parameters.pair === undefined ? {} : { pair: parameters.pair }),
    },
    callOptions(parameters),
  );
}

/** Starts (or extends) the user-data stream with `userDataStream.start`: `{ listenKey }`. */
export function wsStartUserDataStream(ws: WsApiClient): Promise<ListenKeyResponse> {
  return ws.request('userDataStream.start');
}

/** Extends the user-data stream's key by 60 minutes with `userDataStream.ping`. */
export function wsPingUserDataStream(ws: WsApiClient): Promise<ListenKeyResponse> {
  return ws.request('userDataStream.ping');
}

/** Closes the user-data stream with `userDataStream.stop`. */
export function wsStopUserDataStream(ws: WsApiClient): Promise<EmptyResponse> {
  return ws.request('userDataStream.stop');
}

/** The actions bound to a USD-M WebSocket API client (`ws.placeOrder(...)`). */
export interface WsApiActions {
  /** {@inheritDoc wsPlaceOrder} */
  placeOrder<const Parameters extends NewOrderParameters>(
    parameters: Parameters,
  ): Promise<NewOrderReturnType<Parameters['type']>>;
  /** {@inheritDoc wsModifyOrder} */
  modifyOrder(parameters: ModifyOrderParameters): Promise<ModifyOrderResponse>;
  /** {@inheritDoc wsCancelOrder} */
  cancelOrder(parameters: WsCancelOrderParameters): Promise<Order>;
  /** {@inheritDoc wsGetOrder} */
  getOrder(parameters: GetOrderParams & SignedParameters): Promise<Order>;
  /** {@inheritDoc wsGetAccountStatus} */
  getAccountStatus(parameters?: SignedParameters): Promise<AccountV3>;
  /** {@inheritDoc wsGetAccountBalance} */
  getAccountBalance(parameters?: SignedParameters): Promise<BalanceV3[]>;
  /** {@inheritDoc wsGetAccountPosition} */
  getAccountPosition(parameters?: GetPositionRiskParams & SignedParameters): Promise<PositionRiskV3[]>;
  startUserDataStream(): Promise<ListenKeyResponse>;
  pingUserDataStream(): Promise<ListenKeyResponse>;
  stopUserDataStream(): Promise<EmptyResponse>;
}

/**
 * The actions bound to a COIN-M WebSocket API client (`/ws-dapi/v1`): the same names as
 * {@link WsApiActions}, with COIN-M's parameters and shapes (`CoinmOrder` with `cumBase` and `pair`,
 * coin balances, positions in contracts). Conditional orders go over REST to
 * `POST /dapi/v1/algoOrder` (see {@link wsPlaceCoinmOrder}).
 */
export interface WsCoinmApiActions {
  /** {@inheritDoc wsPlaceCoinmOrder} */
  placeOrder<const Parameters extends NewCoinmOrderParameters>(
    parameters: Parameters,
  ): Promise<NewCoinmOrderReturnType<Parameters['type']>>;
  /** {@inheritDoc wsModifyCoinmOrder} */
  modifyOrder(parameters: ModifyCoinmOrderParameters): Promise<CoinmOrder>;
  /** {@inheritDoc wsCancelCoinmOrder} */
  cancelOrder(parameters: WsCancelOrderParameters): Promise<CoinmOrder>;
  /** {@inheritDoc wsGetCoinmOrder} */
  getOrder(parameters: GetOrderParams & SignedParameters): Promise<CoinmOrder>;
  /** {@inheritDoc wsGetCoinmAccountStatus} */
  getAccountStatus(parameters?: SignedParameters): Promise<CoinmAccount>;
  /** {@inheritDoc wsGetCoinmAccountBalance} */
  getAccountBalance(parameters?: SignedParameters): Promise<CoinmBalance[]>;
  /** {@inheritDoc wsGetCoinmAccountPosition} */
  getAccountPosition(
    parameters?: CoinmGetPositionRiskParams & SignedParameters,
  ): Promise<CoinmPositionRisk[]>;
  startUserDataStream(): Promise<ListenKeyResponse>;
  pingUserDataStream(): Promise<ListenKeyResponse>;
  stopUserDataStream(): Promise<EmptyResponse>;
}

/** Binds the USD-M actions to `ws` (one line each). */
export function wsApiActions(ws: WsApiClient): WsApiActions {
  return {
    placeOrder: (parameters) => wsPlaceOrder(ws, parameters),
    modifyOrder: (parameters) => wsModifyOrder(ws, parameters),
    cancelOrder: (parameters) => wsCancelOrder(ws, parameters),
    getOrder: (parameters) => wsGetOrder(ws, parameters),
    getAccountStatus: (parameters) => wsGetAccountStatus(ws, parameters),
    getAccountBalance: (parameters) => wsGetAccountBalance(ws, parameters),
    getAccountPosition: (parameters) => wsGetAccountPosition(ws, parameters),
    startUserDataStream: () => wsStartUserDataStream(ws),
    pingUserDataStream: () => wsPingUserDataStream(ws),
    stopUserDataStream: () => wsStopUserDataStream(ws),
  };
}

/** Binds the COIN-M actions to `ws` (one line each). */
export function wsCoinmApiActions(ws: WsApiClient): WsCoinmApiActions {
  return {
    placeOrder: (parameters) => wsPlaceCoinmOrder(ws, parameters),
    modifyOrder: (parameters) => wsModifyCoinmOrder(ws, parameters),
    cancelOrder: (parameters) => wsCancelCoinmOrder(ws, parameters),
    getOrder: (parameters) => wsGetCoinmOrder(ws, parameters),
    getAccountStatus: (parameters) => wsGetCoinmAccountStatus(ws, parameters),
    getAccountBalance: (parameters) => wsGetCoinmAccountBalance(ws, parameters),
    getAccountPosition: (parameters) => wsGetCoinmAccountPosition(ws, parameters),
    startUserDataStream: () => wsStartUserDataStream(ws),
    pingUserDataStream: () => wsPingUserDataStream(ws),
    stopUserDataStream: () => wsStopUserDataStream(ws),
  };
}
