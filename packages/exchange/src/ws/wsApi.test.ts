import { generateKeyPairSync } from 'node:crypto';
import {
  hmacSha256Hex,
  parseJson,
  type SigningParams,
  signEd25519Base64,
  signRsaBase64,
  stringifyJson,
  type VirtualClock,
  wsApiSigningPayload,
} from '@basis/core';
import { describe, expect, test } from 'vitest';
import { publicRequest, signedRequest } from '../testing/signedRequest.js';
import {
  isRecord,
  socketsForTests,
  T0,
  TestClient,
  type TestExchange,
  type TestExchangeOptions,
} from './testing.js';

// The WebSocket API at /ws-fapi/v1 over a loopback socket: envelope, signatures, sessions, errors,
// shared limits and journaling.

const sockets = socketsForTests();

type Response = {
  id: unknown;
  status: number;
  result?: Record<string, unknown> & unknown[];
  error?: { code: number; msg: string };
  rateLimits?: {
    rateLimitType: string;
    interval: string;
    intervalNum: number;
    limit: number;
    count: number;
  }[];
};

interface Api {
  readonly t: TestExchange;
  readonly clock: VirtualClock;
  readonly client: TestClient;
  call(method: string, params?: Record<string, unknown>, id?: unknown): Promise<Response>;
  signed(method: string, params: Record<string, unknown>, id?: unknown): Promise<Response>;
}

async function start(query = '', options: Omit<TestExchangeOptions, 'clock'> = {}): Promise<Api> {
  const t = await sockets.start({ marketData: 'none', ...options });
  const { clock } = t;
  const client = await sockets.connect(`${t.wsUrl}/ws-fapi/v1${query}`);
  let next = 1;
  const call = async (
    method: string,
    params?: Record<string, unknown>,
    id: unknown = next++,
  ): Promise<Response> => {
    client.send(stringifyJson(params === undefined ? { id, method } : { id, method, params }));
    return (await client.take((m) => isRecord(m) && m.id === id)) as Response;
  };
  const creds = t.exchange.defaultAccount!;
  return {
    t,
    clock,
    client,
    call,
    signed(method, params, id) {
      const all: Record<string, unknown> = { ...params, apiKey: creds.apiKey, timestamp: clock.now() };
      all.signature = hmacSha256Hex(creds.apiSecret, wsApiSigningPayload(all as SigningParams));
      return call(method, all, id);
    },
  };
}

const ORDER = {
  symbol: 'BTCUSDT',
  side: 'BUY',
  type: 'LIMIT',
  timeInForce: 'GTC',
  quantity: '0.010',
  price: '95000',
  newClientOrderId: 'ws-1',
};

function restBody(t: TestExchange, request: Parameters<TestExchange['exchange']['handle']>[0]): unknown {
  return parseJson(t.exchange.handle(request).body);
}

