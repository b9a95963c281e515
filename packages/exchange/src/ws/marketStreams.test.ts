import { parseJson, stringifyJson, type VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { publicRequest, signedRequest } from '../testing/signedRequest.js';
import {
  advance,
  byStream,
  type TestClient as Client,
  isRecord,
  socketsForTests,
  sortedFields,
  sortedKeys,
  T0,
  TestClient,
  type TestExchange,
} from './testing.js';

// Every market stream over a loopback socket, on a VirtualClock so cadences are exact.

const { start, connect } = socketsForTests();

type Framed = { stream: string; data: unknown };

/** Signed REST through the exchange's handler at the clock's time. */
function rest<T>(
  t: TestExchange & { clock: VirtualClock },
  method: string,
  path: string,
  params: Record<string, string | number | boolean>,
  creds: { readonly apiKey: string; readonly apiSecret: string } = t.exchange.defaultAccount!,
): { status: number; json: T } {
  const response = t.exchange.handle(
    signedRequest(method, path, params, creds, { timestamp: t.clock.now() }),
  );
  return { status: response.status, json: parseJson(response.body) as T };
}

function publicRest<T>(t: TestExchange, path: string, params: Record<string, string | number> = {}): T {
  return parseJson(t.exchange.handle(publicRequest('GET', path, params)).body) as T;
}

function secondAccount(t: TestExchange): { apiKey: string; apiSecret: string } {
  const created = t.exchange.admin({ kind: 'createAccount', balances: { USDT: '1000000' } });
  if (created.kind !== 'account') throw new Error('no account');
  const key = created.keys[0]!;
  return { apiKey: key.apiKey, apiSecret: key.apiSecret! };
}

describe('market streams', () => {
  test('default: every stream kind carries the fields of the wire types', async () => {
    const t = await start();
    const names = [
      'btcusdt@aggTrade',
      'btcusdt@trade',
      'btcusdt@markPrice',
      'btcusdt@markPrice@1s',
      '!markPrice@arr',
      '!markPrice@arr@1s',
      'btcusdt@kline_1m',
      'btcusdt@kline_1h',
      'btcusdt_perpetual@continuousKline_1m',
      'btcusdt@miniTicker',
      'btcusdt@ticker',
      '!miniTicker@arr',
      '!ticker@arr',
      'btcusdt@bookTicker',
      '!bookTicker',
      'btcusdt@forceOrder',
      '!forceOrder@arr',
      'btcusdt@depth5',
      'btcusdt@depth10@100ms',
      'btcusdt@depth20@500ms',
      'btcusdt@depth',
      'btcusdt@depth@100ms',
      'btcusdt@depth@500ms',
    ];
    const client = await connect(`${t.wsUrl}/stream?streams=${names.join('/')}`);
    // A liquidation of BTCUSDT as the venue reports it (two in one second: only the larger is sent).
    const liquidation = {
      symbol: 'BTCUSDT',
      side: 'SELL' as const,
      priceTick: 950_000,
      origQtySteps: 10,
      avgPrice: '95000.00',
      status: 'FILLED',
      lastFilledSteps: 10,
      filledSteps: 10,
      time: T0,
    };
    t.exchange.venue.outbox.force(liquidation);
    t.exchange.venue.outbox.force({ ...liquidation, origQtySteps: 25, lastFilledSteps: 25, filledSteps: 25 });
    t.exchange.venue.commit();
    advance(t.clock, 6000);
    await client.sync();
    const streams = byStream<unknown>(client.drain());
    for (const name of names) expect(streams.get(name)?.length ?? 0, name).toBeGreaterThan(0);
    const first = (name: string): Record<string, unknown> => streams.get(name)![0] as Record<string, unknown>;

    expect(sortedKeys(first('btcusdt@aggTrade'))).toEqual(sortedFields('e E a s p q nq f l T m'));
    expect(sortedKeys(first('btcusdt@trade'))).toEqual(sortedFields('e E T s t p q X m'));
    const mark = first('btcusdt@markPrice');
    expect(sortedKeys(mark)).toEqual(sortedFields('e E s p i P r T'));
    expect(mark).toMatchObject({ e: 'markPriceUpdate', s: 'BTCUSDT' });
    expect(streams.get('btcusdt@markPrice')).toHaveLength(2); // 3 s cadence over 6 s
    expect(streams.get('btcusdt@markPrice@1s')).toHaveLength(6);
    const all = streams.get('!markPrice@arr')![0] as unknown[];
    expect(all).toHaveLength(t.exchange.venue.markets.size);
    expect(sortedKeys(all[0])).toEqual(sortedFields('e E s p i P r T'));
    const kline = first('btcusdt@kline_1m');
    expect(sortedKeys(kline)).toEqual(sortedFields('e E s k'));
    expect(sortedKeys(kline.k)).toEqual(sortedFields('t T s i f L o c h l v n x q V Q B'));
    expect(kline.k).toMatchObject({ i: '1m', s: 'BTCUSDT', x: false, t: T0, T: T0 + 59_999 });
    const continuous = first('btcusdt_perpetual@continuousKline_1m');
    expect(sortedKeys(continuous)).toEqual(sortedFields('e E ps ct k'));
    expect(continuous).toMatchObject({ e: 'continuous_kline', ps: 'BTCUSDT', ct: 'PERPETUAL' });
    expect(sortedKeys(continuous.k)).toEqual(sortedFields('t T i f L o c h l v n x q V Q B'));
    expect(sortedKeys(first('btcusdt@miniTicker'))).toEqual(sortedFields('e E s c o h l v q'));
    expect(sortedKeys(first('btcusdt@ticker'))).toEqual(sortedFields('e E s p P w c Q o h l v q O C F L n'));
    expect(streams.get('btcusdt@ticker')).toHaveLength(3); // 2 s cadence
    const miniArr = streams.get('!miniTicker@arr')![0] as Record<string, unknown>[];
    expect(miniArr.every((m) => m.e === '24hrMiniTicker')).toBe(true);
    expect((streams.get('!ticker@arr')![0] as Record<string, unknown>[])[0]!.e).toBe('24hrTicker');
    expect(sortedKeys(first('btcusdt@bookTicker'))).toEqual(sortedFields('e u E T s b B a A'));
    // !bookTicker: every symbol once per 5 s.
    expect(streams.get('!bookTicker')).toHaveLength(t.exchange.venue.markets.size);
    const force = streams.get('btcusdt@forceOrder')!;
    expect(force).toHaveLength(1);
    expect(sortedKeys(force[0])).toEqual(sortedFields('e E o'));
    expect(sortedKeys((force[0] as { o: object }).o)).toEqual(sortedFields('s S o f q p ap X l z T'));
    expect(force[0]).toMatchObject({
      e: 'forceOrder',
      o: { s: 'BTCUSDT', q: '0.025', o: 'LIMIT', f: 'IOC' },
    });
    expect(streams.get('!forceOrder@arr')).toEqual(force);
    for (const [name, levels] of [
      ['btcusdt@depth5', 5],
      ['btcusdt@depth10@100ms', 10],
      ['btcusdt@depth20@500ms', 20],
    ] as const) {
      const event = first(name);
      expect(sortedKeys(event)).toEqual(sortedFields('e E T s U u pu b a'));
      expect(event.b).toHaveLength(levels);
      expect(event.a).toHaveLength(levels);
    }
    expect(streams.get('btcusdt@depth10@100ms')).toHaveLength(60);
    expect(streams.get('btcusdt@depth5')).toHaveLength(24);
    expect(streams.get('btcusdt@depth20@500ms')).toHaveLength(12);
    expect(sortedKeys(first('btcusdt@depth@100ms'))).toEqual(sortedFields('e E T s U u pu b a'));
  });

  test('behavior: streams match REST at the same moment', async () => {
    const t = await start();
    const client = await connect(`${t.wsUrl}/ws/btcusdt@kline_1m/btcusdt@markPrice@1s/btcusdt@depth5@100ms`);
    advance(t.clock, 1000);
    await client.sync();
    const frames = client.drain() as Record<string, unknown>[];
    const mark = frames.filter((f) => f.e === 'markPriceUpdate').at(-1)!;
    const premium = publicRest<Record<string, unknown>>(t, '/fapi/v1/premiumIndex', { symbol: 'BTCUSDT' });
    expect(mark).toMatchObject({ p: premium.markPrice, i: premium.indexPrice, r: premium.lastFundingRate });
    const depth = frames.filter((f) => f.e === 'depthUpdate').at(-1)!;
    const book = publicRest<{ lastUpdateId: number; bids: unknown[]; asks: unknown[] }>(t, '/fapi/v1/depth', {
      symbol: 'BTCUSDT',
      limit: 5,
    });
    expect(depth.u).toBe(book.lastUpdateId);
    expect(depth.b).toEqual(book.bids);
    expect(depth.a).toEqual(book.asks);
    const kline = (frames.filter((f) => f.e === 'kline').at(-1)! as { k: Record<string, unknown> }).k;
    const [row] = publicRest<unknown[][]>(t, '/fapi/v1/klines', {
      symbol: 'BTCUSDT',
      interval: '1m',
      limit: 1,
    });
    expect([kline.t, kline.o, kline.h, kline.l, kline.c, kline.v, kline.T, kline.q, kline.n]).toEqual(
      row!.slice(0, 9),
    );
  });

  test('behavior: raw frames on /ws, wrapped on /stream, and SET_PROPERTY toggles the wrapper', async () => {
    const t = await start();
    const raw = await connect(`${t.wsUrl}/ws/btcusdt@markPrice@1s`);
    const combined = await connect(`${t.wsUrl}/stream?streams=btcusdt@markPrice@1s`);
    advance(t.clock, 1000);
    await raw.sync();
    await combined.sync();
    const [rawFrame] = raw.drain() as Record<string, unknown>[];
    const [wrapped] = combined.drain() as Framed[];
    expect(rawFrame).toMatchObject({ e: 'markPriceUpdate', s: 'BTCUSDT' });
    expect(wrapped).toEqual({ stream: 'btcusdt@markPrice@1s', data: rawFrame });
    expect(await raw.control('GET_PROPERTY', ['combined'])).toEqual({ result: false, id: 2 });
    expect(await raw.control('SET_PROPERTY', ['combined', true])).toEqual({ result: null, id: 3 });
    expect(await combined.control('SET_PROPERTY', ['combined', false])).toEqual({ result: null, id: 2 });
    advance(t.clock, 1000);
    await raw.sync();
    await combined.sync();
    expect(raw.drain()[0]).toMatchObject({ stream: 'btcusdt@markPrice@1s', data: { e: 'markPriceUpdate' } });
    expect(combined.drain()[0]).toMatchObject({ e: 'markPriceUpdate' });
  });

  test('behavior: SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS on every route form', async () => {
    const t = await start();
    const forms = [
      '/ws',
      '/stream',
      '/public/ws/0',
      '/market/ws/3',
      '/public/stream',
      '/market/stream',
      '/private/stream?listenKey=',
    ];
    for (const form of forms) {
      const client = await connect(`${t.wsUrl}${form}`);
      expect(await client.control('SUBSCRIBE', ['btcusdt@aggTrade', 'ethusdt@bookTicker'])).toEqual({
        result: null,
        id: 1,
      });
      expect(await client.control('LIST_SUBSCRIPTIONS')).toEqual({
        result: ['btcusdt@aggTrade', 'ethusdt@bookTicker'],
        id: 2,
      });
      expect(await client.control('UNSUBSCRIBE', ['btcusdt@aggTrade', 'ethusdt@depth'])).toEqual({
        result: null,
        id: 3,
      });
      expect(await client.control('LIST_SUBSCRIPTIONS')).toEqual({ result: ['ethusdt@bookTicker'], id: 4 });
      expect(await client.control('GET_PROPERTY', ['combined'])).toEqual({
        result: form.includes('/stream'),
        id: 5,
      });
    }
    // Streams in the path start at once; a chained path subscribes several; junk segments are ignored.
    const chained = await connect(`${t.wsUrl}/public/ws/btcusdt@depth@100ms/0/ethusdt@aggTrade`);
    expect(await chained.control('LIST_SUBSCRIPTIONS')).toEqual({
      result: ['btcusdt@depth@100ms', 'ethusdt@aggTrade'],
      id: 1,
    });
    const query = await connect(`${t.wsUrl}/market/stream?streams=btcusdt@markPrice/!ticker@arr`);
    expect((await query.control('LIST_SUBSCRIPTIONS')).result).toEqual(['btcusdt@markPrice', '!ticker@arr']);
    expect(t.ws.stats().streamConnections).toBe(forms.length + 2);
  });

  test("behavior: control errors carry Binance's codes; invalid JSON closes the connection", async () => {
    const t = await start();
    const client = await connect(`${t.wsUrl}/ws`);
    const reply = async (frame: string): Promise<unknown> => {
      client.send(frame);
      return client.take((m) => isRecord(m) && 'error' in m);
    };
    expect(await reply('{"method":"SET_PROPERTY","params":["colour",true],"id":7}')).toEqual({
      error: { code: 0, msg: 'Unknown property' },
      id: 7,
    });
    expect(await reply('{"method":"SET_PROPERTY","params":["combined","yes"],"id":8}')).toEqual({
      error: { code: 1, msg: 'Invalid value type: expected Boolean' },
      id: 8,
    });
    expect(await reply('{"method":"GET_PROPERTY","params":[5],"id":9}')).toEqual({
      error: { code: 2, msg: 'Invalid request: property name must be a string' },
      id: 9,
    });
    expect(await reply('{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":"a"}')).toEqual({
      error: { code: 2, msg: 'Invalid request: request ID must be an unsigned integer' },
      id: null,
    });
    const unknown = (await reply('{"method":"PUBLISH","params":[],"id":10}')) as { error: { msg: string } };
    expect(unknown.error.msg).toMatch(
      /^Invalid request: unknown variant `PUBLISH`, expected one of `SUBSCRIBE`/,
    );
    const missing = (await reply('{"params":[],"id":11}')) as { error: { code: number; msg: string } };
    expect(missing.error).toEqual({
      code: 2,
      msg: 'Invalid request: missing field `method` at line 1 column 21',
    });
    expect(await reply('{"method":"GET_PROPERTY","params":["combined","x"],"id":12}')).toEqual({
      error: { code: 2, msg: 'Invalid request: too many parameters' },
      id: 12,
    });
    expect(await reply('{"method":"SUBSCRIBE","params":["btcusdt@nonsense"],"id":13}')).toMatchObject({
      error: { code: 2 },
      id: 13,
    });
    // A valid name for an unknown symbol is accepted and yields nothing.
    expect(await client.control('SUBSCRIBE', ['zzzusdt@aggTrade'])).toEqual({ result: null, id: 1 });
    client.send('{"method":');
    expect(await client.take()).toEqual({
      error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 11' },
    });
    expect(await client.closed).toBe(1008);
  });

  test('behavior: unknown paths are 404 and a URL over 1024 streams is 400', async () => {
    const t = await start();
    expect((await TestClient.refusal(`${t.wsUrl}/fapi/v1/depth`)).status).toBe(404);
    expect((await TestClient.refusal(`${t.wsUrl}/ws-fapi/v2`)).status).toBe(404);
    const names = Array.from({ length: 1025 }, (_, i) => `s${i}@trade`);
    const refused = await TestClient.refusal(`${t.wsUrl}/stream?streams=${names.join('/')}`);
    expect(refused.status).toBe(400);
    expect(parseJson(refused.body)).toMatchObject({ code: -1101 });
    // 1024 is fine, and SUBSCRIBE cannot go past it.
    const client = await connect(`${t.wsUrl}/stream?streams=${names.slice(0, 1024).join('/')}`);
    expect(await client.control('SUBSCRIBE', ['btcusdt@aggTrade'])).toMatchObject({
      error: { code: 2 },
      id: 1,
    });
    expect((await client.control('LIST_SUBSCRIPTIONS')).result).toHaveLength(1024);
  });

  test('behavior: kline events close with x=true once, then the next candle starts', async () => {
    const t = await start({ marketData: 'none' });
    const client = await connect(`${t.wsUrl}/ws/btcusdt@kline_1m`);
    const taker = secondAccount(t);
    const trade = (
      side: 'BUY' | 'SELL',
      creds: { apiKey: string; apiSecret: string } = t.exchange.defaultAccount!,
    ): void => {
      const order = {
        symbol: 'BTCUSDT',
        side,
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: '0.010',
        price: '100000',
      };
      expect(rest(t, 'POST', '/fapi/v1/order', order, creds).status).toBe(200);
    };
    trade('SELL');
    trade('BUY', taker);
    advance(t.clock, 59_000, 250);
    await client.sync();
    const open = client.drain() as { k: Record<string, unknown> }[];
    // One event when the candle changed, none while it stays the same.
    expect(open).toHaveLength(1);
    expect(open[0]!.k).toMatchObject({ t: T0, x: false, n: 1, o: '100000.00', v: '0.010' });
    advance(t.clock, 1000, 250);
    await client.sync();
    const [closed, next] = client.drain() as { k: Record<string, unknown> }[];
    expect(closed!.k).toMatchObject({ t: T0, x: true, n: 1 });
    expect(next!.k).toMatchObject({ t: T0 + 60_000, x: false, n: 0 });
  });

  test('behavior: the array tickers carry only the symbols that traded; bookTicker follows the best level', async () => {
    const t = await start({ marketData: 'none' });
    const client = await connect(`${t.wsUrl}/stream?streams=!miniTicker@arr/!ticker@arr/ethusdt@bookTicker`);
    const taker = secondAccount(t);
    const order = (
      side: 'BUY' | 'SELL',
      price: string,
      creds: { apiKey: string; apiSecret: string } = t.exchange.defaultAccount!,
    ) =>
      rest(
        t,
        'POST',
        '/fapi/v1/order',
        { symbol: 'ETHUSDT', side, type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price },
        creds,
      );
    expect(order('SELL', '3400').status).toBe(200);
    await client.sync();
    // Real time: the new best ask is out before any timer fires.
    const [book] = client.drain() as Framed[];
    expect(book).toMatchObject({
      stream: 'ethusdt@bookTicker',
      data: { s: 'ETHUSDT', a: '3400.00', A: '1.000', b: '0.00' },
    });
    const depth = publicRest<{ lastUpdateId: number }>(t, '/fapi/v1/depth', { symbol: 'ETHUSDT', limit: 5 });
    expect((book!.data as { u: number }).u).toBe(depth.lastUpdateId);
    expect(order('BUY', '3400', taker).status).toBe(200);
    advance(t.clock, 1000);
    await client.sync();
    const streams = byStream<unknown>(client.drain());
    const minis = streams.get('!miniTicker@arr')![0] as Record<string, unknown>[];
    expect(minis).toEqual([expect.objectContaining({ s: 'ETHUSDT', c: '3400.00', v: '1.000' })]);
    expect(streams.get('!ticker@arr')![0]).toEqual([expect.objectContaining({ s: 'ETHUSDT', n: 1 })]);
    // The fill emptied the ask: the best level changed again.
    expect(streams.get('ethusdt@bookTicker')).toEqual([expect.objectContaining({ a: '0.00', A: '0.000' })]);
    // Nothing traded in the next second: no array frames.
    advance(t.clock, 1000);
    await client.sync();
    expect(client.drain()).toEqual([]);
  });

  test('behavior: two names for one stream get the same events, each framed with its own name', async () => {
    const t = await start();
    const client = await connect(`${t.wsUrl}/stream?streams=btcusdt@depth/btcusdt@depth@250ms`);
    advance(t.clock, 2000);
    await client.sync();
    const streams = byStream<unknown>(client.drain());
    expect(streams.get('btcusdt@depth')!.length).toBeGreaterThan(0);
    expect(streams.get('btcusdt@depth')).toEqual(streams.get('btcusdt@depth@250ms'));
  });

  test('behavior: many subscribers of one stream receive the same frames', async () => {
    const t = await start();
    const many: Client[] = [];
    for (let i = 0; i < 20; i++) many.push(await connect(`${t.wsUrl}/${i % 2 === 0 ? 'ws' : 'stream'}`));
    for (const client of many)
      await client.control('SUBSCRIBE', ['btcusdt@depth@100ms', 'btcusdt@markPrice@1s']);
    advance(t.clock, 2000);
    const frames: string[][] = [];
    for (const client of many) {
      await client.sync();
      frames.push(client.drain().map((f) => stringifyJson(isRecord(f) && 'data' in f ? f.data : f)));
    }
    expect(frames[0]!.length).toBeGreaterThan(2);
    for (const list of frames) expect(list).toEqual(frames[0]);
    expect(t.ws.stats()).toMatchObject({ streamConnections: 20, topics: 2 });
  });
});
