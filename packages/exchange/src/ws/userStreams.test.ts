import { createRng, parseJson, type VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { signedRequest } from '../testing/signedRequest.js';
import {
  advance,
  isRecord,
  jumpAhead,
  pause,
  socketsForTests,
  T0,
  type TestClient,
  type TestExchange,
  type TestExchangeOptions,
} from './testing.js';

// The user-data stream: every attachment form, framing, event filters, expiry and close, and the
// order of one account's events.

const sockets = socketsForTests();

interface Creds {
  readonly apiKey: string;
  readonly apiSecret: string;
}

interface Harness {
  readonly t: TestExchange;
  readonly clock: VirtualClock;
  readonly maker: Creds;
  readonly taker: Creds;
  rest<T = Record<string, unknown>>(
    method: string,
    path: string,
    params?: Record<string, string>,
    creds?: Creds,
  ): { status: number; json: T };
  listenKey(creds?: Creds): string;
  connect(path: string): Promise<TestClient>;
}

async function start(options: Omit<TestExchangeOptions, 'clock'> = {}): Promise<Harness> {
  const t = await sockets.start({ marketData: 'none', ...options });
  const { clock } = t;
  const created = t.exchange.admin({ kind: 'createAccount', balances: { USDT: '1000000' } });
  if (created.kind !== 'account') throw new Error('no account');
  const taker = { apiKey: created.keys[0]!.apiKey, apiSecret: created.keys[0]!.apiSecret! };
  const maker = t.exchange.defaultAccount!;
  const rest = <T>(
    method: string,
    path: string,
    params: Record<string, string> = {},
    creds: Creds = maker,
  ) => {
    const response = t.exchange.handle(
      signedRequest(method, path, params, creds, { timestamp: clock.now() }),
    );
    return { status: response.status, json: parseJson(response.body) as T };
  };
  return {
    t,
    clock,
    maker,
    taker,
    rest,
    listenKey(creds = maker) {
      // USER_STREAM: API key only; a signed request is accepted too.
      return rest<{ listenKey: string }>('POST', '/fapi/v1/listenKey', {}, creds).json.listenKey;
    },
    connect: (path) => sockets.connect(`${t.wsUrl}${path}`),
  };
}

const LIMIT = {
  symbol: 'ETHUSDT',
  type: 'LIMIT',
  timeInForce: 'GTC',
  quantity: '1.000',
  price: '3400',
} as const;

function eventTypes(frames: unknown[]): string[] {
  return frames.map((f) =>
    String((isRecord(f) && 'data' in f ? (f.data as { e: string }) : (f as { e: string })).e),
  );
}

describe('user-data stream', () => {
  test('default: a fill reaches the maker on /ws/<listenKey> after REST shows it, in order', async () => {
    const h = await start();
    const key = h.listenKey();
    const client = await h.connect(`/ws/${key}`);
    const placed = h.rest<{ orderId: number }>('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL' });
    expect(placed.status).toBe(200);
    const created = (await client.take()) as { e: string; o: Record<string, unknown> };
    expect(created).toMatchObject({
      e: 'ORDER_TRADE_UPDATE',
      o: { s: 'ETHUSDT', x: 'NEW', X: 'NEW', i: placed.json.orderId },
    });
    // Every field of §11.2.
    expect(Object.keys(created.o).sort()).toEqual(
      's c S o f q p ap sp x X i l z L T t b a m R wt ot ps cp rp pP si ss V pm gtd er AP cr'
        .split(' ')
        .filter((f) => f in created.o)
        .sort(),
    );
    for (const field of 's c S o f q p ap sp x X i l z L T t b a m R wt ot ps cp rp pP si ss V pm gtd'.split(
      ' ',
    )) {
      expect(created.o, field).toHaveProperty(field);
    }
    expect(h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'BUY' }, h.taker).status).toBe(200);
    await client.sync();
    const frames = client.drain() as {
      e: string;
      E: number;
      T?: number;
      o?: Record<string, unknown>;
      a?: { m: string };
    }[];
    expect(frames.map((f) => f.e)).toEqual(['ORDER_TRADE_UPDATE', 'TRADE_LITE', 'ACCOUNT_UPDATE']);
    expect(frames[0]!.o).toMatchObject({ x: 'TRADE', X: 'FILLED', z: '1.000', L: '3400.00', m: true });
    expect(frames[2]!.a).toMatchObject({ m: 'ORDER' });
    // REST already shows what the events report.
    const order = h.rest<{ status: string }>('GET', '/fapi/v1/order', {
      symbol: 'ETHUSDT',
      orderId: String(placed.json.orderId),
    });
    expect(order.json.status).toBe('FILLED');
    const balance = h
      .rest<{ asset: string; balance: string }[]>('GET', '/fapi/v3/balance')
      .json.find((b) => b.asset === 'USDT')!;
    const update = frames[2] as unknown as { a: { B: { a: string; wb: string }[] } };
    expect(update.a.B.find((b) => b.a === 'USDT')!.wb).toBe(balance.balance);
    // The taker's events went to no one: it has no stream.
    expect(h.t.ws.stats()).toMatchObject({ streamConnections: 1, listenKeys: 1 });
  });

  test('behavior: every attachment form; combined forms wrap events with the listen key', async () => {
    const h = await start();
    const key = h.listenKey();
    const takerKey = h.listenKey(h.taker);
    const raw = [
      await h.connect(`/ws/${key}`),
      await h.connect(`/private/ws/${key}`),
      await h.connect(`/private/ws?listenKey=${key}`),
    ];
    const combined = [
      await h.connect(`/private/stream?listenKey=${key}`),
      await h.connect(`/stream?streams=${key}`),
      await h.connect(`/private/stream?streams=${key}`),
    ];
    const both = await h.connect(
      `/private/stream?listenKey=${key}&events=ORDER_TRADE_UPDATE&listenKey=${takerKey}&events=TRADE_LITE/ACCOUNT_UPDATE`,
    );
    const empty = await h.connect('/private/stream?listenKey=');
    const viaSubscribe = await h.connect('/ws');
    expect(await viaSubscribe.control('SUBSCRIBE', [key])).toEqual({ result: null, id: 1 });
    // The empty key the `binance` package sends keeps the connection open; it can still subscribe.
    expect(await empty.control('SUBSCRIBE', ['ethusdt@trade'])).toEqual({ result: null, id: 1 });
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL' });
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'BUY' }, h.taker);
    for (const client of [...raw, viaSubscribe]) {
      await client.sync();
      expect(eventTypes(client.drain())).toEqual([
        'ORDER_TRADE_UPDATE',
        'ORDER_TRADE_UPDATE',
        'TRADE_LITE',
        'ACCOUNT_UPDATE',
      ]);
    }
    for (const client of combined) {
      await client.sync();
      const frames = client.drain() as { stream: string; data: { e: string } }[];
      expect(frames.map((f) => f.stream)).toEqual([key, key, key, key]);
      expect(frames.map((f) => f.data.e)).toEqual([
        'ORDER_TRADE_UPDATE',
        'ORDER_TRADE_UPDATE',
        'TRADE_LITE',
        'ACCOUNT_UPDATE',
      ]);
    }
    await both.sync();
    const filtered = both.drain() as { stream: string; data: { e: string } }[];
    expect(filtered.map((f) => `${f.stream === key ? 'maker' : 'taker'}:${f.data.e}`)).toEqual([
      'maker:ORDER_TRADE_UPDATE',
      'maker:ORDER_TRADE_UPDATE',
      'taker:TRADE_LITE',
      'taker:ACCOUNT_UPDATE',
    ]);
    expect((await both.control('LIST_SUBSCRIPTIONS')).result).toEqual([key, takerKey]);
    await empty.sync();
    expect(empty.drain()).toEqual([
      expect.objectContaining({ stream: 'ethusdt@trade', data: expect.objectContaining({ e: 'trade' }) }),
    ]);
  });

  test('behavior: an expired key gets listenKeyExpired, then nothing until a new key is used', async () => {
    // No pings: a virtual hour's pings at one instant would come back as more pongs than 10 a second.
    const h = await start({ ws: { limits: { pingIntervalMs: 10 * 3_600_000 } } });
    const key = h.listenKey();
    const client = await h.connect(`/private/ws?listenKey=${key}`);
    // 59 minutes later a keepalive extends the key by 60 minutes from then.
    jumpAhead(h.t.exchange, h.clock, 59 * 60_000);
    expect(h.rest('PUT', '/fapi/v1/listenKey').json).toEqual({ listenKey: key });
    jumpAhead(h.t.exchange, h.clock, 59 * 60_000);
    await client.sync();
    expect(client.drain()).toEqual([]);
    // Without a keepalive it runs out at 59 + 60 minutes.
    advance(h.clock, 2 * 60_000, 1000);
    await client.sync();
    const expiredAt = T0 + 119 * 60_000;
    expect(client.drain()).toEqual([{ e: 'listenKeyExpired', E: expiredAt, listenKey: key }]);
    expect(h.rest('PUT', '/fapi/v1/listenKey').json).toMatchObject({ code: -1125 });
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL' });
    await client.sync();
    expect(client.drain()).toEqual([]);
    // A new key is a new stream.
    const fresh = h.listenKey();
    expect(fresh).not.toBe(key);
    const renewed = await h.connect(`/private/ws?listenKey=${fresh}`);
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL', price: '3401' });
    expect(await renewed.take()).toMatchObject({ e: 'ORDER_TRADE_UPDATE', o: { p: '3401.00' } });
    await client.sync();
    expect(client.drain()).toEqual([]);
  });

  test('behavior: a closed key stops delivery; an unknown key delivers nothing', async () => {
    const h = await start();
    const key = h.listenKey();
    const client = await h.connect(`/ws/${key}`);
    const unknown = await h.connect(`/ws/${'x'.repeat(64)}`);
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL' });
    expect(await client.take()).toMatchObject({ e: 'ORDER_TRADE_UPDATE' });
    expect(h.rest('DELETE', '/fapi/v1/listenKey').json).toEqual({});
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL', price: '3401' });
    h.rest('POST', '/fapi/v1/order', { ...LIMIT, side: 'SELL', price: '3402' });
    await pause(20);
    await client.sync();
    await unknown.sync();
    expect(client.drain()).toEqual([]);
    expect(unknown.drain()).toEqual([]);
  });

  test("behavior: a random workload's events, applied in order, give REST's final order states and wallet", async () => {
    const h = await start({ marketData: 'synthetic', ws: { limits: { maxIncomingPerSecond: 1000 } } });
    const key = h.listenKey();
    const client = await h.connect(`/ws/${key}`);
    const rng = createRng(5);
    const orderIds: string[] = [];
    for (let step = 0; step < 80; step++) {
      const best = parseJson(
        h.t.exchange.handle(
          signedRequest('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'BTCUSDT' }, h.maker, {
            timestamp: h.clock.now(),
          }),
        ).body,
      ) as { bidPrice: string };
      const roll = rng.next();
      if (roll < 0.25 && orderIds.length > 0) {
        h.rest('DELETE', '/fapi/v1/order', {
          symbol: 'BTCUSDT',
          orderId: orderIds[rng.nextInt(orderIds.length)]!,
        });
      } else {
        const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
        const price = (Number(best.bidPrice) + (rng.nextInt(21) - 10) * 0.1).toFixed(1);
        const params =
          roll > 0.9
            ? { symbol: 'BTCUSDT', side, type: 'MARKET', quantity: '0.005' }
            : { symbol: 'BTCUSDT', side, type: 'LIMIT', timeInForce: 'GTC', quantity: '0.010', price };
        const placed = h.rest<{ orderId?: number }>('POST', '/fapi/v1/order', params);
        if (placed.json.orderId !== undefined) orderIds.push(String(placed.json.orderId));
      }
      advance(h.clock, 100);
      if (step % 10 === 9) await client.sync();
    }
    await client.sync();
    const status = new Map<string, string>();
    let wallet: string | undefined;
    let lastE = 0;
    for (const frame of client.drain() as {
      e: string;
      E: number;
      o?: { i: number; X: string };
      a?: { B: { a: string; wb: string }[] };
    }[]) {
      expect(frame.E).toBeGreaterThanOrEqual(lastE);
      lastE = frame.E;
      if (frame.e === 'ORDER_TRADE_UPDATE') status.set(String(frame.o!.i), frame.o!.X);
      if (frame.e === 'ACCOUNT_UPDATE') wallet = frame.a!.B.find((b) => b.a === 'USDT')?.wb ?? wallet;
    }
    const all = h.rest<{ orderId: number; status: string }[]>('GET', '/fapi/v1/allOrders', {
      symbol: 'BTCUSDT',
    }).json;
    expect(all.length).toBe(orderIds.length);
    expect(new Map(all.map((o) => [String(o.orderId), o.status]))).toEqual(status);
    expect(new Set(status.values()).size).toBeGreaterThan(1);
    const balance = h
      .rest<{ asset: string; balance: string }[]>('GET', '/fapi/v3/balance')
      .json.find((b) => b.asset === 'USDT')!;
    expect(wallet).toBe(balance.balance);
  });
});
