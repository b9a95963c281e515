import { KLINE_INTERVALS, type KlineInterval } from '@basis/core';

// The interval list is core's (the wire's); this module adds what the exchange needs on top of it:
// each interval's length and candle alignment. Re-exported so the exchange imports intervals from here.
export { KLINE_INTERVALS, type KlineInterval };

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05, the first Monday after the epoch (a Thursday): Binance's weeks start Monday 00:00 UTC. */
const FIRST_MONDAY = 4 * DAY;

/** Length in ms of every fixed-length interval; `1M` is a calendar month and has none. */
export const KLINE_INTERVAL_MS: Readonly<Record<Exclude<KlineInterval, '1M'>, number>> = {
  '1m': MINUTE,
  '3m': 3 * MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': 60 * MINUTE,
  '2h': 120 * MINUTE,
  '4h': 240 * MINUTE,
  '6h': 360 * MINUTE,
  '8h': 480 * MINUTE,
  '12h': 720 * MINUTE,
  '1d': DAY,
  '3d': 3 * DAY,
  '1w': WEEK,
};

/** Whether `value` is one of Binance's kline intervals (case matters: `1m` is a minute, `1M` a month). */
export function isKlineInterval(value: string): value is KlineInterval {
  return (KLINE_INTERVALS as readonly string[]).includes(value);
}

/**
 * Open time of the `interval` candle that contains `time` (ms, UTC). Intervals up to `3d` are aligned
 * to the Unix epoch; `1w` starts on Monday 00:00 UTC; `1M` on the first of the calendar month, 00:00 UTC.
 */
export function klineOpenTime(interval: KlineInterval, time: number): number {
  switch (interval) {
    case '1M': {
      const date = new Date(time);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
    case '1w':
      return Math.floor((time - FIRST_MONDAY) / WEEK) * WEEK + FIRST_MONDAY;
    default: {
      const ms = KLINE_INTERVAL_MS[interval];
      return Math.floor(time / ms) * ms;
    }
  }
}

/** Open time of the candle after the one opening at `openTime` (which must be aligned). */
export function klineNextOpenTime(interval: KlineInterval, openTime: number): number {
  if (interval === '1M') {
    const date = new Date(openTime);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return openTime + (interval === '1w' ? WEEK : KLINE_INTERVAL_MS[interval]);
}

/** Open time of the candle before the one opening at `openTime` (which must be aligned). */
export function klinePreviousOpenTime(interval: KlineInterval, openTime: number): number {
  return klineOpenTime(interval, openTime - 1);
}

/** Binance's close time of the candle opening at `openTime`: the next open time minus 1 ms. */
export function klineCloseTime(interval: KlineInterval, openTime: number): number {
  return klineNextOpenTime(interval, openTime) - 1;
}
