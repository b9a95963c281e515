/**
 * Local order book: diff updates applied per second, Basis vs ccxt, on one pre-generated diff sequence.
 *
 * The sequence is generated once (seeded), outside the timed code, by simulating a Binance USD-M
 * `<symbol>@depth@100ms` stream: a 1,000-level-per-side snapshot around 96,000.00 (tick 0.10), then
 * 100,000 `depthUpdate` events with U/u/pu chained, each changing 1-20 levels (as price/quantity
 * strings, the way the stream delivers them after JSON parsing). Levels land mostly near the touch
 * (exponential distance, mean 8 ticks; 5% anywhere in 1,000 ticks); an existing level is deleted
 * (quantity "0.000") 40% of the time, else re-sized; a missing one is inserted, or 5% of the time
 * deleted (unknown deletes are normal). The mid walks ±1 tick on 30% of events, and the levels it
 * crosses are deleted in the same event.
 *
 * Every implementation replays the same parsed events; one timed iteration = load the snapshot +
 * apply all 100,000 events (the snapshot is ~0.2% of the work). "updates/s" = hz × 100,000.
 * - basis LocalOrderBook: `apply(diff)` (continuity check, tick parse, sorted-array update).
 * - basis createOrderBook: the managed book with a synchronous in-memory source and one `update` listener.
 * - ccxt handleOrderBookMessage: what ccxt.pro's binanceusdm does per event (`handleDeltas` →
 *   `safeFloat` + `OrderBookSide.store`, nonce and timestamp), on `exchange.orderBook()`.
 * - ccxt OrderBook.store: the bare ccxt book sides, prices and sizes parsed with `parseFloat` inline.
 * The first iteration of each ccxt task checks that it ends in the same top 100 levels as Basis.
 */
import { Decimal, type PriceLevel } from '@basis/core';
import { pro } from 'ccxt';
import { bench, describe } from 'vitest';
import { LocalOrderBook } from '../packages/sdk/src/orderBook/localOrderBook.js';
import { createOrderBook } from '../packages/sdk/src/orderBook/orderBook.js';
import type { DepthDiff, DepthDiffSource, DepthSnapshot } from '../packages/sdk/src/orderBook/types.js';

const EVENTS = 100_000;
const SNAPSHOT_LEVELS = 1000;
const MID = 960_000; // 96,000.00 in 0.10 ticks

