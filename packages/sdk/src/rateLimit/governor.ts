import { type Clock, createLiveClock } from '@basis/core';
import type { Market } from '../clients/environments.js';
import { bannedUntilOf, retryAfterMs } from '../errors/fromResponse.js';
import { IpBannedError, RateLimitedError } from '../errors/rateLimit.js';
import { defaultRateLimits, type RateBudget, type RateLimits, type RatePool, ratePools } from './limits.js';
import { BAN_KEY, createMemoryRateStore, type RateCharge, type RateStore } from './store.js';

/** Order counts a request adds to its account's ORDERS limiters. */
export interface OrderCount {
  readonly tenSeconds: number;
  readonly minute: number;
}

/** What one request will cost, asked of the governor before it is sent. */
export interface RateRequest {
  /** IP REQUEST_WEIGHT (0 for order placement on USD-M). */
  readonly weight: number;
  /** ORDERS counts, for order endpoints. */
  readonly orders?: OrderCount;
  /** The account the orders count against: a stable tag (the client derives one from the API key's hash). */
  readonly account?: string;
  /** A special pool the endpoint draws from. */
  readonly pool?: RatePool;
  /** The time base of the windows, ms: the client's estimate of server time (default: the governor's clock). */
  readonly now?: number;
  /** For error messages. */
  readonly method?: string;
  readonly path?: string;
}

/** What a response tells the governor. */
export interface RateObservation {
  readonly status: number;
  /** Response headers, lower-case names (`x-mbx-used-weight-1m`, `x-mbx-order-count-10s`, `retry-after`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The account the request ran for (as in {@link RateRequest.account}). */
  readonly account?: string;
  /** Binance's error code and message, when the answer was an error body. */
  readonly code?: number;
  readonly msg?: string;
  /** The time base, as in {@link RateRequest.now}. */
  readonly now?: number;
}

/** The result of {@link RateGovernor.acquire}. */
export interface RateAcquired {
  /** How long the call waited for budget, ms (0 when it went straight through). */
  readonly waitedMs: number;
}

/** One budget's state. */
export interface RateUsageEntry {
  readonly used: number;
  readonly limit: number;
  readonly windowMs: number;
  /** When the window ends and the count drops to zero, ms epoch. */
  readonly resetsAt: number;
}

/** Everything the governor counts, for dashboards and logs. */
export interface RateUsage {
  /** IP REQUEST_WEIGHT this minute. */
  readonly requestWeight: RateUsageEntry;
  /** ORDERS per account tag. */
  readonly orders: readonly {
    readonly account: string;
    readonly tenSeconds: RateUsageEntry | undefined;
    readonly minute: RateUsageEntry;
  }[];
  readonly pools: Readonly<Record<RatePool, RateUsageEntry>>;
  /** Scopes blocked by a `Retry-After` (or a ban). */
  readonly blocked: readonly { readonly scope: string; readonly until: Date; readonly reason: string }[];
  /** The end of an IP ban in force. */
  readonly bannedUntil: Date | undefined;
}

/** Options of {@link createRateGovernor}. */
export interface RateGovernorOptions {
  /** The market whose default budgets apply (default `usdm`). */
  readonly market?: Market;
  /** Budgets to use instead of the market's (lower them to leave room for other tools on the IP). */
  readonly limits?: Partial<Omit<RateLimits, 'pools'>> & {
    readonly pools?: Partial<Readonly<Record<RatePool, RateBudget>>>;
  };
  /** The clock waits run on (default: the wall clock). */
  readonly clock?: Clock;
  /**
   * The longest a call waits for budget, ms (default 65000: a full weight window plus margin). A call
   * that would wait longer is refused at once with a `RateLimitedError` (`source: 'governor'`).
   */
  readonly maxWaitMs?: number;
  /** Extra wait past a window's end, ms (default 100), against the rest of the clock-offset error. */
  readonly windowMarginMs?: number;
  /** Where counts live (default: in memory). A shared store lets several processes share one IP's budget. */
  readonly store?: RateStore;
}

/**
 * Keeps a client under Binance's rate limits instead of discovering them through 429s and bans.
 * One governor per IP: share it between the clients of one process (see {@link createRateGovernor}).
 */
