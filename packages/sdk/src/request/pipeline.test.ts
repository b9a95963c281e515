import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ClientConfig, type ClientCredentials, createClient } from '../clients/createClient.js';
import {
  ApiKeyError,
  InsufficientMarginError,
  InvalidRequestError,
  InvalidSignatureError,
  InvalidTimestampError,
  ServerError,
} from '../errors/api.js';
import { ClientClosedError, MissingCredentialsError, UnknownOutcomeError } from '../errors/request.js';
import { ConnectionRefusedError, TimeoutError } from '../errors/transport.js';
import { skewedClock } from '../testing/clocks.js';
import { closedPortUrl, serveHandler } from '../testing/servers.js';
import { type InProcessHandler, type InProcessRequest, inProcess } from '../transports/inProcess.js';
import type { ClientEvent } from './events.js';
import type { RequestCall } from './types.js';

let exchange: Exchange;
let restUrl: string;
let hmac: { apiKey: string; apiSecret: string };
let ed25519: { apiKey: string; privateKey: string };
let rsa: { apiKey: string; privateKey: string };

beforeAll(async () => {
  exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 }, rateLimits: { enabled: false } });
  ({ restUrl } = await exchange.listen());
  const created = (keys: Parameters<Exchange['admin']>[0]) => {
    const result = exchange.admin(keys);
    if (result.kind !== 'account') throw new Error('expected an account');
    return result.keys[0]!;
  };
  const h = created({ kind: 'createAccount', balances: { USDT: '1000' } });
  hmac = { apiKey: h.apiKey, apiSecret: h.apiSecret! };
  /** An account whose key is a new `type` pair: the exchange holds the public half, we sign with the private. */
  const withKeyPair = (type: 'ED25519' | 'RSA') => {
    const { publicKey, privateKey } =
      type === 'ED25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = created({
      kind: 'createAccount',
      balances: { USDT: '1000' },
      keys: [{ type, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
    });
    return { apiKey: key.apiKey, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  };
  ed25519 = withKeyPair('ED25519');
  rsa = withKeyPair('RSA');
});

afterAll(async () => {
  await exchange.close();
});

const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** Records what reaches the exchange, and lets a test answer some requests itself. */
function recorder(
  override?: (request: InProcessRequest, n: number) => ReturnType<InProcessHandler['handle']> | undefined,
) {
  const seen: InProcessRequest[] = [];
  const handler: InProcessHandler = {
    handle(request) {
      seen.push(request);
      return override?.(request, seen.length) ?? exchange.handle(request);
    },
  };
  return { seen, handler };
}

const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A client of the exchange over loopback HTTP or in process; a recording handler is served over HTTP too. */
async function client(
  via: 'http' | 'inProcess',
  credentials?: ClientCredentials,
  extra: Partial<ClientConfig> & { handler?: InProcessHandler } = {},
) {
  const { handler, ...rest } = extra;
  let baseUrl = restUrl;
  if (via === 'http' && handler !== undefined) {
    const server = await serveHandler(handler);
    servers.push(server);
    baseUrl = server.url;
  }
  const config: ClientConfig = {
    env: 'local',
    ...(credentials === undefined ? {} : { credentials }),
    ...(via === 'http' ? { baseUrl } : { transport: inProcess({ handler: handler ?? exchange }) }),
    random: () => 0,
    ...rest,
  };
  const c = createClient(config);
  clients.push(c);
  return c;
}

/** A client of a port nothing listens on (HTTP), closed after the test. */
async function closedPortClient(extra: Partial<ClientConfig>) {
  const c = createClient({ env: 'local', baseUrl: await closedPortUrl(), ...extra });
  clients.push(c);
  return c;
}

/** An answer a recorder's override gives in the exchange's place. */
const reply = (status: number, body: string) => ({ status, headers: {}, body });
/** 503 -1001: the venue is busy, retryable for reads and idempotent writes. */
const busy = reply(
  503,
  '{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}',
);
/** 400 -1021: the request's timestamp is outside recvWindow. */
const stale = reply(400, '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}');

const account: RequestCall = {
  method: 'GET',
  path: '/fapi/v3/account',
  security: 'USER_DATA',
  weight: 5,
  kind: 'read',
};
const time: RequestCall = { method: 'GET', path: '/fapi/v1/time', security: 'NONE', weight: 1, kind: 'read' };
const order = (params: Record<string, string>): RequestCall => ({
  method: 'POST',
  path: '/fapi/v1/order',
  security: 'TRADE',
  weight: 0,
  orders: { tenSeconds: 1, minute: 1 },
  kind: 'order',
  params,
});

