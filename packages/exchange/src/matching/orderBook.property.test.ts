import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OrderBook } from './orderBook.js';
import { type BookSide, BUY, type MatchResult, type MatchSink, SELL, type StpMode } from './types.js';

/*
 * Model-based test: random operation sequences run on the OrderBook and on a naive reference book (a plain
 * array, sorted on demand by price then time). After every step the two must agree on fills, results,
 * best prices, depth, level totals (as reported through onLevelChange), order views and query answers.
 * Ticks straddle 1,024 so the price index works across a page border.
 */

const LOW_TICK = 1016;
const HIGH_TICK = 1032;

interface ModelOrder {
  ref: number;
  side: BookSide;
  tick: number;
  qty: number;
  owner: number;
  seq: number;
}

type Event =
  | readonly ['fill', number, number, number, number, number]
  | readonly ['expired', number, number, number];

/** The naive reference: correct by inspection, slow by design. */
class ModelBook {
  orders: ModelOrder[] = [];
  private seq = 1;

  find(ref: number): ModelOrder | undefined {
    return this.orders.find((o) => o.ref === ref);
  }

  crosses(side: BookSide, tick: number): boolean {
    return this.orders.some((o) => o.side !== side && (side === BUY ? o.tick <= tick : o.tick >= tick));
  }

  add(ref: number, side: BookSide, tick: number, qty: number, owner: number): void {
    this.orders.push({ ref, side, tick, qty, owner, seq: this.seq++ });
  }

  cancel(ref: number): number {
    const o = this.find(ref);
    if (o === undefined) return 0;
    this.orders = this.orders.filter((x) => x !== o);
    return o.qty;
  }

  requeue(ref: number, tick: number, qty: number): void {
    const o = this.find(ref)!;
    o.tick = tick;
    o.qty = qty;
    o.seq = this.seq++;
  }

  /** Orders of `side` in priority order: best price first, then time. */
  sorted(side: BookSide): ModelOrder[] {
    return this.orders
      .filter((o) => o.side === side)
      .sort((a, b) => (a.tick === b.tick ? a.seq - b.seq : side === BUY ? b.tick - a.tick : a.tick - b.tick));
  }

  /** Flat `[tick, total, ...]`, best first, from `sorted(side)`. */
  static levels(sorted: readonly ModelOrder[]): number[] {
    const out: number[] = [];
    for (const o of sorted) {
      if (out.length > 0 && out[out.length - 2] === o.tick) out[out.length - 1]! += o.qty;
      else out.push(o.tick, o.qty);
    }
    return out;
  }

  match(
    side: BookSide,
    limit: number,
    qty: number,
    owner: number,
    stp: StpMode,
    events: Event[],
  ): MatchResult {
    let remaining = qty;
    let stopped = false;
    let lastTick = Number.NaN;
    const makers = this.sorted(side === BUY ? SELL : BUY).filter((o) =>
      side === BUY ? o.tick <= limit : o.tick >= limit,
    );
    for (const o of makers) {
      if (remaining === 0) break;
      if (stp !== 0 && o.owner === owner) {
        if (stp === 1) {
          stopped = true;
          break;
        }
        this.orders = this.orders.filter((x) => x !== o);
        events.push(['expired', o.ref, o.owner, o.qty]);
        if (stp === 3) {
          stopped = true;
          break;
        }
        continue;
      }
      const q = Math.min(remaining, o.qty);
      o.qty -= q;
      remaining -= q;
      lastTick = o.tick;
      if (o.qty === 0) this.orders = this.orders.filter((x) => x !== o);
      events.push(['fill', o.ref, o.owner, o.tick, q, o.qty]);
    }
    return { filled: qty - remaining, remaining, expiredBySelfTrade: stopped, lastTick };
  }

  /** What a `side` taker could fill down to `limit`, given the opposite side's `levels`. */
  static fillable(side: BookSide, levels: readonly number[], limit: number, need: number): number {
    let sum = 0;
    for (let i = 0; i < levels.length; i += 2) {
      if (side === BUY ? levels[i]! <= limit : levels[i]! >= limit) sum += levels[i + 1]!;
    }
    return Math.min(sum, need);
  }
}

const side = fc.constantFrom<BookSide>(BUY, SELL);
const tick = fc.integer({ min: LOW_TICK, max: HIGH_TICK });
const qty = fc.integer({ min: 1, max: 6 });
const owner = fc.integer({ min: 0, max: 3 });
const stp = fc.constantFrom<StpMode>(0, 1, 2, 3);
const pick = fc.nat({ max: 1_000 });

