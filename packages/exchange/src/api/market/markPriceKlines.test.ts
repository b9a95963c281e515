import type { Kline } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { formatRate } from './format.js';
import { markPriceKlines } from './markPriceKlines.js';
import { call, rejection, T0, tradingVenue } from './testing.js';

describe('markPriceKlines', () => {
  test('default: one mark sample a second; 8 decimals, volumes "0", count = samples', () => {
    const { venue } = tradingVenue();
    venue.advanceTo(T0 + 90_000);
    const body = call(markPriceKlines, venue, { symbol: 'BTCUSDT', interval: '1m' });
    expectTypeOf(body).toEqualTypeOf<Kline[]>();
    expect(body.map((k) => [k[0], k[6], k[8]])).toEqual([
      [T0, T0 + 59_999, 59],
      [T0 + 60_000, T0 + 119_999, 31],
    ]);
    const last = body.at(-1)!;
    expect(last[4]).toBe(formatRate(venue.market('BTCUSDT').markPrice));
    for (const k of body) {
      expect(k.slice(1, 5).every((p) => /^\d+\.\d{8}$/.test(p as string))).toBe(true);
      expect([k[5], k[7], k[9], k[10], k[11]]).toEqual(['0', '0', '0', '0', '0']);
    }
  });

  test('behavior: the synthetic market backfills mark history', () => {
    const { venue } = tradingVenue({ marketData: 'synthetic', synthetic: { backfillMinutes: 60 } });
    const body = call(markPriceKlines, venue, { symbol: 'BTCUSDT', interval: '1h' });
    // 11:00 holds the backfilled hour (one sample a second); 12:00 has just opened.
    expect(body.map((k) => [k[0], k[5], k[8]])).toEqual([
      [T0 - 3_600_000, '0', 3600],
      [T0, '0', 0],
    ]);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(markPriceKlines, venue, { interval: '1m' })).code).toBe(-1102);
    expect(rejection(() => call(markPriceKlines, venue, { symbol: 'BTCUSDT', interval: '1s' })).code).toBe(
      -1120,
    );
    expect(rejection(() => call(markPriceKlines, venue, { symbol: 'NOPE', interval: '1m' })).code).toBe(
      -1121,
    );
  });
});
