import {
  type Clock,
  createLiveClock,
  Decimal,
  type DecimalInput,
  type DepthLimit,
  type Id,
  type PriceLevel,
  type TimerHandle,
} from '@basis/core';
import { type ApplyResult, LocalOrderBook, sameId } from './localOrderBook.js';
import { isZeroQuantity, parseTicks } from './ticks.js';
import type {
  BookLevel,
  BookSideName,
  DepthDiff,
  DepthDiffSource,
  DepthSnapshot,
  DepthSummary,
  FillEstimate,
  OrderBookQueries,
  PriceBand,
} from './types.js';

/** Why a book threw its state away and loaded a new snapshot. */
export type ResyncReason =
  /** A diff's `pu` did not match the last applied `u` (§10 step 5), or the first diff after a snapshot did not cover it. */
  | 'gap'
  /** Every buffered diff starts after the snapshot: the snapshot was too old. */
  | 'stale-snapshot'
  /** A verification found the book different from a fresh snapshot. */
  | 'mismatch'
  /** The source reported lost events (`onInterrupt`, e.g. a reconnect). */
  | 'interrupted'
  /** More diffs arrived while waiting for a snapshot than `maxBufferedDiffs`. */
  | 'buffer-overflow'
  /** A diff could not be applied (an unparsable price). */
  | 'invalid-diff'
  /** {@link OrderBook.resync} was called. */
  | 'manual';

/** `synced`: the book follows the stream; `syncing`: waiting for its first snapshot; `resyncing`: it lost the sequence and waits for a new one (queries answer from the stale levels); `closed`. */
export type OrderBookStatus = 'syncing' | 'synced' | 'resyncing' | 'closed';

/** A difference a verification found: the first differing level. */
export interface BookMismatch {
  readonly side: BookSideName;
  /** 0 = best level. */
  readonly index: number;
  /** The snapshot's level there (undefined: the book has extra levels). */
  readonly expected: PriceLevel | undefined;
  /** The book's level there (undefined: the book is missing levels). */
  readonly actual: PriceLevel | undefined;
}

/** What {@link OrderBook.verify} found. */
export type VerifyResult =
  | { readonly status: 'match'; readonly lastUpdateId: Id }
  | { readonly status: 'mismatch'; readonly lastUpdateId: Id; readonly mismatch: BookMismatch }
  /** The snapshot could not be lined up with the book (taken inside a diff event, the book behind it or resynchronising). */
  | { readonly status: 'inconclusive'; readonly reason: string };

/** The listeners of {@link OrderBook.on}, by event. */
export interface OrderBookEvents {
  /** After each applied diff (the hot path: no object is built for it). */
  update: (book: OrderBook, diff: DepthDiff) => void;
  /** The book became consistent: after the first snapshot and after every resync. */
  synced: (event: { readonly lastUpdateId: Id; readonly resyncs: number }) => void;
  /** The book lost the sequence and is loading a new snapshot; listeners stay subscribed. */
  resync: (event: {
    readonly reason: ResyncReason;
    readonly lastUpdateId: Id | undefined;
    readonly detail?: string;
  }) => void;
  /** A verification found a difference (a `resync` follows). */
  mismatch: (event: { readonly lastUpdateId: Id; readonly mismatch: BookMismatch }) => void;
  /** A snapshot fetch failed (it is retried with backoff), or a listener threw. */
  error: (error: unknown) => void;
}

