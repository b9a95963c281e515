import { describe, expect, test } from 'vitest';
import { DEFAULT_BAN_POLICY, DEFAULT_RATE_LIMITS, type RateLimitConfig, RateLimiter } from './rateLimit.js';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

function setup(config: Partial<RateLimitConfig> = {}) {
  let time = T0;
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...config }, { now: () => time });
  return {
    limiter,
    at(t: number) {
      time = t;
    },
    get now() {
      return time;
    },
  };
}

/** Drives `ip` into a ban from a fresh window; returns the ban's length, ms. */
function offend(s: ReturnType<typeof setup>, ip: string): number {
  for (let i = 0; i <= DEFAULT_BAN_POLICY.toleratedRejections; i++) {
    const verdict = s.limiter.chargeWeight(ip, 3);
    if (verdict.status === 'banned') throw new Error('banned too early');
  }
  const verdict = s.limiter.chargeWeight(ip, 1);
  if (verdict.status !== 'banned') throw new Error(`expected a ban, got ${verdict.status}`);
  return verdict.until - s.now;
}

describe('RateLimiter', () => {
  test('default', () => {
    const s = setup();
    expect(s.limiter.chargeWeight('1.1.1.1', 5)).toEqual({ status: 'ok', used: 5 });
    expect(s.limiter.chargeWeight('1.1.1.1', 2395)).toEqual({ status: 'ok', used: 2400 });
    s.at(T0 + 45_500);
    expect(s.limiter.chargeWeight('1.1.1.1', 1)).toEqual({
      status: 'limited',
      used: 2401,
      limit: 2400,
      retryAfterMs: 14_500,
    });
    expect(s.limiter.usedWeight('1.1.1.1')).toBe(2401);
    expect(s.limiter.usedWeight('2.2.2.2')).toBe(0);
  });

  test('behavior: windows are fixed and aligned to the clock minute', () => {
    const s = setup();
    s.at(T0 + 59_999);
    s.limiter.chargeWeight('ip', 10);
    s.at(T0 + MINUTE);
    expect(s.limiter.usedWeight('ip')).toBe(0);
    expect(s.limiter.chargeWeight('ip', 1)).toEqual({ status: 'ok', used: 1 });
  });

  test('behavior: bans double per offence up to 3 days, and are forgiven after a clean day', () => {
    const s = setup({ requestWeightPerMinute: 3 });
    const lengths: number[] = [];
    for (let i = 0; i < 14; i++) {
      const length = offend(s, 'ip');
      lengths.push(length);
      s.at(s.now + length); // the ban ends; offend again at once
    }
    expect(lengths.map((ms) => ms / MINUTE)).toEqual([
      2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 4320, 4320,
    ]);
    s.at(s.now + DAY - 1);
    expect(offend(s, 'ip')).toBe(DEFAULT_BAN_POLICY.maxBanMs);
    s.at(s.now + DEFAULT_BAN_POLICY.maxBanMs + DAY);
    expect(offend(s, 'ip')).toBe(2 * MINUTE);
  });

  test('behavior: a banned IP is refused and not charged; unban lifts it', () => {
    const s = setup({ requestWeightPerMinute: 3 });
    offend(s, 'ip');
    const used = s.limiter.usedWeight('ip');
    expect(s.limiter.bannedUntil('ip')).toBe(s.now + 2 * MINUTE);
    expect(s.limiter.chargeWeight('ip', 100)).toMatchObject({ status: 'banned', used });
    s.limiter.unban('ip');
    expect(s.limiter.bannedUntil('ip')).toBeUndefined();
    s.at(s.now + MINUTE);
    expect(s.limiter.chargeWeight('ip', 1).status).toBe('ok');
  });

  test('behavior: disabled limits refuse nothing but still count', () => {
    const s = setup({ enabled: false, requestWeightPerMinute: 1, ordersPer10Seconds: 1 });
    for (let i = 0; i < 30; i++) expect(s.limiter.chargeWeight('ip', 1).status).toBe('ok');
    expect(s.limiter.usedWeight('ip')).toBe(30);
    expect(s.limiter.chargeOrders(7, { tenSeconds: 1, minute: 1 }).status).toBe('ok');
    expect(s.limiter.chargeOrders(7, { tenSeconds: 1, minute: 1 })).toEqual({
      status: 'ok',
      tenSeconds: 2,
      minute: 2,
    });
    s.limiter.configure({ enabled: true });
    expect(s.limiter.chargeWeight('ip', 1).status).toBe('limited');
  });

  test('behavior: ORDERS windows: 10 s and 1 min, a refused request is not counted', () => {
    const s = setup({ ordersPer10Seconds: 2, ordersPerMinute: 3 });
    const one = { tenSeconds: 1, minute: 1 };
    expect(s.limiter.chargeOrders(1, one)).toEqual({ status: 'ok', tenSeconds: 1, minute: 1 });
    expect(s.limiter.chargeOrders(1, one)).toEqual({ status: 'ok', tenSeconds: 2, minute: 2 });
    expect(s.limiter.chargeOrders(1, one)).toEqual({
      status: 'limited',
      tenSeconds: 2,
      minute: 2,
      limit: 2,
      interval: '10 SECOND',
    });
    expect(s.limiter.chargeOrders(2, one).status).toBe('ok');
    s.at(T0 + 10_000);
    expect(s.limiter.chargeOrders(1, one)).toEqual({ status: 'ok', tenSeconds: 1, minute: 3 });
    expect(s.limiter.chargeOrders(1, one)).toMatchObject({ status: 'limited', interval: 'MINUTE', limit: 3 });
    expect(s.limiter.orderCounts(1)).toEqual({ tenSeconds: 1, minute: 3 });
    s.at(T0 + MINUTE);
    expect(s.limiter.orderCounts(1)).toEqual({ tenSeconds: 0, minute: 0 });
  });

  test('behavior: usage lists what is counted; stale entries are dropped once a minute', () => {
    const s = setup({ requestWeightPerMinute: 3 });
    s.limiter.chargeWeight('a', 1);
    s.limiter.chargeOrders(5, { tenSeconds: 1, minute: 1 });
    offend(s, 'b');
    expect(s.limiter.usage()).toEqual({
      config: { ...DEFAULT_RATE_LIMITS, requestWeightPerMinute: 3 },
      ips: [
        { ip: 'a', usedWeight: 1, bannedUntil: undefined, offences: 0 },
        { ip: 'b', usedWeight: 34, bannedUntil: T0 + 2 * MINUTE, offences: 1 },
      ],
      accounts: [{ accountId: 5, tenSeconds: 1, minute: 1 }],
    });
    s.at(T0 + MINUTE);
    s.limiter.chargeWeight('c', 1);
    // `a` and account 5 are forgotten; `b` is still banned and remembered.
    expect(s.limiter.usage().ips.map((ip) => ip.ip)).toEqual(['b', 'c']);
    expect(s.limiter.usage().accounts).toEqual([]);
    s.limiter.reset();
    expect(s.limiter.usage().ips).toEqual([]);
  });
});
