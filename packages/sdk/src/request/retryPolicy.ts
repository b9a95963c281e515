import { BinanceApiError, ServerError } from '../errors/api.js';
import { IpBannedError, RateLimitedError } from '../errors/rateLimit.js';
import { HttpResponseError, InvalidResponseError, NetworkError, TimeoutError } from '../errors/transport.js';
import type { RequestCall } from './types.js';

/** How the pipeline retries reads and idempotent writes. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3). 1 disables retries. */
  readonly attempts?: number;
  /** First backoff ceiling, ms (default 200); it doubles per retry. */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling, ms (default 5000). */
  readonly maxDelayMs?: number;
}

/** {@link RetryOptions} with every default filled in. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Bound on attempts whatever the options say: a retry loop must end. */
const MAX_ATTEMPTS = 10;

export function retryPolicy(options: RetryOptions | undefined): RetryPolicy {
  return {
    attempts: Math.min(MAX_ATTEMPTS, Math.max(1, Math.floor(options?.attempts ?? 3))),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? 200),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? 5000),
  };
}

/** Whether the pipeline may send this call more than once: reads and writes marked idempotent. */
export function isRepeatable(call: RequestCall): boolean {
  return call.kind === 'read' || (call.kind === 'write' && call.idempotent === true);
}

/** "Service Unavailable." is Binance's 503 for a request that failed and was not executed. */
const NOT_EXECUTED_503 = /service unavailable/i;

/**
 * Whether a failure is transient, so a repeatable call may be sent again after a backoff: timeouts,
 * network errors, 408 and 5xx answers, Binance's server-side codes (-1001, -1000, -1006, -1007,
 * -1008, -1016), and a server 429 (the governor then waits out `Retry-After` before the resend).
 * Never an IP ban, a refusal by the governor itself (it already waited as long as allowed), or a
 * request Binance rejected on its merits.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof TimeoutError || error instanceof NetworkError) return true;
  if (error instanceof HttpResponseError) return error.status === 408 || error.status >= 500;
  if (error instanceof IpBannedError) return false;
  if (error instanceof RateLimitedError) return error.source === 'server';
  if (error instanceof ServerError) return true;
  return false;
}

/**
 * Whether a failure leaves the request's outcome unknown (it may have been executed): a timeout; a
 * connection failure unless the request certainly never left; a 2xx whose body cannot be read; 408
 * and 5xx answers except 503 "Service Unavailable"; Binance codes whose catalog retry rule is
 * `after-reconcile` (-1000, -1006, -1007, -1008, -4083, -4117); a 503 "Unknown error".
 */
export function isUnknownOutcome(error: unknown): boolean {
  if (error instanceof TimeoutError || error instanceof InvalidResponseError) return true;
  if (error instanceof NetworkError) return error.requestSent !== false;
  if (error instanceof HttpResponseError) {
    if (error.status === 503 && NOT_EXECUTED_503.test(error.bodyExcerpt)) return false;
    return error.status === 408 || error.status >= 500;
  }
  if (error instanceof RateLimitedError || error instanceof IpBannedError) return false;
  if (error instanceof BinanceApiError) {
    if (error.retry === 'after-reconcile') return true;
    if (error.retry === undefined && error.status >= 500) return !NOT_EXECUTED_503.test(error.msg);
    return /unknown error/i.test(error.msg) && error.status >= 500;
  }
  return false;
}

/**
 * The backoff before retry number `retry` (1-based), "full jitter": uniform in
 * `[0, min(maxDelayMs, baseDelayMs × 2^(retry−1))]`, so clients that failed together do not retry
 * together.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(Math.min(1, Math.max(0, random())) * ceiling);
}
