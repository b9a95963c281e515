import type { KlineInterval } from '@basis/core';
import { dec } from '../local/translate.js';
import type { Bar } from '../strategy/events.js';

/** A kline row as Binance sends it: open time, OHLCV strings, close time, then the rest. */
export type KlineRow = readonly [number, string, string, string, string, string, number, ...unknown[]];

/** The closed bars among `rows` (a bar still open at `now` is dropped), the last `limit` of them. */
export function closedBars(
  rows: readonly KlineRow[],
  symbol: string,
  interval: KlineInterval,
  now: number,
  limit: number,
): Bar[] {
  const bars: Bar[] = [];
  for (const k of rows) {
    if (k[6] >= now) continue; // still open
    bars.push({
      symbol,
      interval,
      openTime: k[0],
      closeTime: k[6],
      open: dec(k[1]),
      high: dec(k[2]),
      low: dec(k[3]),
      close: dec(k[4]),
      volume: dec(k[5]),
      trades: Number(k[8] ?? 0),
    });
  }
  return bars.slice(-limit);
}
