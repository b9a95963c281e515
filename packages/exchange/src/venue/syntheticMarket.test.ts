import { describe, expect, test } from 'vitest';
import { Venue } from './venue.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('SyntheticMarket', () => {
  test('default: a fresh venue has a two-sided book, history, and a market that moves', () => {
    const venue = new Venue({ startTime: T0, seed: 42 });
    const btc = venue.market('BTCUSDT');
    expect(btc.book.levelCount(0)).toBeGreaterThan(10);
    expect(btc.book.levelCount(1)).toBeGreaterThan(10);
    expect(btc.book.bestBid()).toBeLessThan(btc.book.bestAsk());
    expect(btc.klines.klines({ interval: '1m', limit: 500, now: T0 })).toHaveLength(500);
    const tradesBefore = btc.trades.size;
    const startIndex = btc.indexPrice;
    venue.advanceTo(T0 + 60_000);
    expect(btc.trades.size).toBeGreaterThan(tradesBefore + 60);
    expect(btc.indexPrice.eq(startIndex)).toBe(false);
    // The mark price stays within a few ticks' worth of basis of the index.
    const gap = btc.markPrice.sub(btc.indexPrice).abs();
    expect(gap.lt(btc.indexPrice.mul('0.002'))).toBe(true);
    // The book tracks the index: mid within 0.1% of it.
    const mid = btc.priceOf(btc.midTick());
    expect(mid.sub(btc.indexPrice).abs().lt(btc.indexPrice.mul('0.001'))).toBe(true);
  });

  test('behavior: the same seed gives the same market, another seed another one', () => {
    const a = new Venue({ startTime: T0, seed: 1 });
    const b = new Venue({ startTime: T0, seed: 1 });
    const c = new Venue({ startTime: T0, seed: 2 });
    for (const v of [a, b, c]) v.advanceTo(T0 + 30_000);
    const snapshot = (v: Venue) => {
      const m = v.market('ETHUSDT');
      return [
        m.indexPrice.toString(),
        m.markPrice.toString(),
        m.book.bestBid(),
        m.book.bestAsk(),
        m.trades.size,
      ];
    };
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
  });

  test('behavior: advancing in steps equals advancing at once', () => {
    const a = new Venue({ startTime: T0, seed: 5 });
    const b = new Venue({ startTime: T0, seed: 5 });
    for (let t = T0; t <= T0 + 20_000; t += 777) a.advanceTo(t);
    a.advanceTo(T0 + 20_000);
    b.advanceTo(T0 + 20_000);
    const m = (v: Venue) => v.market('BTCUSDT');
    expect(m(a).indexPrice.toString()).toBe(m(b).indexPrice.toString());
    expect(m(a).book.depth(0, 20)).toEqual(m(b).book.depth(0, 20));
    expect(m(a).trades.size).toBe(m(b).trades.size);
  });
});
