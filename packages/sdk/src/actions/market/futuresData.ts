// What the `/futures/data/*` statistics endpoints share. Core has no wire types for them yet; the
// field names are Binance's, from its documentation.

/** The periods of Binance's `/futures/data` statistics. */
export const futuresDataPeriods = ['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'] as const;

/** One of {@link futuresDataPeriods}. */
export type FuturesDataPeriod = (typeof futuresDataPeriods)[number];

/**
 * Parameters of a statistic of one symbol. Without `startTime` and `endTime` the most recent periods
 * are returned; Binance keeps the last 30 days.
 */
export interface FuturesDataParameters {
  /** Symbol, e.g. BTCUSDT. */
  readonly symbol: string;
  /** Period of one row. */
  readonly period: FuturesDataPeriod;
  /** Rows; default 30, max 500. */
  readonly limit?: number;
  /** Window start, ms. */
  readonly startTime?: number;
  /** Window end, ms. */
  readonly endTime?: number;
}

/**
 * One row of the long/short ratios (`topLongShortAccountRatio`, `topLongShortPositionRatio`,
 * `globalLongShortAccountRatio`): decimal strings, `timestamp` in ms (a JSON number on the wire; the
 * docs' examples print it as a string).
 */
export interface LongShortRatio {
  /** Symbol. */
  symbol: string;
  /** `longAccount / shortAccount`. */
  longShortRatio: string;
  /** Share of long accounts (or of long positions, for the position ratio), e.g. "0.6442". */
  longAccount: string;
  /** Share of short accounts (or positions). */
  shortAccount: string;
  /** Period time, ms. */
  timestamp: number;
}

/** The query of a statistic of one symbol, in Binance's order. */
export function futuresDataQuery(parameters: FuturesDataParameters): object {
  return {
    symbol: parameters.symbol,
    period: parameters.period,
    limit: parameters.limit,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
  };
}
