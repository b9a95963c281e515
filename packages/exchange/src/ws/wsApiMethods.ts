import type { WsApiMethod } from '@basis/core';
import type { Endpoint, RouteTable } from '../api/endpoint.js';

/** A session method of the WebSocket API (`session.logon|status|logout`). */
export type SessionMethod = 'logon' | 'status' | 'logout';

/** What a WebSocket API method runs: a REST endpoint (the same object REST routes to) or a session step. */
export type WsApiTarget =
  | { readonly kind: 'endpoint'; readonly endpoint: Endpoint }
  | { readonly kind: 'session'; readonly method: SessionMethod };

/** Each USD-M WebSocket API method (§12) and the REST route whose endpoint it calls. */
export const WS_API_ROUTES: Readonly<Record<WsApiMethod, string | SessionMethod>> = {
  'session.logon': 'logon',
  'session.status': 'status',
  'session.logout': 'logout',
  'order.place': 'POST /fapi/v1/order',
  'order.modify': 'PUT /fapi/v1/order',
  'order.cancel': 'DELETE /fapi/v1/order',
  'order.status': 'GET /fapi/v1/order',
  'algoOrder.place': 'POST /fapi/v1/algoOrder',
  'algoOrder.cancel': 'DELETE /fapi/v1/algoOrder',
  'account.position': 'GET /fapi/v2/positionRisk',
  'v2/account.position': 'GET /fapi/v3/positionRisk',
  'account.balance': 'GET /fapi/v2/balance',
  'v2/account.balance': 'GET /fapi/v3/balance',
  'account.status': 'GET /fapi/v2/account',
  'v2/account.status': 'GET /fapi/v3/account',
  depth: 'GET /fapi/v1/depth',
  'ticker.price': 'GET /fapi/v2/ticker/price',
  'ticker.book': 'GET /fapi/v1/ticker/bookTicker',
  'userDataStream.start': 'POST /fapi/v1/listenKey',
  'userDataStream.ping': 'PUT /fapi/v1/listenKey',
  'userDataStream.stop': 'DELETE /fapi/v1/listenKey',
};

/** A product's WebSocket API: each method and the REST route it runs, or a session step. */
export type WsApiRouteTable = Readonly<Record<string, string | SessionMethod>>;

/** COIN-M's WebSocket API methods (`/ws-dapi/v1`, reference §12) and their `/dapi` routes. */
export const COINM_WS_API_ROUTES: WsApiRouteTable = {
  'session.logon': 'logon',
  'session.status': 'status',
  'session.logout': 'logout',
  'order.place': 'POST /dapi/v1/order',
  'order.modify': 'PUT /dapi/v1/order',
  'order.cancel': 'DELETE /dapi/v1/order',
  'order.status': 'GET /dapi/v1/order',
  'account.position': 'GET /dapi/v1/positionRisk',
  'account.balance': 'GET /dapi/v1/balance',
  'account.status': 'GET /dapi/v1/account',
  'userDataStream.start': 'POST /dapi/v1/listenKey',
  'userDataStream.ping': 'PUT /dapi/v1/listenKey',
  'userDataStream.stop': 'DELETE /dapi/v1/listenKey',
};

/**
 * Resolves every method against `routes` (the REST route table), so a WebSocket API call runs the
 * very endpoint, validation and error codes REST runs.
 *
 * @throws Error when a route is missing from the table (a wiring mistake, found at start-up).
 */
export function resolveWsApiMethods(
  routes: RouteTable,
  methodRoutes: WsApiRouteTable = WS_API_ROUTES,
): ReadonlyMap<string, WsApiTarget> {
  const methods = new Map<string, WsApiTarget>();
  for (const [method, route] of Object.entries(methodRoutes)) {
    if (route === 'logon' || route === 'status' || route === 'logout') {
      methods.set(method, { kind: 'session', method: route });
      continue;
    }
    const endpoint = routes[route];
    if (endpoint === undefined) throw new Error(`WebSocket API method ${method}: no REST route ${route}`);
    methods.set(method, { kind: 'endpoint', endpoint });
  }
  return methods;
}
