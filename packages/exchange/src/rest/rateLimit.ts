import type { OrderCount } from '../api/endpoint.js';

/**
 * Binance's limiters as the exchange enforces them: REQUEST_WEIGHT per client IP per minute, and
 * ORDERS per account per 10 seconds and per minute.
 */
export interface RateLimitConfig {
  /** When false nothing is refused (no 429, 418 or -1015), but usage is still counted for the headers. */
  readonly enabled: boolean;
  /** REQUEST_WEIGHT per IP per minute (USD-M: 2400). */
  readonly requestWeightPerMinute: number;
  /**
   * ORDERS per account per 10 seconds (USD-M: 300); undefined where the product has no 10-second
   * order counter (COIN-M): nothing is refused on it and no `X-MBX-ORDER-COUNT-10S` is reported.
   */
  readonly ordersPer10Seconds: number | undefined;
  /** ORDERS per account per minute (USD-M: 1200). */
  readonly ordersPerMinute: number;
}

/** USD-M's limits (reference §3.1). */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  requestWeightPerMinute: 2400,
  ordersPer10Seconds: 300,
  ordersPerMinute: 1200,
};

/**
 * COIN-M's limits (reference §13.3): 6,000 weight per minute, and 1,200 orders per minute with no
 * 10-second counter (reference §14: COIN-M reports only `X-MBX-ORDER-COUNT-1M`).
 */
export const COINM_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  requestWeightPerMinute: 6000,
  ordersPer10Seconds: undefined,
  ordersPerMinute: 1200,
};

/**
 * When an IP that keeps sending over the weight limit is banned, and for how long. Binance documents
 * only "repeated violations ... automated IP ban ... from 2 minutes to 3 days"; the exact rule below
 * is ours.
 */
export interface BanPolicy {
  /**
   * How many 429s an IP may receive within one minute window (requests already in flight when the
   * first 429 went out); the next request over the limit in that window bans the IP.
   */
  readonly toleratedRejections: number;
  /** Length of a first ban, ms (2 minutes). */
  readonly firstBanMs: number;
  /** Longest ban, ms (3 days); each repeat offence doubles the previous length up to this. */
  readonly maxBanMs: number;
  /** An IP that stays unbanned this long after its last ban ended starts again at `firstBanMs`. */
  readonly forgiveAfterMs: number;
}

/** The default ban rule: 10 tolerated 429s per window; bans of 2, 4, 8 … minutes, at most 3 days; forgiven after a day. */
export const DEFAULT_BAN_POLICY: BanPolicy = {
  toleratedRejections: 10,
  firstBanMs: 2 * 60_000,
  maxBanMs: 3 * 86_400_000,
  forgiveAfterMs: 86_400_000,
};

/** The outcome of charging a request's weight to its IP. */
export type WeightVerdict =
  /** Within the limit. `used` is the IP's weight in this minute, this request included. */
  | { readonly status: 'ok'; readonly used: number }
  /** Over the limit: HTTP 429. `retryAfterMs` is the time until the minute window resets. */
  | {
      readonly status: 'limited';
      readonly used: number;
      readonly limit: number;
      readonly retryAfterMs: number;
    }
  /** The IP is banned until `until` (ms epoch): HTTP 418. */
  | {
      readonly status: 'banned';
      readonly used: number;
      readonly until: number;
      readonly retryAfterMs: number;
    };

/** The outcome of charging an order request to its account. Counts are after this request. */
export type OrderVerdict =
  | { readonly status: 'ok'; readonly tenSeconds: number; readonly minute: number }
  /** Refused (-1015); `limit` and `interval` fill its message ("300 orders per 10 SECOND"). */
  | {
      readonly status: 'limited';
      readonly tenSeconds: number;
      readonly minute: number;
      readonly limit: number;
      readonly interval: '10 SECOND' | 'MINUTE';
    };

/** One IP's weight and ban state, as {@link RateLimiter.usage} reports it. */
export interface IpUsage {
  readonly ip: string;
  readonly usedWeight: number;
  /** Ban end (ms epoch) while banned. */
  readonly bannedUntil: number | undefined;
  /** Bans so far (the next one lasts `firstBanMs × 2^offences`). */
  readonly offences: number;
}

/** One account's order counts in the current windows. */
export interface AccountOrderUsage {
  readonly accountId: number;
  readonly tenSeconds: number;
  readonly minute: number;
}