/** Tiny seeded LCG (Numerical Recipes constants): `next()` in [0, 1), `int(n)` in [0, n). */
function lcg(seed: number): { next(): number; int(n: number): number } {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

interface DiffEvent extends DepthDiff {
  readonly e: 'depthUpdate';
  readonly E: number;
  readonly T: number;
  readonly s: string;
  readonly b: PriceLevel[];
  readonly a: PriceLevel[];
}

const price = (tick: number): string => (tick / 10).toFixed(2);

function generate(seed: number): { snapshot: DepthSnapshot; events: DiffEvent[]; levels: number } {
  const rng = lcg(seed);
  const qty = (): string => ((1 + rng.int(5000)) / 1000).toFixed(3);
  const bids = new Map<number, string>();
  const asks = new Map<number, string>();
  let mid = MID;
  for (let i = 1; i <= SNAPSHOT_LEVELS; i++) {
    bids.set(mid - i, qty());
    asks.set(mid + i, qty());
  }
  const snapshot: DepthSnapshot = {
    lastUpdateId: 1_000_000,
    bids: [...bids.entries()].sort(([a], [b]) => b - a).map(([t, q]): PriceLevel => [price(t), q]),
    asks: [...asks.entries()].sort(([a], [b]) => a - b).map(([t, q]): PriceLevel => [price(t), q]),
  };
  const events: DiffEvent[] = [];
  let u = 1_000_000;
  let levels = 0;
  let time = Date.UTC(2026, 10, 24);
  for (let n = 0; n < EVENTS; n++) {
    const b = new Map<number, string>();
    const a = new Map<number, string>();
    if (rng.next() < 0.3) {
      mid += rng.next() < 0.5 ? -1 : 1;
      // The mid moves one tick: only a level at the new mid can be on the wrong side.
      if (bids.delete(mid)) b.set(mid, '0.000');
      if (asks.delete(mid)) a.set(mid, '0.000');
    }
    const count = 1 + rng.int(20);
    for (let i = 0; i < count; i++) {
      const isBid = rng.next() < 0.5;
      const distance = rng.next() < 0.95 ? Math.floor(-Math.log(1 - rng.next()) * 8) : rng.int(1000);
      const tick = isBid ? mid - 1 - distance : mid + 1 + distance;
      const book = isBid ? bids : asks;
      const change = isBid ? b : a;
      if (book.has(tick) ? rng.next() < 0.4 : rng.next() < 0.05) {
        book.delete(tick);
        change.set(tick, '0.000');
      } else {
        const q = qty();
        book.set(tick, q);
        change.set(tick, q);
      }
    }
    const U = u + 1;
    const pu = u;
    u += b.size + a.size + rng.int(5);
    time += 100;
    const toLevels = (m: Map<number, string>) => [...m.entries()].map(([t, q]): PriceLevel => [price(t), q]);
    const event: DiffEvent = {
      e: 'depthUpdate',
      E: time,
      T: time - 2,
      s: 'BTCUSDT',
      U,
      u,
      pu,
      b: toLevels(b),
      a: toLevels(a),
    };
    levels += event.b.length + event.a.length;
    events.push(event);
  }
  return { snapshot, events, levels };
}

const { snapshot, events, levels } = generate(20261124);
console.log(
  `${EVENTS} diff events, ${levels} level updates (${(levels / EVENTS).toFixed(1)} per event), snapshot ${SNAPSHOT_LEVELS} levels per side`,
);

function runBasis(): LocalOrderBook {
  const book = new LocalOrderBook();
  book.reset(snapshot);
  for (let i = 0; i < events.length; i++) {
    if (book.apply(events[i]!) !== 'applied') throw new Error(`event ${i} not applied`);
  }
  return book;
}

async function runManaged(): Promise<LocalOrderBook | undefined> {
  let push: ((d: DepthDiff) => void) | undefined;
  const source: DepthDiffSource = {
    subscribe(_symbol, onDiff) {
      push = onDiff;
      return () => {};
    },
    fetchSnapshot: async () => snapshot,
  };
  const book = createOrderBook({ symbol: 'BTCUSDT', source });
  let updates = 0;
  book.on('update', () => updates++);
  push!(events[0]!); // buffered; fetches the snapshot
  await book.ready();
  for (let i = 1; i < events.length; i++) push!(events[i]!);
  if (updates !== events.length - 1 || book.status !== 'synced')
    throw new Error('the managed book missed events');
  book.close();
  return undefined;
}

type CcxtSide = { store(price: number, size: number): void; length: number; [i: number]: [number, number] };
interface CcxtBook {
  bids: CcxtSide;
  asks: CcxtSide;
  nonce: number | undefined;
  reset(snapshot: object): void;
}

const exchange = new pro.binanceusdm();
const ccxtSnapshot = () => ({
  bids: snapshot.bids.map(([p, q]) => [Number.parseFloat(p), Number.parseFloat(q)]),
  asks: snapshot.asks.map(([p, q]) => [Number.parseFloat(p), Number.parseFloat(q)]),
  nonce: Number(snapshot.lastUpdateId),
  timestamp: Date.UTC(2026, 10, 24),
  symbol: 'BTC/USDT:USDT',
});

function runCcxt(): CcxtBook {
  const book = exchange.orderBook({}) as unknown as CcxtBook;
  book.reset(ccxtSnapshot());
  for (let i = 0; i < events.length; i++)
    exchange.handleOrderBookMessage(undefined as never, events[i]!, book);
  return book;
}

function runCcxtBare(): CcxtBook {
  const book = exchange.orderBook({}) as unknown as CcxtBook;
  book.reset(ccxtSnapshot());
  const { bids, asks } = book;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    for (const [p, q] of event.a) asks.store(Number.parseFloat(p), Number.parseFloat(q));
    for (const [p, q] of event.b) bids.store(Number.parseFloat(p), Number.parseFloat(q));
    book.nonce = Number(event.u);
  }
  return book;
}

/** The top 100 levels of each side as text, to check that both books end the same. */
const reference = (() => {
  const book = runBasis();
  const side = (name: 'bids' | 'asks') =>
    book
      .levels(name, 100)
      .map((l) => `${l.price.normalize()}@${l.quantity.normalize()}`)
      .join(',');
  return `${side('bids')} | ${side('asks')}`;
})();

function ccxtTop(book: CcxtBook): string {
  // Floats only for this check: ccxt stores them; Decimal prints them back exactly as parsed.
  const side = (s: CcxtSide) =>
    Array.from({ length: Math.min(100, s.length) }, (_, i) => {
      const [p, q] = s[i]!;
      return `${Decimal.parse(p.toFixed(2)).normalize()}@${Decimal.parse(q.toFixed(3)).normalize()}`;
    }).join(',');
  return `${side(book.bids)} | ${side(book.asks)}`;
}

function checked(run: () => CcxtBook, name: string): () => void {
  let done = false;
  return () => {
    const book = run();
    if (!done) {
      if (ccxtTop(book) !== reference) throw new Error(`${name} ends in a different book than Basis`);
      done = true;
    }
  };
}

describe(`order book: ${EVENTS} diffs, ${levels} level updates (updates/s = hz × ${EVENTS} events)`, () => {
  bench(
    'basis LocalOrderBook.apply',
    () => {
      runBasis();
    },
    { time: 3000 },
  );
  bench(
    'basis createOrderBook (managed, one listener)',
    async () => {
      await runManaged();
    },
    { time: 3000 },
  );
  // A ccxt iteration takes seconds here; a few are enough to rank the implementations.
  const few = { time: 0, iterations: 3, warmupIterations: 1 };
  bench('ccxt binanceusdm handleOrderBookMessage', checked(runCcxt, 'ccxt handleOrderBookMessage'), few);
  bench('ccxt OrderBook.store (parseFloat inline)', checked(runCcxtBare, 'ccxt OrderBook.store'), few);
});
