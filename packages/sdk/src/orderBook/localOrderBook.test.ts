import { createRng, Decimal, type PriceLevel } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { BookSide } from './bookSide.js';
import { LocalOrderBook } from './localOrderBook.js';
import { isZeroQuantity, NEEDS_RESCALE, parseTicks } from './ticks.js';
import type { DepthDiff } from './types.js';

const diff = (
  U: number | bigint,
  u: number | bigint,
  pu: number | bigint,
  b: PriceLevel[] = [],
  a: PriceLevel[] = [],
): DepthDiff => ({
  U,
  u,
  pu,
  b,
  a,
});

/** bids 100 × 1, 99.5 × 2, 99 × 3; asks 100.5 × 1.5, 101 × 2, 102.25 × 4 (scale 2, from 102.25). */
function handBuilt(lastUpdateId: number | bigint = 100): LocalOrderBook {
  const book = new LocalOrderBook();
  book.reset({
    lastUpdateId,
    bids: [
      ['100.0', '1'],
      ['99.5', '2'],
      ['99', '3'],
    ],
    asks: [
      ['100.5', '1.5'],
      ['101', '2'],
      ['102.25', '4'],
    ],
  });
  return book;
}

const s = (d: Decimal | undefined) => d?.toString();

describe('ticks', () => {
  test('default: prices to integer ticks at a scale', () => {
    expect(parseTicks('96000.10', 2)).toBe(9600010);
    expect(parseTicks('96000.1', 2)).toBe(9600010);
    expect(parseTicks('96000', 2)).toBe(9600000);
    expect(parseTicks('0.00001234', 8)).toBe(1234);
    expect(parseTicks('96000.100', 2)).toBe(9600010);
    expect(parseTicks('96000.105', 2)).toBe(NEEDS_RESCALE);
  });

  test('behavior: refuses what is not a plain non-negative decimal, and 2^53 ticks', () => {
    for (const bad of ['', '-1', '1e5', '.5', '5.', '1.2.3', ' 1', 'abc'])
      expect(() => parseTicks(bad, 2)).toThrow();
    expect(() => parseTicks('90071992547409.93', 2)).toThrow(RangeError);
  });

  test('behavior: zero quantities', () => {
    expect(['0', '0.000', '0.0'].map(isZeroQuantity)).toEqual([true, true, true]);
    expect(['0.001', '1', '10.0'].map(isZeroQuantity)).toEqual([false, false, false]);
  });
});

describe('BookSide', () => {
  test('behavior: random sets and removes keep the order of a Map oracle, best last', () => {
    const rng = createRng(11);
    for (const sign of [1, -1] as const) {
      const side = new BookSide(sign, 4);
      const oracle = new Map<number, string>();
      for (let i = 0; i < 20_000; i++) {
        // Mostly near the top (around tick 1000), sometimes far.
        const tick = rng.next() < 0.8 ? 1000 + rng.nextInt(20) - 10 : 1 + rng.nextInt(2000);
        const key = sign * tick;
        if (rng.next() < 0.35) {
          side.remove(key);
          oracle.delete(key);
        } else {
          const q = String(1 + rng.nextInt(100));
          side.set(key, q);
          oracle.set(key, q);
        }
      }
      const want = [...oracle.entries()].sort(([a], [b]) => a - b);
      const got = Array.from({ length: side.size }, (_, i): [number, string] => [
        side.keys[i]!,
        side.quantities[i]!,
      ]);
      expect(got).toEqual(want);
    }
  });
});

describe('LocalOrderBook queries (hand-built book)', () => {
  test('default: best levels, mid, spread, top N', () => {
    const book = handBuilt();
    expect(book.priceScale).toBe(2);
    expect(s(book.bestBid()?.price)).toBe('100.00');
    expect(s(book.bestAsk()?.quantity)).toBe('1.5');
    expect(s(book.midPrice())).toBe('100.250');
    expect(s(book.spread())).toBe('0.50');
    expect(book.levelStrings('bids')).toEqual([
      ['100.00', '1'],
      ['99.50', '2'],
      ['99.00', '3'],
    ]);
    expect(book.levels('asks', 2).map((l) => [s(l.price), s(l.quantity)])).toEqual([
      ['100.50', '1.5'],
      ['101.00', '2'],
    ]);
    expect(book.size('asks')).toBe(3);
  });

  test('behavior: fill cost and average price, complete or not, with a limit price', () => {
    const book = handBuilt();
    const buy = book.fillCost('buy', '3');
    expect([buy.complete, buy.filled.eq('3'), s(buy.cost), buy.levels]).toEqual([true, true, '302.250', 2]);
    expect(buy.averagePrice?.eq('100.75')).toBe(true);
    expect(s(buy.worstPrice)).toBe('101.00');

    const tooMuch = book.fillCost('buy', '10');
    expect(tooMuch.complete).toBe(false);
    expect(tooMuch.filled.eq('7.5')).toBe(true);
    expect(tooMuch.cost.eq('761.75')).toBe(true); // 150.75 + 202 + 409
    expect(tooMuch.averagePrice?.eq(Decimal.parse('761.75').div('7.5', 10, 'half-even'))).toBe(true);

    const sell = book.fillCost('sell', '2.5', { limitPrice: '99.5' });
    expect(sell.complete).toBe(true);
    expect(sell.cost.eq('249.25')).toBe(true); // 100 × 1 + 99.5 × 1.5
    const limited = book.fillCost('sell', '10', { limitPrice: '99.5' });
    expect([limited.complete, limited.filled.eq(3), limited.levels]).toEqual([false, true, 2]);

    const none = book.fillCost('buy', '1', { limitPrice: '100' });
    expect([none.complete, none.filled.isZero(), none.averagePrice, none.worstPrice]).toEqual([
      false,
      true,
      undefined,
      undefined,
    ]);
    expect(book.fillCost('buy', '0').complete).toBe(true);
    expect(() => book.fillCost('buy', '-1')).toThrow(RangeError);
  });

  test('behavior: depth within absolute bands and within basis points of the mid', () => {
    const book = handBuilt();
    const bids = book.depth('bids', { minPrice: '99.5' });
    expect([s(bids.quantity), bids.notional.eq('299'), bids.levels]).toEqual(['3', true, 2]);
    const middle = book.depth('asks', { minPrice: '100.6', maxPrice: '102.25' });
    expect([s(middle.quantity), middle.notional.eq('611'), middle.levels]).toEqual(['6', true, 2]);
    const all = book.depth('asks');
    expect([s(all.quantity), all.levels]).toEqual(['7.5', 3]);
    // mid 100.25; 50 bps: bids ≥ 99.74875 (→ 100 only), asks ≤ 100.75125 (→ 100.5 only).
    expect(book.depth('bids', { withinBps: 50 }).levels).toBe(1);
    expect(book.depth('asks', { withinBps: 50 }).levels).toBe(1);
    // 75 bps: bids ≥ 99.498125 (→ 100, 99.5), asks ≤ 101.001875 (→ 100.5, 101).
    expect(s(book.depth('bids', { withinBps: '75' }).quantity)).toBe('3');
    expect(s(book.depth('asks', { withinBps: 75 }).quantity)).toBe('3.5');
    expect(new LocalOrderBook().depth('bids', { withinBps: 10 }).levels).toBe(0);
  });
});

