/**
 * Matching core vs nodejs-order-book (fasenderos), on one pre-generated operation sequence per workload.
 *
 * Each sequence is generated once, outside the timed code, by simulating it on a Basis book: every random
 * choice (and every state-dependent one, such as "the best ask plus 2 ticks" or "a random live order") is
 * resolved to concrete refs, ticks and quantities. Both engines then replay exactly the same operations,
 * and the first nodejs-order-book iteration checks that it ends in the same book as Basis. One timed
 * iteration = seed the book + replay the whole sequence; ops/s counts the sequence only (so the seeding
 * makes the figure slightly conservative).
 *
 * Workloads:
 * - "exchange-core mix" (exchange-core's benchmark, reference §3.3): ~1,000 resting orders over ~750 price
 *   slots; 9% GTC limit (rests, or partially takes), 3% IOC, 6% cancel, 82% move (re-price a resting order;
 *   nodejs-order-book: `modify`, Basis: `requeue`).
 * - "reference workload" (the "measured here" script of reference §3.3): 55% passive limits within ±200
 *   ticks of mid, 30% cancel of a random live order, 15% IOC crossing ≤ 3 ticks past the touch; 20,000
 *   seed orders, mid recomputed every 1,024 operations.
 */
import { type LimitOrderOptions, OrderBook as NobOrderBook, Side } from 'nodejs-order-book';
import { bench, describe } from 'vitest';
import { OrderBook } from '../packages/exchange/src/matching/orderBook.js';
import {
  type BookSide,
  BUY,
  type MatchResult,
  type MatchSink,
  SELL,
  type TakerOrder,
} from '../packages/exchange/src/matching/types.js';

const GTC = 0;
const IOC = 1;
const CANCEL = 2;
const MOVE = 3;

/** A concrete operation list, struct-of-arrays. `ref` is the new order's ref (GTC/IOC) or the target's. */
interface Workload {
  readonly name: string;
  readonly seedCount: number;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly side: Uint8Array;
  readonly tick: Float64Array;
  readonly qty: Float64Array;
  readonly ref: Float64Array;
  /** Per-op stats of the generating run, printed once. */
  readonly stats: string;
}

/** Tiny seeded LCG (Numerical Recipes constants); `int(n)` is uniform in [0, n). */
function lcg(seed: number): { int(n: number): number } {
  let s = seed >>> 0;
  return {
    int(n: number): number {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return Math.floor((s * n) / 4294967296);
    },
  };
}

/** Records ops while simulating them on a Basis book, so later replays are exact. */
class Recorder {
  readonly kind: number[] = [];
  readonly side: number[] = [];
  readonly tick: number[] = [];
  readonly qty: number[] = [];
  readonly ref: number[] = [];
  readonly book = new OrderBook();
  /** Live refs (swap-remove) and their positions. */
  readonly live: number[] = [];
  private readonly pos = new Map<number, number>();
  private nextRef = 1;
  fills = 0;
  private readonly taker: TakerOrder = { side: BUY, limitTick: 0, qty: 0, owner: 0, stp: 0 };
  private readonly result: MatchResult = { filled: 0, remaining: 0, expiredBySelfTrade: false, lastTick: 0 };
  private readonly sink: MatchSink = {
    fill: (makerRef, _owner, _tick, _qty, makerRemaining) => {
      this.fills++;
      if (makerRemaining === 0) this.dropLive(makerRef);
    },
    makerExpired: () => {},
  };

  private record(kind: number, side: number, tick: number, qty: number, ref: number): void {
    this.kind.push(kind);
    this.side.push(side);
    this.tick.push(tick);
    this.qty.push(qty);
    this.ref.push(ref);
  }

  private dropLive(ref: number): void {
    const i = this.pos.get(ref)!;
    const last = this.live.pop()!;
    if (last !== ref) {
      this.live[i] = last;
      this.pos.set(last, i);
    }
    this.pos.delete(ref);
  }

  limit(side: BookSide, tick: number, qty: number, record = true): void {
    const ref = this.nextRef++;
    if (record) this.record(GTC, side, tick, qty, ref);
    let rest = qty;
    if (this.book.wouldCross(side, tick)) {
      const t = this.taker;
      t.side = side;
      t.limitTick = tick;
      t.qty = qty;
      rest = this.book.match(t, this.sink, this.result).remaining;
    }
    if (rest > 0) {
      this.book.add(ref, side, tick, rest, 0);
      this.pos.set(ref, this.live.length);
      this.live.push(ref);
    }
  }

  ioc(side: BookSide, tick: number, qty: number): void {
    this.record(IOC, side, tick, qty, this.nextRef++);
    const t = this.taker;
    t.side = side;
    t.limitTick = tick;
    t.qty = qty;
    this.book.match(t, this.sink, this.result);
  }