describe('WebSocket API', () => {
  test('default: order.place, order.status and order.cancel with HMAC, answered like REST and journaled', async () => {
    const api = await start();
    const placed = await api.signed('order.place', ORDER, 'e2a85d9f-07a5-4f94-8d5f-789dc3deb097');
    expect(placed).toMatchObject({
      id: 'e2a85d9f-07a5-4f94-8d5f-789dc3deb097',
      status: 200,
      result: {
        symbol: 'BTCUSDT',
        status: 'NEW',
        clientOrderId: 'ws-1',
        price: '95000.00',
        origQty: '0.010',
      },
    });
    expect(placed.rateLimits).toEqual([
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400, count: 5 },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300, count: 1 },
      { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200, count: 1 },
    ]);
    const orderId = placed.result!.orderId as number;
    const status = await api.signed('order.status', { symbol: 'BTCUSDT', orderId }, 7);
    const rest = restBody(
      api.t,
      signedRequest('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId }, api.t.exchange.defaultAccount!, {
        timestamp: api.clock.now(),
      }),
    );
    expect(status).toMatchObject({ id: 7, status: 200 });
    expect(status.result).toEqual(rest);
    const modified = await api.signed('order.modify', {
      symbol: 'BTCUSDT',
      orderId,
      side: 'BUY',
      quantity: '0.020',
      price: '94000',
    });
    expect(modified.result).toMatchObject({ price: '94000.00', origQty: '0.020' });
    const canceled = await api.signed('order.cancel', { symbol: 'BTCUSDT', origClientOrderId: 'ws-1' });
    expect(canceled.result).toMatchObject({ orderId, status: 'CANCELED' });
    // Journaled as REST journals: endpoint name, account, the endpoint's params (no apiKey, no signature).
    expect(api.t.commands.map((c) => c.endpoint)).toEqual(['newOrder', 'modifyOrder', 'cancelOrder']);
    const first = api.t.commands[0]!;
    expect(first).toMatchObject({ time: T0, accountId: api.t.exchange.defaultAccount!.accountId });
    expect(first.params).toMatchObject({ symbol: 'BTCUSDT', quantity: '0.010', timestamp: String(T0) });
    expect(Object.keys(first.params)).not.toContain('signature');
    expect(Object.keys(first.params)).not.toContain('apiKey');
  });

  test('behavior: market data, account, algo and listen-key methods map onto the REST endpoints', async () => {
    const api = await start();
    const creds = api.t.exchange.defaultAccount!;
    const at = { timestamp: api.clock.now() };
    const depth = await api.call('depth', { symbol: 'BTCUSDT', limit: 5 });
    expect(depth.result).toEqual(
      restBody(api.t, publicRequest('GET', '/fapi/v1/depth', { symbol: 'BTCUSDT', limit: 5 })),
    );
    const price = await api.call('ticker.price', { symbol: 'ETHUSDT' });
    expect(price.result).toEqual(
      restBody(api.t, publicRequest('GET', '/fapi/v2/ticker/price', { symbol: 'ETHUSDT' })),
    );
    const books = await api.call('ticker.book');
    expect(books.result).toHaveLength(api.t.exchange.venue.markets.size);
    for (const [method, path] of [
      ['account.status', '/fapi/v2/account'],
      ['v2/account.status', '/fapi/v3/account'],
      ['account.balance', '/fapi/v2/balance'],
      ['v2/account.balance', '/fapi/v3/balance'],
      ['account.position', '/fapi/v2/positionRisk'],
      ['v2/account.position', '/fapi/v3/positionRisk'],
    ] as const) {
      const response = await api.signed(method, {});
      expect(response.status, method).toBe(200);
      expect(response.result, method).toEqual(restBody(api.t, signedRequest('GET', path, {}, creds, at)));
    }
    const algo = await api.signed('algoOrder.place', {
      algoType: 'CONDITIONAL',
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '0.002',
      triggerPrice: '90000',
      clientAlgoId: 'stop-1',
    });
    expect(algo.result).toMatchObject({ clientAlgoId: 'stop-1', algoStatus: 'NEW' });
    const algoCanceled = await api.signed('algoOrder.cancel', { clientAlgoId: 'stop-1' });
    expect(algoCanceled.result).toMatchObject({ clientAlgoId: 'stop-1', code: '200', msg: 'success' });
    const started = await api.call('userDataStream.start', { apiKey: creds.apiKey });
    const listenKey = (started.result as unknown as { listenKey: string }).listenKey;
    expect(listenKey).toHaveLength(64);
    expect((await api.call('userDataStream.ping', { apiKey: creds.apiKey })).result).toEqual({ listenKey });
    expect((await api.call('userDataStream.stop', { apiKey: creds.apiKey })).result).toEqual({});
    expect(api.t.exchange.venue.listenKeys.keyOf(creds.accountId, api.clock.now())).toBeUndefined();
    expect(api.t.commands.map((c) => c.endpoint)).toEqual([
      'newAlgoOrder',
      'cancelAlgoOrder',
      'startUserDataStream',
      'keepaliveUserDataStream',
      'closeUserDataStream',
    ]);
  });

  test('behavior: session.logon with an Ed25519 key; then requests need no apiKey or signature', async () => {
    const api = await start();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const issued = api.t.exchange.admin({
      kind: 'addKey',
      accountId: api.t.exchange.defaultAccount!.accountId,
      key: { type: 'ED25519', publicKey: pem },
    });
    if (issued.kind !== 'key') throw new Error('no key');
    const apiKey = issued.key.apiKey;
    const logonParams: Record<string, unknown> = { apiKey, timestamp: api.clock.now() };
    logonParams.signature = signEd25519Base64(privateKey, wsApiSigningPayload(logonParams as SigningParams));
    expect((await api.call('session.status')).result).toMatchObject({ apiKey: null, authorizedSince: null });
    const logon = await api.call('session.logon', logonParams);
    expect(logon).toMatchObject({
      status: 200,
      result: { apiKey, authorizedSince: T0, connectedSince: T0, returnRateLimits: true, serverTime: T0 },
    });
    expect((await api.call('session.status')).result).toMatchObject({ apiKey, authorizedSince: T0 });
    const placed = await api.call('order.place', { ...ORDER, timestamp: api.clock.now() });
    expect(placed).toMatchObject({ status: 200, result: { clientOrderId: 'ws-1' } });
    // A stale timestamp is still refused on a session.
    api.clock.advance(10_000);
    expect(
      (await api.call('order.status', { symbol: 'BTCUSDT', origClientOrderId: 'ws-1', timestamp: T0 })).error,
    ).toEqual({
      code: -1021,
      msg: 'Timestamp for this request is outside of the recvWindow.',
    });
    // An Ed25519-signed request with an explicit key works without the session too.
    const explicit: Record<string, unknown> = {
      symbol: 'BTCUSDT',
      origClientOrderId: 'ws-1',
      apiKey,
      timestamp: api.clock.now(),
    };
    explicit.signature = signEd25519Base64(privateKey, wsApiSigningPayload(explicit as SigningParams));
    expect((await api.call('order.status', explicit)).status).toBe(200);
    expect((await api.call('session.logout')).result).toMatchObject({ apiKey: null, authorizedSince: null });
    const after = await api.call('order.status', {
      symbol: 'BTCUSDT',
      origClientOrderId: 'ws-1',
      timestamp: api.clock.now(),
    });
    expect(after.error).toEqual({ code: -2014, msg: 'API-key format invalid.' });
    // HMAC keys cannot log a session on.
    const hmac = api.t.exchange.defaultAccount!;
    const hmacLogon: Record<string, unknown> = { apiKey: hmac.apiKey, timestamp: api.clock.now() };
    hmacLogon.signature = hmacSha256Hex(hmac.apiSecret, wsApiSigningPayload(hmacLogon as SigningParams));
    expect((await api.call('session.logon', hmacLogon)).error).toEqual({
      code: -4056,
      msg: 'Invalid api key type.',
    });
  });

  test('behavior: RSA signatures, and payloads signed with or without percent-encoded values', async () => {
    const api = await start();
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const issued = api.t.exchange.admin({
      kind: 'addKey',
      accountId: api.t.exchange.defaultAccount!.accountId,
      key: { type: 'RSA', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    });
    if (issued.kind !== 'key') throw new Error('no key');
    const rsa: Record<string, unknown> = {
      ...ORDER,
      newClientOrderId: 'rsa:1/a',
      apiKey: issued.key.apiKey,
      timestamp: api.clock.now(),
    };
    rsa.signature = signRsaBase64(privateKey, wsApiSigningPayload(rsa as SigningParams));
    expect(await api.call('order.place', rsa)).toMatchObject({
      status: 200,
      result: { clientOrderId: 'rsa:1/a' },
    });
    // The connectors sign percent-encoded values (`rsa%3A1%2Fa`); Binance's docs print them plain.
    const creds = api.t.exchange.defaultAccount!;
    const plain: Record<string, unknown> = {
      symbol: 'BTCUSDT',
      origClientOrderId: 'rsa:1/a',
      apiKey: creds.apiKey,
      timestamp: api.clock.now(),
    };
    const payload = Object.keys(plain)
      .sort()
      .map((k) => `${k}=${String(plain[k])}`)
      .join('&');
    expect(payload).toContain('origClientOrderId=rsa:1/a');
    plain.signature = hmacSha256Hex(creds.apiSecret, payload);
    expect(await api.call('order.status', plain)).toMatchObject({
      status: 200,
      result: { clientOrderId: 'rsa:1/a' },
    });
  });

  test("behavior: REST's validation and error codes, and the envelope's own errors", async () => {
    const api = await start();
    const creds = api.t.exchange.defaultAccount!;
    const missing = await api.signed('order.place', {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '95000',
      timeInForce: 'GTC',
    });
    const restMissing = restBody(
      api.t,
      signedRequest(
        'POST',
        '/fapi/v1/order',
        { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', price: '95000', timeInForce: 'GTC' },
        creds,
        {
          timestamp: api.clock.now(),
        },
      ),
    );
    expect(missing).toMatchObject({ status: 400, error: restMissing });
    const tampered: Record<string, unknown> = { ...ORDER, apiKey: creds.apiKey, timestamp: api.clock.now() };
    tampered.signature = hmacSha256Hex(creds.apiSecret, wsApiSigningPayload(tampered as SigningParams));
    tampered.quantity = '1.000';
    expect((await api.call('order.place', tampered)).error).toEqual({
      code: -1022,
      msg: 'Signature for this request is not valid.',
    });
    expect((await api.call('order.place', { ...ORDER, apiKey: creds.apiKey })).error).toMatchObject({
      code: -1102,
    });
    expect((await api.call('order.place', ORDER)).error).toMatchObject({ code: -2014 });
    expect(await api.call('order.teleport', {}, 'x')).toMatchObject({
      id: 'x',
      status: 400,
      error: { code: -1020 },
    });
    expect(await api.call('', {}, 'y')).toMatchObject({ id: 'y', status: 400, error: { code: -1102 } });
    api.client.send('{"id":1,');
    expect(await api.client.take()).toMatchObject({ id: null, status: 400, error: { code: -1130 } });
    api.client.send('{"id":9,"method":"depth","params":["BTCUSDT"]}');
    expect(await api.client.take()).toMatchObject({ id: 9, status: 400, error: { code: -1130 } });
    // Ids are echoed verbatim, an integer above 2^53 included.
    api.client.send('{"id":12345678901234567890,"method":"ticker.price","params":{"symbol":"BTCUSDT"}}');
    const big = await api.client.take((m) => isRecord(m) && typeof m.id === 'bigint');
    expect((big as Response).id).toBe(12345678901234567890n);
    expect((await api.call('ticker.price', { symbol: 'BTCUSDT' }, null)).status).toBe(200);
  });

  test('behavior: returnRateLimits from the URL, overridden per request', async () => {
    const api = await start('?returnRateLimits=false');
    const hidden = await api.call('ticker.price', { symbol: 'BTCUSDT' });
    expect(hidden).not.toHaveProperty('rateLimits');
    const shown = await api.call('ticker.price', { symbol: 'BTCUSDT', returnRateLimits: true });
    expect(shown.rateLimits).toEqual([
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400, count: 5 + 1 + 1 },
    ]);
    const signedHidden = await api.signed('order.place', { ...ORDER, returnRateLimits: false });
    expect(signedHidden.status).toBe(200);
    expect(signedHidden).not.toHaveProperty('rateLimits');
    expect((await api.call('session.status')).result).toMatchObject({ returnRateLimits: false });
  });

  test('behavior: request weight is shared with REST; over the limit is 429, then a ban and 418', async () => {
    const api = await start();
    const limiter = api.t.exchange.rest.rateLimiter;
    // The handshake cost 5; REST's header counts it, and the WebSocket API counts REST's requests.
    const restResponse = api.t.exchange.handle(
      publicRequest('GET', '/fapi/v1/ticker/price', { symbol: 'BTCUSDT' }),
    );
    expect(restResponse.headers['x-mbx-used-weight-1m']).toBe('6');
    expect((await api.call('ticker.price', { symbol: 'BTCUSDT' })).rateLimits![0]!.count).toBe(7);
    limiter.configure({ requestWeightPerMinute: 10 });
    const responses: Response[] = [];
    for (let i = 0; i < 16; i++) responses.push(await api.call('ticker.price', { symbol: 'BTCUSDT' }));
    expect(responses.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(responses[3]).toMatchObject({ status: 429, error: { code: -1003 } });
    expect(responses.at(-1)).toMatchObject({ status: 418, error: { code: -1003 } });
    expect((await TestClient.refusal(`${api.t.wsUrl}/ws-fapi/v1`)).status).toBe(418);
    limiter.unban('127.0.0.1');
    limiter.configure({ requestWeightPerMinute: 2400 });
    api.clock.advance(60_000);
    limiter.configure({ ordersPer10Seconds: 1 });
    expect((await api.signed('order.place', ORDER)).status).toBe(200);
    const refused = await api.signed('order.place', { ...ORDER, newClientOrderId: 'ws-2' });
    expect(refused).toMatchObject({
      status: 429,
      error: { code: -1015, msg: 'Too many new orders; current limit is 1 orders per 10 SECOND.' },
    });
    expect(refused.rateLimits?.[1]).toMatchObject({ rateLimitType: 'ORDERS', count: 1, limit: 1 });
  });
});
