import { VirtualClock } from '@basis/core';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../clients/createClient.js';
import { IpBannedError } from '../errors/rateLimit.js';
import type { ClientEvent } from '../request/events.js';
import type { RequestCall } from '../request/types.js';
import { settle } from '../testing/clocks.js';
import { type InProcessRequest, inProcess } from '../transports/inProcess.js';
import { createRateGovernor } from './governor.js';

// A minute boundary: the exchange's and the governor's windows line up on the shared virtual clock.
const T0 = Date.UTC(2026, 2, 3, 10, 0, 0);
const exchanges: Exchange[] = [];

afterEach(async () => {
  await Promise.all(exchanges.splice(0).map((exchange) => exchange.close()));
});

/** An exchange on a virtual clock with a low weight limit, and a recorder of when requests reached it. */
function setup(requestWeightPerMinute: number) {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({ clock, seed: 1, synthetic: { backfillMinutes: 30 } });
  exchanges.push(exchange);
  exchange.rest.rateLimiter.configure({ requestWeightPerMinute });
  const hits: { time: number; request: InProcessRequest; status: number }[] = [];
  const handler = {
    handle(request: InProcessRequest) {
      const response = exchange.handle(request);
      hits.push({ time: clock.now(), request, status: response.status });
      return response;
    },
  };
  return { clock, exchange, hits, transport: inProcess({ handler, clock }) };
}

const account: RequestCall = {
  method: 'GET',
  path: '/fapi/v3/account',
  security: 'USER_DATA',
  weight: 5,
  kind: 'read',
};
const time: RequestCall = { method: 'GET', path: '/fapi/v1/time', security: 'NONE', weight: 1, kind: 'read' };

describe('rate governor against the local exchange', () => {
  test('default: waits for the next window instead of exceeding the exchange limit', async () => {
    const { clock, exchange, hits, transport } = setup(50);
    const events: ClientEvent[] = [];
    const client = createClient({
      env: 'local',
      transport,
      clock,
      credentials: exchange.defaultAccount!,
      governor: createRateGovernor({ clock, limits: { requestWeightPerMinute: 50 }, maxWaitMs: 200_000 }),
      timeSync: false,
      onEvent: (event) => events.push(event),
    });
    // 30 signed reads of weight 5: 150 weight, three minutes of a 50-per-minute budget.
    const all = Promise.all(Array.from({ length: 30 }, () => client.request(account)));
    const results = await settle(all, clock, { stepMs: 1000, maxSteps: 400 });
    expect(results).toHaveLength(30);
    expect(hits.map((hit) => hit.status)).toEqual(Array(30).fill(200));
    const perMinute = new Map<number, number>();
    for (const hit of hits)
      perMinute.set(
        Math.floor((hit.time - T0) / 60_000),
        (perMinute.get(Math.floor((hit.time - T0) / 60_000)) ?? 0) + 1,
      );
    expect([...perMinute.values()]).toEqual([10, 10, 10]);
    expect(events.filter((event) => event.type === 'rateLimitWait')).toHaveLength(20);
    expect(client.governor.usage().requestWeight).toMatchObject({ used: 50, limit: 50 });
    await client.close();
  });

  test('behavior: honours Retry-After on a 429 (the read is retried once the block ends)', async () => {
    const { clock, exchange, hits, transport } = setup(50);
    // This governor believes Binance's default 2400: the exchange's 50 surprises it.
    const client = createClient({
      env: 'local',
      transport,
      clock,
      credentials: exchange.defaultAccount!,
      timeSync: false,
      random: () => 0,
    });
    clock.advance(30_000);
    for (let i = 0; i < 10; i++) await client.request(account);
    expect(client.governor.usage().requestWeight.used).toBe(50);
    const eleventh = await settle(client.request(account), clock, { stepMs: 1000, maxSteps: 120 });
    expect(eleventh).toBeDefined();
    const statuses = hits.map((hit) => hit.status);
    expect(statuses.slice(10)).toEqual([429, 200]);
    const refused = hits[10]!;
    const retried = hits[11]!;
    // Retry-After pointed at the next minute: nothing was sent before it.
    expect(refused.time).toBe(T0 + 30_000);
    expect(retried.time).toBeGreaterThanOrEqual(T0 + 60_000);
    await client.close();
  });

  test('behavior: during a 418 ban every call is refused without reaching the exchange', async () => {
    const { clock, exchange, hits, transport } = setup(50);
    // Another program on the same IP ignores the 429s (weight-40 tickers) until the exchange bans the IP.
    let status = 200;
    for (let i = 0; i < 40 && status !== 418; i++) {
      status = exchange.handle({
        method: 'GET',
        path: '/fapi/v1/ticker/24hr',
        rawQuery: '',
        rawBody: '',
        headers: {},
        clientIp: '127.0.0.1',
      }).status;
    }
    expect(status).toBe(418);
    const client = createClient({ env: 'local', transport, clock, timeSync: false });
    const first = await client.request(time).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(IpBannedError);
    expect(first).toMatchObject({ source: 'server', status: 418 });
    const bannedUntil = (first as IpBannedError).bannedUntil.getTime();
    expect(bannedUntil).toBe(T0 + 120_000);
    expect(hits).toHaveLength(1);

    const second = await client.request(time).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(IpBannedError);
    expect(second).toMatchObject({ source: 'governor', bannedUntil: new Date(bannedUntil) });
    expect((second as Error).message).toContain('banned by Binance until 2026-03-03T10:02:00.000Z');
    expect(hits).toHaveLength(1);
    expect(client.governor.usage().bannedUntil).toEqual(new Date(bannedUntil));

    clock.advanceTo(bannedUntil);
    expect(await client.request(time)).toEqual({ serverTime: bannedUntil });
    expect(hits).toHaveLength(2);
    await client.close();
  });

  test('behavior: one governor shared by two clients keeps their sum under the IP budget', async () => {
    const { clock, exchange, hits, transport } = setup(20);
    const governor = createRateGovernor({ clock, limits: { requestWeightPerMinute: 20 } });
    const a = createClient({ env: 'local', transport, clock, governor, timeSync: false });
    const b = createClient({
      env: 'local',
      transport,
      clock,
      governor,
      credentials: exchange.defaultAccount!,
      timeSync: false,
    });
    const calls = Promise.all([
      ...Array.from({ length: 10 }, () => a.request(time)),
      ...Array.from({ length: 4 }, () => b.request(account)),
    ]);
    await settle(calls, clock, { stepMs: 1000, maxSteps: 200 });
    expect(hits.every((hit) => hit.status === 200)).toBe(true);
    expect(hits).toHaveLength(14);
  });
});
