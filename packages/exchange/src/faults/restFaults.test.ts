import { afterEach, describe, expect, test } from 'vitest';
import { publicRequest, signedRequest } from '../testing/signedRequest.js';
import type { FaultRuleSpec } from './faultModel.js';
import { exemptFromThrottle, reducesExposure } from './restFaults.js';
import { type FaultyExchange, faultyExchange, json, marketBuy, orderExists } from './testing.js';

const open: FaultyExchange[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fx) => fx.close()));
});

function start(rules: readonly FaultRuleSpec[] = [], seed = 1): FaultyExchange {
  const fx = faultyExchange({ rules, seed });
  open.push(fx);
  return fx;
}

const TIMEOUT_MSG =
  'Timeout waiting for response from backend server. Send status unknown; execution status unknown.';
const UNKNOWN_MSG = 'Unknown error, please check your request or try again later.';

describe('REST faults against the real handler', () => {
  test('default: without rules every request runs as usual and is journaled once', () => {
    const fx = start();
    const response = fx.handle(marketBuy(fx, fx.alice, 'plain'));
    expect(response.status).toBe(200);
    expect(response.delayMs).toBeUndefined();
    expect(orderExists(fx, fx.alice, 'plain')).toBe(true);
    expect(fx.journal.map((e) => e.endpoint)).toEqual(['newOrder']);
  });

  test('behavior: http5xx answers 500 with -1001, or 502/504 with a gateway page, and runs nothing', () => {
    const fx = start([
      { kind: 'http5xx', count: 1, params: { status: 500 } },
      { kind: 'http5xx', count: 1, params: { status: 502 } },
      { kind: 'http5xx', count: 1, params: { status: 504, body: 'json' } },
    ]);
    const a = fx.handle(marketBuy(fx, fx.alice, 'h1'));
    expect(a.status).toBe(500);
    expect(json(a)).toEqual({
      code: -1001,
      msg: 'Internal error; unable to process your request. Please try again.',
    });
    expect(a.headers['x-mbx-used-weight-1m']).toBeDefined();
    const b = fx.handle(marketBuy(fx, fx.alice, 'h2'));
    expect(b.status).toBe(502);
    expect(b.headers['content-type']).toBe('text/html');
    expect(b.body).toContain('502 Bad Gateway');
    expect(() => JSON.parse(b.body)).toThrow();
    const c = fx.handle(marketBuy(fx, fx.alice, 'h3'));
    expect(c.status).toBe(504);
    expect(json(c)).toMatchObject({ code: -1001 });
    for (const id of ['h1', 'h2', 'h3']) expect(orderExists(fx, fx.alice, id)).toBe(false);
    expect(fx.journal).toEqual([]);
  });

  test('behavior: http5xx without a status draws 500, 502 or 504 from the fault seed', () => {
    const statuses = (seed: number): number[] => {
      const fx = start([{ kind: 'http5xx' }], seed);
      return Array.from({ length: 12 }, () => fx.handle(publicRequest('GET', '/fapi/v1/time')).status);
    };
    const first = statuses(3);
    expect(statuses(3)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    for (const s of first) expect([500, 502, 504]).toContain(s);
  });

  test('behavior: unknownAfterExecution runs and journals the order, then answers 503 -1007', () => {
    const fx = start([{ kind: 'unknownAfterExecution', count: 1 }]);
    const response = fx.handle(marketBuy(fx, fx.alice, 'after'));
    expect(response.status).toBe(503);
    expect(json(response)).toEqual({ code: -1007, msg: TIMEOUT_MSG });
    // The executed request's headers survive: the order counted.
    expect(response.headers['x-mbx-order-count-1m']).toBe('1');
    expect(orderExists(fx, fx.alice, 'after')).toBe(true);
    expect(fx.journal.map((e) => [e.endpoint, e.params.newClientOrderId])).toEqual([['newOrder', 'after']]);
  });

  test('behavior: the "unknown" form answers 503 "Unknown error, ..." (before or after execution)', () => {
    const fx = start([
      { kind: 'unknownAfterExecution', count: 1, params: { message: 'unknown' } },
      { kind: 'unknownBeforeExecution', count: 1, params: { message: 'unknown' } },
    ]);
    const a = fx.handle(marketBuy(fx, fx.alice, 'u1'));
    const b = fx.handle(marketBuy(fx, fx.alice, 'u2'));
    for (const r of [a, b]) {
      expect(r.status).toBe(503);
      expect(json(r)).toEqual({ code: -1000, msg: UNKNOWN_MSG });
    }
    expect(orderExists(fx, fx.alice, 'u1')).toBe(true);
    expect(orderExists(fx, fx.alice, 'u2')).toBe(false);
  });

  test('behavior: unknownBeforeExecution answers the same 503 -1007 and runs nothing', () => {
    const fx = start([{ kind: 'unknownBeforeExecution', count: 1 }]);
    const response = fx.handle(marketBuy(fx, fx.alice, 'before'));
    expect(response.status).toBe(503);
    expect(json(response)).toEqual({ code: -1007, msg: TIMEOUT_MSG });
    expect(orderExists(fx, fx.alice, 'before')).toBe(false);
    expect(fx.journal).toEqual([]);
  });

  test('behavior: unknownOutcome leaves exactly one of the two states, chosen by the seed', () => {
    const run = (seed: number): boolean[] => {
      const fx = start([{ kind: 'unknownOutcome', scope: { route: 'newOrder' }, count: 16 }], seed);
      const outcomes: boolean[] = [];
      for (let i = 0; i < 16; i++) {
        const id = `uo${i}`;
        const response = fx.handle(marketBuy(fx, fx.alice, id));
        expect(response.status).toBe(503);
        expect(json(response)).toEqual({ code: -1007, msg: TIMEOUT_MSG });
        const exists = orderExists(fx, fx.alice, id);
        // The state is exactly one of the two outcomes, and the journal agrees with it.
        expect(fx.journal.some((e) => e.params.newClientOrderId === id)).toBe(exists);
        outcomes.push(exists);
      }
      return outcomes;
    };
    const outcomes = run(5);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
    expect(run(5)).toEqual(outcomes);
  });

  test('behavior: serviceUnavailable answers 503 "Service Unavailable." and runs nothing', () => {
    const fx = start([
      { kind: 'serviceUnavailable', count: 1 },
      { kind: 'serviceUnavailable', count: 1, params: { body: 'html' } },
    ]);
    const a = fx.handle(marketBuy(fx, fx.alice, 's1'));
    expect(a.status).toBe(503);
    expect(json(a)).toEqual({ code: -1001, msg: 'Service Unavailable.' });
    const b = fx.handle(marketBuy(fx, fx.alice, 's2'));
    expect(b.status).toBe(503);
    expect(b.body).toContain('503 Service Unavailable');
    expect(orderExists(fx, fx.alice, 's1')).toBe(false);
    expect(orderExists(fx, fx.alice, 's2')).toBe(false);
    expect(fx.journal).toEqual([]);
  });

  test('behavior: throttled answers -1008 to new orders but lets reduce-only orders and reads through', () => {
    const fx = start();
    expect(fx.handle(marketBuy(fx, fx.alice, 'open')).status).toBe(200);
    fx.faults.add({ kind: 'throttled' });
    const blocked = fx.handle(marketBuy(fx, fx.alice, 'more'));
    expect(blocked.status).toBe(503);
    expect(json(blocked)).toEqual({
      code: -1008,
      msg: 'Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again.',
    });
    expect(orderExists(fx, fx.alice, 'more')).toBe(false);
    const reduce = fx.handle(
      signedRequest(
        'POST',
        '/fapi/v1/order',
        {
          symbol: 'BTCUSDT',
          side: 'SELL',
          type: 'MARKET',
          quantity: '0.010',
          reduceOnly: 'true',
          newClientOrderId: 'close',
        },
        fx.alice,
        { timestamp: fx.clock.now() },
      ),
    );
    expect(reduce.status).toBe(200);
    expect(orderExists(fx, fx.alice, 'close')).toBe(true);
    // Cancels and reads are never throttled.
    expect(fx.handle(publicRequest('GET', '/fapi/v1/time')).status).toBe(200);
    expect(fx.faults.list()[0]).toMatchObject({ kind: 'throttled', fired: 1 });
    expect(fx.journal.map((e) => e.params.newClientOrderId)).toEqual(['open', 'close']);
  });

  test('behavior: the throttle exemption follows Binance: closePosition, BOTH+reduceOnly, LONG+SELL, SHORT+BUY', () => {
    expect(reducesExposure({ closePosition: 'true', side: 'BUY' })).toBe(true);
    expect(reducesExposure({ reduceOnly: 'TRUE', side: 'BUY' })).toBe(true);
    expect(reducesExposure({ side: 'BUY' })).toBe(false);
    expect(reducesExposure({ positionSide: 'LONG', side: 'SELL' })).toBe(true);
    expect(reducesExposure({ positionSide: 'LONG', side: 'BUY' })).toBe(false);
    expect(reducesExposure({ positionSide: 'SHORT', side: 'BUY' })).toBe(true);
    const batch = (items: object[]) => ({ batchOrders: JSON.stringify(items) });
    expect(
      exemptFromThrottle(
        'POST /fapi/v1/batchOrders',
        batch([{ reduceOnly: 'true' }, { closePosition: 'true' }]),
      ),
    ).toBe(true);
    expect(
      exemptFromThrottle('POST /fapi/v1/batchOrders', batch([{ reduceOnly: 'true' }, { side: 'BUY' }])),
    ).toBe(false);
    expect(exemptFromThrottle('POST /fapi/v1/batchOrders', { batchOrders: 'not json' })).toBe(false);
  });

  test('behavior: rateLimit answers 429 -1003 with Retry-After, and ban 418 until a fixed time; the real limiter is untouched', () => {
    const fx = start([{ kind: 'rateLimit', count: 1 }]);
    const limited = fx.handle(publicRequest('GET', '/fapi/v1/time'));
    expect(limited.status).toBe(429);
    expect(json(limited)).toEqual({
      code: -1003,
      msg: 'Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.',
    });
    expect(limited.headers['retry-after']).toBe('60');
    expect(fx.rest.rateLimiter.usedWeight('127.0.0.1')).toBe(0);

    fx.faults.add({ kind: 'ban', params: { banMs: 5000 } });
    const first = fx.handle(publicRequest('GET', '/fapi/v1/time'));
    expect(first.status).toBe(418);
    const until = fx.clock.now() + 5000;
    expect(json(first)).toEqual({
      code: -1003,
      msg: `Way too many requests; IP banned until ${until}. Please use the websocket for live updates to avoid bans.`,
    });
    expect(first.headers['retry-after']).toBe('5');
    fx.clock.advance(2000);
    const again = fx.handle(publicRequest('GET', '/fapi/v1/time'));
    expect(json(again)).toMatchObject({ msg: expect.stringContaining(`banned until ${until}`) });
    expect(again.headers['retry-after']).toBe('3');
    expect(fx.rest.rateLimiter.bannedUntil('127.0.0.1')).toBeUndefined();
    fx.clock.advance(3000);
    expect(fx.handle(publicRequest('GET', '/fapi/v1/time')).status).toBe(200);
    expect(fx.faults.list().find((r) => r.kind === 'ban')).toMatchObject({
      state: 'expired',
      fired: 2,
      bannedUntil: until,
    });
  });

  test('behavior: slow runs the request at arrival and marks the answer to be held', () => {
    const fx = start([{ kind: 'slow', count: 1, params: { delayMs: 1500 } }]);
    const response = fx.handle(marketBuy(fx, fx.alice, 'slow'));
    expect(response.status).toBe(200);
    expect(response.delayMs).toBe(1500);
    expect(response.dropConnection).toBeUndefined();
    expect(orderExists(fx, fx.alice, 'slow')).toBe(true);
    expect(fx.journal).toHaveLength(1);
  });

  test('behavior: timeout never answers: executed (journaled) or not, the connection is held then dropped', () => {
    const fx = start([
      { kind: 'timeout', count: 1, params: { holdMs: 30_000 } },
      { kind: 'timeout', count: 1, params: { executed: false } },
    ]);
    const a = fx.handle(marketBuy(fx, fx.alice, 't1'));
    expect(a).toMatchObject({ dropConnection: true, delayMs: 30_000 });
    const b = fx.handle(marketBuy(fx, fx.alice, 't2'));
    expect(b).toMatchObject({ dropConnection: true, delayMs: 120_000 });
    expect(orderExists(fx, fx.alice, 't1')).toBe(true);
    expect(orderExists(fx, fx.alice, 't2')).toBe(false);
    expect(fx.journal.map((e) => e.params.newClientOrderId)).toEqual(['t1']);
  });

  test('behavior: clockSkew gives -1021 to the skewed account only, and /fapi/v1/time shows the skew for resync', () => {
    const fx = start();
    fx.faults.add({
      kind: 'clockSkew',
      scope: { accountId: fx.alice.accountId },
      params: { skewMs: 10_000 },
    });
    const skewed = fx.handle(marketBuy(fx, fx.alice, 'a1'));
    expect(skewed.status).toBe(400);
    expect(json(skewed)).toEqual({
      code: -1021,
      msg: 'Timestamp for this request is outside of the recvWindow.',
    });
    expect(fx.handle(marketBuy(fx, fx.bob, 'b1')).status).toBe(200);

    // The skewed account's view of the server time (the binance package sends its key everywhere).
    const time = fx.handle({
      ...publicRequest('GET', '/fapi/v1/time'),
      headers: { 'x-mbx-apikey': fx.alice.apiKey },
    });
    const serverTime = json<{ serverTime: number }>(time).serverTime;
    expect(serverTime).toBe(fx.clock.now() + 10_000);
    expect(json<{ serverTime: number }>(fx.handle(publicRequest('GET', '/fapi/v1/time'))).serverTime).toBe(
      fx.clock.now(),
    );
    // Resynced, the client signs on the server's clock and passes.
    const resynced = fx.handle(
      signedRequest(
        'POST',
        '/fapi/v1/order',
        { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.010', newClientOrderId: 'a2' },
        fx.alice,
        { timestamp: serverTime },
      ),
    );
    expect(resynced.status).toBe(200);
    // The command ran at the exchange's own time, not the skewed one.
    expect(fx.journal.map((e) => [e.params.newClientOrderId, e.time])).toEqual([
      ['b1', fx.exchange.venue.now],
      ['a2', fx.exchange.venue.now],
    ]);
  });

  test('behavior: a clock behind the client makes its timestamps "ahead of the server"', () => {
    const fx = start([{ kind: 'clockSkew', params: { skewMs: -3000 } }]);
    const response = fx.handle(marketBuy(fx, fx.alice, 'ahead'));
    expect(json(response)).toEqual({
      code: -1021,
      msg: "Timestamp for this request was 1000ms ahead of the server's time.",
    });
  });

  test('behavior: one answer per request: the first answering rule wins, slow and skew combine with it', () => {
    const fx = start([
      { kind: 'slow', params: { delayMs: 700 } },
      { kind: 'serviceUnavailable', count: 1 },
      { kind: 'http5xx', count: 1, params: { status: 500 } },
    ]);
    const a = fx.handle(publicRequest('GET', '/fapi/v1/time'));
    expect(a.status).toBe(503);
    expect(a.delayMs).toBe(700);
    const b = fx.handle(publicRequest('GET', '/fapi/v1/time'));
    expect(b.status).toBe(500);
    const c = fx.handle(publicRequest('GET', '/fapi/v1/time'));
    expect(c.status).toBe(200);
    expect(c.delayMs).toBe(700);
    expect(fx.faults.list().map((r) => [r.kind, r.fired, r.state])).toEqual([
      ['slow', 3, 'active'],
      ['serviceUnavailable', 1, 'spent'],
      ['http5xx', 1, 'spent'],
    ]);
  });

  test('behavior: the journal holds exactly the commands that ran, through a mix of faults', () => {
    const fx = start([
      { kind: 'unknownBeforeExecution', scope: { route: 'newOrder' }, count: 1 },
      { kind: 'unknownAfterExecution', scope: { route: 'POST /fapi/v1/order' }, count: 1 },
      { kind: 'http5xx', scope: { route: 'newOrder' }, count: 1 },
      { kind: 'timeout', scope: { route: 'newOrder' }, count: 1 },
      { kind: 'throttled', count: 1 },
    ]);
    const ids = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'];
    for (const id of ids) fx.handle(marketBuy(fx, fx.alice, id));
    const ran = ids.filter((id) => orderExists(fx, fx.alice, id));
    expect(ran).toEqual(['j2', 'j4', 'j6']);
    expect(fx.journal.map((e) => e.params.newClientOrderId)).toEqual(ran);
  });
});
