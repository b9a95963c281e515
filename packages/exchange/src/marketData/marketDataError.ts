import { BasisError } from '@basis/core';

/** A Binance error body: numeric code and message, exactly as the REST API returns them. */
export interface BinanceErrorBody {
  readonly code: number;
  readonly msg: string;
}

/**
 * The Binance errors the market-data queries raise. Codes and messages are Binance's (reference §8);
 * `-1127`'s text is the one Binance sends for aggTrades (`%s` filled with 1), and `-1023`'s is what
 * USD-M klines return (python-binance #1052, #1165). `-1128` for `fromId` combined with a time range
 * and `-1130` for a non-positive `limit` are our reading, not confirmed against Binance.
 */
export const MARKET_DATA_ERRORS = {
  /** `startTime` > `endTime`. */
  startAfterEnd: { code: -1023, msg: 'Start time is greater than end time.' },
  /** aggTrades: `endTime - startTime` > 1 h. */
  windowTooLong: { code: -1127, msg: 'More than 1 hours between startTime and endTime.' },
  /** aggTrades: `fromId` together with `startTime`/`endTime` (unconfirmed). */
  badCombination: { code: -1128, msg: 'Combination of optional parameters invalid.' },
  /** `limit` below 1 (unconfirmed: Binance may fall back to the default instead). */
  invalidLimit: { code: -1130, msg: "Data sent for parameter 'limit' is not valid." },
  /** An interval outside `1m … 1M`. */
  badInterval: { code: -1120, msg: 'Invalid interval.' },
} as const satisfies Record<string, BinanceErrorBody>;

/**
 * A market-data query Binance would reject: carries Binance's `code` and `msg`, which the endpoint
 * layer sends as the error body.
 *
 * @example
 * try { history.aggTrades({ startTime: 0, endTime: 7_200_000 }); } catch (error) {
 *   if (error instanceof MarketDataQueryError) reply(400, { code: error.code, msg: error.msg });
 * }
 */
export class MarketDataQueryError extends BasisError {
  override name = 'MarketDataQueryError' as const;
  /** Binance's numeric error code, e.g. `-1127`. */
  readonly code: number;
  /** Binance's error message for the code. */
  readonly msg: string;

  constructor(body: BinanceErrorBody) {
    super(body.msg, { metaMessages: [`Binance code ${body.code}`] });
    this.code = body.code;
    this.msg = body.msg;
  }
}

/** Narrows a caught error to {@link MarketDataQueryError} by its `name`. */
export type MarketDataQueryErrorType = MarketDataQueryError & { name: 'MarketDataQueryError' };

/**
 * A programming error in how the venue feeds the market-data structures: data out of time order,
 * a non-integer tick, a bad capacity. Never a client's fault, so it carries no Binance code.
 */
export class MarketDataArgumentError extends BasisError {
  override name = 'MarketDataArgumentError' as const;
}

/** Narrows a caught error to {@link MarketDataArgumentError} by its `name`. */
export type MarketDataArgumentErrorType = MarketDataArgumentError & { name: 'MarketDataArgumentError' };

/** Default and maximum `limit` of a list endpoint. */
export interface LimitSpec {
  readonly default: number;
  readonly max: number;
}

/** Binance's `limit` defaults and maxima for the market-data lists (reference §5.1). */
export const QUERY_LIMITS = {
  trades: { default: 500, max: 1000 },
  historicalTrades: { default: 100, max: 500 },
  aggTrades: { default: 500, max: 1000 },
  klines: { default: 500, max: 1500 },
} as const satisfies Record<string, LimitSpec>;

/**
 * The effective `limit`: the default when absent, capped at the maximum (Binance serves the maximum
 * rather than rejecting a larger value). A value below 1 or not an integer throws `-1130`.
 */
export function resolveLimit(limit: number | undefined, spec: LimitSpec): number {
  if (limit === undefined) return spec.default;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new MarketDataQueryError(MARKET_DATA_ERRORS.invalidLimit);
  return limit > spec.max ? spec.max : limit;
}

/** Throws {@link MarketDataArgumentError} unless `value` is a safe integer ≥ `min`. */
export function assertInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new MarketDataArgumentError(`${name} must be a safe integer >= ${min}, got ${value}.`);
  }
}