/** A BTCUSDT MARKET buy of 0.002 (`extra` overrides or adds parameters in place). */
const marketBuy = (extra: Record<string, string> = {}) =>
  order({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002', ...extra });
/** A BTCUSDT GTC LIMIT buy of 0.002 at 50000 (`extra` as for marketBuy). */
const limitBuy = (extra: Record<string, string> = {}) =>
  order({
    symbol: 'BTCUSDT',
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '0.002',
    price: '50000',
    ...extra,
  });

/**
 * A signed client whose local clock the test can move (`clock.skewMs`), after a first signed call
 * has synchronised it with `samples` samples.
 */
async function syncedWithMovableClock(samples: number, extra: Partial<ClientConfig> = {}) {
  const clock = skewedClock(0);
  const { seen, handler } = recorder();
  const c = await client('inProcess', hmac, {
    handler,
    clock,
    timeSync: { samples, intervalMs: false },
    ...extra,
  });
  await c.request(account);
  return { c, clock, seen };
}

/** Everything a user, a logger or a crash report may print of an error. */
const printed = (error: unknown) =>
  [
    String((error as Error).message),
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ].join('\n');

const signatureOf = (request: InProcessRequest) =>
  decodeURIComponent(/signature=([^&]+)/.exec(`${request.rawQuery}&${request.rawBody}`)?.[1] ?? '');

describe.each(['http', 'inProcess'] as const)('request pipeline over %s', (via) => {
  test('default: a public call needs no credentials and parses the body', async () => {
    const c = await client(via);
    expect(await c.request(time)).toEqual({ serverTime: expect.any(Number) });
  });

  test.each([
    ['HMAC', () => hmac],
    ['ED25519', () => ed25519],
    ['RSA', () => rsa],
  ] as const)('behavior: signs with %s keys', async (keyType, credentials) => {
    const c = await client(via, credentials());
    expect(c.keyType).toBe(keyType);
    const result = await c.request<{ assets: { asset: string; walletBalance: string }[] }>(account);
    expect(result.assets).toEqual(
      expect.arrayContaining([expect.objectContaining({ asset: 'USDT', walletBalance: '1000.00000000' })]),
    );
  });

  test('behavior: -2019, -1121, -1022, -2015 become typed errors without secrets', async () => {
    const { seen, handler } = recorder();
    const withKey = await client(via, hmac, { handler });
    const margin = await withKey.request(marketBuy({ quantity: '50' })).catch((e: unknown) => e);
    expect(margin).toBeInstanceOf(InsufficientMarginError);
    expect(margin).toMatchObject({ code: -2019, status: 400, method: 'POST', path: '/fapi/v1/order' });

    const symbol = await withKey
      .request({ ...account, path: '/fapi/v3/positionRisk', params: { symbol: 'NOPEUSDT' } })
      .catch((e: unknown) => e);
    expect(symbol).toBeInstanceOf(InvalidRequestError);
    expect(symbol).toMatchObject({ code: -1121, msg: 'Invalid symbol.' });

    const wrongSecret = await client(via, { apiKey: hmac.apiKey, apiSecret: 'f'.repeat(64) }, { handler });
    const signature = await wrongSecret.request(account).catch((e: unknown) => e);
    expect(signature).toBeInstanceOf(InvalidSignatureError);
    expect(signature).toMatchObject({ code: -1022 });

    const unknownKey = { apiKey: 'A'.repeat(64), apiSecret: 's3cr3t-value-of-some-length' };
    const key = await (await client(via, unknownKey, { handler })).request(account).catch((e: unknown) => e);
    expect(key).toBeInstanceOf(ApiKeyError);
    expect(key).toMatchObject({ code: -2015, status: 401 });

    const signatures = seen.map(signatureOf).filter((s) => s !== '');
    expect(signatures.length).toBeGreaterThanOrEqual(3);
    for (const error of [margin, symbol, signature, key]) {
      const text = printed(error);
      for (const secret of [
        hmac.apiKey,
        hmac.apiSecret,
        unknownKey.apiKey,
        unknownKey.apiSecret,
        ...signatures,
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/timestamp=\d+&signature/);
    }
  });
});

describe('request pipeline', () => {
  test('behavior: GET and DELETE carry parameters in the query, POST and PUT in a form body; signature last', async () => {
    const { seen, handler } = recorder();
    const c = await client('inProcess', hmac, { handler, recvWindow: 7000 });
    await c.request({
      ...account,
      path: '/fapi/v3/positionRisk',
      params: { symbol: 'BTCUSDT', timestamp: 1, signature: 'x' },
    });
    await c.request(limitBuy());
    const [get, post] = seen.filter((request) => request.path !== '/fapi/v1/time');
    expect(get?.rawBody).toBe('');
    expect(get?.rawQuery).toMatch(/^symbol=BTCUSDT&recvWindow=7000&timestamp=\d+&signature=[0-9a-f]{64}$/);
    expect(get?.headers['x-mbx-apikey']).toBe(hmac.apiKey);
    expect(post?.rawQuery).toBe('');
    expect(post?.rawBody).toMatch(
      /^symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0\.002&price=50000&recvWindow=7000&timestamp=\d+&signature=[0-9a-f]{64}$/,
    );
    expect(post?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // An action's recvWindow parameter is honoured, once, in the pipeline's place.
    await c.request({ ...account, params: { recvWindow: 6000 } });
    expect(seen.at(-1)?.rawQuery).toMatch(/^recvWindow=6000&timestamp=\d+&signature=[0-9a-f]{64}$/);
  });

  test('behavior: the first signed call synchronises the clock once; public calls do not', async () => {
    const { seen, handler } = recorder();
    const c = await client('inProcess', hmac, { handler, timeSync: { samples: 3, intervalMs: false } });
    await c.request(time);
    expect(seen.map((r) => r.path)).toEqual(['/fapi/v1/time']);
    await c.request(account);
    await c.request(account);
    expect(seen.map((r) => r.path)).toEqual([
      '/fapi/v1/time',
      '/fapi/v1/time',
      '/fapi/v1/time',
      '/fapi/v1/time',
      '/fapi/v3/account',
      '/fapi/v3/account',
    ]);
  });

  test('behavior: calls that need a key fail fast without one; a closed client refuses', async () => {
    const c = await client('inProcess');
    await expect(c.request(account)).rejects.toBeInstanceOf(MissingCredentialsError);
    await expect(c.request({ ...time, security: 'MARKET_DATA' })).rejects.toBeInstanceOf(
      MissingCredentialsError,
    );
    await c.close();
    await expect(c.request(time)).rejects.toBeInstanceOf(ClientClosedError);
  });

  test('behavior: a read is retried on 503 -1001 with backoff, then succeeds', async () => {
    const { seen, handler } = recorder((_request, n) => (n <= 2 ? busy : undefined));
    const events: ClientEvent[] = [];
    const c = await client('inProcess', undefined, { handler, onEvent: (event) => events.push(event) });
    expect(await c.request(time)).toEqual({ serverTime: expect.any(Number) });
    expect(seen).toHaveLength(3);
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      { type: 'retry', method: 'GET', path: '/fapi/v1/time', attempt: 1, delayMs: 0, reason: 'ServerError' },
      { type: 'retry', method: 'GET', path: '/fapi/v1/time', attempt: 2, delayMs: 0, reason: 'ServerError' },
    ]);
  });

  test('behavior: retries are bounded; the last error is thrown', async () => {
    const { seen, handler } = recorder(() => reply(502, '<html>Bad Gateway</html>'));
    const c = await client('inProcess', undefined, { handler, retry: { attempts: 4 } });
    await expect(c.request(time)).rejects.toMatchObject({ name: 'HttpResponseError', status: 502 });
    expect(seen).toHaveLength(4);
  });

  test('behavior: a read against a closed port is retried, then a ConnectionRefusedError', async () => {
    const events: ClientEvent[] = [];
    const c = await closedPortClient({ random: () => 0, onEvent: (e) => events.push(e) });
    await expect(c.request(time)).rejects.toBeInstanceOf(ConnectionRefusedError);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  test('behavior: an idempotent write is retried; a plain write is not', async () => {
    const leverage: RequestCall = {
      method: 'POST',
      path: '/fapi/v1/leverage',
      params: { symbol: 'BTCUSDT', leverage: 10 },
      security: 'TRADE',
      weight: 1,
      kind: 'write',
      idempotent: true,
    };
    const once = recorder((_request, n) => (n === 1 ? busy : undefined));
    const c = await client('inProcess', hmac, { handler: once.handler, timeSync: false });
    expect(await c.request(leverage)).toMatchObject({ leverage: 10, symbol: 'BTCUSDT' });
    expect(once.seen).toHaveLength(2);

    const plain = recorder(() => busy);
    const d = await client('inProcess', hmac, { handler: plain.handler, timeSync: false });
    await expect(d.request({ ...leverage, idempotent: false })).rejects.toBeInstanceOf(ServerError);
    expect(plain.seen).toHaveLength(1);
  });

  test('behavior: an order is never retried; an unknown outcome is an UnknownOutcomeError with what was sent', async () => {
    const unknown = reply(503, 'Unknown error, please check your request or try again later.');
    const { seen, handler } = recorder((request) =>
      request.path === '/fapi/v1/order' ? unknown : undefined,
    );
    const c = await client('inProcess', hmac, { handler, timeSync: false });
    const error = await c.request(marketBuy({ newClientOrderId: 'basis-42' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error).toMatchObject({
      clientOrderId: 'basis-42',
      request: {
        method: 'POST',
        path: '/fapi/v1/order',
        kind: 'order',
        params: {
          symbol: 'BTCUSDT',
          side: 'BUY',
          type: 'MARKET',
          quantity: '0.002',
          newClientOrderId: 'basis-42',
        },
        timestamp: expect.any(Number),
      },
    });
    expect((error as Error).cause).toMatchObject({ name: 'HttpResponseError', status: 503 });
    expect(seen.filter((r) => r.path === '/fapi/v1/order')).toHaveLength(1);
    expect(printed(error)).not.toContain(signatureOf(seen[0]!));
  });

  test('behavior: an order that times out is an UnknownOutcomeError (cause TimeoutError), sent once', async () => {
    const { seen, handler } = recorder((request) =>
      request.path === '/fapi/v1/order' ? new Promise(() => {}) : undefined,
    );
    const c = await client('inProcess', hmac, { handler, timeSync: false, timeoutMs: 100 });
    const error = await c.request(marketBuy()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
  });

  test('behavior: an order refused before sending is that error, not an unknown outcome', async () => {
    const c = await closedPortClient({ credentials: hmac, timeSync: false });
    const error = await c.request(marketBuy()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionRefusedError);
  });

  test('behavior: -1021 resynchronises the clock and retries a read once', async () => {
    const events: ClientEvent[] = [];
    const { c, clock, seen } = await syncedWithMovableClock(2, { onEvent: (e) => events.push(e) });
    expect(Math.abs(c.time.offset())).toBeLessThan(1000);
    // The local clock falls 30 s behind after the sync: the next timestamp is outside recvWindow.
    clock.skewMs = -30_000;
    const before = seen.length;
    await c.request(account);
    const after = seen.slice(before).map((r) => r.path);
    expect(after).toEqual(['/fapi/v3/account', '/fapi/v1/time', '/fapi/v1/time', '/fapi/v3/account']);
    expect(Math.abs(c.time.offset() - 30_000)).toBeLessThan(1000);
    expect(events.find((e) => e.type === 'clockResync')).toMatchObject({ path: '/fapi/v3/account' });
  });

  test('behavior: -1021 on an order: resync and resend once; it is placed exactly once', async () => {
    const { c, clock, seen } = await syncedWithMovableClock(1);
    clock.skewMs = 45_000; // now 45 s ahead: "1000ms ahead of the server's time"
    const placed = await c.request<{ clientOrderId: string; status: string }>(
      limitBuy({ newClientOrderId: 'resync-1' }),
    );
    expect(placed).toMatchObject({ clientOrderId: 'resync-1', status: 'NEW' });
    expect(seen.filter((r) => r.path === '/fapi/v1/order')).toHaveLength(2);
    const open = await c.request<{ clientOrderId: string }[]>({
      ...account,
      path: '/fapi/v1/openOrders',
      params: { symbol: 'BTCUSDT' },
      weight: 1,
    });
    expect(open.filter((o) => o.clientOrderId === 'resync-1')).toHaveLength(1);
  });

  test('behavior: a second -1021 after the resync is an InvalidTimestampError; no third attempt', async () => {
    const { seen, handler } = recorder((request) =>
      request.path === '/fapi/v3/account' ? stale : undefined,
    );
    const c = await client('inProcess', hmac, { handler, timeSync: { samples: 1, intervalMs: false } });
    const error = await c.request(account).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTimestampError);
    expect((error as Error).message).toContain('Estimated server clock offset');
    expect(seen.filter((r) => r.path === '/fapi/v3/account')).toHaveLength(2);
  });

  test('behavior: with timeSync false, a -1021 is thrown as is', async () => {
    const { seen, handler } = recorder(() => stale);
    const c = await client('inProcess', hmac, { handler, timeSync: false });
    await expect(c.request(account)).rejects.toBeInstanceOf(InvalidTimestampError);
    expect(seen).toHaveLength(1);
  });

  test('behavior: a large id survives parsing', async () => {
    const { handler } = recorder(() => reply(200, '{"orderId":1152921504606846977}'));
    const c = await client('inProcess', undefined, { handler });
    expect(await c.request(time)).toEqual({ orderId: 1152921504606846977n });
  });

  test('behavior: a 2xx body that is not JSON is an InvalidResponseError', async () => {
    const { handler } = recorder(() => reply(200, '<html>captive portal</html>'));
    const c = await client('inProcess', undefined, { handler, retry: { attempts: 1 } });
    await expect(c.request(time)).rejects.toMatchObject({ name: 'InvalidResponseError', status: 200 });
  });
});
