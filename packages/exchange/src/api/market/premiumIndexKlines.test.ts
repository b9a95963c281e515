import type { Kline } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { premiumIndexKlines } from './premiumIndexKlines.js';
import { call, rejection, T0, tradingVenue } from './testing.js';

describe('premiumIndexKlines', () => {
  test('default: premium index samples, 8 decimals (signed), volumes "0"', () => {
    const { venue } = tradingVenue();
    venue.market('BTCUSDT').premiumKlines.addSample(T0 + 500, '-0.000123456');
    venue.advanceTo(T0 + 2_000);
    const body = call(premiumIndexKlines, venue, { symbol: 'BTCUSDT', interval: '1m' });
    expectTypeOf(body).toEqualTypeOf<Kline[]>();
    expect(body).toEqual([
      [T0, '-0.00012346', '0.00000000', '-0.00012346', '0.00000000', '0', T0 + 59_999, '0', 3, '0', '0', '0'],
    ]);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(premiumIndexKlines, venue, { interval: '1m' })).code).toBe(-1102);
    expect(rejection(() => call(premiumIndexKlines, venue, { symbol: 'BTCUSDT', interval: '1Y' })).code).toBe(
      -1120,
    );
  });
});
