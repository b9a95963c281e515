/** A value or a promise of it: the in-memory store answers synchronously, a shared store may not. */
export type MaybePromise<T> = T | Promise<T>;

/** One counter a request charges: `cost` against `limit` in the fixed window of `windowMs` holding `now`. */
export interface RateCharge {
  /** The counter: `weight`, `orders10s:<account>`, `orders1m:<account>`, `pool:funding`, ... */
  readonly key: string;
  readonly cost: number;
  readonly limit: number;
  readonly windowMs: number;
}

/** Why a store refused a charge. */
export type RateRefusal = 'limit' | 'retry-after' | 'ban';

/** The answer of {@link RateStore.acquire}. */
export type RateAcquireResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Earliest time (ms epoch, the caller's time base) worth trying again. */
      readonly retryAt: number;
      readonly reason: RateRefusal;
      /** The counter or block that refused. */
      readonly key: string;
    };

/** One counter as {@link RateStore.snapshot} reports it. */
export interface RateCounterSnapshot {
  readonly key: string;
  readonly windowStart: number;
  readonly windowMs: number;
  readonly used: number;
}

/** One block as {@link RateStore.snapshot} reports it. */
export interface RateBlockSnapshot {
  readonly key: string;
  readonly until: number;
  readonly reason: Exclude<RateRefusal, 'limit'>;
}

/** What a store holds. */
export interface RateStoreSnapshot {
  readonly counters: readonly RateCounterSnapshot[];
  readonly blocks: readonly RateBlockSnapshot[];
}

/** The key of the IP-wide ban block: while it holds, every charge is refused. */
export const BAN_KEY = 'ban';

/**
 * Where the rate governor keeps its counts. The in-memory store ({@link createMemoryRateStore})
 * serves one process; a shared store (Redis, later) lets several processes on one IP share one
 * budget, so each operation is one atomic step that such a store can run as a script.
 *
 * Windows are fixed and aligned to the epoch (`windowStart = now − now mod windowMs`), as Binance
 * counts: a minute's weight drops to zero when the next minute starts.
 */
export interface RateStore {
  /**
   * Atomically: unless the ban or a block on one of the keys holds, or a counter would exceed its
   * limit, add every charge's cost and answer `ok`; otherwise change nothing and answer when to try
   * again (the latest of the refusing windows' ends and blocks).
   */
  acquire(charges: readonly RateCharge[], now: number): MaybePromise<RateAcquireResult>;
  /**
   * Raises a counter of the window holding `now` to `count` (the server's own count, from a usage
   * header) when that is larger: the server's count wins over ours, never the other way round.
   */
  observe(key: string, windowMs: number, count: number, now: number): MaybePromise<void>;
  /** Refuses charges of `key` ({@link BAN_KEY}: of every key) until `until`; a later block extends it. */
  block(key: string, until: number, reason: Exclude<RateRefusal, 'limit'>): MaybePromise<void>;
  /**
   * What the store holds at `now` (counters of past windows read as zero). Synchronous so usage can be
   * read anywhere: a shared store answers from its local view.
   */
  snapshot(now: number): RateStoreSnapshot;
}

interface Counter {
  windowStart: number;
  windowMs: number;
  used: number;
}

interface Block {
  until: number;
  reason: Exclude<RateRefusal, 'limit'>;
}

function windowStartOf(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

/**
 * The in-memory {@link RateStore}: counters and blocks in maps, every operation synchronous (so one
 * `acquire` is atomic under JavaScript's single thread). Counters of past windows are reset when next
 * touched; expired blocks are dropped when read.
 */
export function createMemoryRateStore(): RateStore {
  const counters = new Map<string, Counter>();
  const blocks = new Map<string, Block>();

  const counterAt = (key: string, windowMs: number, now: number): Counter => {
    const windowStart = windowStartOf(now, windowMs);
    let counter = counters.get(key);
    if (counter === undefined) {
      counter = { windowStart, windowMs, used: 0 };
      counters.set(key, counter);
    } else if (counter.windowStart !== windowStart || counter.windowMs !== windowMs) {
      counter.windowStart = windowStart;
      counter.windowMs = windowMs;
      counter.used = 0;
    }
    return counter;
  };

  const activeBlock = (key: string, now: number): Block | undefined => {
    const block = blocks.get(key);
    if (block === undefined) return undefined;
    if (block.until > now) return block;
    blocks.delete(key);
    return undefined;
  };

  return {
    acquire(charges, now) {
      const ban = activeBlock(BAN_KEY, now);
      if (ban !== undefined) return { ok: false, retryAt: ban.until, reason: 'ban', key: BAN_KEY };
      let refusal: { retryAt: number; reason: RateRefusal; key: string } | undefined;
      const refuse = (retryAt: number, reason: RateRefusal, key: string) => {
        if (refusal === undefined || retryAt > refusal.retryAt) refusal = { retryAt, reason, key };
      };
      for (const charge of charges) {
        const block = activeBlock(charge.key, now);
        if (block !== undefined) refuse(block.until, block.reason, charge.key);
        const counter = counterAt(charge.key, charge.windowMs, now);
        if (counter.used + charge.cost > charge.limit) {
          refuse(counter.windowStart + counter.windowMs, 'limit', charge.key);
        }
      }
      if (refusal !== undefined) return { ok: false, ...refusal };
      for (const charge of charges) counterAt(charge.key, charge.windowMs, now).used += charge.cost;
      return { ok: true };
    },
    observe(key, windowMs, count, now) {
      const counter = counterAt(key, windowMs, now);
      if (count > counter.used) counter.used = count;
    },
    block(key, until, reason) {
      const existing = blocks.get(key);
      if (existing === undefined || until > existing.until) blocks.set(key, { until, reason });
    },
    snapshot(now) {
      const counterList: RateCounterSnapshot[] = [];
      for (const [key, counter] of counters) {
        const current = counter.windowStart === windowStartOf(now, counter.windowMs);
        counterList.push({
          key,
          windowStart: windowStartOf(now, counter.windowMs),
          windowMs: counter.windowMs,
          used: current ? counter.used : 0,
        });
      }
      const blockList: RateBlockSnapshot[] = [];
      for (const [key, block] of blocks) {
        if (block.until > now) blockList.push({ key, until: block.until, reason: block.reason });
      }
      return { counters: counterList, blocks: blockList };
    },
  };
}