const op = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('limit' as const),
      side,
      tick,
      qty,
      owner,
      stp,
      ioc: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('market' as const), side, qty, owner, stp }) },
  // Rests mostly on its own half of the range (deeper books), sometimes reaching across (then it must throw).
  {
    weight: 3,
    arbitrary: fc
      .record({ t: fc.constant('add' as const), side, off: fc.integer({ min: 0, max: 10 }), qty, owner })
      .map(({ off, ...o }) => ({ ...o, tick: o.side === BUY ? LOW_TICK + off : HIGH_TICK - off })),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cancel' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reduce' as const), pick, by: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('requeue' as const), pick, tick, qty }) },
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Fails with a readable diff, but only pays for `expect` when the flat number lists differ. */
function same(got: readonly number[], want: readonly number[], what: string): void {
  let equal = got.length === want.length;
  for (let i = 0; equal && i < got.length; i++) equal = Object.is(got[i], want[i]);
  if (!equal) expect(got, what).toEqual(want);
}

function assert(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** `expect(fn).toThrow(RangeError)` without the matcher's cost in a hot loop. */
function assertRangeError(fn: () => void, what: string): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof RangeError) return;
    throw error;
  }
  throw new Error(`${what}: expected a RangeError`);
}

/** Replays `ops` on both books, comparing after every step. */
function check(ops: readonly Op[]): void {
  const mirror = new Map<number, number>();
  const key = (s: BookSide, t: number) => t * 2 + s;
  const book = new OrderBook({
    onLevelChange(s, t, total) {
      assert(total === book.levelQty(s, t), 'onLevelChange reports the current level total');
      if (total === 0) mirror.delete(key(s, t));
      else mirror.set(key(s, t), total);
    },
  });
  const model = new ModelBook();
  let events: number[] = [];
  const sink: MatchSink = {
    fill(ref, own, t, q, left) {
      events.push(0, ref, own, t, q, left);
      // The book is already in its post-fill state.
      assert(left === 0 ? !book.has(ref) : book.get(ref)?.qty === left, 'fill sees the post-fill book');
    },
    makerExpired(ref, own, left) {
      events.push(1, ref, own, left);
      assert(!book.has(ref), 'makerExpired sees the maker gone');
    },
  };
  let nextRef = 1;
  const liveRef = (n: number): number => {
    const live = model.orders;
    // One pick in eight names an unknown ref.
    return live.length === 0 || n % 8 === 7 ? 1_000_000 + n : live[n % live.length]!.ref;
  };
  const match = (s: BookSide, limit: number, q: number, own: number, mode: StpMode): MatchResult => {
    events = [];
    const got = book.match({ side: s, limitTick: limit, qty: q, owner: own, stp: mode }, sink);
    const modelEvents: Event[] = [];
    const want = model.match(s, limit, q, own, mode, modelEvents);
    const flat: number[] = [];
    for (const e of modelEvents) {
      if (e[0] === 'fill') flat.push(0, e[1], e[2], e[3], e[4], e[5]);
      else flat.push(1, e[1], e[2], e[3]);
    }
    same(events, flat, 'fills and expiries');
    same(
      [got.filled, got.remaining, Number(got.expiredBySelfTrade), got.lastTick],
      [want.filled, want.remaining, Number(want.expiredBySelfTrade), want.lastTick],
      'match result',
    );
    return got;
  };

  for (const o of ops) {
    switch (o.t) {
      case 'limit': {
        const r = match(o.side, o.tick, o.qty, o.owner, o.stp);
        if (!o.ioc && r.remaining > 0 && !r.expiredBySelfTrade) {
          const ref = nextRef++;
          book.add(ref, o.side, o.tick, r.remaining, o.owner);
          model.add(ref, o.side, o.tick, r.remaining, o.owner);
        }
        break;
      }
      case 'market':
        match(o.side, o.side === BUY ? HIGH_TICK + 100 : LOW_TICK - 100, o.qty, o.owner, o.stp);
        break;
      case 'add': {
        const ref = nextRef++;
        if (model.crosses(o.side, o.tick)) {
          assertRangeError(() => book.add(ref, o.side, o.tick, o.qty, o.owner), 'crossing add');
        } else {
          book.add(ref, o.side, o.tick, o.qty, o.owner);
          model.add(ref, o.side, o.tick, o.qty, o.owner);
        }
        break;
      }
      case 'cancel': {
        const ref = liveRef(o.pick);
        same([book.cancel(ref)], [model.cancel(ref)], 'cancel');
        break;
      }
      case 'reduce': {
        const ref = liveRef(o.pick);
        const m = model.find(ref);
        if (m === undefined || m.qty === 1) {
          assertRangeError(() => book.reduce(ref, 1), 'invalid reduce');
        } else {
          const newQty = 1 + (o.by % (m.qty - 1));
          book.reduce(ref, newQty);
          m.qty = newQty;
        }
        break;
      }
      case 'requeue': {
        const ref = liveRef(o.pick);
        const m = model.find(ref);
        if (m === undefined || model.crosses(m.side, o.tick)) {
          assertRangeError(() => book.requeue(ref, o.tick, o.qty), 'invalid requeue');
        } else {
          book.requeue(ref, o.tick, o.qty);
          model.requeue(ref, o.tick, o.qty);
        }
        break;
      }
    }
    compare(book, model, mirror, key);
  }
}

