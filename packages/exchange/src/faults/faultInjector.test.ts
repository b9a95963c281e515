import { afterEach, describe, expect, test } from 'vitest';
import { ROUTES } from '../api/routes.js';
import { publicRequest } from '../testing/signedRequest.js';
import { FaultInjector } from './faultInjector.js';
import { FaultError, type FaultRuleSpec } from './faultModel.js';
import type { FaultConnection, FaultConnectionView, WsApiFaultRequest } from './streamFaults.js';
import { type FaultyExchange, faultyExchange, marketBuy, orderExists, T0 } from './testing.js';

const open: FaultyExchange[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fx) => fx.close()));
});

function start(seed = 1): FaultyExchange {
  const fx = faultyExchange({ seed });
  open.push(fx);
  return fx;
}

/** The statuses of `n` public requests to `path`. */
function statuses(fx: FaultyExchange, n: number, path = '/fapi/v1/time', clientIp = '127.0.0.1'): number[] {
  return Array.from({ length: n }, () => fx.handle({ ...publicRequest('GET', path), clientIp }).status);
}

describe('FaultInjector scopes', () => {
  test('default: an empty scope hits every request', () => {
    const fx = start();
    fx.faults.add({ kind: 'serviceUnavailable' });
    expect(statuses(fx, 3)).toEqual([503, 503, 503]);
    expect(fx.handle(marketBuy(fx, fx.bob, 'x')).status).toBe(503);
  });

  test('behavior: an account scope hits that account only, by account id or by API key', () => {
    const fx = start();
    const rule = fx.faults.add({ kind: 'unknownBeforeExecution', scope: { accountId: fx.bob.accountId } });
    expect(fx.handle(marketBuy(fx, fx.bob, 'b1')).status).toBe(503);
    expect(fx.handle(marketBuy(fx, fx.alice, 'a1')).status).toBe(200);
    // A public request without a key belongs to no account.
    expect(statuses(fx, 1)).toEqual([200]);
    fx.faults.remove(rule.id);
    fx.faults.add({ kind: 'unknownBeforeExecution', scope: { apiKey: fx.alice.apiKey } });
    expect(fx.handle(marketBuy(fx, fx.alice, 'a2')).status).toBe(503);
    expect(fx.handle(marketBuy(fx, fx.bob, 'b2')).status).toBe(200);
    fx.faults.clear();
    expect([orderExists(fx, fx.bob, 'b1'), orderExists(fx, fx.alice, 'a1')]).toEqual([false, true]);
    expect([orderExists(fx, fx.alice, 'a2'), orderExists(fx, fx.bob, 'b2')]).toEqual([false, true]);
  });

  test('behavior: an IP scope hits that client IP only', () => {
    const fx = start();
    fx.faults.add({ kind: 'http5xx', scope: { ip: '127.0.0.2' }, params: { status: 502 } });
    expect(statuses(fx, 2, '/fapi/v1/time', '127.0.0.2')).toEqual([502, 502]);
    expect(statuses(fx, 2, '/fapi/v1/time', '127.0.0.1')).toEqual([200, 200]);
  });

  test('behavior: a route scope takes "METHOD /path" or an endpoint name; combined fields must all match', () => {
    const fx = start();
    fx.faults.add({ kind: 'http5xx', scope: { route: 'GET /fapi/v1/time' }, params: { status: 500 } });
    fx.faults.add({ kind: 'http5xx', scope: { route: 'ping' }, params: { status: 504 } });
    fx.faults.add({
      kind: 'http5xx',
      scope: { route: 'newOrder', accountId: fx.bob.accountId },
      params: { status: 502 },
    });
    expect(statuses(fx, 1, '/fapi/v1/time')).toEqual([500]);
    expect(statuses(fx, 1, '/fapi/v1/ping')).toEqual([504]);
    expect(statuses(fx, 1, '/fapi/v1/exchangeInfo')).toEqual([200]);
    expect(fx.handle(marketBuy(fx, fx.bob, 'b')).status).toBe(502);
    expect(fx.handle(marketBuy(fx, fx.alice, 'a')).status).toBe(200);
  });

  test('behavior: connection-only scopes never hit REST requests', () => {
    const fx = start();
    fx.faults.add({ kind: 'http5xx', scope: { stream: 'btcusdt@trade' } });
    fx.faults.add({ kind: 'http5xx', scope: { connectionId: 1 } });
    expect(statuses(fx, 2)).toEqual([200, 200]);
  });
});

