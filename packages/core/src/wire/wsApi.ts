/**
 * USD-M WebSocket API (`/ws-fapi/v1`, §12): request/response trading over one socket. Params equal
 * the REST params (INT as JSON numbers, DECIMAL as JSON strings) plus the auth fields; results equal
 * the REST bodies. No user-data pushes arrive on this socket.
 */
import type {
  AccountV2,
  AccountV3,
  BalanceV2,
  BalanceV3,
  PositionRiskV2,
  PositionRiskV3,
} from './account.js';
import type { AlgoOrder, CancelAlgoOrderResponse } from './algo.js';
import type { BinanceErrorBody, EmptyResponse, ListenKeyResponse, RateLimitUsage } from './common.js';
import type { BookTicker, Depth, TickerPrice } from './market.js';
import type { GetPositionRiskParams } from './params/account.js';
import type { CancelAlgoOrderParams, NewAlgoOrderParams } from './params/algo.js';
import type { GetBookTickerParams, GetDepthParams, GetTickerPriceParams } from './params/market.js';
import type { CancelOrderParams, GetOrderParams, ModifyOrderParams, NewOrderParams } from './params/trade.js';
import type { ModifyOrderResponse, Order } from './trade.js';

/** USD-M WebSocket API method names; `v2/…` variants return the v3 REST shapes. */
export const WS_API_METHODS = [
  'session.logon',
  'session.status',
  'session.logout',
  'order.place',
  'order.modify',
  'order.cancel',
  'order.status',
  'algoOrder.place',
  'algoOrder.cancel',
  'account.position',
  'v2/account.position',
  'account.balance',
  'v2/account.balance',
  'account.status',
  'v2/account.status',
  'depth',
  'ticker.price',
  'ticker.book',
  'userDataStream.start',
  'userDataStream.ping',
  'userDataStream.stop',
] as const;
export type WsApiMethod = (typeof WS_API_METHODS)[number];

/** Request id: echoed verbatim (UUIDs common; ccxt sends strings, `binance` integers). */
export type WsApiId = number | string | null;

/** Per-request option: include `rateLimits` in the reply (default from the connection URL). */
export interface WsApiOptions {
  /** Overrides `?returnRateLimits=` for this request. */
  returnRateLimits?: boolean;
}

/**
 * Auth fields of a SIGNED WS API request. Signature payload: all params except `signature`,
 * sorted by name, joined `name=value&…`; HMAC → hex, RSA/Ed25519 → base64. After `session.logon`,
 * `apiKey` and `signature` may be omitted.
 */
export interface WsApiSignedParams extends WsApiOptions {
  /** API key; omitted after session logon. */
  apiKey?: string;
  /** Request time, ms. */
  timestamp: number;
  /** Validity window, ms (default 5000). */
  recvWindow?: number;
  /** Signature; omitted after session logon. */
  signature?: string;
}

/** `session.logon` params: Ed25519 keys only. */
export interface SessionLogonParams {
  /** API key (Ed25519). */
  apiKey: string;
  /** Request time, ms. */
  timestamp: number;
  /** Validity window, ms. */
  recvWindow?: number;
  /** Base64 Ed25519 signature of the sorted params. */
  signature: string;
}

/** `session.logon|status|logout` result; after logout `apiKey` and `authorizedSince` are null. */
export interface SessionStatusResult {
  /** Key the session is logged on with, or null. */
  apiKey: string | null;
  /** Logon time, ms, or null. */
  authorizedSince: number | null;
  /** Connection open time, ms. */
  connectedSince: number;
  /** Whether replies include `rateLimits` by default. */
  returnRateLimits: boolean;
  /** Server time, ms. */
  serverTime: number;
}

/** `userDataStream.start|ping|stop` params: the API key only (USER_STREAM). */
export interface UserDataStreamParams {
  /** API key. */
  apiKey: string;
}

/** Params and result of one WS API method. */
export interface WsApiCall<P, R> {
  /** `params` of the request. */
  params: P;
  /** `result` of a successful response. */
  result: R;
}

