/**
 * Market-stream frames decoded and dispatched per second: the SDK's streams path vs a bare
 * `JSON.parse` (the floor) vs ccxt.pro's `binanceusdm`, on the same pre-encoded frames.
 *
 * Frames (seeded, generated once outside the timed code by `streamFrames.mjs`) are USD-M combined-stream frames exactly as
 * Binance sends them (reference §9.4, `@basis/core` wire types, field order of the docs and of the
 * local exchange): `{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":…,"E":…,"T":…,"s":"BTCUSDT","b":"96000.00","B":"5.123","a":"96000.10","A":"0.250"}}`,
 * `btcusdt@aggTrade` (with `nq`) and `btcusdt@depth@100ms` diffs with 10-20 changed levels
 * (chained `U`/`u`/`pu`, update ids near 9.2e12 as on mainnet). Each frame is a `Buffer`, as `ws`
 * delivers text frames. Over the same 30 s of market time: 3,000 book tickers (same `E` now and
 * then, as a real-time stream has), 1,000 aggTrades, 300 depth diffs; "mixed" interleaves all
 * 4,300 by event time.
 *
 * - basis streams: `createStreams({ urls: { stream: 'wss://fstream.binance.com' } })` with default
 *   options (routed `/public` + `/market` connections, watchdog on) and one `subscribe` callback per
 *   stream. The `ws` module is replaced (`vi.mock`) by an in-memory socket that opens at once and
 *   answers control requests; each frame is handed to the SDK's own `'message'` listener, so the
 *   timed path is the real one: `onFrame` (activity stamp, `rawText`, core's lossless `parseJson`,
 *   the pending-request check) → `route` (stream lookup, `E` de-duplication with the same-`E` text
 *   set, meta object) → the callback. The stream's de-duplication state is reset between
 *   iterations (unsubscribe + subscribe again; synchronous, inside the timed iteration, a few µs),
 *   since every iteration replays the same event times.
 * - floor: `JSON.parse(frame.toString('utf8'))` and the same callback with `.data`.
 * - ccxt full: ccxt 4.5.84 `pro.binanceusdm`, its own `WsClient` for
 *   `wss://fstream.binance.com/public/ws` (created by `exchange.client(url)`, never connected) and
 *   `client.onMessage({ data: frame })`: what ccxt runs per frame (`toString`, the big-integer regex,
 *   `JSON.parse`, `handleMessage` → `handleBidsAsks` / `handleTrade` / `handleOrderBook`, unified
 *   structures, caches, `client.resolve`). Markets are set by hand (one linear BTC/USDT:USDT swap),
 *   no future is pending (no `watch*` caller awaits), which leaves out the consumer's promise per
 *   event and so favours ccxt.
 * - ccxt handleMessage: `exchange.handleMessage(client, message)` on messages parsed outside the
 *   timed code (ccxt's handlers alone).
 * ccxt has no way to deliver a depth diff without maintaining its order book: its depth figures
 * include `OrderBookSide.store` on a book reset every iteration to a 1,000-level-per-side snapshot
 * (`watchOrderBookLimit` 1000, its default). For a like-for-like row the depth group adds the SDK
 * stream feeding the SDK's `LocalOrderBook.apply` from the same snapshot.
 */
import { Decimal } from '@basis/core';
import { pro } from 'ccxt';
import { bench, describe, vi } from 'vitest';
import { LocalOrderBook } from '../packages/sdk/src/orderBook/localOrderBook.js';
import { createStreams, type Subscription } from '../packages/sdk/src/streams/createStreams.js';
import { aggTrades, bookTickers, depthDiffs, type Frame, mixedFrames, START } from './streamFrames.mjs';

// ------------------------------------------------------------------------------------------------
// The in-memory socket that replaces `ws` for the SDK.

const memory = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class MemorySocket {
    static readonly all: MemorySocket[] = [];
    readyState = 0;
    readonly url: string;
    readonly listeners = new Map<string, Listener[]>();
    constructor(url: string) {
      this.url = url;
      MemorySocket.all.push(this);
      setImmediate(() => {
        this.readyState = 1;
        this.emit('open');
      });
    }
    on(event: string, listener: Listener): this {
      const list = this.listeners.get(event);
      if (list === undefined) this.listeners.set(event, [listener]);
      else list.push(listener);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    removeAllListeners(): this {
      this.listeners.clear();
      return this;
    }
    send(text: string): void {
      const request = JSON.parse(text) as { id?: unknown };
      if (request.id === undefined) return;
      const reply = Buffer.from(JSON.stringify({ result: null, id: request.id }));
      setImmediate(() => this.emit('message', reply, false));
    }
    ping(): void {}
    close(code = 1000, reason = ''): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      setImmediate(() => this.emit('close', code, Buffer.from(reason)));
    }
    terminate(): void {
      this.close(1006, '');
    }
    /** The SDK's `'message'` listener (`(data) => onFrame(session, data)`). */
    get deliver(): (data: Buffer) => void {
      const listener = this.listeners.get('message')?.[0];
      if (listener === undefined) throw new Error(`no message listener on ${this.url}`);
      return listener as (data: Buffer) => void;
    }
  }
  return { MemorySocket };
});