  cancel(ref: number): void {
    this.record(CANCEL, 0, 0, 0, ref);
    this.book.cancel(ref);
    this.dropLive(ref);
  }

  /** Re-prices a resting order, keeping its remaining quantity. */
  move(ref: number, tick: number): void {
    const order = this.book.get(ref)!;
    const qty = order.qty;
    this.record(MOVE, order.side, tick, qty, ref);
    this.book.requeue(ref, tick, qty);
  }

  mid(fallback: number): number {
    const bid = this.book.bestBid();
    const ask = this.book.bestAsk();
    return Number.isNaN(bid) || Number.isNaN(ask) ? fallback : Math.floor((bid + ask) / 2);
  }

  finish(name: string, seedCount: number): Workload {
    const count = this.kind.length - seedCount;
    const counts = [0, 0, 0, 0];
    for (let i = seedCount; i < this.kind.length; i++) counts[this.kind[i]!]!++;
    const pct = (n: number) => `${((100 * n) / count).toFixed(1)}%`;
    return {
      name,
      seedCount,
      count,
      kind: Uint8Array.from(this.kind),
      side: Uint8Array.from(this.side),
      tick: Float64Array.from(this.tick),
      qty: Float64Array.from(this.qty),
      ref: Float64Array.from(this.ref),
      stats:
        `${name}: ${seedCount} seed orders + ${count} ops (GTC ${pct(counts[GTC]!)}, IOC ${pct(counts[IOC]!)}, ` +
        `cancel ${pct(counts[CANCEL]!)}, move ${pct(counts[MOVE]!)}); ${this.fills} fills; ` +
        `${this.book.orderCount()} resting on ${this.book.levelCount(BUY)}+${this.book.levelCount(SELL)} levels`,
    };
  }
}

/** exchange-core's mix: ~1,000 orders over ~750 slots around a mid; mostly moves. */
function exchangeCoreMix(count: number): Workload {
  const r = lcg(20240601);
  const rec = new Recorder();
  const center = 100_000;
  const half = 375;
  const seed = 1_000;
  for (let i = 0; i < seed; i++) {
    const side: BookSide = r.int(2) === 0 ? BUY : SELL;
    const off = 1 + r.int(half);
    rec.limit(side, side === BUY ? center - off : center + off, 1 + r.int(100));
  }
  for (let n = 0; n < count; n++) {
    const mid = rec.mid(center);
    const p = r.int(100);
    const side: BookSide = r.int(2) === 0 ? BUY : SELL;
    if (p < 9 || rec.live.length === 0) {
      // Mostly passive; offsets ≤ 0 reach the touch and may take part of the qty before resting.
      const off = r.int(half + 8) - 7;
      rec.limit(side, side === BUY ? mid - off : mid + off, 1 + r.int(100));
    } else if (p < 12) {
      const touch = side === BUY ? rec.book.bestAsk() : rec.book.bestBid();
      const base = Number.isNaN(touch) ? mid : touch;
      const through = r.int(3);
      // Larger IOCs while the book is above its target size keep it near 1,000 orders.
      const qty = 1 + r.int(rec.live.length > seed ? 240 : 80);
      rec.ioc(side, side === BUY ? base + through : base - through, qty);
    } else if (p < 18) {
      rec.cancel(rec.live[r.int(rec.live.length)]!);
    } else {
      const ref = rec.live[r.int(rec.live.length)]!;
      const off = 1 + r.int(half);
      rec.move(ref, rec.book.get(ref)!.side === BUY ? mid - off : mid + off);
    }
  }
  return rec.finish('exchange-core mix', seed);
}

/** The reference §3.3 script's workload, on a pre-generated sequence. */
function referenceWorkload(count: number): Workload {
  const r = lcg(42);
  const rec = new Recorder();
  let mid = 1 << 19;
  const seed = 20_000;
  for (let i = 0; i < seed; i++) {
    const side: BookSide = r.int(2) === 0 ? BUY : SELL;
    const off = 1 + r.int(200);
    rec.limit(side, side === BUY ? mid - off : mid + off, 1 + r.int(10));
  }
  for (let n = 0; n < count; n++) {
    const p = r.int(100);
    if (p < 55) {
      const side: BookSide = r.int(2) === 0 ? BUY : SELL;
      const off = 1 + r.int(200);
      rec.limit(side, side === BUY ? mid - off : mid + off, 1 + r.int(10));
    } else if (p < 85) {
      if (rec.live.length > 0) rec.cancel(rec.live[r.int(rec.live.length)]!);
    } else {
      const side: BookSide = r.int(2) === 0 ? BUY : SELL;
      const touch = side === BUY ? rec.book.bestAsk() : rec.book.bestBid();
      if (!Number.isNaN(touch)) rec.ioc(side, side === BUY ? touch + 3 : touch - 3, 1 + r.int(20));
    }
    if ((n & 1023) === 0) mid = rec.mid(mid);
  }
  return rec.finish('reference workload', seed);
}