describe('LocalOrderBook sequence (reference §10)', () => {
  test('default: drops older diffs, takes the first covering one, then requires pu = previous u', () => {
    const book = handBuilt(100);
    expect(book.apply(diff(90, 99, 89, [['100', '5']]))).toBe('stale');
    expect(book.apply(diff(95, 104, 94, [['100', '5']], [['100.5', '0']]))).toBe('applied');
    expect(book.lastUpdateId).toBe(104);
    expect(book.apply(diff(105, 110, 104, [['99.75', '1']]))).toBe('applied');
    expect(book.apply(diff(105, 110, 104, [['99.75', '9']]))).toBe('stale'); // a replayed frame
    expect(book.apply(diff(112, 115, 111))).toBe('gap');
    expect(book.levelStrings('bids', 2)).toEqual([
      ['100.00', '5'],
      ['99.75', '1'],
    ]);
    expect(s(book.bestAsk()?.price)).toBe('101.00');
  });

  test('behavior: the first diff may start right after the snapshot (pu = L) but not later', () => {
    const book = handBuilt(100);
    expect(book.apply(diff(101, 103, 100))).toBe('applied');
    const late = handBuilt(100);
    expect(late.apply(diff(102, 103, 101))).toBe('gap');
    expect(new LocalOrderBook().apply(diff(1, 2, 0))).toBe('unsynced');
  });

  test('behavior: ids above 2^53 (bigint), and mixed with numbers below it', () => {
    const base = 2n ** 60n;
    const book = handBuilt(base);
    expect(book.apply(diff(base - 5n, base + 3n, base - 6n, [['100', '0']]))).toBe('applied');
    expect(book.apply(diff(base + 4n, base + 9n, base + 3n))).toBe('applied');
    expect(book.apply(diff(base + 10n, base + 12n, base + 8n))).toBe('gap');
    expect(book.lastUpdateId).toBe(base + 9n);
    // A lossless parser gives a number up to 2^53 and a bigint beyond it.
    const edge = handBuilt(2 ** 53 - 2);
    expect(edge.apply(diff(2 ** 53 - 3, 2 ** 53, 2 ** 53 - 4))).toBe('applied');
    expect(edge.apply(diff(2n ** 53n + 1n, 2n ** 53n + 5n, 2 ** 53))).toBe('applied');
  });

  test('behavior: a finer price grows the scale without changing the book', () => {
    const book = handBuilt();
    expect(book.apply(diff(95, 101, 94, [['99.875', '7']]))).toBe('applied');
    expect(book.priceScale).toBe(3);
    expect(book.levelStrings('bids')).toEqual([
      ['100.000', '1'],
      ['99.875', '7'],
      ['99.500', '2'],
      ['99.000', '3'],
    ]);
    const fixed = new LocalOrderBook({ priceScale: 2 });
    fixed.reset({ lastUpdateId: 1, bids: [['1.25', '1']], asks: [] });
    expect(() => fixed.apply(diff(1, 2, 0, [['1.255', '1']]))).toThrow(RangeError);
  });

  test('behavior: a snapshot replaces the book, zero levels skipped, unsorted input tolerated', () => {
    const book = handBuilt();
    book.reset({
      lastUpdateId: 7,
      bids: [
        ['10', '1'],
        ['12', '0.000'],
        ['11', '2'],
      ],
      asks: [['13', '1']],
    });
    expect(book.levelStrings('bids')).toEqual([
      ['11.00', '2'],
      ['10.00', '1'],
    ]);
    expect(book.size('asks')).toBe(1);
    expect(book.lastUpdateId).toBe(7);
  });
});
