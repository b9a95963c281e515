/**
 * Shapes shared by every part of the wire protocol: ids, error and ack bodies, rate limits, and the
 * parameters the signing transport adds. No runtime code.
 */
import type { RateLimitInterval, RateLimitType } from './enums.js';

/**
 * An id as it arrives from Binance (orderId, tradeId, algoId, aggregate id `a`, first/last trade
 * ids `f`/`l`, `t`, `i`, `lastUpdateId`, `U`/`u`/`pu`, `tranId`, ...). Basis's lossless JSON
 * parser (`core/json`) yields a `bigint` for integers beyond `Number.MAX_SAFE_INTEGER` (2^53 − 1)
 * and a `number` otherwise, so an id is either; compare ids with `BigInt(a) === BigInt(b)`, never
 * with floating-point arithmetic.
 */
export type Id = number | bigint;

/** A boolean request parameter: Binance takes the strings `"true"`/`"false"`, never JSON booleans. */
export type BooleanString = 'true' | 'false';

/** Binance's error body `{"code": <negative int>, "msg": "..."}` (HTTP 4xx, or inline in batch results). */
export interface BinanceErrorBody {
  /** Stable numeric error code, e.g. -1021, -2019. */
  code: number;
  /** Human-readable message; varies and often carries substitutions. */
  msg: string;
}

/** A batch endpoint's per-item result: the item's body, or its inline error (HTTP stays 200). */
export type BatchResult<T> = T | BinanceErrorBody;

/**
 * Simple acknowledgement: `{"code":200,"msg":"success"}` (marginType, positionSide/dual,
 * multiAssetsMargin) or `{"code":200,"msg":"The operation of cancel all open order is done."}`.
 */
export interface CodeMsgAck {
  /** Always 200 (a number here; cancel-algo-order sends the string "200"). */
  code: 200;
  /** `success` or a sentence describing the operation. */
  msg: string;
}

/** An empty JSON object `{}` (ping, DELETE listenKey, `userDataStream.stop`). */
export type EmptyResponse = Record<string, never>;

/** `GET /fapi/v1/time` and `/dapi/v1/time`. */
export interface ServerTime {
  /** Server time, ms epoch. */
  serverTime: number;
}

/** One limiter as exchangeInfo and `GET /fapi/v1/rateLimit/order` report it. */
export interface RateLimit {
  /** What is counted: IP request weight or account orders. */
  rateLimitType: RateLimitType;
  /** Window unit. */
  interval: RateLimitInterval;
  /** Window length in `interval` units (e.g. 10 SECOND, 1 MINUTE). */
  intervalNum: number;
  /** Maximum allowed within the window. */
  limit: number;
}

/** A limiter with the current usage, as WebSocket API responses report it in `rateLimits`. */
export interface RateLimitUsage extends RateLimit {
  /** Amount used in the current window. */
  count: number;
}

/**
 * Parameters the transport appends to every SIGNED (TRADE/USER_DATA) REST request. Per-endpoint
 * parameter types never include them.
 */
export interface SignedRequestExtras {
  /** Request time, ms epoch; rejected unless `timestamp < serverTime + 1000` and within `recvWindow`. */
  timestamp: number;
  /** Validity window in ms (default 5000). */
  recvWindow?: number;
  /** HMAC hex or URL-encoded base64 RSA/Ed25519 signature; always the last parameter. */
  signature: string;
}

/** `POST` / `PUT` listenKey (USD-M and COIN-M) and WS API `userDataStream.start|ping` result. */
export interface ListenKeyResponse {
  /** The user-data stream key (64 alphanumerics in examples); the same key while one is active. */
  listenKey: string;
}
