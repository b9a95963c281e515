import type { OpenInterest } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { openInterest } from './openInterest.js';
import { call, limitOrder, marketOrder, rejection, T0, tradingVenue } from './testing.js';

describe('openInterest', () => {
  test('default: the long side of all positions, with the quantity precision', () => {
    const { venue, maker, taker } = tradingVenue();
    expect(call(openInterest, venue, { symbol: 'BTCUSDT' })).toEqual({
      openInterest: '0.000',
      symbol: 'BTCUSDT',
      time: T0,
    });
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96000.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.004'));
    const body = call(openInterest, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<OpenInterest>();
    expect(body).toEqual({ openInterest: '0.004', symbol: 'BTCUSDT', time: T0 } satisfies OpenInterest);
    expect(call(openInterest, venue, { symbol: 'SOLUSDT' }).openInterest).toBe('0');
  });

  test('behavior: symbol is mandatory', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(openInterest, venue, {})).code).toBe(-1102);
    expect(rejection(() => call(openInterest, venue, { symbol: 'NOPE' })).code).toBe(-1121);
  });
});
