import { VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { IpBannedError, RateLimitedError } from '../errors/rateLimit.js';
import { flush, settle } from '../testing/clocks.js';
import { createRateGovernor } from './governor.js';
import { poolOf } from './limits.js';

// A minute boundary, so windows are easy to read.
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function setup(options: Parameters<typeof createRateGovernor>[0] = {}) {
  const clock = new VirtualClock(T0);
  const governor = createRateGovernor({ clock, windowMarginMs: 0, ...options });
  return { clock, governor };
}

describe('createRateGovernor', () => {
  test('default: USD-M budgets, and a request within budget goes straight through', async () => {
    const { governor } = setup();
    expect(governor.limits).toEqual({
      requestWeightPerMinute: 2400,
      ordersPer10Seconds: 300,
      ordersPerMinute: 1200,
      pools: { funding: { limit: 500, windowMs: 300_000 }, futuresData: { limit: 1000, windowMs: 300_000 } },
    });
    expect(await governor.acquire({ weight: 5 })).toEqual({ waitedMs: 0 });
    expect(governor.usage().requestWeight).toEqual({
      used: 5,
      limit: 2400,
      windowMs: 60_000,
      resetsAt: T0 + 60_000,
    });
  });

  test('behavior: COIN-M budgets', () => {
    const { governor } = setup({ market: 'coinm' });
    expect(governor.limits.requestWeightPerMinute).toBe(6000);
    expect(governor.limits.ordersPer10Seconds).toBeUndefined();
  });

  test('behavior: waits for the next window instead of exceeding the weight budget', async () => {
    const { clock, governor } = setup({ limits: { requestWeightPerMinute: 10 } });
    await governor.acquire({ weight: 6 });
    clock.advance(20_000);
    const waiting = governor.acquire({ weight: 6 });
    let resolved = false;
    void waiting.then(() => {
      resolved = true;
    });
    await flush();
    clock.advance(39_999);
    await flush();
    expect(resolved).toBe(false);
    const acquired = await settle(waiting, clock, { stepMs: 1, maxSteps: 10 });
    expect(acquired.waitedMs).toBe(40_000);
    expect(clock.now()).toBe(T0 + 60_000);
    expect(governor.usage().requestWeight.used).toBe(6);
  });

  test('behavior: refuses at once when the wait would exceed maxWaitMs', async () => {
    const { governor } = setup({ limits: { requestWeightPerMinute: 10 }, maxWaitMs: 5000 });
    await governor.acquire({ weight: 10 });
    const error = await governor
      .acquire({ weight: 1, method: 'GET', path: '/fapi/v1/klines' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({
      source: 'governor',
      scope: 'weight',
      code: -1003,
      retryAfterMs: 60_000,
      method: 'GET',
      path: '/fapi/v1/klines',
    });
  });

  test('behavior: a request heavier than a whole budget is refused', async () => {
    const { governor } = setup({ limits: { requestWeightPerMinute: 10 } });
    await expect(governor.acquire({ weight: 11 })).rejects.toMatchObject({
      name: 'RateLimitedError',
      scope: 'weight',
    });
  });

  test('behavior: order budgets per account, 10 s and 1 min windows', async () => {
    const { clock, governor } = setup({ limits: { ordersPer10Seconds: 2, ordersPerMinute: 3 } });
    const order = { weight: 0, orders: { tenSeconds: 1, minute: 1 } };
    await governor.acquire({ ...order, account: 'a' });
    await governor.acquire({ ...order, account: 'a' });
    // Another account has its own budget.
    expect(await governor.acquire({ ...order, account: 'b' })).toEqual({ waitedMs: 0 });
    const third = await settle(governor.acquire({ ...order, account: 'a' }), clock, {
      stepMs: 1000,
      maxSteps: 20,
    });
    expect(third.waitedMs).toBe(10_000);
    const fourth = await settle(governor.acquire({ ...order, account: 'a' }), clock, {
      stepMs: 1000,
      maxSteps: 100,
    });
    expect(fourth.waitedMs).toBe(50_000);
    expect(governor.usage().orders).toEqual([
      {
        account: 'a',
        tenSeconds: { used: 1, limit: 2, windowMs: 10_000, resetsAt: T0 + 70_000 },
        minute: { used: 1, limit: 3, windowMs: 60_000, resetsAt: T0 + 120_000 },
      },
      {
        account: 'b',
        tenSeconds: { used: 0, limit: 2, windowMs: 10_000, resetsAt: T0 + 70_000 },
        minute: { used: 0, limit: 3, windowMs: 60_000, resetsAt: T0 + 120_000 },
      },
    ]);
  });

  test('behavior: special pools', async () => {
    expect([
      poolOf('/fapi/v1/fundingRate'),
      poolOf('/dapi/v1/fundingInfo'),
      poolOf('/futures/data/openInterestHist'),
      poolOf('/fapi/v1/klines'),
    ]).toEqual(['funding', 'funding', 'futuresData', undefined]);
    const { governor } = setup({
      limits: { pools: { funding: { limit: 2, windowMs: 300_000 } } },
      maxWaitMs: 1000,
    });
    await governor.acquire({ weight: 1, pool: 'funding' });
    await governor.acquire({ weight: 0, pool: 'funding' });
    await expect(governor.acquire({ weight: 1, pool: 'funding' })).rejects.toMatchObject({
      scope: 'funding',
    });
    // The other pool and plain weight are unaffected.
    expect(await governor.acquire({ weight: 1, pool: 'futuresData' })).toEqual({ waitedMs: 0 });
    expect(governor.usage().pools.funding.used).toBe(2);
  });

  test('behavior: the server count wins when larger, never when smaller', async () => {
    const { governor } = setup();
    await governor.acquire({ weight: 10 });
    governor.observe({ status: 200, headers: { 'x-mbx-used-weight-1m': '2000' } });
    expect(governor.usage().requestWeight.used).toBe(2000);
    governor.observe({ status: 200, headers: { 'x-mbx-used-weight-1m': '5' } });
    expect(governor.usage().requestWeight.used).toBe(2000);
    governor.observe({
      status: 200,
      headers: { 'x-mbx-order-count-10s': '7', 'x-mbx-order-count-1m': '9' },
      account: 'a',
    });
    expect(governor.usage().orders[0]).toMatchObject({ tenSeconds: { used: 7 }, minute: { used: 9 } });
  });

  test('behavior: a 429 with Retry-After blocks the weight scope until then', async () => {
    const { clock, governor } = setup();
    governor.observe({ status: 429, code: -1003, msg: 'Too many requests', headers: { 'retry-after': '3' } });
    expect(governor.usage().blocked).toEqual([
      { scope: 'weight', until: new Date(T0 + 3000), reason: 'retry-after' },
    ]);
    const acquired = await settle(governor.acquire({ weight: 1 }), clock, { stepMs: 500, maxSteps: 20 });
    expect(acquired.waitedMs).toBe(3000);
  });

  test('behavior: a -1015 without Retry-After blocks the account orders window named in the message', async () => {
    const { clock, governor } = setup();
    clock.advance(4000);
    governor.observe({
      status: 429,
      code: -1015,
      msg: 'Too many new orders; current limit is 300 orders per 10 SECOND.',
      headers: {},
      account: 'a',
    });
    const order = { weight: 0, orders: { tenSeconds: 1, minute: 1 }, account: 'a' };
    const acquired = await settle(governor.acquire(order), clock, { stepMs: 1000, maxSteps: 20 });
    expect(acquired.waitedMs).toBe(6000);
  });

  test('behavior: during a 418 ban every call is refused until the ban ends', async () => {
    const { clock, governor } = setup();
    const until = T0 + 120_000;
    governor.observe({
      status: 418,
      code: -1003,
      msg: `Way too many requests; IP banned until ${until}.`,
      headers: {},
    });
    const error = await governor
      .acquire({ weight: 1, method: 'GET', path: '/fapi/v1/time' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpBannedError);
    expect(error).toMatchObject({ source: 'governor', bannedUntil: new Date(until), status: 418 });
    expect(governor.usage().bannedUntil).toEqual(new Date(until));
    clock.advance(120_000);
    expect(await governor.acquire({ weight: 1 })).toEqual({ waitedMs: 0 });
    expect(governor.usage().bannedUntil).toBeUndefined();
  });

  test('behavior: weight 0 is still refused while the IP is over its limit', async () => {
    const { governor } = setup({ maxWaitMs: 0 });
    governor.observe({ status: 200, headers: { 'x-mbx-used-weight-1m': '2401' } });
    await expect(governor.acquire({ weight: 0 })).rejects.toBeInstanceOf(RateLimitedError);
  });

  test('behavior: windows follow the time base given (the server clock estimate)', async () => {
    const { clock, governor } = setup({ limits: { requestWeightPerMinute: 10 }, maxWaitMs: 2000 });
    // The server is 59 s ahead: its minute ends 1 s from now, so the wait fits the cap.
    await governor.acquire({ weight: 10, now: T0 + 59_000 });
    const acquired = await settle(governor.acquire({ weight: 1, now: T0 + 59_000 }), clock, {
      stepMs: 100,
      maxSteps: 50,
    });
    expect(acquired.waitedMs).toBe(1000);
  });

  test('behavior: shared by several clients, one budget', async () => {
    const { governor } = setup({ limits: { requestWeightPerMinute: 10 }, maxWaitMs: 0 });
    await governor.acquire({ weight: 6, account: 'a' });
    await expect(governor.acquire({ weight: 6, account: 'b' })).rejects.toBeInstanceOf(RateLimitedError);
  });
});
