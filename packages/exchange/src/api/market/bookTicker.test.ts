import type { BookTicker } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { bookTicker } from './bookTicker.js';
import { depth } from './depth.js';
import { call, limitOrder, rejection, T0, tradingVenue } from './testing.js';

describe('ticker/bookTicker', () => {
  test('default: best bid and ask with the book sequence of depth', () => {
    const { venue, maker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('ETHUSDT', 'BUY', '0.100', '3399.50'));
    venue.placeOrder(maker, limitOrder('ETHUSDT', 'BUY', '0.200', '3399.50'));
    venue.placeOrder(maker, limitOrder('ETHUSDT', 'BUY', '0.100', '3398.00'));
    venue.placeOrder(maker, limitOrder('ETHUSDT', 'SELL', '0.300', '3400.25'));
    const body = call(bookTicker, venue, { symbol: 'ETHUSDT' });
    expectTypeOf(body).toEqualTypeOf<BookTicker | BookTicker[]>();
    expect(body).toEqual({
      symbol: 'ETHUSDT',
      bidPrice: '3399.50',
      bidQty: '0.300',
      askPrice: '3400.25',
      askQty: '0.300',
      time: T0,
      lastUpdateId: call(depth, venue, { symbol: 'ETHUSDT' }).lastUpdateId,
    } satisfies BookTicker);
  });

  test('behavior: an empty side prints zeros', () => {
    const { venue } = tradingVenue();
    expect(call(bookTicker, venue, { symbol: 'SOLUSDT' })).toMatchObject({
      bidPrice: '0.0000',
      bidQty: '0',
      askPrice: '0.0000',
      askQty: '0',
    });
  });

  test('behavior: array without symbol; weight 2 or 5; ids above 2^53 are bigints', () => {
    const { venue } = tradingVenue({ idStart: 2n ** 60n });
    const body = call(bookTicker, venue, {}) as BookTicker[];
    expect(body.map((t) => t.symbol)).toEqual(DEFAULT_SYMBOLS.map((s) => s.symbol));
    expect(body[0]?.lastUpdateId).toBe(2n ** 60n);
    const weight = bookTicker.weight as (p: Record<string, string>) => number;
    expect([weight({ symbol: 'BTCUSDT' }), weight({})]).toEqual([2, 5]);
    expect(rejection(() => call(bookTicker, venue, { symbol: 'NOPE' })).code).toBe(-1121);
  });
});
