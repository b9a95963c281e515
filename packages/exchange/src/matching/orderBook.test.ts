import { describe, expect, test } from 'vitest';
import { OrderBook } from './orderBook.js';
import {
  type BookSide,
  BUY,
  type MatchSink,
  SELL,
  STP_EXPIRE_BOTH,
  STP_EXPIRE_MAKER,
  STP_EXPIRE_TAKER,
  STP_NONE,
  type StpMode,
} from './types.js';

/** Records sink calls as readable tuples. */
function recorder(): MatchSink & { events: unknown[] } {
  const events: unknown[] = [];
  return {
    events,
    fill(makerRef, makerOwner, priceTick, qty, makerRemaining) {
      events.push(['fill', makerRef, makerOwner, priceTick, qty, makerRemaining]);
    },
    makerExpired(makerRef, makerOwner, remaining) {
      events.push(['expired', makerRef, makerOwner, remaining]);
    },
  };
}

/** A book whose level changes are recorded as `[side, tick, total]`. */
function bookWithLog(): { book: OrderBook; log: [BookSide, number, number][] } {
  const log: [BookSide, number, number][] = [];
  const book = new OrderBook({ onLevelChange: (side, tick, total) => log.push([side, tick, total]) });
  return { book, log };
}

function taker(side: BookSide, limitTick: number, qty: number, owner = 9, stp: StpMode = STP_NONE) {
  return { side, limitTick, qty, owner, stp };
}