export interface RateGovernor {
  readonly limits: RateLimits;
  /**
   * Reserves a request's cost, waiting (on the governor's clock) until every budget it needs has
   * room and no `Retry-After` block holds.
   *
   * @throws IpBannedError at once while an IP ban holds (nothing is sent during a ban).
   * @throws RateLimitedError when the wait would exceed `maxWaitMs`, or the cost exceeds a whole budget.
   */
  acquire(request: RateRequest): Promise<RateAcquired>;
  /**
   * Feeds a response back: usage headers raise the counts (the server's count wins when larger), a
   * 429 blocks its scope until `Retry-After` (or the window's end), a 418 bans every call until the
   * ban's end.
   */
  observe(observation: RateObservation): Promise<void> | undefined;
  /** What is counted now. */
  usage(): RateUsage;
}

/** The SDK's own governors' promise-free `acquire` (internal: the request pipeline uses it through {@link acquireNow}). */
const ACQUIRE_MAYBE: unique symbol = Symbol('basis.governor.acquireMaybe');

type WithAcquireMaybe = RateGovernor & {
  readonly [ACQUIRE_MAYBE]?: {
    /** The `acquire` it stands for: a copy of the governor with another `acquire` does not use it. */
    readonly acquire: RateGovernor['acquire'];
    readonly now: (request: RateRequest) => RateAcquired | Promise<RateAcquired>;
  };
};

/**
 * `governor.acquire(request)`, answered without a promise when the governor is the SDK's own and
 * needs no wait. Internal to the request pipeline; other governors go through `acquire`.
 */
export function acquireNow(
  governor: RateGovernor,
  request: RateRequest,
): RateAcquired | Promise<RateAcquired> {
  const maybe = (governor as WithAcquireMaybe)[ACQUIRE_MAYBE];
  if (maybe === undefined || maybe.acquire !== governor.acquire) return governor.acquire(request);
  return maybe.now(request);
}

const MINUTE = 60_000;
const TEN_SECONDS = 10_000;
const DEFAULT_MAX_WAIT_MS = 65_000;
const DEFAULT_WINDOW_MARGIN_MS = 100;
const MIN_BAN_MS = 2 * MINUTE;
/** Bound on wake-ups inside one `acquire`: each one waits for a window end or a block, so few are needed. */
const MAX_ROUNDS = 64;

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: MINUTE, h: 3_600_000, d: 86_400_000 };

/** Suffixes seen in usage headers and their lengths (a handful: `1m`, `10s`, ...), parsed once. */
const intervals = new Map<string, number | undefined>();
const MAX_INTERVALS = 64;

/** `1m` → 60000, `10s` → 10000; undefined for anything else. */
function intervalMs(suffix: string): number | undefined {
  if (intervals.has(suffix)) return intervals.get(suffix);
  const match = /^(\d+)([smhd])$/.exec(suffix);
  const ms = match === null ? undefined : Number(match[1]) * UNIT_MS[match[2]!]!;
  if (intervals.size < MAX_INTERVALS) intervals.set(suffix, ms);
  return ms;
}

const WEIGHT_KEY = 'weight';
const orderKey = (account: string, windowMs: number) => `orders:${windowMs}:${account}`;
const poolKey = (pool: RatePool) => `pool:${pool}`;