// The SDK has its own `ws` (8.23.0, packages/sdk/node_modules/ws; the root's is 8.21.1 for ccxt):
// mock that copy, by the path the SDK's `import('ws')` resolves to.
vi.mock('../packages/sdk/node_modules/ws/wrapper.mjs', () => ({
  WebSocket: memory.MemorySocket,
  default: memory.MemorySocket,
}));

// ------------------------------------------------------------------------------------------------
// Frames (generated by streamFrames.mjs, shared with streamDecodeProfile.mjs).

const tickers = bookTickers();
const trades = aggTrades();
const depth = depthDiffs();
const mixed = mixedFrames(tickers, trades, depth.frames);
const bytes = (frames: readonly Frame[]): number => frames.reduce((sum, f) => sum + f.bytes.length, 0);
const sameE = tickers.filter((f, i) => i > 0 && f.E === tickers[i - 1]!.E).length;
console.log(
  `frames: ${tickers.length} bookTicker (${Math.round(bytes(tickers) / tickers.length)} B, ${sameE} with the previous E), ` +
    `${trades.length} aggTrade (${Math.round(bytes(trades) / trades.length)} B), ` +
    `${depth.frames.length} depth@100ms (${Math.round(bytes(depth.frames) / depth.frames.length)} B, ` +
    `${(depth.levels / depth.frames.length).toFixed(1)} levels each); Node ${process.version}`,
);
console.log(`e.g. ${tickers[0]!.bytes.toString()}`);

// ------------------------------------------------------------------------------------------------
// The consumers: the same callback everywhere.

const sink = { count: 0, last: undefined as unknown };
const handler = (event: unknown): void => {
  sink.count += 1;
  sink.last = event;
};

// ------------------------------------------------------------------------------------------------
// Basis: the SDK's streams over the in-memory socket.

const streams = createStreams({ urls: { stream: 'wss://fstream.binance.com' } });
const names = ['btcusdt@bookTicker', 'btcusdt@aggTrade', 'btcusdt@depth@100ms'] as const;
// One more stream per route keeps each connection open while a measured stream is re-subscribed.
const keepers = [
  streams.subscribe('ethusdt@bookTicker', () => {}),
  streams.subscribe('ethusdt@aggTrade', () => {}),
];
let bookConsumer: ((event: unknown) => void) | undefined;
const subscriptions = new Map<string, Subscription>();
const consumerFor = (name: string) => (event: unknown) => {
  if (name === 'btcusdt@depth@100ms' && bookConsumer !== undefined) bookConsumer(event);
  else handler(event);
};
for (const name of names) subscriptions.set(name, streams.subscribe(name as never, consumerFor(name)));
await Promise.all([...keepers, ...subscriptions.values()].map((s) => s.ready));

/** Fresh de-duplication state for `stream` (its entry is recreated on the same connection). */
function resubscribe(stream: string): void {
  subscriptions.get(stream)!.unsubscribe();
  subscriptions.set(stream, streams.subscribe(stream as never, consumerFor(stream)));
}

const socketFor = (stream: string) => {
  const route = stream.endsWith('@aggTrade') ? '/market/' : '/public/';
  const socket = memory.MemorySocket.all.find((s) => s.url.includes(route) && s.readyState === 1);
  if (socket === undefined) throw new Error(`no socket for ${stream}`);
  return socket.deliver;
};

function sdkRunner(frames: readonly Frame[]): () => void {
  const deliver = frames.map((f) => socketFor(f.stream));
  const data = frames.map((f) => f.bytes);
  const measured = [...new Set(frames.map((f) => f.stream))];
  return () => {
    for (const stream of measured) resubscribe(stream);
    const before = sink.count;
    for (let i = 0; i < data.length; i++) deliver[i]!(data[i]!);
    if (sink.count - before !== data.length && bookConsumer === undefined)
      throw new Error(`basis delivered ${sink.count - before} of ${data.length} frames`);
  };
}

