/**
 * Seeded USD-M combined-stream frames for `streamDecode.bench.ts` and `streamDecodeProfile.mjs`:
 * `btcusdt@bookTicker`, `btcusdt@aggTrade` and `btcusdt@depth@100ms` exactly as Binance sends them
 * (reference §9.4, `@basis/core` wire types; field order of the docs and of the local exchange),
 * each a `Buffer` as `ws` delivers text frames, over the same 30 s of market time.
 */

/** Tiny seeded LCG (Numerical Recipes constants). */
function lcg(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), exp: (mean) => -Math.log(1 - next()) * mean };
}

export const START = Date.UTC(2026, 10, 24, 12);
const SPAN_MS = 30_000;
const MID = 960_000; // 96,000.00 in 0.10 ticks
const price = (tick) => (tick / 10).toFixed(2);
const frame = (stream, data) => ({ stream, E: data.E, bytes: Buffer.from(JSON.stringify({ stream, data })) });

/** 3,000 book tickers (~100/s, bursts within one millisecond share `E`). */
export function bookTickers(seed = 20261124) {
  const rng = lcg(seed);
  const qty = () => (rng.next() < 0.3 ? (1 + rng.int(50)) / 1000 : (1 + rng.int(12_000)) / 1000).toFixed(3);
  const frames = [];
  let mid = MID;
  let u = 9_210_334_000_000;
  let E = START;
  while (frames.length < 3000) {
    E += Math.floor(rng.exp(10));
    if (rng.next() < 0.2) mid += rng.next() < 0.5 ? -1 : 1;
    u += 1 + rng.int(40);
    frames.push(
      frame('btcusdt@bookTicker', {
        e: 'bookTicker',
        u,
        E,
        T: E - 1 - rng.int(3),
        s: 'BTCUSDT',
        b: price(mid),
        B: qty(),
        a: price(mid + 1),
        A: qty(),
      }),
    );
  }
  return frames;
}

/** 1,000 aggTrades (with `nq`), ~33/s. */
export function aggTrades(seed = 20261125) {
  const rng = lcg(seed);
  const frames = [];
  let tick = MID;
  let a = 2_657_301_004;
  let f = 6_163_920_112;
  let E = START;
  while (frames.length < 1000) {
    E += Math.floor(rng.exp(30));
    tick += rng.int(5) - 2;
    const trades = 1 + Math.floor(rng.exp(1.5));
    const q = ((1 + Math.floor(rng.exp(150))) / 1000).toFixed(3);
    frames.push(
      frame('btcusdt@aggTrade', {
        e: 'aggTrade',
        E,
        a,
        s: 'BTCUSDT',
        p: price(tick),
        q,
        nq: q,
        f,
        l: f + trades - 1,
        T: E - 1 - rng.int(5),
        m: rng.next() < 0.5,
      }),
    );
    a += 1;
    f += trades;
  }
  return frames;
}

export const SNAPSHOT_LEVELS = 1000;

/**
 * A 1,000-level-per-side snapshot and 300 `@depth@100ms` diffs (10-20 changed levels each, chained
 * `U`/`u`/`pu`, levels near the touch: exponential distance, mean 8 ticks; 5% anywhere in 1,000 ticks).
 */
export function depthDiffs(seed = 20261126) {
  const rng = lcg(seed);
  const qty = () => ((1 + rng.int(5000)) / 1000).toFixed(3);
  const bids = new Map();
  const asks = new Map();
  let mid = MID;
  for (let i = 1; i <= SNAPSHOT_LEVELS; i++) {
    bids.set(mid - i, qty());
    asks.set(mid + i, qty());
  }
  let u = 9_210_333_990_000;
  const snapshot = {
    lastUpdateId: u,
    bids: [...bids.entries()].sort(([x], [y]) => y - x).map(([t, q]) => [price(t), q]),
    asks: [...asks.entries()].sort(([x], [y]) => x - y).map(([t, q]) => [price(t), q]),
  };
  const frames = [];
  let levels = 0;
  let E = START;
  while (frames.length < SPAN_MS / 100) {
    E += 100;
    const b = new Map();
    const a = new Map();
    if (rng.next() < 0.3) {
      mid += rng.next() < 0.5 ? -1 : 1;
      if (bids.delete(mid)) b.set(mid, '0.000');
      if (asks.delete(mid)) a.set(mid, '0.000');
    }
    const count = 10 + rng.int(11);
    while (b.size + a.size < count) {
      const isBid = rng.next() < 0.5;
      const distance = rng.next() < 0.95 ? Math.floor(rng.exp(8)) : rng.int(1000);
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
    const pu = u;
    const U = u + 1;
    u += b.size + a.size + rng.int(200);
    const side = (m, dir) => [...m.keys()].sort((x, y) => (x - y) * dir).map((t) => [price(t), m.get(t)]);
    levels += b.size + a.size;
    frames.push(
      frame('btcusdt@depth@100ms', {
        e: 'depthUpdate',
        E,
        T: E - 2 - rng.int(20),
        s: 'BTCUSDT',
        U,
        u,
        pu,
        b: side(b, -1),
        a: side(a, 1),
      }),
    );
  }
  return { frames, snapshot, levels, lastU: u };
}

/** All three, interleaved by event time (stable). */
export function mixedFrames(...groups) {
  return groups.flat().sort((x, y) => x.E - y.E);
}
