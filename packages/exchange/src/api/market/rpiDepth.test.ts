import type { Depth } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { depth } from './depth.js';
import { rpiDepth } from './rpiDepth.js';
import { call, limitOrder, rejection, tradingVenue } from './testing.js';

describe('rpiDepth', () => {
  test('default: the depth snapshot with 1000 levels, weight 20', () => {
    const { venue, maker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.010', '95900.00'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.010', '96000.00'));
    const body = call(rpiDepth, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<Depth>();
    expect(body).toEqual(call(depth, venue, { symbol: 'BTCUSDT', limit: '1000' }));
    expect(call(rpiDepth, venue, { symbol: 'BTCUSDT', limit: '1000' })).toEqual(body);
    expect(rpiDepth).toMatchObject({ security: 'NONE', weight: 20, command: false });
  });

  test('behavior: only limit 1000 is valid', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(rpiDepth, venue, { symbol: 'BTCUSDT', limit: '500' }))).toEqual({
      code: -4021,
      msg: "'500' is not valid depth limit.",
    });
    expect(rejection(() => call(rpiDepth, venue, {})).code).toBe(-1102);
    expect(rejection(() => call(rpiDepth, venue, { symbol: 'X' })).code).toBe(-1121);
  });
});