/** Options of {@link createOrderBook}. */
export interface OrderBookOptions {
  /** The symbol, as the REST API spells it (`BTCUSDT`). */
  readonly symbol: string;
  /** Diff stream and snapshots. */
  readonly source: DepthDiffSource;
  /** Levels per side in each REST snapshot (default 1000, the most Binance serves; weight 20). */
  readonly snapshotLimit?: DepthLimit;
  /** Fraction digits of the price ticks (default: inferred from the prices). See {@link LocalOrderBook}. */
  readonly priceScale?: number;
  /**
   * Fetch the first snapshot this long after subscribing if no diff arrived before (default 1000 ms);
   * normally it is fetched as soon as the first diff is buffered, as §10 prescribes.
   */
  readonly firstDiffWaitMs?: number;
  /** Compare the book with a fresh snapshot this often, ms (default 0: never; see {@link OrderBook.verify}). */
  readonly verifyIntervalMs?: number;
  /** Diffs kept while waiting for a snapshot (default 10,000); beyond it the oldest half is dropped and the snapshot refetched. */
  readonly maxBufferedDiffs?: number;
  /** Backoff after a failed snapshot fetch: first delay and cap, ms (defaults 250 and 5000). */
  readonly retry?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /**
   * Levels kept per side (default 5000, at least 1). Binance's diffs keep reporting levels beyond the
   * snapshot's depth, so over a long session the far end of the book would grow without bound: after
   * each snapshot and each applied diff, the levels farthest from the touch beyond this count are
   * dropped. The levels near the touch stay exact; a dropped far level reappears when a diff updates
   * it. Keep it at or above `snapshotLimit` so `verify` compares whole snapshots (below it, only the
   * kept levels are compared).
   */
  readonly maxLevelsPerSide?: number;
  /**
   * The clock of the timers: the first-diff wait, the retry backoff, the verification interval and
   * `ready`'s time limit (default: the source's `clock` when it has one, e.g. the client's with
   * {@link depthDiffSource}; else a wall clock). With a `VirtualClock` they all run in virtual time.
   */
  readonly clock?: Clock;
}

/** Counters since creation. */
export interface OrderBookStats {
  readonly applied: number;
  readonly stale: number;
  readonly resyncs: number;
  readonly snapshots: number;
  readonly verifications: number;
  readonly mismatches: number;
}

/** A live local order book for one symbol: snapshot + diffs (reference §10), resyncs, verification. */
export interface OrderBook extends OrderBookQueries {
  readonly symbol: string;
  readonly status: OrderBookStatus;
  readonly stats: OrderBookStats;
  /** Adds a listener; returns the function that removes it. Resyncs keep every listener. */
  on<E extends keyof OrderBookEvents>(event: E, listener: OrderBookEvents[E]): () => void;
  /** Resolves once the book is synced (at once if it is); rejects after `timeoutMs` (default 10 s) or on close. */
  ready(timeoutMs?: number): Promise<void>;
  /**
   * Fetches a snapshot and compares it with the book at the same `lastUpdateId` (waiting for the book
   * to reach it if the snapshot is ahead). A mismatch is reported (`mismatch` event) and repaired
   * by loading that snapshot (`resync` event with reason `mismatch`).
   */
  verify(): Promise<VerifyResult>;
  /** Throws the state away and resynchronises (new snapshot, buffered diffs). */
  resync(reason?: string): void;
  /** Unsubscribes from the source and stops the timers; pending `ready`/`verify` calls settle. */
  close(): void;
}

/**
 * Starts a local order book: subscribes to the source's diff stream, buffers it, loads a REST snapshot
 * once the stream runs, and from then on follows the sequence (`pu` = previous `u`). On a gap it
 * fetches a new snapshot and re-buffers, without dropping its listeners.
 *
 * @example
 * const book = createOrderBook({ symbol: 'BTCUSDT', source: depthDiffSource({ client, subscribe }) });
 * await book.ready();
 * book.bestBid(); // { price: Decimal, quantity: Decimal }
 * book.fillCost('buy', '2.5'); // { complete, cost, averagePrice, worstPrice, ... }
 * book.on('resync', ({ reason }) => log(reason));
 * book.close();
 */
export function createOrderBook(options: OrderBookOptions): OrderBook {
  return new ManagedOrderBook(options);
}

type Listeners = { [E in keyof OrderBookEvents]: OrderBookEvents[E][] };

interface PendingVerify {
  readonly snapshot: DepthSnapshot;
  readonly resolve: (result: VerifyResult) => void;
}