describe('FaultInjector probability, count and time', () => {
  test('behavior: probabilities are deterministic for a seed and differ across seeds', () => {
    const pattern = (seed: number): number[] => {
      const fx = start(seed);
      fx.faults.add({ kind: 'serviceUnavailable', probability: 0.5 });
      return statuses(fx, 40);
    };
    const a = pattern(11);
    expect(pattern(11)).toEqual(a);
    expect(pattern(12)).not.toEqual(a);
    const hits = a.filter((s) => s === 503).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(35);
  });

  test('behavior: each rule draws from its own stream: another rule and other traffic never shift it', () => {
    const timeStatuses = (withOther: boolean): number[] => {
      const fx = start(4);
      fx.faults.add({ kind: 'serviceUnavailable', probability: 0.5, scope: { route: 'time' } });
      if (withOther) fx.faults.add({ kind: 'http5xx', probability: 0.5, scope: { route: 'ping' } });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        out.push(...statuses(fx, 1, '/fapi/v1/time'));
        if (withOther) statuses(fx, 1, '/fapi/v1/ping');
      }
      return out;
    };
    expect(timeStatuses(true)).toEqual(timeStatuses(false));
  });

  test('behavior: a count ends the rule after that many hits; the rule stays listed as spent', () => {
    const fx = start();
    const { id } = fx.faults.add({ kind: 'serviceUnavailable', count: 2 });
    expect(statuses(fx, 4)).toEqual([503, 503, 200, 200]);
    expect(fx.faults.get(id)).toMatchObject({ id, fired: 2, state: 'spent', count: 2 });
  });

  test('behavior: a duration or an end time ends the rule on the exchange clock', () => {
    const fx = start();
    const a = fx.faults.add({ kind: 'serviceUnavailable', durationMs: 1000, scope: { route: 'time' } });
    const b = fx.faults.add({
      kind: 'http5xx',
      until: T0 + 3000,
      scope: { route: 'ping' },
      params: { status: 500 },
    });
    expect(a.until).toBe(T0 + 1000);
    expect(statuses(fx, 1, '/fapi/v1/time')).toEqual([503]);
    fx.clock.advance(999);
    expect(statuses(fx, 1, '/fapi/v1/time')).toEqual([503]);
    fx.clock.advance(1);
    expect(statuses(fx, 1, '/fapi/v1/time')).toEqual([200]);
    expect(statuses(fx, 1, '/fapi/v1/ping')).toEqual([500]);
    fx.clock.advance(2000);
    expect(statuses(fx, 1, '/fapi/v1/ping')).toEqual([200]);
    expect(fx.faults.list().map((r) => [r.id, r.state, r.fired])).toEqual([
      [a.id, 'expired', 2],
      [b.id, 'expired', 1],
    ]);
  });

  test('behavior: faults never draw from the venue, so the market history is the same with or without them', () => {
    const run = (withFaults: boolean) => {
      const fx = start();
      if (withFaults) fx.faults.add({ kind: 'unknownOutcome', probability: 0.7, scope: { route: 'time' } });
      for (let i = 0; i < 10; i++) {
        statuses(fx, 1);
        fx.clock.advance(1000);
      }
      const trades = fx.handle(publicRequest('GET', '/fapi/v1/trades', { symbol: 'BTCUSDT', limit: 100 }));
      const depth = fx.handle(publicRequest('GET', '/fapi/v1/depth', { symbol: 'BTCUSDT', limit: 50 }));
      expect([trades.status, depth.status]).toEqual([200, 200]);
      return trades.body + depth.body;
    };
    expect(run(true)).toBe(run(false));
  });
});

