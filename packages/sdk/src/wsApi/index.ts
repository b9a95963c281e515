// The WebSocket API client (`/ws-fapi/v1`, or `/ws-dapi/v1` for COIN-M): request/response trading over one socket, with the REST
// order layer and a REST fallback. A subpath entry.

export type { WsApiActions, WsCancelOrderParameters, WsCoinmApiActions } from './actions.js';
export {
  wsApiActions,
  wsCancelCoinmOrder,
  wsCancelOrder,
  wsCoinmApiActions,
  wsGetAccountBalance,
  wsGetAccountPosition,
  wsGetAccountStatus,
  wsGetCoinmAccountBalance,
  wsGetCoinmAccountPosition,
  wsGetCoinmAccountStatus,
  wsGetCoinmOrder,
  wsGetOrder,
  wsModifyCoinmOrder,
  wsModifyOrder,
  wsPingUserDataStream,
  wsPlaceCoinmOrder,
  wsPlaceOrder,
  wsStartUserDataStream,
  wsStopUserDataStream,
} from './actions.js';
export type { ReconnectOptions } from './connection.js';
export { reconnectDelayMs } from './connection.js';
export type {
  WsApiCallOptions,
  WsApiClient,
  WsApiClientOptions,
  WsApiEvent,
  WsApiRoute,
  WsApiState,
} from './createWsApiClient.js';
export { createWsApiClient, rateLimitHeaders } from './createWsApiClient.js';
export type { WsApiMethodName, WsApiMethodSpec, WsApiResults, WsApiSecurity } from './methods.js';
export { WS_API_METHOD_SPECS } from './methods.js';
