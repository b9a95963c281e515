import type {
  AccountV3,
  BalanceV3,
  CancelOrderParams,
  EmptyResponse,
  GetOrderParams,
  GetPositionRiskParams,
  ListenKeyResponse,
  ModifyOrderResponse,
  Order,
  PositionRiskV3,
} from '@basis/core';
import type { SignedParameters } from '../actions/account/signed.js';
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
import { OrderClosedError } from '../orders/errors.js';
import { orderLayerOf } from '../orders/orderLayer.js';
import { isConditionalType, prepareModify, prepareOrder } from '../orders/prepare.js';
import { cancelReconciled, modifyReconciled, placeReconciled } from '../orders/reconcile.js';
import type { WsApiCallOptions, WsApiClient } from './createWsApiClient.js';

// The WebSocket API's actions: the same order layer as REST (validation, rounding, position-mode
// shaping, client order ids, reconciliation of unknown outcomes), sending through the socket when it
// is up and through REST otherwise. Reconciliation queries by client order id the same way (WS when
// connected, else REST); nothing is resent unless proven absent.

function callOptions(parameters: { readonly recvWindow?: number | undefined }): WsApiCallOptions {
  return parameters.recvWindow === undefined ? {} : { recvWindow: parameters.recvWindow };
}

/**
 * Places an order with `order.place` (LIMIT, MARKET). Validation, rounding, shaping and the client
 * order id are REST's `newOrder`'s; an unknown outcome (timeout, connection lost after sending,
 * 5xx) is reconciled by `origClientOrderId` (`order.status` while connected, REST otherwise) and
 * resent with the same id only once proven absent. Conditional types go to REST's algo service.
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
  const { client } = ws;
  if (isConditionalType(parameters.type)) return newOrder(client, parameters);
  const layer = orderLayerOf(client);
  const prepared = await prepareOrder(client, layer, parameters, 'order', parameters);
  const options = callOptions(parameters);
  const order = await placeReconciled(reconcileContext(client, layer, 'wsPlaceOrder', parameters), {
    clientOrderId: prepared.clientOrderId,
    send: () => ws.request('order.place', prepared.params, options),
    lookup: () =>
      ws.request(
        'order.status',
        { symbol: prepared.symbol, origClientOrderId: prepared.clientOrderId },
        options,
      ),
  });
  return { endpoint: 'order', clientOrderId: prepared.clientOrderId, order };
}

/**
 * Modifies a LIMIT order's price and quantity with `order.modify`, checked like REST's `modifyOrder`;
 * an unknown outcome is reconciled by querying the order (applied, closed, or resent once proven not
 * applied).
 */
export async function wsModifyOrder(
  ws: WsApiClient,
  parameters: ModifyOrderParameters,
): Promise<ModifyOrderResponse> {
  const { client } = ws;
  const layer = orderLayerOf(client);
  const prepared = await prepareModify(client, layer, parameters, parameters);
  const options = callOptions(parameters);
  return modifyReconciled<ModifyOrderResponse, Order>(
    reconcileContext(client, layer, 'wsModifyOrder', parameters),
    {
      clientOrderId: parameters.origClientOrderId,
      send: () => ws.request('order.modify', prepared.params, options),
      lookup: () =>
        ws.request('order.status', { symbol: parameters.symbol, ...identityParams(parameters) }, options),
      state: (order) => modifyState(order, prepared.price, prepared.quantity),
      result: (order) => order as ModifyOrderResponse,
    },
  );
}

/** Parameters of {@link wsCancelOrder}. */
export type WsCancelOrderParameters = CancelOrderParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by querying the order (default true). */
    readonly reconcile?: boolean;
  };

/**
 * Cancels an order with `order.cancel`. On an unknown outcome the order is queried: CANCELED settles
 * the call, still open sends the cancel again (idempotent), filled meanwhile is `OrderClosedError`.
 */
export async function wsCancelOrder(ws: WsApiClient, parameters: WsCancelOrderParameters): Promise<Order> {
  const { client } = ws;
  const options = callOptions(parameters);
  const params = { symbol: parameters.symbol, ...identityParams(parameters) };
  return cancelReconciled<Order, Order>(
    reconcileContext(client, orderLayerOf(client), 'wsCancelOrder', {
      ...(parameters.reconcile === undefined ? {} : { reconcile: parameters.reconcile }),
      ...options,
    }),
    {
      clientOrderId: parameters.origClientOrderId,
      send: () => ws.request('order.cancel', params, options),
      lookup: () => ws.request('order.status', params, options),
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

/** Reads one order with `order.status` (`orderId` or `origClientOrderId`); -2013 when unknown. */
export function wsGetOrder(ws: WsApiClient, parameters: GetOrderParams & SignedParameters): Promise<Order> {
  return ws.request(
    'order.status',
    { symbol: parameters.symbol, ...identityParams(parameters) },
    callOptions(parameters),
  );
}

/** The account (v3 shape) with `v2/account.status`. Weight 5. */
export function wsGetAccountStatus(ws: WsApiClient, parameters: SignedParameters = {}): Promise<AccountV3> {
  return ws.request('v2/account.status', {}, callOptions(parameters));
}

/** The balances (v3 shape) with `v2/account.balance`. Weight 5. */
export function wsGetAccountBalance(
  ws: WsApiClient,
  parameters: SignedParameters = {},
): Promise<BalanceV3[]> {
  return ws.request('v2/account.balance', {}, callOptions(parameters));
}

/** Open positions (v3 shape) with `v2/account.position`, optionally of one `symbol`. Weight 5. */
export function wsGetAccountPosition(
  ws: WsApiClient,
  parameters: GetPositionRiskParams & SignedParameters = {},
): Promise<PositionRiskV3[]> {
  return ws.request(
    'v2/account.position',
    parameters.symbol === undefined ? {} : { symbol: parameters.symbol },
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

/** The actions bound to a WebSocket API client (`ws.placeOrder(...)`). */
export interface WsApiActions {
  placeOrder<const Parameters extends NewOrderParameters>(
    parameters: Parameters,
  ): Promise<NewOrderReturnType<Parameters['type']>>;
  modifyOrder(parameters: ModifyOrderParameters): Promise<ModifyOrderResponse>;
  cancelOrder(parameters: WsCancelOrderParameters): Promise<Order>;
  getOrder(parameters: GetOrderParams & SignedParameters): Promise<Order>;
  getAccountStatus(parameters?: SignedParameters): Promise<AccountV3>;
  getAccountBalance(parameters?: SignedParameters): Promise<BalanceV3[]>;
  getAccountPosition(parameters?: GetPositionRiskParams & SignedParameters): Promise<PositionRiskV3[]>;
  startUserDataStream(): Promise<ListenKeyResponse>;
  pingUserDataStream(): Promise<ListenKeyResponse>;
  stopUserDataStream(): Promise<EmptyResponse>;
}

/** Binds the actions to `ws` (one line each). */
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
