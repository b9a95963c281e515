import type { RatePool } from '../rateLimit/limits.js';
import type { HttpMethod } from '../transports/transport.js';

/**
 * Binance's security types (reference §2.1): `NONE` is public; `MARKET_DATA` and `USER_STREAM` send
 * the API key; `TRADE` and `USER_DATA` also send `timestamp`, `recvWindow` and a signature.
 */
export const securityTypes = ['NONE', 'MARKET_DATA', 'USER_STREAM', 'TRADE', 'USER_DATA'] as const;

/** One of {@link securityTypes}. */
export type Security = (typeof securityTypes)[number];

/**
 * What a request does, which decides whether the pipeline may send it again:
 * - `read`: changes nothing; retried on transient failures.
 * - `order`: places or modifies an order; never resent by the pipeline (except once after -1021,
 *   which Binance answers before execution).
 * - `cancel`: cancels; never resent, as `order`.
 * - `write`: any other change (leverage, margin type, listen key, transfers); resent only when marked
 *   `idempotent`.
 */
export const requestKinds = ['read', 'order', 'cancel', 'write'] as const;

/** One of {@link requestKinds}. */
export type RequestKind = (typeof requestKinds)[number];

/** What one call through the pipeline is: the single shape every action builds. */
export interface RequestCall {
  readonly method: HttpMethod;
  /** The endpoint path, e.g. `/fapi/v1/order`. */
  readonly path: string;
  /**
   * The endpoint's parameters, Binance's names verbatim (a plain object of `ParamValue`s: strings,
   * numbers, bigints, booleans, arrays and objects as compact JSON; `undefined` is dropped). Without
   * `timestamp`, `recvWindow` or `signature`: the pipeline adds those.
   */
  readonly params?: object;
  readonly security: Security;
  /** IP REQUEST_WEIGHT (reference §3.4; 0 for order placement on USD-M). */
  readonly weight: number;
  /** ORDERS counts, for endpoints that place or modify orders. */
  readonly orders?: { readonly tenSeconds: number; readonly minute: number };
  readonly kind: RequestKind;
  /**
   * A `write` whose repetition is harmless (leverage, margin type, position mode: "already so" on a
   * repeat): it may be retried like a read.
   */
  readonly idempotent?: boolean;
  /** The special pool the endpoint draws from (default: derived from the path). */
  readonly pool?: RatePool;
  /** `recvWindow` for this call, ms (default: the client's). */
  readonly recvWindow?: number;
  /** Time limit of each attempt, ms (default: the client's). */
  readonly timeoutMs?: number;
}

/** A pipeline result with the timing the clock synchronisation needs. */
export interface PerformedRequest<T> {
  readonly data: T;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Local clock just before the transport got the request, ms. */
  readonly sentAt: number;
  /** Local clock just after the answer was complete, ms. */
  readonly receivedAt: number;
}