function floorRunner(frames: readonly Frame[]): () => void {
  const data = frames.map((f) => f.bytes);
  return () => {
    for (let i = 0; i < data.length; i++) handler(JSON.parse(data[i]!.toString('utf8')).data);
  };
}

// ------------------------------------------------------------------------------------------------
// ccxt.pro binanceusdm.

interface CcxtBook {
  nonce: number | undefined;
  bids: { length: number; [i: number]: [number, number] };
  asks: { length: number; [i: number]: [number, number] };
}
interface CcxtClient {
  onMessage(event: { data: Buffer }): void;
}
const exchange = new pro.binanceusdm({ enableRateLimit: false });
exchange.setMarkets([
  {
    id: 'BTCUSDT',
    lowercaseId: 'btcusdt',
    symbol: 'BTC/USDT:USDT',
    base: 'BTC',
    quote: 'USDT',
    settle: 'USDT',
    baseId: 'BTC',
    quoteId: 'USDT',
    settleId: 'USDT',
    type: 'swap',
    spot: false,
    margin: false,
    swap: true,
    future: false,
    option: false,
    index: undefined,
    active: true,
    contract: true,
    linear: true,
    inverse: false,
    subType: 'linear',
    taker: 0.0005,
    maker: 0.0002,
    contractSize: 1,
    expiry: undefined,
    expiryDatetime: undefined,
    strike: undefined,
    optionType: undefined,
    precision: { amount: 0.001, price: 0.1, base: undefined, quote: undefined },
    limits: {
      leverage: { min: undefined, max: undefined },
      amount: { min: 0.001, max: 1000 },
      price: { min: 261.1, max: 809484 },
      cost: { min: 100, max: undefined },
    },
    created: 1569398400000,
    info: {},
  },
] as never);
const ccxtClient = exchange.client('wss://fstream.binance.com/public/ws') as unknown as CcxtClient;
const ccxtSnapshot = () => ({
  bids: depth.snapshot.bids.map(([p, q]) => [Number.parseFloat(p), Number.parseFloat(q)]),
  asks: depth.snapshot.asks.map(([p, q]) => [Number.parseFloat(p), Number.parseFloat(q)]),
  nonce: Number(depth.snapshot.lastUpdateId),
  timestamp: START,
  symbol: 'BTC/USDT:USDT',
});
const ccxtBooks = exchange.orderbooks as unknown as Record<string, CcxtBook>;
function resetCcxtBook(): void {
  ccxtBooks['BTC/USDT:USDT'] = exchange.orderBook(ccxtSnapshot(), 1000) as unknown as CcxtBook;
}

function ccxtRunner(frames: readonly Frame[]): () => void {
  const data = frames.map((f) => f.bytes);
  const hasDepth = frames.some((f) => f.stream.includes('@depth'));
  return () => {
    if (hasDepth) resetCcxtBook();
    for (let i = 0; i < data.length; i++) ccxtClient.onMessage({ data: data[i]! });
    if (hasDepth && ccxtBooks['BTC/USDT:USDT']?.nonce !== depth.lastU)
      throw new Error('ccxt dropped its book');
  };
}

function ccxtHandlerRunner(frames: readonly Frame[]): () => void {
  const messages = frames.map((f) => JSON.parse(f.bytes.toString('utf8').replace(/:(\d{15,}),/g, ':"$1",')));
  const hasDepth = frames.some((f) => f.stream.includes('@depth'));
  return () => {
    if (hasDepth) resetCcxtBook();
    for (let i = 0; i < messages.length; i++) exchange.handleMessage(ccxtClient as never, messages[i]);
  };
}

// Check once that ccxt understood the frames: a bid/ask, trades and the book all landed.
resetCcxtBook();
for (const f of mixed) ccxtClient.onMessage({ data: f.bytes });
{
  const bidask = (exchange.bidsasks as Record<string, { bid?: number }>)['BTC/USDT:USDT'];
  const ccxtTrades = (exchange.trades as Record<string, { length: number }>)['BTC/USDT:USDT'];
  const book = ccxtBooks['BTC/USDT:USDT'];
  if (bidask?.bid === undefined || (ccxtTrades?.length ?? 0) === 0 || book === undefined)
    throw new Error('ccxt did not take the frames');
  // Both books end the same (top 100 levels per side).
  const basisBook = new LocalOrderBook();
  basisBook.reset(depth.snapshot);
  for (const f of depth.frames) basisBook.apply((JSON.parse(f.bytes.toString()) as { data: never }).data);
  const basisTop = (['bids', 'asks'] as const)
    .map((s) =>
      basisBook
        .levels(s, 100)
        .map((l) => `${l.price.normalize()}@${l.quantity.normalize()}`)
        .join(','),
    )
    .join(' | ');
  const ccxtTop = [book.bids, book.asks]
    .map((side) =>
      Array.from({ length: Math.min(100, side.length) }, (_, i) => {
        const [p, q] = side[i]!;
        return `${Decimal.parse(p.toFixed(2)).normalize()}@${Decimal.parse(q.toFixed(3)).normalize()}`;
      }).join(','),
    )
    .join(' | ');
  if (basisTop !== ccxtTop) throw new Error('ccxt ends in a different book than Basis');
}