/** Everything the limiter currently counts (for the admin API). */
export interface RateLimitUsage {
  readonly config: RateLimitConfig;
  readonly ips: readonly IpUsage[];
  readonly accounts: readonly AccountOrderUsage[];
}

/** How a {@link RateLimiter} is built. */
export interface RateLimiterOptions {
  /** The clock windows and bans are measured on, ms (the exchange clock). */
  readonly now: () => number;
  readonly banPolicy?: BanPolicy;
}

interface IpState {
  /** Start of the minute window `used` belongs to, ms. */
  window: number;
  used: number;
  /** 429s sent in this window. */
  rejected: number;
  bannedUntil: number;
  offences: number;
  lastBanEnd: number;
}

interface AccountState {
  window10: number;
  count10: number;
  window60: number;
  count60: number;
}

const MINUTE = 60_000;
const TEN_SECONDS = 10_000;

/**
 * Fixed windows aligned to the clock, as Binance counts them: a request at 00:01:23.456 counts
 * toward the 00:01:00 minute, and the count drops to zero when 00:02:00 starts (the
 * `X-MBX-USED-WEIGHT-1M` header behaves so). The 10-second ORDERS window starts every 10 s.
 *
 * What is counted (our reading of Binance's rules, which leave this open):
 * - Weight is charged for every routed request that is not refused by a ban, whether it then fails
 *   validation, authentication or the limit itself (Binance counts failed requests; the count keeps
 *   growing past the limit while a client ignores the 429). Unknown paths cost nothing.
 * - Orders are charged when an authenticated order request passes this limiter, whether or not the
 *   endpoint then accepts the order; a request refused with -1015 is not charged.
 *
 * The same instance may serve REST and the WebSocket API, which share Binance's limiters.
 */
export class RateLimiter {
  #config: RateLimitConfig;
  readonly #ban: BanPolicy;
  readonly #now: () => number;
  readonly #ips = new Map<string, IpState>();
  readonly #accounts = new Map<number, AccountState>();
  #sweptWindow = 0;

  constructor(config: RateLimitConfig, options: RateLimiterOptions) {
    this.#config = { ...config };
    this.#ban = options.banPolicy ?? DEFAULT_BAN_POLICY;
    this.#now = options.now;
  }

  /** The limits in force. */
  get config(): RateLimitConfig {
    return this.#config;
  }

  /** Changes limits at runtime (admin API); counts and bans are kept. */
  configure(change: Partial<RateLimitConfig>): RateLimitConfig {
    this.#config = { ...this.#config, ...change };
    return this.#config;
  }

  /** Forgets every count, ban and offence (admin API). */
  reset(): void {
    this.#ips.clear();
    this.#accounts.clear();
  }

  /** Lifts the ban on `ip` and forgets its offences. */
  unban(ip: string): void {
    const state = this.#ips.get(ip);
    if (state === undefined) return;
    state.bannedUntil = 0;
    state.offences = 0;
    state.lastBanEnd = 0;
  }

