import { Decimal, toSteps } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catchError } from '../testing/catchError.js';
import type { Kline } from './klines.js';
import { KlineStore } from './klines.js';

const utc = (text: string): number => Date.parse(`${text}Z`);
const T0 = utc('2024-06-15T00:00:00');
const MIN = 60_000;

/** The 12 wire fields as strings and numbers, for readable expectations. */
function wire(k: Kline) {
  return [
    k.openTime,
    k.open.toString(),
    k.high.toString(),
    k.low.toString(),
    k.close.toString(),
    k.volume.toString(),
    k.closeTime,
    k.quoteVolume.toString(),
    k.count,
    k.takerBuyVolume.toString(),
    k.takerBuyQuoteVolume.toString(),
  ];
}

/** One trade per minute for `minutes` minutes from `start`, price 1000 + minute index (ticks). */
function perMinute(minutes: number, start = T0, options: { retentionMinutes?: number } = {}) {
  const store = KlineStore.forTrades('0.10', '0.001', options);
  for (let i = 0; i < minutes; i++) store.addTrade(start + i * MIN + 30_000, 1000 + i, 1, false, i + 1);
  return store;
}

describe('KlineStore', () => {
  test('default', () => {
    const store = KlineStore.forTrades('0.10', '0.001');
    store.addTrade(T0 + 1_000, 631234, 5, false, 101); // 63123.4 x 0.005, taker bought
    store.addTrade(T0 + 2_000, 631240, 2, true, 102); // 63124.0 x 0.002, taker sold
    store.addTrade(T0 + 59_999, 631230, 1, false, 103);
    store.addTrade(T0 + 60_000, 631250, 3, true, 104);
    const [first, second] = store.klines({ interval: '1m' });
    expect(wire(first!)).toEqual([
      T0,
      '63123.40',
      '63124.00',
      '63123.00',
      '63123.00',
      '0.008',
      T0 + 59_999,
      '504.98800', // 315.617 + 126.248 + 63.123
      3,
      '0.006',
      '378.74000',
    ]);
    expect(first?.firstTradeId).toBe(101);
    expect(first?.lastTradeId).toBe(103);
    expect(wire(second!).slice(0, 6)).toEqual([
      T0 + MIN,
      '63125.00',
      '63125.00',
      '63125.00',
      '63125.00',
      '0.003',
    ]);
    expect(store.current('1h')?.count).toBe(4);
  });

  test('behavior: a minute without trades is a flat candle at the previous close', () => {
    const store = KlineStore.forTrades('1', '1');
    store.addTrade(T0, 10, 1, false, 1);
    store.addTrade(T0 + 3 * MIN, 12, 1, false, 2);
    const candles = store.klines({ interval: '1m' });
    expect(candles.map((k) => [k.open.toString(), k.close.toString(), k.count, k.firstTradeId])).toEqual([
      ['10', '10', 1, 1],
      ['10', '10', 0, undefined],
      ['10', '10', 0, undefined],
      ['12', '12', 1, 2],
    ]);
    // A 5m candle opens at its first trade, not at the carried price of empty minutes.
    store.addTrade(T0 + 6 * MIN, 9, 1, false, 3);
    const [, fiveMinute] = store.klines({ interval: '5m' });
    expect([fiveMinute?.open.toString(), fiveMinute?.low.toString(), fiveMinute?.count]).toEqual([
      '9',
      '9',
      1,
    ]);
  });

  test('behavior: neither bound → the most recent `limit`, the open candle included; default 500, max 1500', () => {
    const store = perMinute(2000);
    const recent = store.klines({ interval: '1m' });
    expect(recent).toHaveLength(500);
    expect(recent.at(-1)?.openTime).toBe(T0 + 1999 * MIN);
    expect(store.klines({ interval: '1m', limit: 5000 })).toHaveLength(1500);
    expect(catchError(() => store.klines({ interval: '1m', limit: 0 }))).toMatchObject({ code: -1130 });
    // The clock is further on: the open candle is the one containing `now`, flat at the last price.
    const later = store.klines({ interval: '1m', limit: 2, now: T0 + 2005 * MIN + 1 });
    expect(later.map((k) => [k.openTime, k.close.toString(), k.count])).toEqual([
      [T0 + 2004 * MIN, '299.90', 0],
      [T0 + 2005 * MIN, '299.90', 0],
    ]);
  });

  test('behavior: only startTime → forward from the first candle opening at or after it', () => {
    const store = perMinute(100);
    expect(
      store.klines({ interval: '1m', startTime: T0 + 10 * MIN, limit: 3 }).map((k) => k.openTime),
    ).toEqual([T0 + 10 * MIN, T0 + 11 * MIN, T0 + 12 * MIN]);
    // Mid-candle start: the candle containing it is skipped.
    expect(
      store.klines({ interval: '5m', startTime: T0 + 10 * MIN + 1, limit: 2 }).map((k) => k.openTime),
    ).toEqual([T0 + 15 * MIN, T0 + 20 * MIN]);
    // Before the data: starts at the first candle; after the open candle: nothing.
    expect(store.klines({ interval: '1m', startTime: 0, limit: 1 })[0]?.openTime).toBe(T0);
    expect(store.klines({ interval: '1m', startTime: T0 + 200 * MIN })).toEqual([]);
  });

  test('behavior: only endTime → the `limit` candles opening at or before it', () => {
    const store = perMinute(100);
    expect(
      store.klines({ interval: '1m', endTime: T0 + 50 * MIN + 59_999, limit: 3 }).map((k) => k.openTime),
    ).toEqual([T0 + 48 * MIN, T0 + 49 * MIN, T0 + 50 * MIN]);
    expect(store.klines({ interval: '1m', endTime: T0 + 50 * MIN, limit: 1 })[0]?.openTime).toBe(
      T0 + 50 * MIN,
    );
    expect(store.klines({ interval: '1m', endTime: T0 + 2 * MIN })).toHaveLength(3);
  });

  test('behavior: both bounds are inclusive on open time; the limit counts from startTime', () => {
    const store = perMinute(100);
    const window = store.klines({ interval: '1m', startTime: T0 + 10 * MIN, endTime: T0 + 20 * MIN });
    expect(window.map((k) => k.openTime)).toEqual(Array.from({ length: 11 }, (_, i) => T0 + (10 + i) * MIN));
    const limited = store.klines({
      interval: '1m',
      startTime: T0 + 10 * MIN,
      endTime: T0 + 20 * MIN,
      limit: 2,
    });
    expect(limited.map((k) => k.openTime)).toEqual([T0 + 10 * MIN, T0 + 11 * MIN]);
    const error = catchError(() => store.klines({ interval: '1m', startTime: 2, endTime: 1 }));
    expect(error).toMatchObject({ code: -1023, msg: 'Start time is greater than end time.' });
  });

  test('behavior: 1w candles open on Monday and 1M candles on the first of the month', () => {
    // One trade an hour from Wednesday 2024-01-31 for 40 days.
    const start = utc('2024-01-31T00:00:00');
    const store = KlineStore.forTrades('1', '1', { retentionMinutes: 60 * 24 * 45 });
    for (let h = 0; h < 40 * 24; h++) store.addTrade(start + h * 3_600_000, 100 + h, 1, h % 2 === 0, h);
    const weeks = store.klines({ interval: '1w' });
    expect(weeks.map((k) => new Date(k.openTime).toISOString().slice(0, 10))).toEqual([
      '2024-01-29',
      '2024-02-05',
      '2024-02-12',
      '2024-02-19',
      '2024-02-26',
      '2024-03-04',
    ]);
    expect(weeks[0]?.count).toBe(5 * 24); // Wednesday..Sunday
    expect(weeks[1]?.closeTime).toBe(utc('2024-02-11T23:59:59.999'));
    const months = store.klines({ interval: '1M' });
    expect(months.map((k) => [new Date(k.openTime).toISOString().slice(0, 10), k.count])).toEqual([
      ['2024-01-01', 24],
      ['2024-02-01', 29 * 24],
      ['2024-03-01', 10 * 24],
    ]);
    expect(months[1]?.closeTime).toBe(utc('2024-02-29T23:59:59.999'));
    expect(months[1]?.open.toString()).toBe(String(100 + 24));
    expect((store.klines({ interval: '3d', limit: 1 })[0]?.openTime ?? 1) % (3 * 86_400_000)).toBe(0);
    expect(store.klines({ interval: '1d', startTime: utc('2024-02-10T00:00:00'), limit: 1 })[0]?.count).toBe(
      24,
    );
  });

  test('behavior: a sample is its value rounded half-up to the unit, on the grid or off it (property)', () => {
    // On the grid `addSample` scales the units without rounding; off it, or past 2^53 units, it rounds.
    const sample = fc
      .bigInt({ min: -(10n ** 17n), max: 10n ** 17n })
      .chain((units) => fc.integer({ min: 0, max: 12 }).map((scale) => Decimal.fromUnits(units, scale)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), sample, (decimals, value) => {
        const unit = Decimal.fromUnits(1n, decimals);
        const expected = toSteps(value.roundToStep(unit, 'half-up'), unit);
        fc.pre(expected >= BigInt(Number.MIN_SAFE_INTEGER) && expected <= BigInt(Number.MAX_SAFE_INTEGER));
        const fast = KlineStore.forSamples(decimals);
        fast.addSample(T0, value);
        const exact = KlineStore.forSamples(decimals);
        exact.addSampleUnits(T0, Number(expected));
        expect(fast.klines({ interval: '1m' })).toEqual(exact.klines({ interval: '1m' }));
      }),
      { numRuns: 2000 },
    );
  });

  test('behavior: price-sample klines have zero volumes and count the samples', () => {
    const marks = KlineStore.forSamples(8);
    for (let s = 0; s < 60; s++)
      marks.addSample(T0 + s * 1000, Decimal.parse(`63000.${String(s).padStart(2, '0')}`));
    marks.addSample(T0 + MIN, '-0.000123456789'); // premium-style negative value, rounded half-up to 8
    const [minute, next] = marks.klines({ interval: '1m' });
    expect(wire(minute!)).toEqual([
      T0,
      '63000.00000000',
      '63000.59000000',
      '63000.00000000',
      '63000.59000000',
      '0',
      T0 + 59_999,
      '0',
      60,
      '0',
      '0',
    ]);
    expect(next?.close.toString()).toBe('-0.00012346');
    expect(minute?.firstTradeId).toBeUndefined();
  });

  test('behavior: memory is bounded by retention; old minutes are dropped', () => {
    const store = perMinute(200, T0, { retentionMinutes: 60 });
    expect(store.firstTime).toBe(T0 + 140 * MIN);
    const all = store.klines({ interval: '1m', limit: 1500 });
    expect(all).toHaveLength(60);
    expect(all[0]?.openTime).toBe(T0 + 140 * MIN);
    // A long gap (longer than retention) leaves only flat minutes.
    store.addTrade(T0 + 1000 * MIN, 5, 1, false, 999);
    expect(store.klines({ interval: '1m', limit: 1500 })).toHaveLength(60);
    expect(store.klines({ interval: '1h', limit: 1 })[0]?.low.toString()).toBe('0.50');
  });

  test('behavior: quote volume stays exact beyond 2^53 units', () => {
    const store = KlineStore.forTrades('0.01', '0.00001');
    for (let i = 0; i < 3; i++) store.addTrade(T0 + i, 99_999_999, 99_999_999, false, i);
    const [k] = store.klines({ interval: '1M' });
    // 3 × 999999.99 × 999.99999 exactly
    expect(k?.quoteVolume.toString()).toBe(Decimal.parse('999999.99').mul('999.99999').mul(3).toString());
    expect(k?.takerBuyQuoteVolume.eq(k.quoteVolume)).toBe(true);
  });

  test('behavior: bulk 1m bars and live trades continue one another', () => {
    const store = KlineStore.forTrades('1', '1');
    store.addMinute({
      openTime: T0,
      open: 10,
      high: 12,
      low: 9,
      close: 11,
      count: 4,
      volume: 7,
      quoteVolume: 70n,
    });
    store.addMinute({ openTime: T0 + MIN, open: 11, high: 11, low: 11, close: 11, count: 0 });
    store.addTrade(T0 + 2 * MIN + 5, 13, 2, true, 50);
    const hour = store.current('1h');
    expect([hour?.open, hour?.high, hour?.low, hour?.close].map(String)).toEqual(['10', '13', '9', '13']);
    expect([hour?.volume.toString(), hour?.quoteVolume.toString(), hour?.count]).toEqual(['9', '96', 5]);
    expect(
      catchError(() => store.addMinute({ openTime: T0, open: 1, high: 1, low: 1, close: 1, count: 1 })),
    ).toMatchObject({
      name: 'MarketDataArgumentError',
    });
    expect(catchError(() => store.addTrade(T0, 1, 1, true))).toMatchObject({
      name: 'MarketDataArgumentError',
    });
  });

  test('behavior: aggregate covers a minute range for rolling statistics', () => {
    const store = perMinute(10);
    const k = store.aggregate(T0 + 2 * MIN + 5, T0 + 4 * MIN + 7);
    expect([k?.openTime, k?.closeTime, k?.count, k?.open.toString(), k?.close.toString()]).toEqual([
      T0 + 2 * MIN + 5,
      T0 + 4 * MIN + 7,
      3,
      '100.20',
      '100.40',
    ]);
    expect(store.aggregate(T0 + 20 * MIN, T0 + 30 * MIN)?.count).toBe(0);
    expect(KlineStore.forSamples().aggregate(0, 1)).toBeUndefined();
  });
});