describe('OrderBook', () => {
  test('default', () => {
    const book = new OrderBook();
    expect(book.bestBid()).toBeNaN();
    expect(book.bestAsk()).toBeNaN();
    book.add(1, BUY, 99, 5, 1);
    book.add(2, BUY, 98, 3, 1);
    book.add(3, SELL, 101, 4, 2);
    book.add(4, BUY, 99, 2, 3);
    expect(book.bestBid()).toBe(99);
    expect(book.bestAsk()).toBe(101);
    expect(book.levelQty(BUY, 99)).toBe(7);
    expect(book.levelQty(BUY, 97)).toBe(0);
    expect(book.levelOrderCount(BUY, 99)).toBe(2);
    expect(book.levelCount(BUY)).toBe(2);
    expect(book.levelCount(SELL)).toBe(1);
    expect(book.orderCount()).toBe(4);
    expect(book.depth(BUY, 10)).toEqual([99, 7, 98, 3]);
    expect(book.depth(SELL, 10)).toEqual([101, 4]);
    expect(book.has(3)).toBe(true);
    expect(book.has(5)).toBe(false);
    expect(book.get(4)).toMatchObject({ ref: 4, side: BUY, priceTick: 99, qty: 2, owner: 3 });
    expect(book.get(4)!.seq).toBeGreaterThan(book.get(1)!.seq);
    expect(book.get(5)).toBeUndefined();
  });

  describe('add', () => {
    test('behavior: rejects a duplicate ref and leaves the book as it was', () => {
      const { book, log } = bookWithLog();
      book.add(1, BUY, 99, 5, 1);
      log.length = 0;
      expect(() => book.add(1, BUY, 98, 1, 1)).toThrow(RangeError);
      expect(book.get(1)).toMatchObject({ priceTick: 99, qty: 5 });
      expect(book.orderCount()).toBe(1);
      expect(book.levelCount(BUY)).toBe(1);
      expect(log).toEqual([]);
    });

    test('behavior: rejects invalid quantities, ticks and refs', () => {
      const book = new OrderBook();
      expect(() => book.add(1, BUY, 99, 0, 1)).toThrow(RangeError);
      expect(() => book.add(1, BUY, 99, -2, 1)).toThrow(RangeError);
      expect(() => book.add(1, BUY, 99, 1.5, 1)).toThrow(RangeError);
      expect(() => book.add(1, BUY, 99.5, 1, 1)).toThrow(RangeError);
      expect(() => book.add(1, BUY, Number.NaN, 1, 1)).toThrow(RangeError);
      expect(() => book.add(Number.NaN, BUY, 99, 1, 1)).toThrow(RangeError);
      expect(book.orderCount()).toBe(0);
    });

    test('behavior: rejects a price that would cross (match first)', () => {
      const book = new OrderBook();
      book.add(1, SELL, 101, 1, 1);
      book.add(2, BUY, 99, 1, 1);
      expect(() => book.add(3, BUY, 101, 1, 1)).toThrow(RangeError);
      expect(() => book.add(3, SELL, 99, 1, 1)).toThrow(RangeError);
      book.add(3, BUY, 100, 1, 1);
      book.add(4, SELL, 100.0 + 1, 1, 1);
      expect(book.depth(BUY, 5)).toEqual([100, 1, 99, 1]);
    });

    test('behavior: works for any safe-integer tick, far apart', () => {
      const book = new OrderBook();
      const ticks = [0, 1, 1023, 1024, 70_000, 2 ** 40, Number.MAX_SAFE_INTEGER];
      ticks.forEach((t, i) => {
        book.add(i + 1, SELL, t, 1, 0);
      });
      book.add(100, BUY, -5, 2, 0);
      expect(book.depth(SELL, 10)).toEqual(ticks.flatMap((t) => [t, 1]));
      expect(book.bestBid()).toBe(-5);
      const sink = recorder();
      const r = book.match(taker(BUY, Number.MAX_SAFE_INTEGER, 10), sink);
      expect(r.filled).toBe(ticks.length);
      expect(r.lastTick).toBe(Number.MAX_SAFE_INTEGER);
      expect(book.bestAsk()).toBeNaN();
    });
  });

  describe('cancel', () => {
    test('behavior: returns the remaining qty and removes an emptied level', () => {
      const { book, log } = bookWithLog();
      book.add(1, SELL, 101, 4, 1);
      book.add(2, SELL, 102, 3, 1);
      book.match(taker(BUY, 101, 1), recorder());
      log.length = 0;
      expect(book.cancel(1)).toBe(3);
      expect(book.has(1)).toBe(false);
      expect(book.bestAsk()).toBe(102);
      expect(book.levelCount(SELL)).toBe(1);
      expect(log).toEqual([[SELL, 101, 0]]);
    });

    test('behavior: an unknown or already cancelled ref returns 0 and reports nothing', () => {
      const { book, log } = bookWithLog();
      book.add(1, BUY, 10, 4, 1);
      expect(book.cancel(1)).toBe(4);
      log.length = 0;
      expect(book.cancel(1)).toBe(0);
      expect(book.cancel(12345)).toBe(0);
      expect(log).toEqual([]);
    });

    test('behavior: cancelling from the middle of a level keeps the others in order', () => {
      const book = new OrderBook();
      for (let ref = 1; ref <= 3; ref++) book.add(ref, SELL, 50, ref, ref);
      book.cancel(2);
      const sink = recorder();
      book.match(taker(BUY, 50, 10), sink);
      expect(sink.events).toEqual([
        ['fill', 1, 1, 50, 1, 0],
        ['fill', 3, 3, 50, 3, 0],
      ]);
    });
  });

  describe('reduce', () => {
    test('behavior: lowers the qty and keeps time priority', () => {
      const { book, log } = bookWithLog();
      book.add(1, SELL, 50, 5, 1);
      book.add(2, SELL, 50, 5, 2);
      const seq = book.get(1)!.seq;
      log.length = 0;
      book.reduce(1, 2);
      expect(book.get(1)).toMatchObject({ qty: 2, seq });
      expect(log).toEqual([[SELL, 50, 7]]);
      const sink = recorder();
      book.match(taker(BUY, 50, 3), sink);
      expect(sink.events).toEqual([
        ['fill', 1, 1, 50, 2, 0],
        ['fill', 2, 2, 50, 1, 4],
      ]);
    });

    test('behavior: rejects an unknown ref and quantities outside 0 < newQty < qty', () => {
      const book = new OrderBook();
      book.add(1, BUY, 10, 5, 1);
      expect(() => book.reduce(2, 1)).toThrow(RangeError);
      expect(() => book.reduce(1, 5)).toThrow(RangeError);
      expect(() => book.reduce(1, 6)).toThrow(RangeError);
      expect(() => book.reduce(1, 0)).toThrow(RangeError);
      expect(() => book.reduce(1, 2.5)).toThrow(RangeError);
      expect(book.get(1)!.qty).toBe(5);
    });
  });

  describe('requeue', () => {
    test('behavior: at the same price the order loses time priority', () => {
      const { book, log } = bookWithLog();
      book.add(1, BUY, 50, 5, 1);
      book.add(2, BUY, 50, 5, 2);
      log.length = 0;
      book.requeue(1, 50, 5);
      expect(log).toEqual([]);
      expect(book.get(1)!.seq).toBeGreaterThan(book.get(2)!.seq);
      const sink = recorder();
      book.match(taker(SELL, 50, 6), sink);
      expect(sink.events).toEqual([
        ['fill', 2, 2, 50, 5, 0],
        ['fill', 1, 1, 50, 1, 4],
      ]);
    });

    test('behavior: a quantity change at the same price is reported once', () => {
      const { book, log } = bookWithLog();
      book.add(1, BUY, 50, 5, 1);
      log.length = 0;
      book.requeue(1, 50, 8);
      expect(log).toEqual([[BUY, 50, 8]]);
    });

    test('behavior: a new price moves the order to the back of that level', () => {
      const { book, log } = bookWithLog();
      book.add(1, SELL, 60, 5, 1);
      book.add(2, SELL, 61, 5, 2);
      log.length = 0;
      book.requeue(1, 61, 4);
      expect(log).toEqual([
        [SELL, 60, 0],
        [SELL, 61, 9],
      ]);
      expect(book.get(1)).toMatchObject({ priceTick: 61, qty: 4 });
      expect(book.levelCount(SELL)).toBe(1);
      const sink = recorder();
      book.match(taker(BUY, 61, 9), sink);
      expect(sink.events).toEqual([
        ['fill', 2, 2, 61, 5, 0],
        ['fill', 1, 1, 61, 4, 0],
      ]);
    });

    test('behavior: rejects an unknown ref, invalid values and a crossing price', () => {
      const book = new OrderBook();
      book.add(1, BUY, 50, 5, 1);
      book.add(2, SELL, 55, 5, 2);
      expect(() => book.requeue(3, 51, 1)).toThrow(RangeError);
      expect(() => book.requeue(1, 55, 1)).toThrow(RangeError);
      expect(() => book.requeue(1, 51, 0)).toThrow(RangeError);
      expect(() => book.requeue(1, 51.5, 1)).toThrow(RangeError);
      expect(book.get(1)).toMatchObject({ priceTick: 50, qty: 5 });
    });
  });

  describe('match', () => {
    test('behavior: three makers at one level fill in arrival order', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 100, 3, 2);
      book.add(3, SELL, 100, 4, 3);
      const sink = recorder();
      const r = book.match(taker(BUY, 100, 6), sink);
      expect(sink.events).toEqual([
        ['fill', 1, 1, 100, 2, 0],
        ['fill', 2, 2, 100, 3, 0],
        ['fill', 3, 3, 100, 1, 3],
      ]);
      expect(r).toEqual({ filled: 6, remaining: 0, expiredBySelfTrade: false, lastTick: 100 });
      expect(book.get(3)!.qty).toBe(3);
    });

    test('behavior: better prices fill first, at the maker price', () => {
      const book = new OrderBook();
      book.add(1, BUY, 98, 1, 1);
      book.add(2, BUY, 100, 1, 2);
      book.add(3, BUY, 99, 1, 3);
      const sink = recorder();
      const r = book.match(taker(SELL, 90, 3), sink);
      expect(sink.events).toEqual([
        ['fill', 2, 2, 100, 1, 0],
        ['fill', 3, 3, 99, 1, 0],
        ['fill', 1, 1, 98, 1, 0],
      ]);
      expect(r.lastTick).toBe(98);
      expect(book.bestBid()).toBeNaN();
    });

    test('behavior: stops at the limit and leaves the remainder to the venue', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 101, 2, 1);
      book.add(3, SELL, 103, 2, 1);
      const r = book.match(taker(BUY, 101, 10), recorder());
      expect(r).toEqual({ filled: 4, remaining: 6, expiredBySelfTrade: false, lastTick: 101 });
      expect(book.bestAsk()).toBe(103);
      expect(book.bestBid()).toBeNaN();
      expect(book.orderCount()).toBe(1);
    });

    test('behavior: a market-like taker walks the book down to its bound', () => {
      const book = new OrderBook();
      for (let i = 0; i < 5; i++) book.add(i + 1, BUY, 100 - i, 1, 1);
      // A MARKET sell protected by a 2-tick bound below the best bid.
      const r = book.match(taker(SELL, book.bestBid() - 2, 10), recorder());
      expect(r).toEqual({ filled: 3, remaining: 7, expiredBySelfTrade: false, lastTick: 98 });
      expect(book.bestBid()).toBe(97);
    });

    test('behavior: an empty book or a limit short of the touch trades nothing', () => {
      const book = new OrderBook();
      const sink = recorder();
      expect(book.match(taker(BUY, 100, 3), sink)).toEqual({
        filled: 0,
        remaining: 3,
        expiredBySelfTrade: false,
        lastTick: Number.NaN,
      });
      book.add(1, SELL, 101, 1, 1);
      expect(book.match(taker(BUY, 100, 3), sink).filled).toBe(0);
      expect(sink.events).toEqual([]);
    });

    test('behavior: writes into a caller-owned result object', () => {
      const book = new OrderBook();
      book.add(1, SELL, 101, 1, 1);
      const out = { filled: -1, remaining: -1, expiredBySelfTrade: true, lastTick: 0 };
      expect(book.match(taker(BUY, 101, 3), recorder(), out)).toBe(out);
      expect(out).toEqual({ filled: 1, remaining: 2, expiredBySelfTrade: false, lastTick: 101 });
    });

    test('behavior: rejects a taker qty that is not a positive integer, and a NaN limit', () => {
      const book = new OrderBook();
      book.add(1, SELL, 10, 1, 1);
      expect(() => book.match(taker(BUY, 1, 0), recorder())).toThrow(RangeError);
      expect(() => book.match(taker(BUY, 1, 0.5), recorder())).toThrow(RangeError);
      expect(() => book.match(taker(BUY, Number.NaN, 1), recorder())).toThrow(RangeError);
      expect(book.has(1)).toBe(true);
    });

    test('behavior: an infinite limit is an unbounded taker', () => {
      const book = new OrderBook();
      book.add(1, BUY, 10, 1, 1);
      book.add(2, BUY, 5, 1, 1);
      expect(book.match(taker(SELL, Number.NEGATIVE_INFINITY, 5), recorder()).filled).toBe(2);
    });

    test('behavior: reports each touched level once, with its final total', () => {
      const { book, log } = bookWithLog();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 100, 2, 2);
      book.add(3, SELL, 101, 5, 3);
      book.add(4, SELL, 102, 5, 3);
      log.length = 0;
      book.match(taker(BUY, 102, 6), recorder());
      expect(log).toEqual([
        [SELL, 100, 0],
        [SELL, 101, 3],
      ]);
    });

    test('behavior: the sink sees the book after each event', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 101, 5, 2);
      const seen: unknown[] = [];
      book.match(taker(BUY, 101, 3), {
        fill(ref, _owner, tick, _qty, left) {
          seen.push([ref, book.has(ref), book.levelQty(SELL, tick), book.bestAsk(), left]);
        },
        makerExpired() {},
      });
      expect(seen).toEqual([
        [1, false, 0, 101, 0],
        [2, true, 4, 101, 4],
      ]);
    });

    test('behavior: a callback that mutates the book throws, and the book stays usable', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 101, 2, 1);
      const sink: MatchSink = {
        fill() {
          book.cancel(2);
        },
        makerExpired() {},
      };
      expect(() => book.match(taker(BUY, 100, 1), sink)).toThrow(RangeError);
      expect(book.has(2)).toBe(true);
      book.add(3, BUY, 99, 1, 1);
      expect(book.bestBid()).toBe(99);
    });
  });

  describe('self-trade prevention', () => {
    /** Asks: own(1) 2@100, foreign(2) 2@100, own(1) 2@101, foreign 2@101; taker owner 1. */
    function mixedBook(): OrderBook {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 100, 2, 2);
      book.add(3, SELL, 101, 2, 1);
      book.add(4, SELL, 101, 2, 2);
      return book;
    }

    test('behavior: NONE lets an owner trade with itself', () => {
      const book = mixedBook();
      const sink = recorder();
      const r = book.match(taker(BUY, 100, 3, 1, STP_NONE), sink);
      expect(sink.events).toEqual([
        ['fill', 1, 1, 100, 2, 0],
        ['fill', 2, 2, 100, 1, 1],
      ]);
      expect(r.expiredBySelfTrade).toBe(false);
    });

    test('behavior: EXPIRE_TAKER stops before the own maker, which stays', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 2);
      book.add(2, SELL, 100, 2, 1);
      book.add(3, SELL, 100, 2, 2);
      const sink = recorder();
      const r = book.match(taker(BUY, 105, 5, 1, STP_EXPIRE_TAKER), sink);
      expect(sink.events).toEqual([['fill', 1, 2, 100, 2, 0]]);
      expect(r).toEqual({ filled: 2, remaining: 3, expiredBySelfTrade: true, lastTick: 100 });
      expect(book.get(2)!.qty).toBe(2);
      expect(book.levelQty(SELL, 100)).toBe(4);
    });

    test('behavior: EXPIRE_MAKER removes a chain of own makers, then trades a foreign one', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 100, 3, 1);
      book.add(3, SELL, 101, 1, 1);
      book.add(4, SELL, 101, 5, 2);
      const sink = recorder();
      const r = book.match(taker(BUY, 101, 4, 1, STP_EXPIRE_MAKER), sink);
      expect(sink.events).toEqual([
        ['expired', 1, 1, 2],
        ['expired', 2, 1, 3],
        ['expired', 3, 1, 1],
        ['fill', 4, 2, 101, 4, 1],
      ]);
      expect(r).toEqual({ filled: 4, remaining: 0, expiredBySelfTrade: false, lastTick: 101 });
      expect(book.orderCount()).toBe(1);
      expect(book.depth(SELL, 5)).toEqual([101, 1]);
    });

    test('behavior: EXPIRE_MAKER can empty the book without trading', () => {
      const { book, log } = bookWithLog();
      book.add(1, BUY, 100, 2, 1);
      log.length = 0;
      const r = book.match(taker(SELL, 90, 4, 1, STP_EXPIRE_MAKER), recorder());
      expect(r).toEqual({ filled: 0, remaining: 4, expiredBySelfTrade: false, lastTick: Number.NaN });
      expect(log).toEqual([[BUY, 100, 0]]);
    });

    test('behavior: EXPIRE_BOTH removes the own maker and stops the taker', () => {
      const book = mixedBook();
      book.cancel(1);
      book.add(5, SELL, 100, 2, 1);
      // Asks at 100: foreign 2 (ref 2), own 2 (ref 5).
      const sink = recorder();
      const r = book.match(taker(BUY, 101, 5, 1, STP_EXPIRE_BOTH), sink);
      expect(sink.events).toEqual([
        ['fill', 2, 2, 100, 2, 0],
        ['expired', 5, 1, 2],
      ]);
      expect(r).toEqual({ filled: 2, remaining: 3, expiredBySelfTrade: true, lastTick: 100 });
      expect(book.depth(SELL, 5)).toEqual([101, 4]);
    });

    test('behavior: makers of other owners are never affected', () => {
      const book = new OrderBook();
      book.add(1, SELL, 100, 2, 2);
      const sink = recorder();
      const r = book.match(taker(BUY, 100, 2, 1, STP_EXPIRE_BOTH), sink);
      expect(sink.events).toEqual([['fill', 1, 2, 100, 2, 0]]);
      expect(r.expiredBySelfTrade).toBe(false);
    });
  });

  describe('queries', () => {
    test('behavior: priceAtLevel counts distinct levels from the best', () => {
      const book = new OrderBook();
      for (const [ref, t] of [
        [1, 105],
        [2, 101],
        [3, 101],
        [4, 110],
      ] as const) {
        book.add(ref, SELL, t, 1, 1);
      }
      expect([1, 2, 3, 4].map((n) => book.priceAtLevel(SELL, n))).toEqual([101, 105, 110, Number.NaN]);
      expect(book.priceAtLevel(SELL, 0)).toBeNaN();
      expect(book.priceAtLevel(BUY, 1)).toBeNaN();
    });

    test('behavior: fillableQty stops at the limit and at need, and ignores self-trade prevention', () => {
      const book = new OrderBook();
      book.add(1, BUY, 100, 2, 1);
      book.add(2, BUY, 99, 3, 1);
      book.add(3, BUY, 97, 4, 1);
      expect(book.fillableQty(SELL, 99, 100)).toBe(5);
      expect(book.fillableQty(SELL, 99, 4)).toBe(4);
      expect(book.fillableQty(SELL, 0, Number.POSITIVE_INFINITY)).toBe(9);
      expect(book.fillableQty(SELL, 101, 1)).toBe(0);
      expect(book.fillableQty(BUY, 1_000, 1)).toBe(0);
      expect(book.fillableQty(SELL, Number.NaN, 5)).toBe(0);
    });

    test('behavior: wouldCross is true when the price reaches the opposite touch', () => {
      const book = new OrderBook();
      expect(book.wouldCross(BUY, 1e9)).toBe(false);
      book.add(1, SELL, 101, 1, 1);
      book.add(2, BUY, 99, 1, 1);
      expect(book.wouldCross(BUY, 100)).toBe(false);
      expect(book.wouldCross(BUY, 101)).toBe(true);
      expect(book.wouldCross(SELL, 100)).toBe(false);
      expect(book.wouldCross(SELL, 99)).toBe(true);
    });

    test('behavior: depth truncates to the levels asked and reuses an output array', () => {
      const book = new OrderBook();
      for (let i = 0; i < 5; i++) book.add(i + 1, BUY, 100 - i, i + 1, 1);
      const out = [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7];
      expect(book.depth(BUY, 2, out)).toBe(out);
      expect(out).toEqual([100, 1, 99, 2]);
      expect(book.depth(BUY, 0)).toEqual([]);
      expect(book.depth(SELL, 3)).toEqual([]);
    });

    test('behavior: get returns a live view of the order', () => {
      const book = new OrderBook();
      book.add(1, BUY, 100, 5, 1);
      const view = book.get(1)!;
      book.reduce(1, 3);
      expect(view.qty).toBe(3);
      book.requeue(1, 98, 4);
      expect(view).toMatchObject({ priceTick: 98, qty: 4 });
    });

    test('behavior: forEachOrder visits bids then asks, best first, in queue order', () => {
      const book = new OrderBook();
      book.add(1, SELL, 102, 1, 1);
      book.add(2, BUY, 99, 1, 1);
      book.add(3, BUY, 100, 1, 1);
      book.add(4, SELL, 101, 1, 1);
      book.add(5, BUY, 99, 1, 1);
      book.add(6, SELL, 101, 1, 1);
      const refs: number[] = [];
      book.forEachOrder((o) => refs.push(o.ref));
      expect(refs).toEqual([3, 2, 5, 4, 6, 1]);
      expect(() =>
        book.forEachOrder(() => {
          book.cancel(1);
        }),
      ).toThrow(RangeError);
    });

    test('behavior: re-adding the orders in forEachOrder order reproduces the book', () => {
      const book = new OrderBook();
      book.add(1, BUY, 99, 1, 1);
      book.add(2, BUY, 99, 2, 2);
      book.add(3, SELL, 101, 3, 1);
      book.requeue(1, 99, 1);
      const copy = new OrderBook();
      book.forEachOrder((o) => copy.add(o.ref, o.side, o.priceTick, o.qty, o.owner));
      const a = recorder();
      const b = recorder();
      book.match(taker(SELL, 0, 3), a);
      copy.match(taker(SELL, 0, 3), b);
      expect(b.events).toEqual(a.events);
    });
  });

  describe('clear', () => {
    test('behavior: removes everything, reports each level, and the book is reusable', () => {
      const { book, log } = bookWithLog();
      book.add(1, BUY, 99, 1, 1);
      book.add(2, BUY, 98, 1, 1);
      book.add(3, SELL, 101, 1, 1);
      log.length = 0;
      book.clear();
      expect(log).toEqual([
        [BUY, 99, 0],
        [BUY, 98, 0],
        [SELL, 101, 0],
      ]);
      expect(book.orderCount()).toBe(0);
      expect(book.levelCount(BUY) + book.levelCount(SELL)).toBe(0);
      expect(book.bestBid()).toBeNaN();
      expect(book.has(1)).toBe(false);
      book.add(1, SELL, 99, 1, 1);
      expect(book.bestAsk()).toBe(99);
    });
  });

  describe('level reporting', () => {
    test('behavior: add, cancel and partial fills report the new totals', () => {
      const { book, log } = bookWithLog();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 100, 3, 1);
      book.match(taker(BUY, 100, 1), recorder());
      book.cancel(2);
      expect(log).toEqual([
        [SELL, 100, 2],
        [SELL, 100, 5],
        [SELL, 100, 4],
        [SELL, 100, 1],
      ]);
    });

    test('behavior: self-trade expiry alone is reported', () => {
      const { book, log } = bookWithLog();
      book.add(1, SELL, 100, 2, 1);
      book.add(2, SELL, 100, 3, 2);
      log.length = 0;
      book.match(taker(BUY, 100, 1, 1, STP_EXPIRE_BOTH), recorder());
      expect(log).toEqual([[SELL, 100, 3]]);
      book.match(taker(BUY, 100, 1, 2, STP_EXPIRE_TAKER), recorder());
      expect(log).toEqual([[SELL, 100, 3]]);
    });
  });

  test('behavior: pools recycle nodes and levels without leaking state', () => {
    const book = new OrderBook({ maxPooledOrders: 4 });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 10; i++) book.add(round * 100 + i, SELL, 200 + (i % 3), 1 + i, i);
      const sink = recorder();
      const r = book.match(taker(BUY, 202, 1_000), sink);
      expect(r.filled).toBe(55);
      expect(sink.events[0]).toEqual(['fill', round * 100, 0, 200, 1, 0]);
      expect(book.orderCount()).toBe(0);
    }
  });
});