function windowEnd(now: number, windowMs: number): number {
  return now - (now % windowMs) + windowMs;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/**
 * Creates a rate governor. There is no process-wide default instance: `createClient` makes one per
 * client unless given one. Clients that share an IP should share a governor, because Binance counts
 * weight per IP:
 *
 * @example
 * const governor = createRateGovernor();
 * const trading = createClient({ env: 'production', credentials: a, governor });
 * const data = createClient({ env: 'production', governor });
 * governor.usage().requestWeight; // { used, limit: 2400, windowMs: 60000, resetsAt }
 *
 * Budgets (reference §3): IP weight per minute, account ORDERS per 10 s and per minute, and the
 * special pools (funding 500 / 5 min, `/futures/data` 1000 / 5 min), in fixed windows aligned to the
 * epoch as Binance counts them. Weights are given by each action. The counts are corrected by
 * `X-MBX-USED-WEIGHT-1M` and `X-MBX-ORDER-COUNT-10S`/`-1M` on every response, so other tools on the
 * same IP are accounted for too.
 */
export function createRateGovernor(options: RateGovernorOptions = {}): RateGovernor {
  const defaults = defaultRateLimits(options.market ?? 'usdm');
  const limits: RateLimits = {
    requestWeightPerMinute: options.limits?.requestWeightPerMinute ?? defaults.requestWeightPerMinute,
    ordersPer10Seconds:
      options.limits !== undefined && 'ordersPer10Seconds' in options.limits
        ? options.limits.ordersPer10Seconds
        : defaults.ordersPer10Seconds,
    ordersPerMinute: options.limits?.ordersPerMinute ?? defaults.ordersPerMinute,
    pools: { ...defaults.pools, ...options.limits?.pools },
  };
  const clock = options.clock ?? createLiveClock();
  const store = options.store ?? createMemoryRateStore();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const marginMs = options.windowMarginMs ?? DEFAULT_WINDOW_MARGIN_MS;
  /** The last time base seen, as an offset from the clock: `usage()` reads windows in it. */
  let lastOffset = 0;

  const chargesOf = (request: RateRequest): RateCharge[] => {
    // Weight 0 is still charged: a request of any weight is refused while the IP is over its limit.
    const charges: RateCharge[] = [
      { key: WEIGHT_KEY, cost: request.weight, limit: limits.requestWeightPerMinute, windowMs: MINUTE },
    ];
    const { orders, account } = request;
    if (orders !== undefined && account !== undefined) {
      if (limits.ordersPer10Seconds !== undefined && orders.tenSeconds > 0) {
        charges.push({
          key: orderKey(account, TEN_SECONDS),
          cost: orders.tenSeconds,
          limit: limits.ordersPer10Seconds,
          windowMs: TEN_SECONDS,
        });
      }
      if (orders.minute > 0) {
        charges.push({
          key: orderKey(account, MINUTE),
          cost: orders.minute,
          limit: limits.ordersPerMinute,
          windowMs: MINUTE,
        });
      }
    }
    if (request.pool !== undefined) {
      const budget = limits.pools[request.pool];
      charges.push({ key: poolKey(request.pool), cost: 1, limit: budget.limit, windowMs: budget.windowMs });
    }
    return charges;
  };

  const scopeOf = (key: string): string => {
    if (key.startsWith('orders:')) return 'orders';
    if (key.startsWith('pool:')) return key.slice('pool:'.length);
    return key;
  };

  const refuse = (request: RateRequest, scope: string, waitMs: number | undefined, now: number) =>
    new RateLimitedError({
      source: 'governor',
      code: scope === 'orders' ? -1015 : -1003,
      msg:
        scope === 'orders'
          ? 'Too many new orders (refused by the client rate governor).'
          : 'Too many requests (refused by the client rate governor).',
      status: 429,
      method: request.method ?? '-',
      path: request.path ?? '-',
      scope,
      now,
      ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }),
    });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      clock.setTimeout(resolve, ms);
    });

  /**
   * `acquire` without a promise when the store answers at once and the budget has room (the common
   * case); otherwise the promise of the waiting loop. Throws at once for a cost beyond a whole budget.
   */
  const acquireMaybe = (request: RateRequest): RateAcquired | Promise<RateAcquired> => {
    const start = clock.now();
    const offset = (request.now ?? start) - start;
    lastOffset = offset;
    const charges = chargesOf(request);
    for (const charge of charges) {
      if (charge.cost > charge.limit) throw refuse(request, scopeOf(charge.key), undefined, start + offset);
    }
    const now = clock.now() + offset;
    const first = store.acquire(charges, now);
    if (!isPromise(first) && first.ok) return { waitedMs: clock.now() - start };
    return acquireLoop(request, charges, start, offset, now, first);
  };

  /** The rounds of `acquire` from the first store answer on: waits on the clock until there is room. */
  const acquireLoop = async (
    request: RateRequest,
    charges: readonly RateCharge[],
    start: number,
    offset: number,
    firstNow: number,
    first: ReturnType<RateStore['acquire']>,
  ): Promise<RateAcquired> => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = round === 0 ? firstNow : clock.now() + offset;
      const pending = round === 0 ? first : store.acquire(charges, now);
      const result = isPromise(pending) ? await pending : pending;
      if (result.ok) return { waitedMs: clock.now() - start };
      if (result.reason === 'ban') {
        throw new IpBannedError({
          source: 'governor',
          code: -1003,
          msg: `Way too many requests; IP banned until ${result.retryAt}.`,
          status: 418,
          method: request.method ?? '-',
          path: request.path ?? '-',
          bannedUntil: new Date(result.retryAt),
        });
      }
      const waitMs = Math.max(1, result.retryAt + (result.reason === 'limit' ? marginMs : 0) - now);
      if (clock.now() + waitMs - start > maxWaitMs) throw refuse(request, scopeOf(result.key), waitMs, now);
      await sleep(waitMs);
    }
    throw refuse(request, 'rate', undefined, clock.now() + offset);
  };

  const acquire = async (request: RateRequest): Promise<RateAcquired> => acquireMaybe(request);

  const observe = (observation: RateObservation): Promise<void> | undefined => {
    const now = observation.now ?? clock.now();
    lastOffset = now - clock.now();
    // Runs on every response: no array unless a store answers asynchronously.
    let pending: Promise<void>[] | undefined;
    const { headers, account } = observation;
    for (const name in headers) {
      if (!name.startsWith('x-mbx-')) continue;
      const count = Number(headers[name]);
      if (!Number.isFinite(count)) continue;
      if (name.startsWith('x-mbx-used-weight-')) {
        const windowMs = intervalMs(name.slice('x-mbx-used-weight-'.length));
        if (windowMs === MINUTE)
          pending = collectPending(pending, store.observe(WEIGHT_KEY, MINUTE, count, now));
      } else if (name.startsWith('x-mbx-order-count-') && account !== undefined) {
        const windowMs = intervalMs(name.slice('x-mbx-order-count-'.length));
        if (windowMs === MINUTE || windowMs === TEN_SECONDS)
          pending = collectPending(pending, store.observe(orderKey(account, windowMs), windowMs, count, now));
      }
    }
    const retryAfter = retryAfterMs(headers, now);
    if (observation.status === 418) {
      const until = bannedUntilOf(observation.msg ?? '') ?? now + (retryAfter ?? MIN_BAN_MS);
      pending = collectPending(pending, store.block(BAN_KEY, until, 'ban'));
    } else if (observation.status === 429) {
      if (observation.code === -1015 && account !== undefined) {
        // Binance sends no Retry-After with -1015; its message names the window that overflowed.
        const windowMs = /MINUTE/.test(observation.msg ?? '') ? MINUTE : TEN_SECONDS;
        const until = retryAfter === undefined ? windowEnd(now, windowMs) : now + retryAfter;
        pending = collectPending(pending, store.block(orderKey(account, windowMs), until, 'retry-after'));
      } else {
        const until = retryAfter === undefined ? windowEnd(now, MINUTE) : now + retryAfter;
        pending = collectPending(pending, store.block(WEIGHT_KEY, until, 'retry-after'));
      }
    }
    return pending === undefined ? undefined : Promise.all(pending).then(() => undefined);
  };

  const usage = (): RateUsage => {
    const now = clock.now() + lastOffset;
    const snapshot = store.snapshot(now);
    const counters = new Map(snapshot.counters.map((counter) => [counter.key, counter]));
    const entry = (key: string, limit: number, windowMs: number): RateUsageEntry => ({
      used: counters.get(key)?.used ?? 0,
      limit,
      windowMs,
      resetsAt: windowEnd(now, windowMs),
    });
    const accounts = new Set<string>();
    for (const key of counters.keys()) {
      const match = /^orders:\d+:(.+)$/.exec(key);
      if (match !== null) accounts.add(match[1]!);
    }
    const pools = {} as Record<RatePool, RateUsageEntry>;
    for (const pool of ratePools) {
      const budget = limits.pools[pool];
      pools[pool] = entry(poolKey(pool), budget.limit, budget.windowMs);
    }
    const ban = snapshot.blocks.find((block) => block.key === BAN_KEY);
    return {
      requestWeight: entry(WEIGHT_KEY, limits.requestWeightPerMinute, MINUTE),
      orders: [...accounts].map((account) => ({
        account,
        tenSeconds:
          limits.ordersPer10Seconds === undefined
            ? undefined
            : entry(orderKey(account, TEN_SECONDS), limits.ordersPer10Seconds, TEN_SECONDS),
        minute: entry(orderKey(account, MINUTE), limits.ordersPerMinute, MINUTE),
      })),
      pools,
      blocked: snapshot.blocks
        .filter((block) => block.key !== BAN_KEY)
        .map((block) => ({ scope: scopeOf(block.key), until: new Date(block.until), reason: block.reason })),
      bannedUntil: ban === undefined ? undefined : new Date(ban.until),
    };
  };

  return { limits, acquire, observe, usage, [ACQUIRE_MAYBE]: { acquire, now: acquireMaybe } } as RateGovernor;
}

/** `pending` with `value` added when it is a promise (a store that answers asynchronously). */
function collectPending(
  pending: Promise<void>[] | undefined,
  value: void | Promise<void>,
): Promise<void>[] | undefined {
  if (!isPromise(value)) return pending;
  const list = pending ?? [];
  list.push(value);
  return list;
}
