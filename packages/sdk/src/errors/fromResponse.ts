import type { BinanceMarket } from '@basis/core';
import { apiErrorClassOf, type BinanceApiError, type BinanceApiErrorParameters } from './api.js';
import { IpBannedError, RateLimitedError } from './rateLimit.js';

/** What {@link createBinanceApiError} needs beyond the error body. */
export interface ApiErrorContext {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly market?: BinanceMarket;
  /** Response headers (lower-case names), read for `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The time of the answer, ms epoch (for `retryAt` and `bannedUntil`). */
  readonly now: number;
  /** Values to keep out of every printed form (the API key, the request's signature). */
  readonly secrets?: readonly string[];
}

/** Binance's shortest ban, used when neither the message nor `Retry-After` says how long. */
const MIN_BAN_MS = 2 * 60_000;

/**
 * `Retry-After` in ms: delta-seconds (what Binance sends) or an HTTP date; undefined when absent
 * or unreadable.
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string>> | undefined,
  now: number,
): number | undefined {
  const value = headers?.['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The ban end in "IP banned until 1700000000000" (ms epoch), if the message carries it. */
export function bannedUntilOf(msg: string): number | undefined {
  const match = /banned until (\d{12,})/i.exec(msg);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Builds the error class for a Binance error body `{code, msg}`.
 *
 * - HTTP 418: {@link IpBannedError}, `bannedUntil` from the message ("IP banned until <ms>"), else
 *   `Retry-After`, else Binance's shortest ban (2 minutes).
 * - HTTP 429, -1003, -1015: {@link RateLimitedError}, `retryAfterMs` from `Retry-After`; scope
 *   `orders` for -1015, `weight` otherwise.
 * - Otherwise the class from the code and core's catalog category (see `apiErrorClassOf`).
 */
export function createBinanceApiError(
  body: { readonly code: number; readonly msg: string },
  context: ApiErrorContext,
): BinanceApiError {
  const parameters: BinanceApiErrorParameters = {
    code: body.code,
    msg: body.msg,
    status: context.status,
    method: context.method,
    path: context.path,
    ...(context.market === undefined ? {} : { market: context.market }),
    ...(context.secrets === undefined ? {} : { secrets: context.secrets }),
  };
  const retryAfter = retryAfterMs(context.headers, context.now);
  if (context.status === 418) {
    const until = bannedUntilOf(body.msg) ?? context.now + (retryAfter ?? MIN_BAN_MS);
    return new IpBannedError({ ...parameters, source: 'server', bannedUntil: new Date(until) });
  }
  if (context.status === 429 || body.code === -1003 || body.code === -1015) {
    return new RateLimitedError({
      ...parameters,
      source: 'server',
      scope: body.code === -1015 ? 'orders' : 'weight',
      now: context.now,
      ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
    });
  }
  const ErrorClass = apiErrorClassOf(body.code, context.status, context.market);
  return new ErrorClass(parameters);
}
