import type { Ticker24hr } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { call, limitOrder, marketOrder, rejection, T0, tradingVenue } from './testing.js';
import { ticker24hr } from './ticker24hr.js';
import { tickerPrice } from './tickerPrice.js';

const DAY = 86_400_000;

describe('ticker/24hr', () => {
  test('default: rolling 24 h statistics of the trades', () => {
    const { venue, maker, taker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.003', '96000.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.003'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.002', '95990.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'SELL', '0.002'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96020.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.002'));
    venue.advanceTo(T0 + 70_000);
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96010.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.004'));
    venue.advanceTo(T0 + 90_000);
    const body = call(ticker24hr, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<Ticker24hr | Ticker24hr[]>();
    expect(body).toEqual({
      symbol: 'BTCUSDT',
      priceChange: '10.00',
      priceChangePercent: '0.010',
      weightedAvgPrice: '96005.45',
      lastPrice: '96010.00',
      lastQty: '0.004',
      openPrice: '96000.00',
      highPrice: '96020.00',
      lowPrice: '95990.00',
      volume: '0.011',
      quoteVolume: '1056.06',
      openTime: T0 + 60_000 - DAY,
      closeTime: T0 + 90_000,
      firstId: 1,
      lastId: 4,
      count: 4,
    } satisfies Ticker24hr);
  });

  test('behavior: a symbol without trades is all zeros with ids -1', () => {
    const { venue } = tradingVenue();
    expect(call(ticker24hr, venue, { symbol: 'SOLUSDT' })).toEqual({
      symbol: 'SOLUSDT',
      priceChange: '0.0000',
      priceChangePercent: '0.000',
      weightedAvgPrice: '0.0000',
      lastPrice: '0.0000',
      lastQty: '0',
      openPrice: '0.0000',
      highPrice: '0.0000',
      lowPrice: '0.0000',
      volume: '0',
      quoteVolume: '0.0000',
      openTime: T0 - DAY,
      closeTime: T0,
      firstId: -1,
      lastId: -1,
      count: 0,
    });
  });

  test('behavior: without symbol an array of every symbol; weight 1 or 40', () => {
    const { venue } = tradingVenue();
    const body = call(ticker24hr, venue, {}) as Ticker24hr[];
    expect(body.map((t) => t.symbol)).toEqual(DEFAULT_SYMBOLS.map((s) => s.symbol));
    const weight = ticker24hr.weight as (p: Record<string, string>) => number;
    expect([weight({ symbol: 'BTCUSDT' }), weight({})]).toEqual([1, 40]);
    expect(rejection(() => call(ticker24hr, venue, { symbol: 'NOPE' })).code).toBe(-1121);
  });

  test('behavior: on the synthetic market the ticker agrees with the last price', () => {
    const { venue } = tradingVenue({
      marketData: 'synthetic',
      synthetic: { backfillMinutes: 120 },
      symbols: DEFAULT_SYMBOLS.filter((s) => s.symbol === 'BTCUSDT'),
    });
    venue.advanceTo(T0 + 30_000);
    const t = call(ticker24hr, venue, { symbol: 'BTCUSDT' }) as Ticker24hr;
    expect(t.count).toBeGreaterThan(0);
    expect(t.lastPrice).toBe((call(tickerPrice, venue, { symbol: 'BTCUSDT' }) as { price: string }).price);
    expect(BigInt(t.lastId) - BigInt(t.firstId) + 1n).toBe(BigInt(t.count));
  });
});