/** Method → params/result map for the USD-M WebSocket API. */
export interface WsApiMethodMap {
  'session.logon': WsApiCall<SessionLogonParams, SessionStatusResult>;
  'session.status': WsApiCall<WsApiOptions, SessionStatusResult>;
  'session.logout': WsApiCall<WsApiOptions, SessionStatusResult>;
  'order.place': WsApiCall<NewOrderParams & WsApiSignedParams, Order>;
  'order.modify': WsApiCall<ModifyOrderParams & WsApiSignedParams, ModifyOrderResponse>;
  'order.cancel': WsApiCall<CancelOrderParams & WsApiSignedParams, Order>;
  'order.status': WsApiCall<GetOrderParams & WsApiSignedParams, Order>;
  'algoOrder.place': WsApiCall<NewAlgoOrderParams & WsApiSignedParams, AlgoOrder>;
  'algoOrder.cancel': WsApiCall<CancelAlgoOrderParams & WsApiSignedParams, CancelAlgoOrderResponse>;
  'account.position': WsApiCall<GetPositionRiskParams & WsApiSignedParams, PositionRiskV2[]>;
  'v2/account.position': WsApiCall<GetPositionRiskParams & WsApiSignedParams, PositionRiskV3[]>;
  'account.balance': WsApiCall<WsApiSignedParams, BalanceV2[]>;
  'v2/account.balance': WsApiCall<WsApiSignedParams, BalanceV3[]>;
  'account.status': WsApiCall<WsApiSignedParams, AccountV2>;
  'v2/account.status': WsApiCall<WsApiSignedParams, AccountV3>;
  depth: WsApiCall<GetDepthParams & WsApiOptions, Depth>;
  'ticker.price': WsApiCall<GetTickerPriceParams & WsApiOptions, TickerPrice | TickerPrice[]>;
  'ticker.book': WsApiCall<GetBookTickerParams & WsApiOptions, BookTicker | BookTicker[]>;
  'userDataStream.start': WsApiCall<UserDataStreamParams, ListenKeyResponse>;
  'userDataStream.ping': WsApiCall<UserDataStreamParams, ListenKeyResponse>;
  'userDataStream.stop': WsApiCall<UserDataStreamParams, EmptyResponse>;
}

/** A request frame `{"id":…,"method":…,"params":{…}}`; `params` may be omitted when nothing is required. */
export type WsApiRequest<
  M extends string = WsApiMethod,
  P = M extends WsApiMethod ? WsApiMethodMap[M]['params'] : Record<string, unknown>,
> = {
  /** Request id, echoed in the response. */
  id: WsApiId;
  /** Method name (may be version-prefixed, e.g. `v2/account.status`). */
  method: M;
} & (Record<string, never> extends P ? { params?: P } : { params: P });

/** A success frame `{"id":…,"status":200,"result":…,"rateLimits":[…]}`. */
export interface WsApiSuccess<R> {
  /** The request's id. */
  id: WsApiId;
  /** Always 200. */
  status: 200;
  /** The REST-shaped result. */
  result: R;
  /** Limiter usage; absent when rate limits are not returned. */
  rateLimits?: RateLimitUsage[];
}

/**
 * A failure frame `{"id":…,"status":4xx,"error":{"code","msg"},"rateLimits":[…]}`. A key revoked
 * mid-session yields an unsolicited failure with `id: null` and status 401.
 */
export interface WsApiFailure {
  /** The request's id, or null for unsolicited errors. */
  id: WsApiId;
  /** HTTP-like status: 400, 401, 403, 409, 418, 429, 5xx. */
  status: number;
  /** Binance error body. */
  error: BinanceErrorBody;
  /** Limiter usage; absent when rate limits are not returned. */
  rateLimits?: RateLimitUsage[];
}

/** Any response frame for a call returning `R`. */
export type WsApiResponse<R> = WsApiSuccess<R> | WsApiFailure;
