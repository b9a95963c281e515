import { BinanceApiError, type BinanceApiErrorParameters } from './api.js';

/**
 * Who refused: Binance (`server`, an HTTP 429/418 answer) or the client's rate governor
 * (`governor`, before anything was sent, because honouring the budget would mean waiting longer
 * than its cap, or because the IP is banned).
 */
export type RateLimitSource = 'server' | 'governor';

/** What a {@link RateLimitedError} is built from. */
export interface RateLimitedErrorParameters extends BinanceApiErrorParameters {
  readonly source: RateLimitSource;
  /** How long to wait before the scope accepts requests again, ms (from `Retry-After` or the window end). */
  readonly retryAfterMs?: number;
  /** The limiter that refused: `weight` (IP REQUEST_WEIGHT), `orders` (account ORDERS), or a special pool. */
  readonly scope?: string;
  /** The time `retryAfterMs` counts from, ms epoch (default: now). */
  readonly now?: number;
}

/**
 * A rate limit refused the request: HTTP 429 with -1003 (IP weight) or -1015 (account orders), or
 * the client's rate governor refused before sending (`source: 'governor'`; then `code` and `msg`
 * are those Binance would have answered, and `status` is 429).
 *
 * Nothing was executed. The governor blocks the scope until `retryAt`; calls made before then wait
 * (up to the governor's cap) instead of provoking a ban.
 */
export class RateLimitedError extends BinanceApiError {
  override name = 'RateLimitedError' as const;
  readonly source: RateLimitSource;
  /** Milliseconds to wait, when known. */
  readonly retryAfterMs: number | undefined;
  /** When the scope accepts requests again, when known. */
  readonly retryAt: Date | undefined;
  /** The limiter that refused, when known (`weight`, `orders`, `funding`, `futuresData`). */
  readonly scope: string | undefined;

  constructor(parameters: RateLimitedErrorParameters) {
    const retryAt =
      parameters.retryAfterMs === undefined
        ? undefined
        : new Date((parameters.now ?? Date.now()) + parameters.retryAfterMs);
    const wait =
      parameters.retryAfterMs === undefined
        ? []
        : [`Retry after: ${Math.ceil(parameters.retryAfterMs)} ms (${retryAt?.toISOString()})`];
    super(parameters, {
      docsPath: 'sdk/errors#ratelimitederror',
      ...(parameters.source === 'governor'
        ? {
            shortMessage: `The rate governor refused the request: the ${parameters.scope ?? 'rate'} budget is exhausted and waiting would exceed its cap.`,
          }
        : {}),
      metaMessages: [
        ...(parameters.scope === undefined ? [] : [`Scope: ${parameters.scope}`]),
        ...wait,
        `Source: ${parameters.source}`,
      ],
    });
    this.source = parameters.source;
    this.retryAfterMs = parameters.retryAfterMs;
    this.retryAt = retryAt;
    this.scope = parameters.scope;
  }
}
export type RateLimitedErrorType = RateLimitedError & { name: 'RateLimitedError' };

/** What an {@link IpBannedError} is built from. */
export interface IpBannedErrorParameters extends BinanceApiErrorParameters {
  readonly source: RateLimitSource;
  /** When the ban ends. */
  readonly bannedUntil: Date;
}

/**
 * The IP is banned (HTTP 418, -1003 "Way too many requests; IP banned until ..."). Until
 * `bannedUntil`, the rate governor refuses every call with this error without sending anything
 * (`source: 'governor'`), since each request during a ban lengthens it.
 */
export class IpBannedError extends BinanceApiError {
  override name = 'IpBannedError' as const;
  readonly source: RateLimitSource;
  /** When the ban ends. */
  readonly bannedUntil: Date;

  constructor(parameters: IpBannedErrorParameters) {
    super(parameters, {
      docsPath: 'sdk/errors#ipbannederror',
      ...(parameters.source === 'governor'
        ? { shortMessage: `The IP is banned by Binance until ${parameters.bannedUntil.toISOString()}.` }
        : {}),
      metaMessages: [`Banned until: ${parameters.bannedUntil.toISOString()}`, `Source: ${parameters.source}`],
    });
    this.source = parameters.source;
    this.bannedUntil = parameters.bannedUntil;
  }
}
export type IpBannedErrorType = IpBannedError & { name: 'IpBannedError' };
