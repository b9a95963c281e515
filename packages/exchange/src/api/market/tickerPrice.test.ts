import type { TickerPrice } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { marketRoutes } from './routes.js';
import { call, limitOrder, marketOrder, rejection, T0, tradingVenue } from './testing.js';
import { tickerPrice } from './tickerPrice.js';

describe('ticker/price', () => {
  test('default: the last trade price and its time', () => {
    const { venue, maker, taker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('BNBUSDT', 'SELL', '1.00', '900.120'));
    venue.placeOrder(taker, marketOrder('BNBUSDT', 'BUY', '1.00'));
    venue.advanceTo(T0 + 3_000);
    const body = call(tickerPrice, venue, { symbol: 'BNBUSDT' });
    expectTypeOf(body).toEqualTypeOf<TickerPrice | TickerPrice[]>();
    expect(body).toEqual({ symbol: 'BNBUSDT', price: '900.120', time: T0 } satisfies TickerPrice);
  });

  test('behavior: before any trade, the mark price at the venue time', () => {
    const { venue } = tradingVenue();
    expect(call(tickerPrice, venue, { symbol: 'DOGEUSDT' })).toEqual({
      symbol: 'DOGEUSDT',
      price: '0.250000',
      time: T0,
    });
  });

  test('behavior: v1 and v2 share the endpoint; array without symbol; weight 1 or 2', () => {
    expect(marketRoutes['GET /fapi/v1/ticker/price']).toBe(tickerPrice);
    expect(marketRoutes['GET /fapi/v2/ticker/price']).toBe(tickerPrice);
    const { venue } = tradingVenue();
    const body = call(tickerPrice, venue, {}) as TickerPrice[];
    expect(body.map((t) => t.symbol)).toEqual(DEFAULT_SYMBOLS.map((s) => s.symbol));
    const weight = tickerPrice.weight as (p: Record<string, string>) => number;
    expect([weight({ symbol: 'BTCUSDT' }), weight({})]).toEqual([1, 2]);
    expect(rejection(() => call(tickerPrice, venue, { symbol: 'NOPE' })).code).toBe(-1121);
  });
});