class ManagedOrderBook implements OrderBook {
  readonly symbol: string;
  readonly #book: LocalOrderBook;
  readonly #source: DepthDiffSource;
  readonly #limit: number;
  readonly #maxBuffered: number;
  readonly #retryInitial: number;
  readonly #retryMax: number;
  readonly #maxLevels: number;
  readonly #clock: Clock;
  readonly #listeners: Listeners = { update: [], synced: [], resync: [], mismatch: [], error: [] };
  readonly #unsubscribe: () => void;
  #status: OrderBookStatus = 'syncing';
  /** Before the first snapshot fetch: waiting for the first diff (or `firstDiffWaitMs`). */
  #initialWait = true;
  #buffer: DepthDiff[] = [];
  /** Generation of the snapshot fetch in flight (0: none); results of older generations are dropped. */
  #fetching = 0;
  #generation = 0;
  #retryDelay: number;
  #timer: TimerHandle | undefined;
  #verifyTimer: TimerHandle | undefined;
  #pendingVerify: PendingVerify | undefined;
  #waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #stats = { applied: 0, stale: 0, resyncs: 0, snapshots: 0, verifications: 0, mismatches: 0 };

  constructor(options: OrderBookOptions) {
    this.symbol = options.symbol;
    this.#source = options.source;
    this.#limit = options.snapshotLimit ?? 1000;
    this.#maxBuffered = Math.max(1, options.maxBufferedDiffs ?? 10_000);
    this.#retryInitial = options.retry?.initialDelayMs ?? 250;
    this.#retryMax = options.retry?.maxDelayMs ?? 5000;
    this.#retryDelay = this.#retryInitial;
    this.#maxLevels = Math.max(1, Math.floor(options.maxLevelsPerSide ?? 5000));
    // The wall-clock default is unref'ed, as the global timers used here were: a forgotten book
    // does not keep the process alive.
    this.#clock = options.clock ?? options.source.clock ?? createLiveClock({ unref: true });
    this.#book = new LocalOrderBook({
      maxLevelsPerSide: this.#maxLevels,
      ...(options.priceScale === undefined ? {} : { priceScale: options.priceScale }),
    });
    this.#unsubscribe = this.#source.subscribe(
      this.symbol,
      (diff) => this.#onDiff(diff),
      (reason) => this.#resync('interrupted', reason),
    );
    // §10: buffer first, snapshot once the stream runs; a quiet stream gets its snapshot after a wait.
    this.#timer = unref(this.#clock.setTimeout(() => this.#fetchSnapshot(), options.firstDiffWaitMs ?? 1000));
    const every = options.verifyIntervalMs ?? 0;
    if (every > 0) {
      this.#verifyTimer = unref(
        this.#clock.setInterval(() => {
          if (this.#status === 'synced' && this.#pendingVerify === undefined) {
            this.verify().catch((error: unknown) => this.#emitError(error));
          }
        }, every),
      );
    }
  }

  // Queries delegate to the local book.
  get lastUpdateId(): Id | undefined {
    return this.#book.lastUpdateId;
  }
  get priceScale(): number {
    return this.#book.priceScale;
  }
  get status(): OrderBookStatus {
    return this.#status;
  }
  get stats(): OrderBookStats {
    return { ...this.#stats };
  }
  bestBid(): BookLevel | undefined {
    return this.#book.bestBid();
  }
  bestAsk(): BookLevel | undefined {
    return this.#book.bestAsk();
  }
  midPrice(): Decimal | undefined {
    return this.#book.midPrice();
  }
  spread(): Decimal | undefined {
    return this.#book.spread();
  }
  levels(side: BookSideName, n?: number): BookLevel[] {
    return this.#book.levels(side, n);
  }
  levelStrings(side: BookSideName, n?: number): PriceLevel[] {
    return this.#book.levelStrings(side, n);
  }
  size(side: BookSideName): number {
    return this.#book.size(side);
  }
  depth(side: BookSideName, band?: PriceBand): DepthSummary {
    return this.#book.depth(side, band);
  }
  fillCost(
    side: 'buy' | 'sell',
    quantity: DecimalInput,
    options?: { readonly limitPrice?: DecimalInput },
  ): FillEstimate {
    return this.#book.fillCost(side, quantity, options);
  }

  on<E extends keyof OrderBookEvents>(event: E, listener: OrderBookEvents[E]): () => void {
    const list = this.#listeners[event] as OrderBookEvents[E][];
    list.push(listener);
    return () => {
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
    };
  }

  ready(timeoutMs = 10_000): Promise<void> {
    if (this.#status === 'synced') return Promise.resolve();
    if (this.#status === 'closed')
      return Promise.reject(new Error(`the ${this.symbol} order book is closed`));
    return new Promise((resolve, reject) => {
      const clock = this.#clock;
      const timer = clock.setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`the ${this.symbol} order book did not sync within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        resolve: () => {
          clock.clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clock.clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  async verify(): Promise<VerifyResult> {
    if (this.#status !== 'synced') return { status: 'inconclusive', reason: `the book is ${this.#status}` };
    if (this.#pendingVerify !== undefined)
      return { status: 'inconclusive', reason: 'a verification is pending' };
    const generation = this.#generation;
    const snapshot = await this.#source.fetchSnapshot(this.symbol, this.#limit);
    this.#stats.verifications++;
    if (this.#status !== 'synced' || generation !== this.#generation) {
      return { status: 'inconclusive', reason: 'the book resynchronised meanwhile' };
    }
    const last = this.#book.lastUpdateId!;
    if (sameId(last, snapshot.lastUpdateId)) return this.#compare(snapshot);
    if (last > snapshot.lastUpdateId) {
      return {
        status: 'inconclusive',
        reason: `the book (${last}) is ahead of the snapshot (${snapshot.lastUpdateId})`,
      };
    }
    // The snapshot is ahead: compare when the book reaches it (#afterApply).
    return new Promise((resolve) => {
      this.#pendingVerify = { snapshot, resolve };
    });
  }

  resync(reason?: string): void {
    this.#resync('manual', reason);
  }

  close(): void {
    if (this.#status === 'closed') return;
    this.#status = 'closed';
    this.#generation++;
    this.#unsubscribe();
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#clock.clearInterval(this.#verifyTimer);
    this.#verifyTimer = undefined;
    this.#buffer = [];
    this.#settleVerify({ status: 'inconclusive', reason: 'the book was closed' });
    for (const waiter of this.#waiters.splice(0))
      waiter.reject(new Error(`the ${this.symbol} order book was closed`));
  }

  // Sequence ------------------------------------------------------------------------------------

  #onDiff(diff: DepthDiff): void {
    if (this.#status === 'synced') {
      this.#applyLive(diff);
      return;
    }
    if (this.#status === 'closed') return;
    const buffer = this.#buffer;
    buffer.push(diff);
    if (buffer.length > this.#maxBuffered) {
      // Keep the newest half: a snapshot fetched now is newer than all of them anyway.
      buffer.splice(0, buffer.length >> 1);
      this.#resync('buffer-overflow', `more than ${this.#maxBuffered} diffs buffered`);
      return;
    }
    if (this.#initialWait) {
      // The first diff: the stream runs, so fetch the snapshot now instead of waiting (§10 step 2).
      this.#fetchSnapshot();
    }
  }

  #applyLive(diff: DepthDiff): void {
    let result: ApplyResult;
    try {
      result = this.#book.apply(diff);
    } catch (error) {
      this.#resync('invalid-diff', error instanceof Error ? error.message : String(error));
      return;
    }
    if (result === 'applied') {
      this.#stats.applied++;
      const listeners = this.#listeners.update;
      for (let i = 0; i < listeners.length; i++) {
        try {
          listeners[i]!(this, diff);
        } catch (error) {
          this.#emitError(error);
        }
      }
      if (this.#pendingVerify !== undefined) this.#checkPendingVerify();
    } else if (result === 'stale') {
      this.#stats.stale++;
    } else {
      this.#buffer.push(diff); // the new snapshot may well be older than this diff
      this.#resync('gap', `pu ${String(diff.pu)} after u ${String(this.#book.lastUpdateId)}`);
    }
  }

  #resync(reason: ResyncReason, detail?: string): void {
    if (this.#status === 'closed') return;
    const was = this.#status;
    const lastUpdateId = this.#book.lastUpdateId;
    this.#book.invalidate();
    this.#generation++;
    this.#fetching = 0;
    this.#stats.resyncs++;
    if (was === 'synced') this.#status = 'resyncing';
    this.#settleVerify({ status: 'inconclusive', reason: `resync (${reason})` });
    this.#emit('resync', { reason, lastUpdateId, ...(detail === undefined ? {} : { detail }) });
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (was === 'synced') {
      // Lost a running sequence: fetch at once.
      this.#retryDelay = this.#retryInitial;
      this.#fetchSnapshot();
    } else {
      // Still not synced since the last attempt: back off, so a broken stream is not a snapshot storm.
      this.#retryLater();
    }
  }

  #fetchSnapshot(): void {
    if (this.#status === 'closed') return;
    this.#initialWait = false;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const generation = ++this.#generation;
    this.#fetching = generation;
    this.#source.fetchSnapshot(this.symbol, this.#limit).then(
      (snapshot) => {
        if (this.#fetching !== generation || this.#status === 'closed') return;
        this.#fetching = 0;
        this.#stats.snapshots++;
        this.#onSnapshot(snapshot);
      },
      (error: unknown) => {
        if (this.#fetching !== generation || this.#status === 'closed') return;
        this.#fetching = 0;
        this.#emitError(error);
        this.#retryLater();
      },
    );
  }

  #retryLater(): void {
    const delay = this.#retryDelay;
    this.#retryDelay = Math.min(this.#retryMax, delay * 2);
    this.#timer = unref(this.#clock.setTimeout(() => this.#fetchSnapshot(), delay));
  }

  /** §10 steps 2-4 on the buffer: load, drop older events, check the first, apply the rest. */
  #onSnapshot(snapshot: DepthSnapshot): void {
    const book = this.#book;
    try {
      book.reset(snapshot);
    } catch (error) {
      this.#emitError(error);
      this.#retryLater();
      return;
    }
    const buffer = this.#buffer;
    let i = 0;
    let applied = 0;
    for (; i < buffer.length; i++) {
      let result: ApplyResult;
      try {
        result = book.apply(buffer[i]!);
      } catch {
        result = 'gap';
      }
      if (result === 'applied') applied++;
      else if (result === 'gap') break;
    }
    if (i < buffer.length) {
      // Keep the diffs from the break on: the next snapshot will be newer than some of them.
      this.#buffer = buffer.slice(i);
      book.invalidate();
      const reason: ResyncReason = applied === 0 ? 'stale-snapshot' : 'gap';
      if (reason === 'stale-snapshot') {
        // The snapshot predates the buffered diffs: fetch again (after a short pause, with backoff).
        this.#retryLater();
      } else {
        this.#resync(reason, 'inside the buffered diffs');
      }
      return;
    }
    this.#buffer = [];
    this.#stats.applied += applied;
    this.#retryDelay = this.#retryInitial;
    this.#status = 'synced';
    this.#emit('synced', { lastUpdateId: book.lastUpdateId!, resyncs: this.#stats.resyncs });
    for (const waiter of this.#waiters.splice(0)) waiter.resolve();
  }

  // Verification --------------------------------------------------------------------------------

  #checkPendingVerify(): void {
    const pending = this.#pendingVerify!;
    const last = this.#book.lastUpdateId!;
    const target = pending.snapshot.lastUpdateId;
    if (sameId(last, target)) {
      this.#pendingVerify = undefined;
      pending.resolve(this.#compare(pending.snapshot));
    } else if (last > target) {
      this.#settleVerify({
        status: 'inconclusive',
        reason: `the snapshot (${target}) fell inside a diff event`,
      });
    }
  }

  #settleVerify(result: VerifyResult): void {
    const pending = this.#pendingVerify;
    if (pending === undefined) return;
    this.#pendingVerify = undefined;
    pending.resolve(result);
  }

  /** Compares the book with a snapshot at the same id; on a difference reports it and loads the snapshot. */
  #compare(snapshot: DepthSnapshot): VerifyResult {
    const lastUpdateId = snapshot.lastUpdateId;
    const mismatch =
      this.#compareSide('bids', snapshot.bids) ?? this.#compareSide('asks', snapshot.asks) ?? undefined;
    if (mismatch === undefined) return { status: 'match', lastUpdateId };
    this.#stats.mismatches++;
    this.#emit('mismatch', { lastUpdateId, mismatch });
    // The snapshot is at the book's id, so it is the repair: load it and continue with the stream.
    this.#stats.resyncs++;
    this.#generation++;
    this.#emit('resync', { reason: 'mismatch', lastUpdateId, detail: describe(mismatch) });
    try {
      this.#book.reset(snapshot);
      this.#emit('synced', { lastUpdateId, resyncs: this.#stats.resyncs });
    } catch (error) {
      this.#resync('invalid-diff', error instanceof Error ? error.message : String(error));
    }
    return { status: 'mismatch', lastUpdateId, mismatch };
  }

  #compareSide(side: BookSideName, expected: readonly PriceLevel[]): BookMismatch | undefined {
    const scale = this.#book.priceScale;
    const actual = this.#book.levelStrings(side, this.#limit);
    let visible = expected.filter(([, q]) => !isZeroQuantity(q));
    // A full snapshot may cut the book short; a shorter one must match it level for level. Levels
    // beyond maxLevelsPerSide are not kept, so the book is compared with the snapshot's first ones.
    let full = visible.length >= this.#limit;
    if (visible.length > this.#maxLevels) {
      visible = visible.slice(0, this.#maxLevels);
      full = true;
    }
    const n = full ? visible.length : Math.max(visible.length, actual.length);
    for (let i = 0; i < n; i++) {
      const e = visible[i];
      const a = actual[i];
      if (e === undefined || a === undefined || !sameLevel(e, a, scale)) {
        return { side, index: i, expected: e, actual: a };
      }
    }
    return undefined;
  }

  // Events ----------------------------------------------------------------------------------------

  #emit<E extends 'synced' | 'resync' | 'mismatch'>(
    event: E,
    payload: Parameters<OrderBookEvents[E]>[0],
  ): void {
    for (const listener of [...this.#listeners[event]] as ((p: typeof payload) => void)[]) {
      try {
        listener(payload);
      } catch (error) {
        this.#emitError(error);
      }
    }
  }

  #emitError(error: unknown): void {
    for (const listener of [...this.#listeners.error]) {
      try {
        listener(error);
      } catch {
        // A failing error listener has nowhere left to report to.
      }
    }
  }
}

/** `unref()`s a wall-clock timer (a Node timer), as the global timers used to be; other handles are left alone. */
function unref(handle: TimerHandle): TimerHandle {
  (handle as { unref?: () => unknown }).unref?.();
  return handle;
}

function sameLevel(expected: PriceLevel, actual: PriceLevel, scale: number): boolean {
  let tick: number;
  try {
    tick = parseTicks(expected[0], scale);
  } catch {
    return false;
  }
  if (tick !== parseTicks(actual[0], scale)) return false;
  if (expected[1] === actual[1]) return true;
  const e = Decimal.tryParse(expected[1]);
  return e?.eq(actual[1]) === true;
}

function describe(m: BookMismatch): string {
  const show = (l: PriceLevel | undefined) => (l === undefined ? 'none' : `${l[0]} × ${l[1]}`);
  return `${m.side}[${m.index}]: expected ${show(m.expected)}, book has ${show(m.actual)}`;
}
