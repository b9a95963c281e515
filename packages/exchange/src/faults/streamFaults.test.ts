import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hmacSha256Hex,
  parseJson,
  type SigningParams,
  stringifyJson,
  VirtualClock,
  wsApiSigningPayload,
} from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createExchange, type Exchange, type ExchangeOptions } from '../createExchange.js';
import { advance, isRecord, pause, TestClient, WAIT_MS, within } from '../ws/testing.js';

// Stream faults end to end: a real exchange (`createExchange` + `listen`) on loopback, a `ws` client,
// and fault rules added over the admin API; each test asserts what the client observes.

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
/** Real time a "nothing arrives" check waits, ms. */
const QUIET_MS = 150;

interface Harness {
  readonly exchange: Exchange;
  readonly clock: VirtualClock;
  readonly restUrl: string;
  readonly wsUrl: string;
  connect(path: string): Promise<TestClient>;
  /** The id of the newest open connection (fault scopes name it). */
  lastConnectionId(): number;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<AdminAnswer<T>>;
}

interface AdminAnswer<T> {
  readonly status: number;
  readonly json: T;
}

const running: { close(): Promise<void> }[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start(options: ExchangeOptions = {}): Promise<Harness> {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({
    clock,
    rateLimits: { enabled: false },
    synthetic: { backfillMinutes: 10 },
    log: () => {},
    ...options,
  });
  const endpoints = await exchange.listen({ port: 0 });
  running.push(exchange);
  return {
    exchange,
    clock,
    restUrl: endpoints.restUrl,
    wsUrl: endpoints.wsUrl,
    async connect(path) {
      const client = await TestClient.open(`${endpoints.wsUrl}${path}`);
      clients.push(client);
      return client;
    },
    lastConnectionId() {
      return Math.max(...exchange.webSockets.connections().map((c) => c.id));
    },
    async admin(method, path, body) {
      const response = await within(
        fetch(`${endpoints.restUrl}${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        }),
        WAIT_MS,
        `${method} ${path}`,
      );
      return { status: response.status, json: parseJson(await response.text()) as never };
    },
  };
}

/** Waits (bounded) until `client` queued at least `n` frames; returns them all. */
async function frames(client: TestClient, n: number, ms = WAIT_MS): Promise<Record<string, unknown>[]> {
  const until = Date.now() + ms;
  while (client.queue.length < n && Date.now() < until) await pause(10);
  if (client.queue.length < n) throw new Error(`got ${client.queue.length} frames, wanted ${n}`);
  return client.drain() as Record<string, unknown>[];
}

/** Counts the pings a client receives (it answers them, as `ws` does). */
function countPings(client: TestClient): { readonly count: number } {
  const counter = { count: 0 };
  client.socket.on('ping', () => {
    counter.count += 1;
  });
  return counter;
}

/** Whether the server answers a client ping within `ms` of real time. */
function pongWithin(client: TestClient, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.socket.off('pong', onPong);
      resolve(false);
    }, ms);
    const onPong = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    client.socket.once('pong', onPong);
    client.socket.ping('watchdog');
  });
}

/** `{stream, data}` frames as `[stream, data]`. */
function unwrap(list: readonly Record<string, unknown>[]): [string, Record<string, unknown>][] {
  return list.map((f) => [f.stream as string, f.data as Record<string, unknown>]);
}

describe('stream faults over loopback', () => {
  test('default: silence sends no frames, pings or pongs while the socket stays open; another connection is untouched', async () => {
    const h = await start({ webSocketLimits: { pingIntervalMs: 1000, pongTimeoutMs: 60_000 } });
    const quiet = await h.connect('/ws/btcusdt@markPrice@1s');
    const quietId = h.lastConnectionId();
    const other = await h.connect('/ws/btcusdt@markPrice@1s');
    const pings = countPings(quiet);

    const added = await h.admin<{ id: string }>('POST', '/admin/faults', {
      kind: 'silence',
      scope: { connectionId: quietId },
    });
    expect(added.status).toBe(200);
    advance(h.clock, 3000);
    expect((await frames(other, 3)).map((f) => f.e)).toEqual([
      'markPriceUpdate',
      'markPriceUpdate',
      'markPriceUpdate',
    ]);
    await pause(QUIET_MS);
    expect(quiet.queue).toEqual([]);
    expect(pings.count).toBe(0);
    expect(quiet.socket.readyState).toBe(quiet.socket.OPEN);
    // A client watchdog pinging the server gets no answer.
    expect(await pongWithin(quiet, QUIET_MS)).toBe(false);
    const listed = await h.admin<{ rules: { id: string; fired: number }[] }>('GET', '/admin/faults');
    expect(listed.json.rules[0]!.fired).toBeGreaterThanOrEqual(3);

    // Removing the rule brings frames, pings and pongs back on the same socket.
    expect((await h.admin('DELETE', `/admin/faults/${added.json.id}`)).json).toEqual({
      removed: added.json.id,
    });
    advance(h.clock, 1000);
    expect((await frames(quiet, 1))[0]).toMatchObject({ e: 'markPriceUpdate', s: 'BTCUSDT' });
    expect(await pongWithin(quiet, WAIT_MS)).toBe(true);
    expect(pings.count).toBe(1);
  });

  test('behavior: delay holds every frame delayMs and keeps their order', async () => {
    const h = await start();
    const late = await h.connect('/ws/btcusdt@markPrice@1s');
    const lateId = h.lastConnectionId();
    const onTime = await h.connect('/ws/btcusdt@markPrice@1s');
    await h.admin('POST', '/admin/faults', {
      kind: 'delay',
      scope: { connectionId: lateId },
      params: { delayMs: 2000 },
    });
    advance(h.clock, 2950);
    const sent = await frames(onTime, 2);
    await pause(QUIET_MS);
    expect(late.queue).toEqual([]);
    // The first frame (sent at +1000) is let out at +3000, the second at +4000.
    advance(h.clock, 50);
    const first = await frames(late, 1);
    expect(first[0]!.E).toBe(sent[0]!.E);
    expect(h.clock.now() - (first[0]!.E as number)).toBeGreaterThanOrEqual(2000);
    advance(h.clock, 3000);
    const rest = await frames(late, 3);
    const times = [...first, ...rest].map((f) => f.E as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    expect(times.slice(0, 2)).toEqual(sent.map((f) => f.E));
  });

  test('behavior: reorder mixes streams but never one stream (depth pu chain intact); the same seed gives the same order', async () => {
    const STREAMS = ['btcusdt@depth@100ms', 'btcusdt@markPrice@1s', 'ethusdt@markPrice@1s'];
    const run = async (seed: number | undefined) => {
      const h = await start(seed === undefined ? {} : { faults: { seed } });
      const client = await h.connect(`/stream?streams=${STREAMS.join('/')}`);
      if (seed !== undefined)
        await h.admin('POST', '/admin/faults', {
          kind: 'reorder',
          scope: { connectionId: h.lastConnectionId() },
          params: { windowMs: 2500 },
        });
      // Frames of the first 6 s, every one released by then + 2.5 s.
      advance(h.clock, 9000);
      const got = unwrap(await frames(client, 24));
      await pause(QUIET_MS);
      got.push(...unwrap(client.drain() as Record<string, unknown>[]));
      await client.close();
      return got.filter(([, data]) => (data.E as number) <= T0 + 6000);
    };
    const plain = await run(undefined);
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);

    for (const got of [a, c]) {
      expect(got.length).toBe(plain.length);
      // Within one stream the order is the original one.
      for (const stream of STREAMS) {
        expect(got.filter(([s]) => s === stream)).toEqual(plain.filter(([s]) => s === stream));
      }
      const depth = got.filter(([s]) => s === STREAMS[0]).map(([, d]) => d);
      expect(depth.length).toBeGreaterThan(10);
      for (let i = 1; i < depth.length; i++) expect(depth[i]!.pu).toBe(depth[i - 1]!.u);
      // Across streams it changed.
      expect(got.map(([s]) => s)).not.toEqual(plain.map(([s]) => s));
    }
    expect(b).toEqual(a);
    expect(c.map(([s]) => s)).not.toEqual(a.map(([s]) => s));
  });

  test('behavior: held frames count toward the slow-consumer cap', async () => {
    const h = await start({ webSocketLimits: { maxBufferedBytes: 4000 } });
    const client = await h.connect('/ws/btcusdt@depth@100ms');
    await h.admin('POST', '/admin/faults', { kind: 'delay', params: { delayMs: 60_000 } });
    advance(h.clock, 5000);
    expect(await within(client.closed, WAIT_MS, 'the slow-consumer cut')).toBe(1006);
    expect(client.queue).toEqual([]);
  });

  test('behavior: dropConnections closes with 1001 and force24hDisconnect with 1000, each only what its filter names', async () => {
    const h = await start({ defaultAccount: { balances: { USDT: '1000' } } });
    const account = h.exchange.defaultAccount!;
    const listenKey = await newListenKey(h, account.apiKey);
    const user = await h.connect(`/ws/${listenKey}`);
    const market = await h.connect('/ws/btcusdt@markPrice@1s');
    const api = await h.connect('/ws-fapi/v1');

    // By account: only the user-data connection of that account.
    expect(
      (await h.admin('POST', '/admin/faults/dropConnections', { filter: { accountId: account.accountId } }))
        .json,
    ).toEqual({ closed: 1 });
    expect(await within(user.closed, WAIT_MS, 'the drop')).toBe(1001);
    expect(
      (await h.admin('POST', '/admin/faults/force24hDisconnect', { filter: { route: 'wsApi' } })).json,
    ).toEqual({ closed: 1 });
    expect(await within(api.closed, WAIT_MS, 'the 24 h cut')).toBe(1000);
    await pause(QUIET_MS);
    expect(market.socket.readyState).toBe(market.socket.OPEN);
    expect(h.exchange.webSockets.connections().map((c) => c.path)).toEqual(['/ws/btcusdt@markPrice@1s']);

    // Empty filter: everything; a bad filter is 400.
    expect((await h.admin('POST', '/admin/faults/dropConnections', { filter: { bogus: 1 } })).status).toBe(
      400,
    );
    expect((await h.admin('POST', '/admin/faults/force24hDisconnect', {})).json).toEqual({ closed: 1 });
    expect(await within(market.closed, WAIT_MS, 'the 24 h cut')).toBe(1000);
  });

  test('behavior: listenKeyExpiry pushes listenKeyExpired with the key and E, and is journaled', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'basis-faults-'));
    try {
      const h = await start({ stateDir });
      const account = h.exchange.defaultAccount!;
      const listenKey = await newListenKey(h, account.apiKey);
      const user = await h.connect(`/ws/${listenKey}`);
      const combined = await h.connect(`/stream?streams=${listenKey}`);
      advance(h.clock, 1000);

      const answer = await h.admin('POST', '/admin/faults/listenKeyExpiry', { accountId: account.accountId });
      expect(answer).toEqual({
        status: 200,
        json: { listenKey, accountId: account.accountId, expiredAt: h.clock.now() },
      });
      const event = (await user.take((m) => isRecord(m) && m.e === 'listenKeyExpired')) as Record<
        string,
        unknown
      >;
      expect(event).toEqual({ e: 'listenKeyExpired', E: h.clock.now(), listenKey });
      expect(await combined.take()).toEqual({ stream: listenKey, data: event });
      // No active key now: a second expiry is 404.
      expect(
        (await h.admin('POST', '/admin/faults/listenKeyExpiry', { accountId: account.accountId })).status,
      ).toBe(404);
      const expiredAt = h.clock.now();
      await user.close();
      await combined.close();
      await running.pop()!.close();

      // The restart replays the journal, admin command included: the key stays expired.
      const again = createExchange({ clock: new VirtualClock(expiredAt), stateDir, log: () => {} });
      running.push(again);
      expect(again.venue.listenKeys.keyOf(account.accountId, again.venue.now)).toBeUndefined();
      expect(again.venue.listenKeys.accountOf(listenKey, again.venue.now)).toBeUndefined();
    } finally {
      await Promise.all(running.splice(0).map((r) => r.close()));
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  test('behavior: COIN-M listen keys: expiry by product, account-scoped drops reach /dstream user sockets', async () => {
    const h = await start();
    const account = h.exchange.defaultAccount!;
    const usdmKey = await newListenKey(h, account.apiKey);
    const coinmKey = await newListenKey(h, account.apiKey, '/dapi/v1/listenKey');
    const usdmUser = await h.connect(`/ws/${usdmKey}`);
    const coinmUser = await h.connect(`/dstream/ws/${coinmKey}`);

    const answer = await h.admin('POST', '/admin/faults/listenKeyExpiry', {
      accountId: account.accountId,
      product: 'coinm',
    });
    expect(answer.json).toMatchObject({ listenKey: coinmKey, accountId: account.accountId });
    expect(await coinmUser.take((m) => isRecord(m) && m.e === 'listenKeyExpired')).toMatchObject({
      listenKey: coinmKey,
    });
    // USD-M's key of the same account lives on.
    expect(h.exchange.venue.listenKeys.keyOf(account.accountId, h.exchange.venue.now)?.listenKey).toBe(
      usdmKey,
    );
    expect(
      (await h.admin('POST', '/admin/faults/listenKeyExpiry', { accountId: account.accountId, product: 'x' }))
        .status,
    ).toBe(400);

    const renewed = await newListenKey(h, account.apiKey, '/dapi/v1/listenKey');
    const coinmAgain = await h.connect(`/dstream/ws/${renewed}`);
    expect(
      (await h.admin('POST', '/admin/faults/dropConnections', { filter: { accountId: account.accountId } }))
        .json,
    ).toEqual({ closed: 2 }); // the socket of the expired key belongs to no account any more
    expect(await within(usdmUser.closed, WAIT_MS, 'the USD-M drop')).toBe(1001);
    expect(await within(coinmAgain.closed, WAIT_MS, 'the COIN-M drop')).toBe(1001);
  });

  test('behavior: COIN-M sockets keep the /dstream path they asked, so a route scope tells them from USD-M', async () => {
    const h = await start();
    const usdm = await h.connect('/ws/btcusdt@markPrice@1s');
    const coinm = await h.connect('/dstream/ws/btcusd_perp@markPrice@1s');
    expect(h.exchange.webSockets.connections().map((c) => c.path)).toEqual([
      '/ws/btcusdt@markPrice@1s',
      '/dstream/ws/btcusd_perp@markPrice@1s',
    ]);
    expect(
      (
        await h.admin('POST', '/admin/faults/dropConnections', {
          filter: { route: '/dstream/ws/btcusd_perp@markPrice@1s' },
        })
      ).json,
    ).toEqual({ closed: 1 });
    expect(await within(coinm.closed, WAIT_MS, 'the COIN-M drop')).toBe(1001);
    await pause(QUIET_MS);
    expect(usdm.socket.readyState).toBe(usdm.socket.OPEN);
  });

  test('behavior: clockSkew reaches the WebSocket API timestamp check (-1021), only for the account it names', async () => {
    const h = await start();
    const alice = h.exchange.defaultAccount!;
    const created = h.exchange.admin({ kind: 'createAccount', balances: { USDT: '1000' } });
    if (created.kind !== 'account') throw new Error('no account');
    const bob = { apiKey: created.keys[0]!.apiKey, apiSecret: created.keys[0]!.apiSecret! };
    const api = await h.connect('/ws-fapi/v1');
    let next = 1;
    const balance = async (creds: { apiKey: string; apiSecret: string }) => {
      const id = next++;
      const params: Record<string, unknown> = { apiKey: creds.apiKey, timestamp: h.clock.now() };
      params.signature = hmacSha256Hex(creds.apiSecret, wsApiSigningPayload(params as SigningParams));
      api.send(stringifyJson({ id, method: 'account.balance', params }));
      return (await api.take((m) => isRecord(m) && m.id === id)) as {
        status: number;
        error?: { code: number; msg: string };
      };
    };
    expect((await balance(alice)).status).toBe(200);

    await h.admin('POST', '/admin/faults', {
      kind: 'clockSkew',
      scope: { accountId: alice.accountId },
      params: { skewMs: 10_000 },
    });
    expect(await balance(alice)).toMatchObject({
      status: 400,
      error: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
    });
    expect((await balance(bob)).status).toBe(200);

    await h.admin('DELETE', '/admin/faults');
    await h.admin('POST', '/admin/faults', {
      kind: 'clockSkew',
      scope: { route: 'account.balance' },
      params: { skewMs: -3000 },
    });
    expect((await balance(bob)).error).toMatchObject({ code: -1021 });
    expect((await h.admin<{ rules: { fired: number }[] }>('GET', '/admin/faults')).json.rules[0]!.fired).toBe(
      1,
    );
  });

  test('behavior: a rule scoped to one account leaves another account and the market untouched', async () => {
    const h = await start();
    const alice = h.exchange.defaultAccount!;
    const created = h.exchange.admin({ kind: 'createAccount', balances: { USDT: '1000' } });
    if (created.kind !== 'account') throw new Error('no account');
    const aliceKey = await newListenKey(h, alice.apiKey);
    const bobKey = await newListenKey(h, created.keys[0]!.apiKey);
    const aliceStream = await h.connect(`/ws/${aliceKey}`);
    const bobStream = await h.connect(`/ws/${bobKey}`);
    const market = await h.connect('/ws/btcusdt@markPrice@1s');
    await h.admin('POST', '/admin/faults', { kind: 'silence', scope: { accountId: alice.accountId } });

    // A deposit to each account pushes an ACCOUNT_UPDATE on its stream.
    h.exchange.admin({
      kind: 'transfer',
      accountId: alice.accountId,
      asset: 'USDT',
      amount: '5',
      direction: 'DEPOSIT',
    });
    h.exchange.admin({
      kind: 'transfer',
      accountId: created.accountId,
      asset: 'USDT',
      amount: '5',
      direction: 'DEPOSIT',
    });
    advance(h.clock, 1000);
    expect((await frames(bobStream, 1))[0]).toMatchObject({ e: 'ACCOUNT_UPDATE' });
    expect((await frames(market, 1))[0]).toMatchObject({ e: 'markPriceUpdate' });
    await pause(QUIET_MS);
    expect(aliceStream.queue).toEqual([]);
  });
});

async function newListenKey(h: Harness, apiKey: string, path = '/fapi/v1/listenKey'): Promise<string> {
  const response = await within(
    fetch(`${h.restUrl}${path}`, { method: 'POST', headers: { 'X-MBX-APIKEY': apiKey } }),
    WAIT_MS,
    'a listen key',
  );
  const body = parseJson(await response.text()) as { listenKey?: string };
  if (body.listenKey === undefined) throw new Error(`no listen key: ${stringifyJson(body)}`);
  return body.listenKey;
}
