import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Decimal, hmacSha256Hex, signEd25519Base64, signRsaBase64 } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { type ApiError, apiError } from '../api/apiError.js';
import { defineEndpoint, type RequestContext, type RouteTable } from '../api/endpoint.js';
import type { RawParams } from '../api/params.js';
import { Venue } from '../venue/venue.js';
import { type CommandEntry, createRestHandler, type RestRequest, type RestResponse } from './handler.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rateLimit.js';

// 12:00:30 UTC: mid-minute, mid-10-second window.
const T0 = Date.UTC(2026, 0, 5, 12, 0, 30);

function pemPair(keys: { publicKey: KeyObject; privateKey: KeyObject }) {
  return {
    publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
const ed25519 = pemPair(generateKeyPairSync('ed25519'));
const rsa = pemPair(generateKeyPairSync('rsa', { modulusLength: 2048 }));

/** What each test endpoint saw, for assertions. */
interface Seen {
  readonly endpoint: string;
  readonly context: RequestContext;
  readonly params: RawParams;
}

function testRoutes(seen: Seen[]): RouteTable {
  const echo = (endpoint: string) => (_venue: Venue, context: RequestContext, params: RawParams) => {
    seen.push({ endpoint, context, params });
    return { accountId: context.account?.id ?? null, params: { ...params } };
  };
  return {
    'GET /t/public': defineEndpoint({
      name: 'public',
      security: 'NONE',
      weight: 1,
      command: false,
      handle: echo('public'),
    }),
    'POST /t/public': defineEndpoint({
      name: 'publicPost',
      security: 'NONE',
      weight: 1,
      command: false,
      handle: echo('publicPost'),
    }),
    'GET /t/weighted': defineEndpoint({
      name: 'weighted',
      security: 'NONE',
      weight: (params) => (params.symbol === undefined ? 40 : 1),
      command: false,
      handle: echo('weighted'),
    }),
    'GET /t/marketData': defineEndpoint({
      name: 'marketData',
      security: 'MARKET_DATA',
      weight: 20,
      command: false,
      handle: echo('marketData'),
    }),
    'POST /t/listenKey': defineEndpoint({
      name: 'listenKey',
      security: 'USER_STREAM',
      weight: 1,
      command: false,
      handle: echo('listenKey'),
    }),
    'GET /t/account': defineEndpoint({
      name: 'account',
      security: 'USER_DATA',
      weight: 5,
      command: false,
      handle: echo('account'),
    }),
    'POST /t/order': defineEndpoint({
      name: 'order',
      security: 'TRADE',
      weight: 0,
      orders: { tenSeconds: 1, minute: 1 },
      command: true,
      handle(venue, context, params) {
        seen.push({ endpoint: 'order', context, params });
        if (params.fail === 'api') throw apiError(-2019);
        if (params.fail === 'crash') throw new Error(`boom with secret ${params.secret ?? ''}`);
        if (params.fail === 'eventThenApi' && context.account !== undefined) {
          venue.transfer(context.account, 'USDT', Decimal.parse('1'), 'DEPOSIT');
          throw apiError(-2019);
        }
        if (params.deposit !== undefined && context.account !== undefined)
          venue.transfer(context.account, 'USDT', Decimal.parse(params.deposit), 'DEPOSIT');
        return { orderId: 2n ** 60n, symbol: params.symbol ?? '' };
      },
    }),
    'DELETE /t/order': defineEndpoint({
      name: 'cancel',
      security: 'TRADE',
      weight: 1,
      command: true,
      handle: echo('cancel'),
    }),
    'POST /t/batch': defineEndpoint({
      name: 'batch',
      security: 'TRADE',
      weight: 5,
      orders: { tenSeconds: 5, minute: 1 },
      command: true,
      handle: echo('batch'),
    }),
    // The mixed query+body vector of reference §2.3 is signed for this path.
    'POST /fapi/v1/order': defineEndpoint({
      name: 'newOrder',
      security: 'TRADE',
      weight: 0,
      command: true,
      handle: echo('newOrder'),
    }),
  };
}

interface SetupOptions {
  readonly startTime?: number;
  readonly rateLimits?: Partial<RateLimitConfig>;
  readonly recvWindowMax?: number;
  readonly onCommand?: (entry: CommandEntry) => void;
  readonly translateError?: (error: ApiError) => ApiError;
}

function setup(options: SetupOptions = {}) {
  let time = options.startTime ?? T0;
  // No synthetic market: these tests script every request, and time jumps stay cheap.
  const venue = new Venue({ startTime: time, seed: 1, marketData: 'none' });
  const account = venue.createAccount({ balances: { USDT: '10000' } });
  const hmac = venue.addApiKey(account, { type: 'HMAC' });
  const readOnly = venue.addApiKey(account, { type: 'HMAC', permissions: { read: true, trade: false } });
  const ed = venue.addApiKey(account, { type: 'ED25519', publicKey: ed25519.publicKey });
  const rsaKey = venue.addApiKey(account, { type: 'RSA', publicKey: rsa.publicKey });
  const seen: Seen[] = [];
  const commands: CommandEntry[] = [];
  const internalErrors: unknown[] = [];
  const handler = createRestHandler({
    venue,
    routes: testRoutes(seen),
    now: () => time,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    onCommand: options.onCommand ?? ((entry) => commands.push(entry)),
    onInternalError: (error) => internalErrors.push(error),
    ...(options.recvWindowMax === undefined ? {} : { recvWindowMax: options.recvWindowMax }),
    ...(options.translateError === undefined ? {} : { translateError: options.translateError }),
  });
  if (hmac.type !== 'HMAC' || readOnly.type !== 'HMAC') throw new Error('expected HMAC keys');
  return {
    venue,
    account,
    hmac,
    readOnly,
    ed,
    rsaKey,
    seen,
    commands,
    internalErrors,
    handler,
    get now() {
      return time;
    },
    advance(ms: number) {
      time += ms;
    },
    /** A request as the server would hand it over. */
    send(
      method: string,
      target: string,
      init: { body?: string; headers?: Record<string, string>; ip?: string } = {},
    ): RestResponse {
      const q = target.indexOf('?');
      const request: RestRequest = {
        method,
        path: q === -1 ? target : target.slice(0, q),
        rawQuery: q === -1 ? '' : target.slice(q + 1),
        rawBody: init.body ?? '',
        headers: init.headers ?? {},
        clientIp: init.ip ?? '10.0.0.1',
      };
      return handler.handle(request);
    },
  };
}

type Setup = ReturnType<typeof setup>;

/** `query&signature=…` signed with the HMAC key, as the `binance` package sends everything. */
function signedQuery(s: Setup, query: string, secret = s.hmac.secret): string {
  return `${query}&signature=${hmacSha256Hex(secret, query)}`;
}

function keyHeader(apiKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-mbx-apikey': apiKey, ...extra };
}

function bodyOf(response: RestResponse): unknown {
  return JSON.parse(response.body);
}

describe('createRestHandler', () => {
  test('default', () => {
    const s = setup();
    const query = `symbol=BTCUSDT&side=BUY&timestamp=${s.now}`;
    const response = s.send('POST', `/t/order?${signedQuery(s, query)}`, {
      headers: keyHeader(s.hmac.apiKey, { 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(response).toEqual({
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-mbx-used-weight-1m': '0',
        'x-mbx-order-count-10s': '1',
        'x-mbx-order-count-1m': '1',
      },
      body: '{"orderId":1152921504606846976,"symbol":"BTCUSDT"}',
    });
    expect(s.seen[0]?.context.account).toBe(s.account);
    expect(s.seen[0]?.params).toEqual({ symbol: 'BTCUSDT', side: 'BUY', timestamp: String(s.now) });
    expect(s.commands).toEqual([
      { time: s.now, endpoint: 'order', accountId: s.account.id, params: s.seen[0]?.params },
    ]);
  });

  describe('parameters', () => {
    test('behavior: query and form body merge, the query wins', () => {
      const s = setup();
      const response = s.send('POST', '/t/public?a=query&b=2', { body: 'a=body&c=3' });
      expect(bodyOf(response)).toEqual({ accountId: null, params: { a: 'query', b: '2', c: '3' } });
    });

    test('behavior: a JSON object body is accepted; lists stay compact JSON, null drops the name', () => {
      const s = setup();
      const body =
        '{"symbol":"BTCUSDT","quantity":"0.01","limit":5,"reduceOnly":true,"orderIdList":[1,9007199254740993],"skip":null}';
      const response = s.send('POST', '/t/public?symbol=ETHUSDT', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(bodyOf(response)).toEqual({
        accountId: null,
        params: {
          symbol: 'ETHUSDT',
          quantity: '0.01',
          limit: '5',
          reduceOnly: 'true',
          orderIdList: '[1,9007199254740993]',
        },
      });
      // Without a content type, a body starting with `{` is JSON too.
      expect(bodyOf(s.send('POST', '/t/public', { body: '{"a":"1"}' }))).toEqual({
        accountId: null,
        params: { a: '1' },
      });
    });

    test('behavior: a body that is not a JSON object is -1130', () => {
      const s = setup();
      for (const body of ['{"a":', '[1,2]', '"text"']) {
        const response = s.send('POST', '/t/public', {
          body,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status).toBe(400);
        expect(bodyOf(response)).toEqual({ code: -1130, msg: 'Invalid data sent for a parameter.' });
      }
    });

    test('behavior: form decoding turns + into a space and %2B into +', () => {
      const s = setup();
      const response = s.send('POST', '/t/public?q=a+b%2Bc', { body: 'id=x%2By+z&empty=&flag' });
      expect(bodyOf(response)).toEqual({
        accountId: null,
        params: { q: 'a b+c', id: 'x+y z', empty: '', flag: '' },
      });
    });

    test('behavior: a malformed percent escape is kept as sent', () => {
      const s = setup();
      expect(bodyOf(s.send('GET', '/t/public?a=%E0%A4%A&b=%zz'))).toEqual({
        accountId: null,
        params: { a: '%E0%A4%A', b: '%zz' },
      });
    });

    test('behavior: a duplicate in the query or in the body is -1101', () => {
      const s = setup();
      for (const [target, body] of [
        ['/t/public?a=1&a=2', ''],
        ['/t/public', 'a=1&a=1'],
        ['/t/public?signature=ab&signature=ab', ''],
      ] as const) {
        const response = s.send('POST', target, { body });
        expect(response.status).toBe(400);
        expect(bodyOf(response)).toEqual({ code: -1101, msg: 'Duplicate values for a parameter detected.' });
      }
      // The same name once in the query and once in the body is no duplicate: the query wins.
      expect(bodyOf(s.send('POST', '/t/public?a=1', { body: 'a=2' }))).toEqual({
        accountId: null,
        params: { a: '1' },
      });
    });

    test('behavior: the signature never reaches the endpoint', () => {
      const s = setup();
      const body = `symbol=BTCUSDT&timestamp=${s.now}`;
      const signature = hmacSha256Hex(s.hmac.secret, body);
      const response = s.send('GET', '/t/account', {
        body: `${body}&signature=${signature}`,
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(response.status).toBe(200);
      expect(s.seen[0]?.params).toEqual({ symbol: 'BTCUSDT', timestamp: String(s.now) });
      expect('signature' in (s.seen[0]?.params ?? {})).toBe(false);
    });
  });

  describe('signatures', () => {
    test('behavior: everything in the query (the binance package)', () => {
      const s = setup();
      const query = `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=${s.now}`;
      const response = s.send('POST', `/t/order?${signedQuery(s, query)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(response.status).toBe(200);
    });

    test('behavior: everything in the form body (ccxt POST)', () => {
      const s = setup();
      const body = `timestamp=${s.now}&symbol=BTCUSDT&side=BUY&newClientOrderId=x-cvBPrNm9abc&recvWindow=10000`;
      const response = s.send('POST', '/t/order', {
        body: `${body}&signature=${hmacSha256Hex(s.hmac.secret, body)}`,
        headers: keyHeader(s.hmac.apiKey, { 'content-type': 'application/x-www-form-urlencoded' }),
      });
      expect(response.status).toBe(200);
      expect(s.seen[0]?.params.newClientOrderId).toBe('x-cvBPrNm9abc');
    });

    test('behavior: the mixed query + body vector of reference §2.3', () => {
      const s = setup({ startTime: 1591702613943 });
      s.venue.addApiKey(s.account, {
        type: 'HMAC',
        apiKey: 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
        secret: '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9',
      });
      const response = s.send('POST', '/fapi/v1/order?symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC', {
        body: 'quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943&signature=30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4',
        headers: keyHeader('dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83'),
      });
      expect(response.status).toBe(200);
      expect(bodyOf(response)).toEqual({
        accountId: s.account.id,
        params: {
          symbol: 'BTCUSDT',
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'GTC',
          quantity: '1',
          price: '9000',
          recvWindow: '5000',
          timestamp: '1591702613943',
        },
      });
    });

    test('behavior: hex is case-insensitive; a wrong signature is -1022', () => {
      const s = setup();
      const query = `timestamp=${s.now}`;
      const signature = hmacSha256Hex(s.hmac.secret, query);
      const upper = s.send('GET', `/t/account?${query}&signature=${signature.toUpperCase()}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(upper.status).toBe(200);
      const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
      for (const target of [
        `/t/account?${query}&signature=${flipped}`,
        `/t/account?${query}&symbol=BTCUSDT&signature=${signature}`,
        `/t/account?${query}&signature=not-hex`,
      ]) {
        const response = s.send('GET', target, { headers: keyHeader(s.hmac.apiKey) });
        expect(response.status).toBe(400);
        expect(bodyOf(response)).toEqual({ code: -1022, msg: 'Signature for this request is not valid.' });
      }
      expect(s.seen).toHaveLength(1);
    });

    test('behavior: Ed25519 and RSA signatures, percent-encoded or with a raw +', () => {
      const s = setup();
      const cases = [
        { apiKey: s.ed.apiKey, sign: (payload: string) => signEd25519Base64(ed25519.privateKey, payload) },
        { apiKey: s.rsaKey.apiKey, sign: (payload: string) => signRsaBase64(rsa.privateKey, payload) },
      ];
      for (const { apiKey, sign } of cases) {
        // Find a timestamp whose signature holds a `+`, so both decodings are exercised (bounded).
        let checked = 0;
        for (let i = 0; i < 64 && checked < 1; i++) {
          const query = `symbol=BTCUSDT&timestamp=${s.now - i}`;
          const signature = sign(query);
          if (!signature.includes('+')) continue;
          checked++;
          const encoded = s.send('GET', `/t/account?${query}&signature=${encodeURIComponent(signature)}`, {
            headers: keyHeader(apiKey),
          });
          expect(encoded.status).toBe(200);
          // A raw `+` in a form body: the verifier reads the form-decoded space as `+` again.
          const raw = s.send('GET', '/t/account', {
            body: `${query}&signature=${signature}`,
            headers: keyHeader(apiKey),
          });
          expect(raw.status).toBe(200);
          const bad = s.send(
            'GET',
            `/t/account?${query}&signature=${encodeURIComponent(sign(`${query}0`))}`,
            {
              headers: keyHeader(apiKey),
            },
          );
          expect(bodyOf(bad)).toEqual({ code: -1022, msg: 'Signature for this request is not valid.' });
        }
        expect(checked).toBe(1);
      }
    });

    test('behavior: with a JSON body the signature is in the query and the body is signed as sent', () => {
      const s = setup();
      const query = `timestamp=${s.now}`;
      const body = '{"symbol":"BTCUSDT"}';
      const response = s.send(
        'POST',
        `/t/order?${query}&signature=${hmacSha256Hex(s.hmac.secret, query + body)}`,
        {
          body,
          headers: keyHeader(s.hmac.apiKey, { 'content-type': 'application/json' }),
        },
      );
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"orderId":1152921504606846976,"symbol":"BTCUSDT"}');
    });
  });

  describe('timing', () => {
    test('behavior: -1021 outside the recvWindow, and 1000 ms ahead', () => {
      const s = setup();
      const send = (timestamp: number, extra = '') =>
        s.send('GET', `/t/account?${signedQuery(s, `timestamp=${timestamp}${extra}`)}`, {
          headers: keyHeader(s.hmac.apiKey),
        });
      expect(send(s.now - 5000).status).toBe(200);
      expect(send(s.now + 999).status).toBe(200);
      expect(bodyOf(send(s.now - 5001))).toEqual({
        code: -1021,
        msg: 'Timestamp for this request is outside of the recvWindow.',
      });
      expect(bodyOf(send(s.now + 1000))).toEqual({
        code: -1021,
        msg: "Timestamp for this request was 1000ms ahead of the server's time.",
      });
      expect(send(s.now - 5001).status).toBe(400);
      expect(send(s.now - 9000, '&recvWindow=10000').status).toBe(200);
      expect(send(s.now - 10_001, '&recvWindow=10000').status).toBe(400);
    });

    test('behavior: recvWindow must be a positive integer up to recvWindowMax', () => {
      const s = setup();
      const send = (recvWindow: string) =>
        bodyOf(
          s.send('GET', `/t/account?${signedQuery(s, `timestamp=${s.now}&recvWindow=${recvWindow}`)}`, {
            headers: keyHeader(s.hmac.apiKey),
          }),
        );
      expect(send('60000')).toMatchObject({ accountId: s.account.id });
      expect(send('60001')).toEqual({
        code: -1130,
        msg: "Data sent for parameter 'recvWindow' is not valid.",
      });
      expect(send('0')).toEqual({ code: -1130, msg: "Data sent for parameter 'recvWindow' is not valid." });
      expect(send('5.5')).toMatchObject({ code: -1100 });
      const relaxed = setup({ recvWindowMax: Number.POSITIVE_INFINITY });
      const response = relaxed.send(
        'GET',
        `/t/account?${signedQuery(relaxed, `timestamp=${relaxed.now - 9_000_000}&recvWindow=9999999`)}`,
        { headers: keyHeader(relaxed.hmac.apiKey) },
      );
      expect(response.status).toBe(200);
    });

    test('behavior: timestamp and signature are mandatory (-1102)', () => {
      const s = setup();
      const missingTimestamp = s.send('GET', `/t/account?${signedQuery(s, 'symbol=BTCUSDT')}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(missingTimestamp.status).toBe(400);
      expect(bodyOf(missingTimestamp)).toEqual({
        code: -1102,
        msg: "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.",
      });
      const malformed = s.send('GET', `/t/account?${signedQuery(s, 'timestamp=12.5')}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(bodyOf(malformed)).toMatchObject({ code: -1102 });
      const unsigned = s.send('GET', `/t/account?timestamp=${s.now}`, { headers: keyHeader(s.hmac.apiKey) });
      expect(bodyOf(unsigned)).toEqual({
        code: -1102,
        msg: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.",
      });
      expect(s.seen).toHaveLength(0);
    });
  });

  describe('API keys', () => {
    test('behavior: a missing or malformed key is -2014, an unknown one -2015 (HTTP 401)', () => {
      const s = setup();
      const query = signedQuery(s, `timestamp=${s.now}`);
      const none = s.send('GET', `/t/account?${query}`);
      expect(none.status).toBe(401);
      expect(bodyOf(none)).toEqual({ code: -2014, msg: 'API-key format invalid.' });
      expect(bodyOf(s.send('GET', `/t/account?${query}`, { headers: keyHeader('short') }))).toMatchObject({
        code: -2014,
      });
      const unknown = s.send('GET', `/t/account?${query}`, { headers: keyHeader('A'.repeat(64)) });
      expect(unknown.status).toBe(401);
      expect(bodyOf(unknown)).toEqual({
        code: -2015,
        msg: 'Invalid API-key, IP, or permissions for action.',
      });
    });

    test('behavior: a read-only key may read but not trade', () => {
      const s = setup();
      const read = s.send('GET', `/t/account?${signedQuery(s, `timestamp=${s.now}`, s.readOnly.secret)}`, {
        headers: keyHeader(s.readOnly.apiKey),
      });
      expect(read.status).toBe(200);
      const trade = s.send('POST', `/t/order?${signedQuery(s, `timestamp=${s.now}`, s.readOnly.secret)}`, {
        headers: keyHeader(s.readOnly.apiKey),
      });
      expect(trade.status).toBe(401);
      expect(bodyOf(trade)).toEqual({ code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' });
      expect(s.commands).toHaveLength(0);
    });

    test('behavior: MARKET_DATA and USER_STREAM need a key but no signature', () => {
      const s = setup();
      expect(bodyOf(s.send('GET', '/t/marketData'))).toEqual({ code: -2014, msg: 'API-key format invalid.' });
      expect(bodyOf(s.send('GET', '/t/marketData', { headers: keyHeader(s.hmac.apiKey) }))).toEqual({
        accountId: s.account.id,
        params: {},
      });
      expect(bodyOf(s.send('POST', '/t/listenKey', { headers: keyHeader(s.readOnly.apiKey) }))).toMatchObject(
        {
          accountId: s.account.id,
        },
      );
    });

    test('behavior: NONE ignores an API key, even an invalid one', () => {
      const s = setup();
      expect(s.send('GET', '/t/public', { headers: keyHeader(s.hmac.apiKey) }).status).toBe(200);
      expect(s.send('GET', '/t/public', { headers: keyHeader('bogus') }).status).toBe(200);
      expect(s.seen.map((seen) => seen.context.account)).toEqual([undefined, undefined]);
    });
  });

  describe('request weight', () => {
    test('behavior: every response carries the IP weight of the current minute', () => {
      const s = setup();
      const weight = (response: RestResponse) => response.headers['x-mbx-used-weight-1m'];
      expect(weight(s.send('GET', '/t/public'))).toBe('1');
      expect(weight(s.send('GET', '/t/weighted'))).toBe('41');
      expect(weight(s.send('GET', '/t/weighted?symbol=BTCUSDT'))).toBe('42');
      expect(weight(s.send('GET', '/t/public', { ip: '10.0.0.2' }))).toBe('1');
      // Failed requests count too; unknown paths do not.
      expect(weight(s.send('GET', '/t/account'))).toBe('47');
      expect(weight(s.send('GET', '/t/public?a=1&a=2'))).toBe('48');
      expect(weight(s.send('GET', '/nowhere'))).toBe('48');
      s.advance(29_999);
      expect(weight(s.send('GET', '/t/public'))).toBe('49');
      s.advance(1); // 12:01:00: a new window
      expect(weight(s.send('GET', '/t/public'))).toBe('1');
    });

    test('behavior: over the limit is 429 with Retry-After; going on is a 418 ban that escalates', () => {
      const s = setup({ rateLimits: { requestWeightPerMinute: 10 } });
      for (let i = 0; i < 10; i++) expect(s.send('GET', '/t/public').status).toBe(200);
      const limited = s.send('GET', '/t/public');
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('30');
      expect(limited.headers['x-mbx-used-weight-1m']).toBe('11');
      expect(bodyOf(limited)).toEqual({
        code: -1003,
        msg: 'Too many requests; current limit is 10 requests per minute. Please use the websocket for live updates to avoid polling the API.',
      });
      expect(s.seen).toHaveLength(10);
      for (let i = 0; i < 9; i++) expect(s.send('GET', '/t/public').status).toBe(429);

      const ban = s.send('GET', '/t/public');
      const until = s.now + 120_000;
      expect(ban.status).toBe(418);
      expect(ban.headers['retry-after']).toBe('120');
      expect(bodyOf(ban)).toEqual({
        code: -1003,
        msg: `Way too many requests; IP banned until ${until}. Please use the websocket for live updates to avoid bans.`,
      });
      // Banned: every path, known or not, and no weight is charged; other IPs are unaffected.
      s.advance(60_000);
      const stillBanned = s.send('GET', '/nowhere');
      expect(stillBanned.status).toBe(418);
      expect(stillBanned.headers['retry-after']).toBe('60');
      expect(s.send('GET', '/t/public', { ip: '10.0.0.9' }).status).toBe(200);
      expect(s.seen).toHaveLength(11);

      s.advance(60_000);
      expect(s.send('GET', '/t/public').status).toBe(200);
      // A second offence: twice as long.
      for (let i = 0; i < 20; i++) s.send('GET', '/t/public');
      const second = s.send('GET', '/t/public');
      expect(second.status).toBe(418);
      expect(second.headers['retry-after']).toBe('240');
      expect(s.handler.rateLimiter.usage().ips.find((ip) => ip.ip === '10.0.0.1')).toMatchObject({
        bannedUntil: s.now + 240_000,
        offences: 2,
      });
    });

    test('behavior: limits can be changed or switched off at runtime', () => {
      const s = setup({ rateLimits: { requestWeightPerMinute: 2 } });
      s.send('GET', '/t/public');
      s.send('GET', '/t/public');
      expect(s.send('GET', '/t/public').status).toBe(429);
      s.handler.rateLimiter.configure({ enabled: false });
      const off = s.send('GET', '/t/public');
      expect(off.status).toBe(200);
      expect(off.headers['x-mbx-used-weight-1m']).toBe('4');
      s.handler.rateLimiter.configure({ enabled: true, requestWeightPerMinute: 100 });
      expect(s.send('GET', '/t/public').status).toBe(200);
      expect(s.handler.rateLimiter.config).toEqual({ ...DEFAULT_RATE_LIMITS, requestWeightPerMinute: 100 });
    });
  });

  describe('order counts', () => {
    test('behavior: order responses carry the counts; over a limit is 429 -1015 without reaching the endpoint', () => {
      const s = setup({ rateLimits: { ordersPer10Seconds: 3, ordersPerMinute: 5 } });
      const order = () =>
        s.send('POST', `/t/order?${signedQuery(s, `symbol=BTCUSDT&timestamp=${s.now}`)}`, {
          headers: keyHeader(s.hmac.apiKey),
        });
      for (let i = 1; i <= 3; i++) expect(order().headers['x-mbx-order-count-10s']).toBe(String(i));
      const limited = order();
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBeUndefined();
      expect(limited.headers['x-mbx-order-count-10s']).toBe('3');
      expect(bodyOf(limited)).toEqual({
        code: -1015,
        msg: 'Too many new orders; current limit is 3 orders per 10 SECOND.',
      });
      expect(s.commands).toHaveLength(3);
      s.advance(10_000);
      expect(order().status).toBe(200);
      expect(order().headers['x-mbx-order-count-1m']).toBe('5');
      const perMinute = order();
      expect(bodyOf(perMinute)).toEqual({
        code: -1015,
        msg: 'Too many new orders; current limit is 5 orders per MINUTE.',
      });
      expect(s.handler.rateLimiter.orderCounts(s.account.id)).toEqual({ tenSeconds: 2, minute: 5 });
      // Non-order endpoints carry no order headers.
      expect(s.send('GET', '/t/public').headers['x-mbx-order-count-10s']).toBeUndefined();
    });

    test('behavior: a batch counts 5 on the 10 s window and 1 on the minute; an order the endpoint rejects still counts', () => {
      const s = setup();
      const batch = s.send('POST', `/t/batch?${signedQuery(s, `timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(batch.headers['x-mbx-order-count-10s']).toBe('5');
      expect(batch.headers['x-mbx-order-count-1m']).toBe('1');
      const rejected = s.send('POST', `/t/order?${signedQuery(s, `fail=api&timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(rejected.status).toBe(400);
      expect(rejected.headers['x-mbx-order-count-10s']).toBe('6');
      // Unauthenticated order requests count nothing.
      const unsigned = s.send('POST', `/t/order?timestamp=${s.now}`, { headers: keyHeader(s.hmac.apiKey) });
      expect(unsigned.headers['x-mbx-order-count-10s']).toBeUndefined();
      expect(s.handler.rateLimiter.orderCounts(s.account.id)).toEqual({ tenSeconds: 6, minute: 2 });
    });

    test('behavior: limits without a 10-second counter (COIN-M) report and enforce the minute alone', () => {
      const s = setup({ rateLimits: { ordersPer10Seconds: undefined, ordersPerMinute: 3 } });
      const batch = () =>
        s.send('POST', `/t/batch?${signedQuery(s, `timestamp=${s.now}`)}`, {
          headers: keyHeader(s.hmac.apiKey),
        });
      for (let i = 1; i <= 3; i++) {
        const response = batch();
        expect(response.status).toBe(200);
        expect(response.headers['x-mbx-order-count-1m']).toBe(String(i));
        expect(response.headers).not.toHaveProperty('x-mbx-order-count-10s');
      }
      const limited = batch();
      expect(limited.status).toBe(429);
      expect(bodyOf(limited)).toEqual({
        code: -1015,
        msg: 'Too many new orders; current limit is 3 orders per MINUTE.',
      });
      expect(limited.headers).not.toHaveProperty('x-mbx-order-count-10s');
    });
  });

  describe('routing', () => {
    test('behavior: an unknown path is 404 and a wrong method 405, with a Binance body', () => {
      const s = setup();
      const notFound = s.send('GET', '/fapi/v1/nothing');
      expect(notFound).toEqual({
        status: 404,
        headers: { 'content-type': 'application/json', 'x-mbx-used-weight-1m': '0' },
        body: '{"code":-1020,"msg":"This operation is not supported."}',
      });
      const wrongMethod = s.send('PUT', '/t/order');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.allow).toBe('POST, DELETE');
      expect(bodyOf(wrongMethod)).toEqual({ code: -1020, msg: 'This operation is not supported.' });
    });
  });

  describe('endpoint outcomes', () => {
    test('behavior: an ApiError is its status and body; no command is journaled', () => {
      const s = setup();
      const response = s.send('POST', `/t/order?${signedQuery(s, `fail=api&timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(response.status).toBe(400);
      expect(bodyOf(response)).toEqual({ code: -2019, msg: 'Margin is insufficient.' });
      expect(s.commands).toHaveLength(0);
    });

    test('behavior: translateError answers every rejection and reaches the endpoints for inline ones', () => {
      const translated: number[] = [];
      const translateError = (error: ApiError): ApiError => {
        translated.push(error.code);
        return error.code === -2019 ? apiError(-2018) : error;
      };
      const s = setup({ translateError });
      const failed = s.send('POST', `/t/order?${signedQuery(s, `fail=api&timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(bodyOf(failed)).toEqual({ code: -2018, msg: 'Balance is insufficient.' });
      // Rejections of the transport itself take the same path.
      expect(
        bodyOf(s.send('POST', `/t/order?timestamp=${s.now}`, { headers: keyHeader(s.hmac.apiKey) })),
      ).toMatchObject({ code: -1102 });
      expect(s.send('GET', '/t/nothing').status).toBe(404);
      expect(translated).toEqual([-2019, -1102, -1020]);
      expect(s.seen[0]?.context.translateError).toBe(translateError);
      const plain = setup();
      plain.send('GET', '/t/public');
      expect(plain.seen[0]?.context).not.toHaveProperty('translateError');
    });

    test('behavior: any other exception is 500 -1000 with nothing of it leaked', () => {
      const s = setup();
      const response = s.send(
        'POST',
        `/t/order?${signedQuery(s, `fail=crash&secret=hunter2&timestamp=${s.now}`)}`,
        {
          headers: keyHeader(s.hmac.apiKey),
        },
      );
      expect(response.status).toBe(500);
      expect(response.body).toBe(
        '{"code":-1000,"msg":"An unknown error occured while processing the request."}',
      );
      expect(s.internalErrors).toHaveLength(1);
      expect(String(s.internalErrors[0])).toContain('hunter2');
      expect(s.commands).toHaveLength(0);
    });

    test('behavior: onCommand runs for successful commands only, before the events and the response', () => {
      const order: string[] = [];
      const s = setup({ onCommand: (entry) => order.push(`command ${entry.endpoint}`) });
      s.venue.subscribe({ userEvent: (_accountId, event) => order.push(`event ${event.e}`) });
      const signed = (path: string, query: string, method = 'POST') =>
        s.send(method, `${path}?${signedQuery(s, `${query}&timestamp=${s.now}`)}`, {
          headers: keyHeader(s.hmac.apiKey),
        });
      expect(signed('/t/order', 'deposit=5').status).toBe(200);
      order.push('response');
      expect(signed('/t/order', 'fail=api').status).toBe(400);
      expect(signed('/t/order', 'deposit=5', 'DELETE').status).toBe(200);
      expect(signed('/t/account', 'x=1', 'GET').status).toBe(200);
      expect(order).toEqual(['command order', 'event ACCOUNT_UPDATE', 'response', 'command cancel']);
    });

    test('behavior: events queued by a failed command are still delivered (the outbox is emptied)', () => {
      const s = setup();
      const events: string[] = [];
      s.venue.subscribe({ userEvent: (_accountId, event) => events.push(event.e) });
      const response = s.send('POST', `/t/order?${signedQuery(s, `fail=eventThenApi&timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(response.status).toBe(400);
      expect(events).toEqual(['ACCOUNT_UPDATE']);
    });

    test('behavior: a failing journal is 500 -1000 (the outcome is unknown to the client)', () => {
      const s = setup({
        onCommand: () => {
          throw new Error('disk full');
        },
      });
      const response = s.send('POST', `/t/order?${signedQuery(s, `timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(response.status).toBe(500);
      expect(bodyOf(response)).toEqual({
        code: -1000,
        msg: 'An unknown error occured while processing the request.',
      });
      expect(s.internalErrors).toHaveLength(1);
    });

    test('behavior: a clock behind the venue runs the endpoint and journals it at the venue time', () => {
      const s = setup();
      s.advance(-5000);
      const response = s.send('POST', `/t/order?${signedQuery(s, `timestamp=${s.now}`)}`, {
        headers: keyHeader(s.hmac.apiKey),
      });
      expect(response.status).toBe(200);
      expect(s.seen[0]?.context.now).toBe(T0);
      expect(s.commands[0]?.time).toBe(T0);
    });

    test('behavior: the venue is advanced to the exchange clock before the endpoint runs', () => {
      const s = setup();
      s.advance(12_345);
      expect(s.venue.now).toBe(T0);
      s.send('GET', '/t/public');
      expect(s.venue.now).toBe(T0 + 12_345);
      expect(s.seen[0]?.context.now).toBe(T0 + 12_345);
    });
  });
});
