import { Decimal, type Kline } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { klines } from './klines.js';
import { klineWeight } from './query.js';
import { call, limitOrder, marketOrder, rejection, T0, tradingVenue } from './testing.js';

/** Three trades in T0's minute, one in the next; now is T0 + 90 s. */
function tradedVenue() {
  const fixture = tradingVenue();
  const { venue, maker, taker } = fixture;
  venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.003', '96000.00'));
  venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.003'));
  venue.advanceTo(T0 + 10_000);
  venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.002', '95990.00'));
  venue.placeOrder(taker, marketOrder('BTCUSDT', 'SELL', '0.002'));
  venue.advanceTo(T0 + 20_000);
  venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96020.00'));
  venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.002'));
  venue.advanceTo(T0 + 70_000);
  venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96010.00'));
  venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.004'));
  venue.advanceTo(T0 + 90_000);
  return fixture;
}

describe('klines', () => {
  test('default: 1m candles whose OHLCV are the trades', () => {
    const { venue } = tradedVenue();
    const body = call(klines, venue, { symbol: 'BTCUSDT', interval: '1m' });
    expectTypeOf(body).toEqualTypeOf<Kline[]>();
    expect(body).toEqual([
      [
        T0,
        '96000.00',
        '96020.00',
        '95990.00',
        '96020.00',
        '0.007',
        T0 + 59_999,
        '672.02000',
        3,
        '0.005',
        '480.04000',
        '0',
      ],
      [
        T0 + 60_000,
        '96010.00',
        '96010.00',
        '96010.00',
        '96010.00',
        '0.004',
        T0 + 119_999,
        '384.04000',
        1,
        '0.004',
        '384.04000',
        '0',
      ],
    ]);
  });

  test('behavior: longer intervals aggregate the minutes', () => {
    const { venue } = tradedVenue();
    expect(call(klines, venue, { symbol: 'BTCUSDT', interval: '5m' })).toEqual([
      [
        T0,
        '96000.00',
        '96020.00',
        '95990.00',
        '96010.00',
        '0.011',
        T0 + 299_999,
        '1056.06000',
        4,
        '0.009',
        '864.08000',
        '0',
      ],
    ]);
    const [day] = call(klines, venue, { symbol: 'BTCUSDT', interval: '1d' });
    expect(day?.[0]).toBe(Date.UTC(2026, 10, 24));
    expect(day?.[8]).toBe(4);
  });

  test('behavior: startTime, endTime and limit select candles', () => {
    const { venue } = tradedVenue();
    const opens = (params: Record<string, string>) =>
      call(klines, venue, { symbol: 'BTCUSDT', interval: '1m', ...params }).map((k) => k[0]);
    expect(opens({ limit: '1' })).toEqual([T0 + 60_000]);
    expect(opens({ startTime: String(T0 + 1) })).toEqual([T0 + 60_000]);
    expect(opens({ endTime: String(T0 + 59_999) })).toEqual([T0]);
    expect(opens({ startTime: String(T0), endTime: String(T0 + 60_000) })).toEqual([T0, T0 + 60_000]);
    expect(rejection(() => opens({ startTime: String(T0 + 1), endTime: String(T0) })).code).toBe(-1023);
    expect(rejection(() => opens({ limit: '0' })).code).toBe(-1130);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(klines, venue, { symbol: 'BTCUSDT', interval: '2m' }))).toEqual({
      code: -1120,
      msg: 'Invalid interval.',
    });
    expect(rejection(() => call(klines, venue, { symbol: 'BTCUSDT' })).msg).toBe(
      "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.",
    );
    expect(rejection(() => call(klines, venue, { interval: '1m' })).code).toBe(-1102);
    expect(rejection(() => call(klines, venue, { symbol: 'NOPE', interval: '1m' })).code).toBe(-1121);
    expect(call(klines, venue, { symbol: 'BTCUSDT', interval: '1M' })).toEqual([]);
  });

  test('behavior: on the synthetic market, limit defaults to 500 and caps at 1500, candles are consistent', () => {
    const { venue } = tradingVenue({
      marketData: 'synthetic',
      synthetic: { backfillMinutes: 1600 },
      symbols: DEFAULT_SYMBOLS.filter((s) => s.symbol === 'ETHUSDT'),
    });
    const rows = call(klines, venue, { symbol: 'ETHUSDT', interval: '1m' });
    expect(rows).toHaveLength(500);
    expect(call(klines, venue, { symbol: 'ETHUSDT', interval: '1m', limit: '2000' })).toHaveLength(1500);
    for (const [open, o, h, l, c, v, close, , count] of rows) {
      expect(close).toBe(open + 59_999);
      expect(Decimal.parse(h).gte(Decimal.parse(o)) && Decimal.parse(h).gte(Decimal.parse(c))).toBe(true);
      expect(Decimal.parse(l).lte(Decimal.parse(o)) && Decimal.parse(l).lte(Decimal.parse(c))).toBe(true);
      expect(o).toMatch(/^\d+\.\d{2}$/);
      expect(v).toMatch(/^\d+\.\d{3}$/);
      expect(count).toBeGreaterThanOrEqual(0);
    }
  });

  test('behavior: weight by limit (§3.4)', () => {
    expect(klines.weight).toBe(klineWeight);
    const weights = [undefined, '1', '99', '100', '499', '500', '1000', '1001', '1500'].map((limit) =>
      klineWeight(limit === undefined ? {} : { limit }),
    );
    expect(weights).toEqual([5, 1, 1, 2, 2, 5, 5, 10, 10]);
  });
});
