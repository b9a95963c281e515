import type { KlineInterval } from '@basis/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Bar intervals the bot aggregates itself (UTC-aligned, as Binance). */
export const BAR_INTERVAL_MS: Readonly<Partial<Record<KlineInterval, number>>> = {
  '1m': MINUTE,
  '3m': 3 * MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '2h': 2 * HOUR,
  '4h': 4 * HOUR,
  '6h': 6 * HOUR,
  '8h': 8 * HOUR,
  '12h': 12 * HOUR,
  '1d': 24 * HOUR,
};

/** The length of `interval` in ms; throws for intervals the bot cannot aggregate (1w, 1M). */
export function intervalMs(interval: KlineInterval): number {
  const ms = BAR_INTERVAL_MS[interval];
  if (ms === undefined) throw new RangeError(`bars of ${interval} are not supported (use 1m to 1d)`);
  return ms;
}