describe('FaultInjector rules', () => {
  test('behavior: malformed rules are refused with FaultError', () => {
    const faults = new FaultInjector({ now: () => T0, routes: ROUTES });
    const bad: unknown[] = [
      { kind: 'nope' },
      { kind: 'listenKeyExpiry' },
      { kind: 'http5xx', scope: { acount: 1 } },
      { kind: 'http5xx', params: { status: 503 } },
      { kind: 'http5xx', params: { delayMs: 5 } },
      { kind: 'clockSkew' },
      { kind: 'slow', params: { delayMs: 500_000 } },
      { kind: 'http5xx', probability: 0 },
      { kind: 'http5xx', probability: 1.5 },
      { kind: 'http5xx', count: 0 },
      { kind: 'http5xx', scope: { route: 'POST /fapi/v1/ordr' } },
      { kind: 'http5xx', scope: { route: 'newOrdr' } },
      { kind: 'http5xx', extra: true },
    ];
    for (const spec of bad) {
      expect(() => faults.add(spec as FaultRuleSpec), JSON.stringify(spec)).toThrow(FaultError);
    }
    expect(faults.list()).toEqual([]);
  });

  test('behavior: remove and clear; ids keep counting', () => {
    const faults = new FaultInjector({ now: () => T0 });
    const a = faults.add({ kind: 'http5xx' });
    const b = faults.add({ kind: 'slow' });
    expect([a.id, b.id]).toEqual(['f1', 'f2']);
    expect(faults.remove('f1')).toBe(true);
    expect(faults.remove('f1')).toBe(false);
    expect(faults.list().map((r) => r.id)).toEqual(['f2']);
    expect(faults.clear()).toBe(1);
    expect(faults.add({ kind: 'ban' }).id).toBe('f3');
  });

  test('behavior: rules given at creation are active from the start', () => {
    const faults = new FaultInjector({ now: () => T0, rules: [{ kind: 'throttled' }, { kind: 'delay' }] });
    expect(faults.list().map((r) => [r.id, r.kind, r.state])).toEqual([
      ['f1', 'throttled', 'active'],
      ['f2', 'delay', 'active'],
    ]);
    expect(faults.hasStreamRules).toBe(true);
  });
});