  /** The end of `ip`'s ban (ms epoch), or undefined when it is not banned or limits are off. */
  bannedUntil(ip: string): number | undefined {
    if (!this.#config.enabled) return undefined;
    const state = this.#ips.get(ip);
    if (state === undefined) return undefined;
    return state.bannedUntil > this.#now() ? state.bannedUntil : undefined;
  }

  /** `ip`'s weight in the current minute. */
  usedWeight(ip: string): number {
    const state = this.#ips.get(ip);
    if (state === undefined) return 0;
    return state.window === windowStart(this.#now(), MINUTE) ? state.used : 0;
  }

  /** `accountId`'s order counts in the current windows. */
  orderCounts(accountId: number): OrderCount {
    const state = this.#accounts.get(accountId);
    if (state === undefined) return { tenSeconds: 0, minute: 0 };
    const now = this.#now();
    return {
      tenSeconds: state.window10 === windowStart(now, TEN_SECONDS) ? state.count10 : 0,
      minute: state.window60 === windowStart(now, MINUTE) ? state.count60 : 0,
    };
  }

  /**
   * Charges `weight` to `ip` and says whether the request may proceed. A banned IP is not charged.
   * Over the limit, the first `toleratedRejections` requests of a window get 429; the next one bans.
   */
  chargeWeight(ip: string, weight: number): WeightVerdict {
    const now = this.#now();
    const window = windowStart(now, MINUTE);
    if (window !== this.#sweptWindow) this.#sweep(now, window);
    let state = this.#ips.get(ip);
    if (state === undefined) {
      state = { window, used: 0, rejected: 0, bannedUntil: 0, offences: 0, lastBanEnd: 0 };
      this.#ips.set(ip, state);
    } else if (state.window !== window) {
      state.window = window;
      state.used = 0;
      state.rejected = 0;
    }
    const { enabled, requestWeightPerMinute: limit } = this.#config;
    if (enabled && state.bannedUntil > now) {
      return {
        status: 'banned',
        used: state.used,
        until: state.bannedUntil,
        retryAfterMs: state.bannedUntil - now,
      };
    }
    state.used += weight;
    if (!enabled || state.used <= limit) return { status: 'ok', used: state.used };
    if (state.rejected >= this.#ban.toleratedRejections) {
      const until = now + this.#banLength(state, now);
      state.offences++;
      state.bannedUntil = until;
      state.lastBanEnd = until;
      return { status: 'banned', used: state.used, until, retryAfterMs: until - now };
    }
    state.rejected++;
    return { status: 'limited', used: state.used, limit, retryAfterMs: window + MINUTE - now };
  }

  /** Charges an order request's counts to `accountId`, unless either ORDERS window would overflow. */
  chargeOrders(accountId: number, counts: OrderCount): OrderVerdict {
    const now = this.#now();
    const window10 = windowStart(now, TEN_SECONDS);
    const window60 = windowStart(now, MINUTE);
    const existing = this.#accounts.get(accountId);
    const state = existing ?? { window10, count10: 0, window60, count60: 0 };
    if (existing === undefined) this.#accounts.set(accountId, state);
    if (state.window10 !== window10) {
      state.window10 = window10;
      state.count10 = 0;
    }
    if (state.window60 !== window60) {
      state.window60 = window60;
      state.count60 = 0;
    }
    const { enabled, ordersPer10Seconds, ordersPerMinute } = this.#config;
    if (enabled) {
      const refuse = (limit: number, interval: '10 SECOND' | 'MINUTE'): OrderVerdict => ({
        status: 'limited',
        tenSeconds: state.count10,
        minute: state.count60,
        limit,
        interval,
      });
      if (ordersPer10Seconds !== undefined && state.count10 + counts.tenSeconds > ordersPer10Seconds)
        return refuse(ordersPer10Seconds, '10 SECOND');
      if (state.count60 + counts.minute > ordersPerMinute) return refuse(ordersPerMinute, 'MINUTE');
    }
    state.count10 += counts.tenSeconds;
    state.count60 += counts.minute;
    return { status: 'ok', tenSeconds: state.count10, minute: state.count60 };
  }

  /** Every IP and account with something counted or remembered. */
  usage(): RateLimitUsage {
    const now = this.#now();
    const ips: IpUsage[] = [];
    for (const [ip, state] of this.#ips) {
      ips.push({
        ip,
        usedWeight: this.usedWeight(ip),
        bannedUntil: state.bannedUntil > now ? state.bannedUntil : undefined,
        offences: state.offences,
      });
    }
    const accounts: AccountOrderUsage[] = [];
    for (const accountId of this.#accounts.keys()) {
      accounts.push({ accountId, ...this.orderCounts(accountId) });
    }
    return { config: this.#config, ips, accounts };
  }

  /** Bans double per offence, unless the IP has been clean for `forgiveAfterMs` since the last one. */
  #banLength(state: IpState, now: number): number {
    if (state.offences > 0 && now - state.lastBanEnd >= this.#ban.forgiveAfterMs) state.offences = 0;
    // 2^offences overflows nothing: the cap applies long before (2 min × 2^11 > 3 days).
    return Math.min(this.#ban.firstBanMs * 2 ** Math.min(state.offences, 40), this.#ban.maxBanMs);
  }

  /** Once per minute window: drops state with nothing left to remember, so the maps stay small. */
  #sweep(now: number, window: number): void {
    this.#sweptWindow = window;
    for (const [ip, state] of this.#ips) {
      const remembered =
        state.bannedUntil > now || (state.offences > 0 && now - state.lastBanEnd < this.#ban.forgiveAfterMs);
      if (state.window !== window && !remembered) this.#ips.delete(ip);
    }
    for (const [accountId, state] of this.#accounts) {
      if (state.window60 !== window) this.#accounts.delete(accountId);
    }
  }
}

/** Start of the fixed window of `length` ms holding `time`. */
function windowStart(time: number, length: number): number {
  return time - (time % length);
}