// Basis stream → LocalOrderBook, for the like-for-like depth row.
const basisBook = new LocalOrderBook();
function sdkBookRunner(frames: readonly Frame[]): () => void {
  const run = sdkRunner(frames);
  const apply = (event: unknown): void => {
    if (basisBook.apply(event as never) !== 'applied') throw new Error('basis book gap');
  };
  return () => {
    basisBook.reset(depth.snapshot);
    bookConsumer = apply;
    try {
      run();
    } finally {
      bookConsumer = undefined;
    }
  };
}

// ------------------------------------------------------------------------------------------------
// Own timing alongside vitest's, for the frames/s and ratio summary of each group.

type Phase = 'warmup' | 'run';
let phase: Phase = 'warmup';
const totals = new Map<string, { ms: number; iterations: number }>();
const timed = (group: string, name: string, run: () => void) => () => {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  if (phase !== 'run') return;
  const key = `${group}\u0000${name}`;
  const t = totals.get(key) ?? { ms: 0, iterations: 0 };
  t.ms += ms;
  t.iterations += 1;
  totals.set(key, t);
};

function summary(group: string, frames: number, floorName: string, basisName: string): void {
  const rows = [...totals.entries()].filter(([key]) => key.startsWith(`${group}\u0000`));
  const rate = (name: string): number => {
    const t = totals.get(`${group}\u0000${name}`);
    return t === undefined ? Number.NaN : (t.iterations * frames) / (t.ms / 1000);
  };
  const floor = rate(floorName);
  const basis = rate(basisName);
  const lines = rows.map(([key, t]) => {
    const name = key.split('\u0000')[1]!;
    const r = (t.iterations * frames) / (t.ms / 1000);
    const vsBasis = name === basisName ? '' : `, basis is ${(basis / r).toFixed(2)}x its rate`;
    return `  ${name.padEnd(54)} ${Math.round(r).toLocaleString('en-US').padStart(11)} frames/s  ${(r / floor).toFixed(2)} of the floor${vsBasis}  (${((t.ms * 1000) / (t.iterations * frames)).toFixed(2)} µs/frame)`;
  });
  console.log(`\n[${group}] ${frames} frames, Node ${process.version}\n${lines.join('\n')}`);
}

const hooks = (last?: () => void) => ({
  setup: (_task: unknown, mode: Phase) => {
    phase = mode;
  },
  teardown: (_task: unknown, mode: Phase) => {
    phase = 'warmup';
    if (mode === 'run') last?.();
  },
});

function group(
  title: string,
  frames: readonly Frame[],
  extra: readonly (readonly [string, () => void])[] = [],
): void {
  const n = frames.length;
  const FLOOR = 'floor: JSON.parse(toString)';
  const BASIS = 'basis streams (frame → parseJson → dedupe → callback)';
  const tasks: (readonly [string, () => void])[] = [
    [BASIS, sdkRunner(frames)],
    [FLOOR, floorRunner(frames)],
    ...extra,
    ['ccxt WsClient.onMessage (full per-frame path)', ccxtRunner(frames)],
    ['ccxt handleMessage (pre-parsed)', ccxtHandlerRunner(frames)],
  ];
  describe(`${title}: ${n} frames per iteration (frames/s = hz × ${n})`, () => {
    tasks.forEach(([name, run], i) => {
      const done = i === tasks.length - 1 ? () => summary(title, n, FLOOR, BASIS) : undefined;
      bench(name, timed(title, name, run), { time: 2000, ...hooks(done) } as never);
    });
  });
}

group('bookTicker', tickers);
group('aggTrade', trades);
group('depth@100ms', depth.frames, [['basis streams → LocalOrderBook.apply', sdkBookRunner(depth.frames)]]);
group('mixed', mixed);