/** Replays a workload (seed + sequence) on a cleared Basis book, the way a venue would drive it. */
function runBasis(
  w: Workload,
  book: OrderBook,
  taker: TakerOrder,
  result: MatchResult,
  sink: MatchSink,
): void {
  book.clear();
  const { kind, side, tick, qty, ref } = w;
  const end = w.seedCount + w.count;
  for (let i = 0; i < end; i++) {
    const k = kind[i]!;
    if (k === MOVE) {
      book.requeue(ref[i]!, tick[i]!, qty[i]!);
    } else if (k === CANCEL) {
      book.cancel(ref[i]!);
    } else {
      const s = side[i] as BookSide;
      const t = tick[i]!;
      if (k === IOC || book.wouldCross(s, t)) {
        taker.side = s;
        taker.limitTick = t;
        taker.qty = qty[i]!;
        const left = book.match(taker, sink, result).remaining;
        if (k === GTC && left > 0) book.add(ref[i]!, s, t, left, 0);
      } else {
        book.add(ref[i]!, s, t, qty[i]!, 0);
      }
    }
  }
}

/** nodejs-order-book inputs, built once per workload (the engines read them, never mutate them). */
type NobOp = {
  readonly k: number;
  readonly id: string;
  readonly limit: LimitOrderOptions;
  readonly price: number;
};

function nobOps(w: Workload): NobOp[] {
  const ops: NobOp[] = [];
  const ioc = 'IOC' as NonNullable<LimitOrderOptions['timeInForce']>;
  for (let i = 0; i < w.seedCount + w.count; i++) {
    const k = w.kind[i]!;
    const id = String(w.ref[i]);
    const limit: LimitOrderOptions = {
      side: w.side[i] === BUY ? Side.BUY : Side.SELL,
      id,
      size: w.qty[i]!,
      price: w.tick[i]!,
    };
    if (k === IOC) limit.timeInForce = ioc;
    ops.push({ k, id, limit, price: w.tick[i]! });
  }
  return ops;
}

function runNob(ops: readonly NobOp[]): NobOrderBook {
  const book = new NobOrderBook();
  for (const op of ops) {
    if (op.k === MOVE) book.modify(op.id, { price: op.price });
    else if (op.k === CANCEL) book.cancel(op.id);
    else book.limit(op.limit);
  }
  return book;
}

/** The final book as text, for the check that both engines end in the same state. */
function basisDepth(book: OrderBook): string {
  return `${book.depth(BUY, Number.POSITIVE_INFINITY).join(',')} | ${book.depth(SELL, Number.POSITIVE_INFINITY).join(',')}`;
}

function nobDepth(book: NobOrderBook): string {
  const [asks, bids] = book.depth();
  return `${bids.flat().join(',')} | ${asks.flat().join(',')}`;
}

function suite(w: Workload): void {
  let fills = 0;
  let levelEvents = 0;
  const sink: MatchSink = {
    fill() {
      fills++;
    },
    makerExpired() {},
  };
  const book = new OrderBook({
    onLevelChange() {
      levelEvents++;
    },
  });
  const taker: TakerOrder = { side: BUY, limitTick: 0, qty: 0, owner: 0, stp: 0 };
  const result: MatchResult = { filled: 0, remaining: 0, expiredBySelfTrade: false, lastTick: 0 };
  runBasis(w, book, taker, result, sink);
  const want = basisDepth(book);
  console.log(`${w.stats}; one Basis replay reports ${fills} fills and ${levelEvents} level changes`);
  // The peer's inputs exist only while its task runs, so they do not weigh on the heap elsewhere.
  let ops: NobOp[] | undefined;
  let checked = false;

  describe(`${w.name}: ${w.count} ops after ${w.seedCount} seed orders (ops/s = hz × ${w.count})`, () => {
    bench(
      'basis OrderBook',
      () => {
        runBasis(w, book, taker, result, sink);
      },
      { time: 3_000 },
    );
    bench(
      'nodejs-order-book',
      () => {
        const nob = runNob(ops!);
        if (!checked) {
          // Both engines must end in the same book, or the comparison is meaningless.
          if (nobDepth(nob) !== want)
            throw new Error(`${w.name}: nodejs-order-book and Basis end in different books`);
          checked = true;
        }
      },
      {
        // An iteration takes seconds here; a few are enough to rank the engines.
        time: 0,
        iterations: 3,
        warmupIterations: 1,
        setup: () => {
          ops ??= nobOps(w);
        },
        teardown: (_task, mode) => {
          if (mode === 'run') ops = undefined;
        },
      },
    );
  });
}

suite(exchangeCoreMix(200_000));
suite(referenceWorkload(400_000));