function compare(
  book: OrderBook,
  model: ModelBook,
  mirror: Map<number, number>,
  key: (s: BookSide, t: number) => number,
): void {
  const sortedBids = model.sorted(BUY);
  const sortedAsks = model.sorted(SELL);
  const bids = ModelBook.levels(sortedBids);
  const asks = ModelBook.levels(sortedAsks);
  same(book.depth(BUY, 100), bids, 'bid depth');
  same(book.depth(SELL, 100), asks, 'ask depth');
  same(book.depth(SELL, 2), asks.slice(0, 4), 'ask depth, 2 levels');
  same(
    [book.bestBid(), book.bestAsk(), book.levelCount(BUY), book.levelCount(SELL), book.orderCount()],
    [bids[0] ?? Number.NaN, asks[0] ?? Number.NaN, bids.length / 2, asks.length / 2, model.orders.length],
    'best prices and counts',
  );
  const got: number[] = [];
  const want: number[] = [];
  for (let n = 1; n <= 4; n++) {
    got.push(book.priceAtLevel(BUY, n), book.priceAtLevel(SELL, n));
    want.push(bids[2 * (n - 1)] ?? Number.NaN, asks[2 * (n - 1)] ?? Number.NaN);
  }
  same(got, want, 'priceAtLevel');
  // Level totals as last reported through onLevelChange.
  got.length = 0;
  want.length = 0;
  got.push(mirror.size);
  want.push((bids.length + asks.length) / 2);
  for (const [s, levels] of [
    [BUY, bids],
    [SELL, asks],
  ] as const) {
    for (let i = 0; i < levels.length; i += 2) {
      got.push(mirror.get(key(s, levels[i]!)) ?? 0);
      want.push(levels[i + 1]!);
    }
  }
  same(got, want, 'reported level totals');
  got.length = 0;
  want.length = 0;
  book.forEachOrder((o) => {
    got.push(o.ref, o.side, o.priceTick, o.qty, o.owner, o.seq);
  });
  for (const o of [...sortedBids, ...sortedAsks]) want.push(o.ref, o.side, o.tick, o.qty, o.owner, o.seq);
  same(got, want, 'orders in priority order');
  got.length = 0;
  want.length = 0;
  for (const s of [BUY, SELL] as const) {
    for (let t = LOW_TICK - 1; t <= HIGH_TICK + 1; t += 4) {
      got.push(
        Number(book.wouldCross(s, t)),
        book.fillableQty(s, t, 7),
        book.fillableQty(s, t, Number.POSITIVE_INFINITY),
      );
      const opposite = s === BUY ? asks : bids;
      const crosses = opposite.length > 0 && (s === BUY ? opposite[0]! <= t : opposite[0]! >= t);
      want.push(
        Number(crosses),
        ModelBook.fillable(s, opposite, t, 7),
        ModelBook.fillable(s, opposite, t, Number.POSITIVE_INFINITY),
      );
    }
  }
  same(got, want, 'wouldCross and fillableQty');
}

describe('OrderBook vs a naive reference book', () => {
  test('behavior: random add/cancel/reduce/requeue/match sequences agree step by step', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 30, size: 'max' }), (ops) => {
        check(ops);
      }),
      { numRuns: 10_000 },
    );
  });
});
