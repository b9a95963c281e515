import type { Kline } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { indexPriceKlines } from './indexPriceKlines.js';
import { call, rejection, T0, tradingVenue } from './testing.js';

describe('indexPriceKlines', () => {
  test('default: the pair’s index samples, 8 decimals, volumes "0"', () => {
    const { venue } = tradingVenue();
    venue.advanceTo(T0 + 30_000);
    const body = call(indexPriceKlines, venue, { pair: 'BTCUSDT', interval: '1m' });
    expectTypeOf(body).toEqualTypeOf<Kline[]>();
    expect(body).toEqual([
      [
        T0,
        '96000.00000000',
        '96000.00000000',
        '96000.00000000',
        '96000.00000000',
        '0',
        T0 + 59_999,
        '0',
        30,
        '0',
        '0',
        '0',
      ],
    ]);
  });

  test('behavior: pair, not symbol, is mandatory', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(indexPriceKlines, venue, { symbol: 'BTCUSDT', interval: '1m' })).msg).toBe(
      "Mandatory parameter 'pair' was not sent, was empty/null, or malformed.",
    );
    expect(rejection(() => call(indexPriceKlines, venue, { pair: 'NOPE', interval: '1m' })).code).toBe(-1121);
    expect(rejection(() => call(indexPriceKlines, venue, { pair: 'BTCUSDT', interval: 'x' })).code).toBe(
      -1120,
    );
  });
});
