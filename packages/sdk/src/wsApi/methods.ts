import type {
  AccountV2,
  AccountV3,
  BalanceV2,
  BalanceV3,
  EmptyResponse,
  ListenKeyResponse,
  ModifyOrderResponse,
  Order,
  PositionRiskV2,
  PositionRiskV3,
  SessionStatusResult,
} from '@basis/core';
import type { RequestKind } from '../request/types.js';
import type { HttpMethod } from '../transports/transport.js';

/**
 * How a method authenticates: `SESSION` (`session.*`: the logon is signed, status and logout carry
 * nothing), `USER_STREAM` (the API key only), `TRADE` / `USER_DATA` (signed, or covered by the
 * session after `session.logon`).
 */
export type WsApiSecurity = 'SESSION' | 'USER_STREAM' | 'TRADE' | 'USER_DATA';

/** One WebSocket API method: its cost, what it does, and the REST endpoint that does the same. */
export interface WsApiMethodSpec {
  readonly security: WsApiSecurity;
  /** IP REQUEST_WEIGHT (reference §12). */
  readonly weight: number;
  /** ORDERS counts (order placement and modification). */
  readonly orders?: { readonly tenSeconds: number; readonly minute: number };
  /** As REST's request kinds: decides what may be sent again. */
  readonly kind: RequestKind;
  /** A `write` harmless to repeat (listen-key keepalive and close). */
  readonly idempotent?: boolean;
  /** The REST endpoint used while the WebSocket API is unreachable; none for `session.*`. */
  readonly rest?: { readonly method: HttpMethod; readonly path: string };
}

const ORDER_COUNT = { tenSeconds: 1, minute: 1 } as const;

/** The USD-M WebSocket API methods this client speaks, with their REST twins (reference §12). */
export const WS_API_METHOD_SPECS = {
  'session.logon': { security: 'SESSION', weight: 2, kind: 'write', idempotent: true },
  'session.status': { security: 'SESSION', weight: 2, kind: 'read' },
  'session.logout': { security: 'SESSION', weight: 2, kind: 'write', idempotent: true },
  'order.place': {
    security: 'TRADE',
    weight: 0,
    orders: ORDER_COUNT,
    kind: 'order',
    rest: { method: 'POST', path: '/fapi/v1/order' },
  },
  'order.modify': {
    security: 'TRADE',
    weight: 0,
    orders: ORDER_COUNT,
    kind: 'order',
    rest: { method: 'PUT', path: '/fapi/v1/order' },
  },
  'order.cancel': {
    security: 'TRADE',
    weight: 1,
    kind: 'cancel',
    rest: { method: 'DELETE', path: '/fapi/v1/order' },
  },
  'order.status': {
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v1/order' },
  },
  'account.status': {
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v2/account' },
  },
  'v2/account.status': {
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v3/account' },
  },
  'account.balance': {
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v2/balance' },
  },
  'v2/account.balance': {
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v3/balance' },
  },
  'account.position': {
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v2/positionRisk' },
  },
  'v2/account.position': {
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    rest: { method: 'GET', path: '/fapi/v3/positionRisk' },
  },
  'userDataStream.start': {
    security: 'USER_STREAM',
    weight: 1,
    kind: 'write',
    idempotent: true,
    rest: { method: 'POST', path: '/fapi/v1/listenKey' },
  },
  'userDataStream.ping': {
    security: 'USER_STREAM',
    weight: 1,
    kind: 'write',
    idempotent: true,
    rest: { method: 'PUT', path: '/fapi/v1/listenKey' },
  },
  'userDataStream.stop': {
    security: 'USER_STREAM',
    weight: 1,
    kind: 'write',
    idempotent: true,
    rest: { method: 'DELETE', path: '/fapi/v1/listenKey' },
  },
} as const satisfies Record<string, WsApiMethodSpec>;

/** A method name of {@link WS_API_METHOD_SPECS}. */
export type WsApiMethodName = keyof typeof WS_API_METHOD_SPECS;

/** COIN-M's order counts: the per-minute counter only (§13.3: no 10 s counter). */
const COINM_ORDER_COUNT = { tenSeconds: 0, minute: 1 } as const;

/**
 * The COIN-M WebSocket API methods (`/ws-dapi/v1`, reference §12: no `v2/` methods), with their
 * `/dapi` REST twins. Results have COIN-M's shapes (`CoinmOrder`, coin balances, positions in
 * contracts).
 */
export const COINM_WS_API_METHOD_SPECS: Partial<Record<WsApiMethodName, WsApiMethodSpec>> = {
  'session.logon': WS_API_METHOD_SPECS['session.logon'],
  'session.status': WS_API_METHOD_SPECS['session.status'],
  'session.logout': WS_API_METHOD_SPECS['session.logout'],
  'order.place': {
    ...WS_API_METHOD_SPECS['order.place'],
    orders: COINM_ORDER_COUNT,
    rest: dapi('POST', 'order'),
  },
  'order.modify': {
    ...WS_API_METHOD_SPECS['order.modify'],
    orders: COINM_ORDER_COUNT,
    rest: dapi('PUT', 'order'),
  },
  'order.cancel': { ...WS_API_METHOD_SPECS['order.cancel'], rest: dapi('DELETE', 'order') },
  'order.status': { ...WS_API_METHOD_SPECS['order.status'], rest: dapi('GET', 'order') },
  'account.status': { ...WS_API_METHOD_SPECS['account.status'], rest: dapi('GET', 'account') },
  'account.balance': { ...WS_API_METHOD_SPECS['account.balance'], weight: 1, rest: dapi('GET', 'balance') },
  'account.position': {
    ...WS_API_METHOD_SPECS['account.position'],
    weight: 1,
    rest: dapi('GET', 'positionRisk'),
  },
  'userDataStream.start': { ...WS_API_METHOD_SPECS['userDataStream.start'], rest: dapi('POST', 'listenKey') },
  'userDataStream.ping': { ...WS_API_METHOD_SPECS['userDataStream.ping'], rest: dapi('PUT', 'listenKey') },
  'userDataStream.stop': { ...WS_API_METHOD_SPECS['userDataStream.stop'], rest: dapi('DELETE', 'listenKey') },
};

function dapi(method: HttpMethod, endpoint: string): NonNullable<WsApiMethodSpec['rest']> {
  return { method, path: `/dapi/v1/${endpoint}` };
}

/** The methods of a market's WebSocket API (`/ws-fapi/v1` or `/ws-dapi/v1`). */
export function wsApiMethodSpecs(
  market: 'usdm' | 'coinm',
): Partial<Record<WsApiMethodName, WsApiMethodSpec>> {
  return market === 'coinm' ? COINM_WS_API_METHOD_SPECS : WS_API_METHOD_SPECS;
}

/** The `result` of each method (the REST body). */
export interface WsApiResults {
  'session.logon': SessionStatusResult;
  'session.status': SessionStatusResult;
  'session.logout': SessionStatusResult;
  'order.place': Order;
  'order.modify': ModifyOrderResponse;
  'order.cancel': Order;
  'order.status': Order;
  'account.status': AccountV2;
  'v2/account.status': AccountV3;
  'account.balance': BalanceV2[];
  'v2/account.balance': BalanceV3[];
  'account.position': PositionRiskV2[];
  'v2/account.position': PositionRiskV3[];
  'userDataStream.start': ListenKeyResponse;
  'userDataStream.ping': ListenKeyResponse;
  'userDataStream.stop': EmptyResponse;
}