describe('FaultInjector stream side (applied by the ws layer)', () => {
  const connection = (over: Partial<FaultConnectionView> = {}): FaultConnectionView => ({
    id: 1,
    kind: 'stream',
    ip: '127.0.0.1',
    path: '/stream',
    streams: ['btcusdt@trade', 'btcusdt@depth@100ms'],
    apiKey: undefined,
    ...over,
  });

  test('default: no stream rule, no plan', () => {
    const faults = new FaultInjector({ now: () => T0 });
    faults.add({ kind: 'http5xx' });
    expect(faults.hasStreamRules).toBe(false);
    expect(faults.streamFault(connection())).toBeUndefined();
  });

  test('behavior: silence, delay and reorder combine into one plan for matching connections; counts are per message', () => {
    const faults = new FaultInjector({ now: () => T0 });
    faults.add({ kind: 'silence', scope: { stream: 'btcusdt@trade' }, count: 2 });
    faults.add({ kind: 'delay', scope: { connectionId: 2 }, params: { delayMs: 250 } });
    faults.add({ kind: 'reorder', scope: { route: 'wsApi' } });
    expect(faults.streamFault(connection())).toEqual({ silent: true, delayMs: 0, reorderWindowMs: 0 });
    expect(faults.streamFault(connection({ id: 2 }))).toEqual({
      silent: true,
      delayMs: 250,
      reorderWindowMs: 0,
    });
    expect(faults.streamFault(connection({ id: 2 }))).toEqual({
      silent: false,
      delayMs: 250,
      reorderWindowMs: 0,
    });
    expect(faults.streamFault(connection())).toBeUndefined();
    const reordered = faults.streamFault(
      connection({ id: 3, kind: 'wsApi', path: '/ws-fapi/v1', streams: [] }),
    );
    expect(reordered).toEqual({
      silent: false,
      delayMs: 0,
      reorderWindowMs: 500,
      reorderHoldMs: expect.any(Number),
    });
    expect(reordered!.reorderHoldMs).toBeGreaterThanOrEqual(0);
    expect(reordered!.reorderHoldMs).toBeLessThanOrEqual(500);
    // Stream rules never touch REST requests.
    expect(
      faults.forRequest({
        method: 'GET',
        path: '/fapi/v1/time',
        endpoint: 'time',
        security: 'NONE',
        clientIp: '127.0.0.1',
        apiKey: undefined,
        params: {},
        usedWeight: () => 0,
      }),
    ).toBeUndefined();
  });

  test('behavior: pings and pongs (control frames) see silence only; reorder holds are seeded', () => {
    const holds = (seed: number) => {
      const faults = new FaultInjector({ now: () => T0, seed });
      faults.add({ kind: 'delay' });
      faults.add({ kind: 'reorder', params: { windowMs: 1000 } });
      expect(faults.streamFault(connection(), 'control')).toBeUndefined();
      faults.add({ kind: 'silence', count: 1 });
      expect(faults.streamFault(connection(), 'control')).toEqual({
        silent: true,
        delayMs: 0,
        reorderWindowMs: 0,
      });
      return Array.from({ length: 8 }, () => faults.streamFault(connection())!.reorderHoldMs);
    };
    expect(holds(3)).toEqual(holds(3));
    expect(holds(3)).not.toEqual(holds(4));
    expect(holds(3).every((h) => h !== undefined && h >= 0 && h <= 1000)).toBe(true);
  });

  test('behavior: wsApiClockSkew applies clockSkew rules by method, endpoint, connection or account', () => {
    const faults = new FaultInjector({ now: () => T0 });
    const request = (over: Partial<WsApiFaultRequest> = {}): WsApiFaultRequest => ({
      connection: connection({ id: 4, kind: 'wsApi', path: '/ws-fapi/v1', streams: [] }),
      apiKey: 'k1',
      method: 'order.place',
      endpoint: 'newOrder',
      ...over,
    });
    expect(faults.wsApiClockSkew(request())).toBeUndefined();
    faults.add({ kind: 'http5xx' });
    faults.add({ kind: 'clockSkew', scope: { route: 'account.balance' }, params: { skewMs: 1 } });
    faults.add({ kind: 'clockSkew', scope: { route: 'newOrder', apiKey: 'k2' }, params: { skewMs: 2 } });
    faults.add({ kind: 'clockSkew', scope: { connectionId: 4 }, params: { skewMs: 3 } });
    expect(faults.wsApiClockSkew(request({ method: 'account.balance', endpoint: 'balance' }))).toBe(1);
    expect(faults.wsApiClockSkew(request({ apiKey: 'k2' }))).toBe(2);
    expect(faults.wsApiClockSkew(request())).toBe(3);
    expect(
      faults.wsApiClockSkew(request({ connection: connection({ id: 5, kind: 'wsApi', streams: [] }) })),
    ).toBeUndefined();
    // Answer faults never reach the WebSocket API through it.
    expect(faults.list().find((r) => r.kind === 'http5xx')!.fired).toBe(0);
  });

  test('behavior: an account scope matches a connection by its logged-on key or its listen key', () => {
    const fx = start();
    const listenKey = fx.exchange.venue.listenKeys.start(fx.bob.accountId, fx.exchange.venue.now);
    fx.faults.add({ kind: 'silence', scope: { accountId: fx.bob.accountId } });
    expect(fx.faults.streamFault(connection({ streams: [listenKey] }))?.silent).toBe(true);
    expect(
      fx.faults.streamFault(connection({ kind: 'wsApi', streams: [], apiKey: fx.bob.apiKey }))?.silent,
    ).toBe(true);
    expect(
      fx.faults.streamFault(connection({ kind: 'wsApi', streams: [], apiKey: fx.alice.apiKey })),
    ).toBeUndefined();
    expect(fx.faults.streamFault(connection())).toBeUndefined();
  });

  test('behavior: dropConnections and force24hDisconnect close the matching connections with their reasons', () => {
    const faults = new FaultInjector({ now: () => T0 });
    expect(() => faults.dropConnections()).toThrow(FaultError);
    const closed: [number, string | undefined][] = [];
    const make = (id: number, ip: string): FaultConnection => ({
      ...connection({ id, ip }),
      close: (reason) => closed.push([id, reason]),
    });
    const detach = faults.attachConnections({
      connections: () => [make(1, '127.0.0.1'), make(2, '127.0.0.2')],
    });
    expect(faults.dropConnections({ ip: '127.0.0.2' })).toBe(1);
    expect(faults.force24hDisconnect()).toBe(2);
    expect(closed).toEqual([
      [2, 'server'],
      [1, 'lifetime'],
      [2, 'lifetime'],
    ]);
    detach();
    expect(() => faults.force24hDisconnect()).toThrow(FaultError);
  });
});
