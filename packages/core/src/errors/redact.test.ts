import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createRedactor,
  isSensitiveKey,
  REDACTED,
  redact,
  redactHeaders,
  redactJson,
  redactObject,
  redactQuery,
  redactText,
  redactUrl,
} from './redact.js';

// Binance's public signing example (reference §2.3): key, secret, payload and its HMAC signature.
const API_KEY = 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83';
const API_SECRET = '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9';
const SIGNATURE = '3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9';
const PAYLOAD =
  'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943';
const SIGNED_QUERY = `${PAYLOAD}&signature=${SIGNATURE}`;
const LISTEN_KEY = 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1';

describe('redactQuery', () => {
  test('default', () => {
    expect(redactQuery(SIGNED_QUERY)).toBe(`${PAYLOAD}&signature=[REDACTED]`);
  });

  test('behavior: keeps a leading ? and parameters without values', () => {
    expect(redactQuery('?a=1&flag&signature=abc')).toBe('?a=1&flag&signature=[REDACTED]');
    expect(redactQuery('')).toBe('');
    expect(redactQuery('?')).toBe('?');
  });

  test('behavior: every sensitive parameter name, any case or spelling', () => {
    const names = [
      'signature',
      'apiKey',
      'api_key',
      'secret',
      'apiSecret',
      'api_secret',
      'listenKey',
      'SECRET_KEY',
    ];
    for (const name of names) expect(redactQuery(`${name}=v4lue&x=1`)).toBe(`${name}=[REDACTED]&x=1`);
  });

  test('behavior: percent-encoded names stay as sent', () => {
    expect(redactQuery('%73ignature=abc&api%5Fkey=k&list%65nKey=l')).toBe(
      '%73ignature=[REDACTED]&api%5Fkey=[REDACTED]&list%65nKey=[REDACTED]',
    );
  });

  test('behavior: listen keys inside a streams list', () => {
    expect(redactQuery(`streams=${LISTEN_KEY}/btcusdt@depth`)).toBe('streams=[REDACTED]/btcusdt@depth');
    expect(redactQuery(`streams=btcusdt@aggTrade%2F${LISTEN_KEY}`)).toBe(
      'streams=btcusdt@aggTrade%2F[REDACTED]',
    );
  });

  test('behavior: secrets nested in an encoded value', () => {
    const batch = encodeURIComponent(JSON.stringify([{ symbol: 'BTCUSDT', apiKey: API_KEY }]));
    const out = redactQuery(`batchOrders=${batch}&timestamp=1`);
    expect(out).not.toContain(API_KEY);
    expect(out).toBe('batchOrders=[{"symbol":"BTCUSDT","apiKey":"[REDACTED]"}]&timestamp=1');
    const nested = `redirect=${encodeURIComponent(`https://x/cb?a=1&signature=${SIGNATURE}`)}`;
    expect(redactQuery(nested)).not.toContain(SIGNATURE);
  });

  test('behavior: form bodies (x-www-form-urlencoded) are queries', () => {
    const body = 'quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943&signature=30baaf0fab549bbe';
    expect(redactQuery(body)).toBe(
      'quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943&signature=[REDACTED]',
    );
  });
});

describe('redactUrl', () => {
  test('default', () => {
    expect(redactUrl(`https://fapi.binance.com/fapi/v1/order?${SIGNED_QUERY}`)).toBe(
      `https://fapi.binance.com/fapi/v1/order?${PAYLOAD}&signature=[REDACTED]`,
    );
  });

  test('behavior: user info, fragment and listen keys in paths', () => {
    expect(redactUrl('https://user:pa55@host:8080/x')).toBe('https://[REDACTED]@host:8080/x');
    expect(redactUrl('https://host/cb#access_token=abc&state=1')).toBe(
      'https://host/cb#access_token=[REDACTED]&state=1',
    );
    expect(redactUrl(`wss://fstream.binance.com/ws/${LISTEN_KEY}`)).toBe(
      'wss://fstream.binance.com/ws/[REDACTED]',
    );
    expect(redactUrl(`wss://fstream.binance.com/pm/ws/${LISTEN_KEY}/x`)).toBe(
      'wss://fstream.binance.com/pm/ws/[REDACTED]/x',
    );
    expect(redactUrl(`/private/ws?listenKey=${LISTEN_KEY}&events=ORDER_TRADE_UPDATE`)).toBe(
      '/private/ws?listenKey=[REDACTED]&events=ORDER_TRADE_UPDATE',
    );
  });

  test('behavior: ordinary URLs print unchanged', () => {
    for (const url of [
      'https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=100',
      'wss://fstream.binance.com/stream?streams=btcusdt@aggTrade/ethusdt@depth@100ms',
      'http://127.0.0.1:4000/fapi/v1/order?origClientOrderId=x-3QreWesyBBCUT5f5fc4227803238f9',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });
});

describe('redactHeaders', () => {
  test('default', () => {
    expect(redactHeaders({ 'X-MBX-APIKEY': API_KEY, 'content-type': 'application/json' })).toEqual({
      'X-MBX-APIKEY': REDACTED,
      'content-type': 'application/json',
    });
  });

  test('behavior: case-insensitive names, arrays, numbers, undefined', () => {
    expect(
      redactHeaders({
        'x-mbx-apikey': API_KEY,
        authorization: 'Bearer abc',
        Cookie: 'session=1',
        'set-cookie': ['a=1', 'b=2'],
        'content-length': 42,
        'x-empty': undefined,
        location: `/fapi/v1/order?${SIGNED_QUERY}`,
      }),
    ).toEqual({
      'x-mbx-apikey': REDACTED,
      authorization: REDACTED,
      Cookie: REDACTED,
      'set-cookie': [REDACTED, REDACTED],
      'content-length': '42',
      'x-empty': undefined,
      location: `/fapi/v1/order?${PAYLOAD}&signature=[REDACTED]`,
    });
  });

  test('behavior: Fetch Headers and Maps', () => {
    const headers = new Headers({ 'X-MBX-APIKEY': API_KEY, 'X-MBX-USED-WEIGHT-1M': '12' });
    expect(redactHeaders(headers)).toEqual({ 'x-mbx-apikey': REDACTED, 'x-mbx-used-weight-1m': '12' });
    expect(redactHeaders(new Map([['X-MBX-APIKEY', API_KEY]]))).toEqual({ 'X-MBX-APIKEY': REDACTED });
  });

  test('behavior: known secret values in other headers', () => {
    expect(redactHeaders({ 'x-debug': `key ${API_SECRET}` }, [API_SECRET])).toEqual({
      'x-debug': 'key [REDACTED]',
    });
  });
});

describe('redactText', () => {
  test('default', () => {
    expect(redactText(`POST /fapi/v1/order?${SIGNED_QUERY} failed`)).toBe(
      `POST /fapi/v1/order?${PAYLOAD}&signature=[REDACTED] failed`,
    );
  });

  test('behavior: known secrets, raw, percent-encoded, JSON-escaped, any case', () => {
    const base64 = 'q2+/Yk0Z9w==Zm9vYmFy+/x';
    const text = [
      API_SECRET,
      API_SECRET.toUpperCase(),
      encodeURIComponent(base64),
      JSON.stringify(base64),
    ].join(' ');
    const out = redactText(text, [API_SECRET, base64]);
    expect(out).toBe('[REDACTED] [REDACTED] [REDACTED] "[REDACTED]"');
  });

  test('behavior: empty secrets are ignored; longer secrets win', () => {
    expect(redactText('abc', [''])).toBe('abc');
    expect(redactText('key=x prefix-secret-long', ['prefix', 'prefix-secret-long'])).toBe('key=x [REDACTED]');
  });

  test('behavior: header lines, JSON, literals, bearer tokens, paths', () => {
    const text = [
      `X-MBX-APIKEY: ${API_KEY}`,
      'Authorization: Basic dXNlcjpwYXNzd29yZA==',
      'Cookie: session=abc; theme=dark',
      `{"apiKey":"${API_KEY}","signature":"${SIGNATURE}","timestamp":1649729878532,"listenKey":null}`,
      `{ apiKey: '${API_KEY}', secretKey: "${API_SECRET}", symbol: 'BTCUSDT' }`,
      `body: "{\\"privateKey\\":\\"-----BEGIN PRIVATE KEY-----\\"}"`,
      `fetch failed with token Bearer ${API_KEY}`,
      `connecting to /ws/${LISTEN_KEY}`,
    ].join('\n');
    expect(redactText(text)).toBe(
      [
        'X-MBX-APIKEY: [REDACTED]',
        'Authorization: [REDACTED]',
        'Cookie: [REDACTED]',
        '{"apiKey":"[REDACTED]","signature":"[REDACTED]","timestamp":1649729878532,"listenKey":null}',
        `{ apiKey: '[REDACTED]', secretKey: "[REDACTED]", symbol: 'BTCUSDT' }`,
        'body: "{\\"privateKey\\":\\"[REDACTED]\\"}"',
        'fetch failed with token Bearer [REDACTED]',
        'connecting to /ws/[REDACTED]',
      ].join('\n'),
    );
  });

  test('behavior: prose and Binance messages stay readable', () => {
    for (const text of [
      'bad signature: the server refused it',
      "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.",
      'Signature for this request is not valid.',
      'This listenKey does not exist. Please use POST /fapi/v1/listenKey to recreate listenKey',
      'Invalid API-key, IP, or permissions for action.',
      'clientOrderId x-3QreWesyBBCUT5f5fc4227803238f9 is duplicated',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  test('behavior: idempotent', () => {
    const once = redactText(`${SIGNED_QUERY} X-MBX-APIKEY: ${API_KEY} {"secret":"${API_SECRET}"}`);
    expect(redactText(once)).toBe(once);
  });

  test('behavior: long inputs (no quadratic scans)', () => {
    const run = 'a'.repeat(200_000);
    expect(redactText(run)).toBe(run);
    const dotted = 'a.'.repeat(100_000);
    expect(redactText(dotted)).toBe(dotted);
    const escapes = '%41'.repeat(60_000);
    expect(redactText(escapes)).toBe(escapes);
    const quotes = '"k":'.repeat(50_000);
    expect(redactText(quotes)).toBe(quotes);
    const words = 'word: '.repeat(50_000);
    expect(redactText(words)).toBe(words);
    expect(redactText(`${run}&signature=${SIGNATURE}`)).toBe(`${run}&signature=[REDACTED]`);
  });

  test('behavior: doubly encoded queries inside values', () => {
    const inner = `https://x/y?a=1&signature=${SIGNATURE}&b=2`;
    const once = `redirect=${encodeURIComponent(inner)}&z=1`;
    const twice = `outer=${encodeURIComponent(once)}`;
    expect(redactText(once)).toBe(
      'redirect=https%3A%2F%2Fx%2Fy%3Fa%3D1%26signature%3D[REDACTED]%26b%3D2&z=1',
    );
    expect(redactText(twice)).not.toContain(SIGNATURE);
    expect(redactText(`%signature=${SIGNATURE}`)).not.toContain(SIGNATURE);
  });
});

describe('createRedactor', () => {
  test('default', () => {
    const clean = createRedactor([API_SECRET]);
    expect(clean(`secret is ${API_SECRET}`)).toBe('secret is [REDACTED]');
    expect(clean(`signature=${SIGNATURE}`)).toBe('signature=[REDACTED]');
  });

  test('behavior: without secrets it applies the key patterns only', () => {
    expect(createRedactor()(`apiKey=${API_KEY}`)).toBe('apiKey=[REDACTED]');
  });
});

describe('redactJson', () => {
  test('default', () => {
    const frame = `{"id":"1","method":"session.logon","params":{"apiKey":"${API_KEY}","signature":"${SIGNATURE}","timestamp":1649729878532}}`;
    expect(redactJson(frame)).toBe(
      '{"id":"1","method":"session.logon","params":{"apiKey":"[REDACTED]","signature":"[REDACTED]","timestamp":1649729878532}}',
    );
  });

  test('behavior: keeps large integers, formatting and non-string values', () => {
    const body = '{\n  "orderId": 123456789012345678901,\n  "apiKey": 42,\n  "secret": null\n}';
    expect(redactJson(body)).toBe(
      '{\n  "orderId": 123456789012345678901,\n  "apiKey": "[REDACTED]",\n  "secret": null\n}',
    );
  });

  test('behavior: known secret values anywhere', () => {
    expect(redactJson(`{"note":"${API_SECRET}"}`, [API_SECRET])).toBe('{"note":"[REDACTED]"}');
  });
});

describe('redactObject', () => {
  test('default', () => {
    const params = { symbol: 'BTCUSDT', apiKey: API_KEY, signature: SIGNATURE, timestamp: 1649729878532 };
    expect(redactObject(params)).toEqual({
      symbol: 'BTCUSDT',
      apiKey: REDACTED,
      signature: REDACTED,
      timestamp: 1649729878532,
    });
    expect(params.apiKey).toBe(API_KEY);
  });

  test('behavior: deep, any key spelling, strings redacted as text, nullish kept', () => {
    const value = {
      config: { api_secret: API_SECRET, privateKey: { pem: 'x' }, listenKey: null, secretKey: undefined },
      list: [{ url: `https://h/p?${SIGNED_QUERY}` }, 'plain', 7n, true],
      note: `contains ${API_SECRET}`,
    };
    expect(redactObject(value, [API_SECRET])).toEqual({
      config: { api_secret: REDACTED, privateKey: REDACTED, listenKey: null, secretKey: undefined },
      list: [{ url: `https://h/p?${PAYLOAD}&signature=[REDACTED]` }, 'plain', 7n, true],
      note: 'contains [REDACTED]',
    });
  });

  test('behavior: cycles, depth, Maps, Sets, URLs, dates, errors', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(redactObject(cyclic)).toEqual({ name: 'a', self: '[Circular]' });

    const shared = { n: 1 };
    expect(redactObject({ a: shared, b: shared })).toEqual({ a: { n: 1 }, b: { n: 1 } });

    let deep: unknown = 'leaf';
    for (let level = 0; level < 40; level++) deep = { next: deep };
    expect(JSON.stringify(redactObject(deep))).toContain('[Truncated]');

    const date = new Date(0);
    const out = redactObject({
      map: new Map<string, unknown>([
        ['apiKey', API_KEY],
        ['n', 1],
      ]),
      set: new Set([`signature=${SIGNATURE}`]),
      url: new URL(`https://h/p?${SIGNED_QUERY}`),
      search: new URLSearchParams({ listenKey: LISTEN_KEY }),
      date,
      error: Object.assign(new Error(`failed ${SIGNED_QUERY}`), { apiKey: API_KEY }),
    });
    expect(out).toEqual({
      map: new Map<string, unknown>([
        ['apiKey', REDACTED],
        ['n', 1],
      ]),
      set: new Set(['signature=[REDACTED]']),
      url: `https://h/p?${PAYLOAD}&signature=[REDACTED]`,
      search: 'listenKey=[REDACTED]',
      date,
      error: { name: 'Error', message: `failed ${PAYLOAD}&signature=[REDACTED]`, apiKey: REDACTED },
    });
  });
});

describe('redact', () => {
  test('default', () => {
    expect(redact(`apiKey=${API_KEY}`)).toBe('apiKey=[REDACTED]');
    expect(redact({ headers: new Headers({ 'X-MBX-APIKEY': API_KEY }) })).toEqual({
      headers: { 'x-mbx-apikey': REDACTED },
    });
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBe(null);
    expect(redact(API_SECRET, [API_SECRET])).toBe(REDACTED);
  });
});

describe('isSensitiveKey', () => {
  test('default', () => {
    for (const key of [
      'signature',
      'apiKey',
      'api_key',
      'X-MBX-APIKEY',
      'x_mbx_apikey',
      'secret',
      'apiSecret',
      'api_secret',
      'secretKey',
      'privateKey',
      'private_key_pem',
      'listenKey',
      'Authorization',
      'Proxy-Authorization',
      'cookie',
      'Set-Cookie',
      'password',
      'passphrase',
      'token',
    ]) {
      expect(isSensitiveKey(key), key).toBe(true);
    }
    for (const key of ['symbol', 'timestamp', 'recvWindow', 'clientOrderId', 'signatureType2', '', '__']) {
      expect(isSensitiveKey(key), key).toBe(false);
    }
  });
});

describe('property', () => {
  const hexSecret = fc.stringMatching(/^[0-9a-f]{16,88}$/);
  const base64Secret = fc
    .stringMatching(/^[A-Za-z0-9+/]{14,86}$/)
    .map((body) => `${body}${'='.repeat(body.length % 3)}`)
    .filter((secret) => secret.length >= 16 && secret.length <= 88);
  const secret = fc.oneof(hexSecret, base64Secret);
  const paramName = fc.constantFrom(
    'symbol',
    'side',
    'type',
    'quantity',
    'price',
    'timeInForce',
    'recvWindow',
  );
  const paramValue = fc.stringMatching(/^[A-Z0-9.]{1,12}$/);
  const params = fc.array(fc.tuple(paramName, paramValue), { maxLength: 8 });
  const sensitiveName = fc.constantFrom(
    'signature',
    'apiKey',
    'api_key',
    'secret',
    'apiSecret',
    'api_secret',
    'listenKey',
    '%73ignature',
    'api%5Fkey',
  );
  const prose = fc.stringMatching(/^[A-Za-z ,.:;()'-]{0,40}$/);
  const encodeValue = (value: string, encoded: boolean) => (encoded ? encodeURIComponent(value) : value);

  test('behavior: a secret never survives in queries, URLs, headers, JSON or text', () => {
    fc.assert(
      fc.property(
        secret,
        params,
        sensitiveName,
        fc.nat(8),
        fc.boolean(),
        prose,
        prose,
        fc.constantFrom('X-MBX-APIKEY', 'x-mbx-apikey', 'Authorization', 'cookie'),
        fc.integer({ min: 1, max: 2 }),
        (value, pairs, name, position, encoded, before, after, header, layers) => {
          // Generated prose could spell the secret by chance; that is not a leak.
          fc.pre(![before, after].some((text) => text.includes(value)));
          const list = pairs.map(([key, item]) => `${key}=${item}`);
          list.splice(Math.min(position, list.length), 0, `${name}=${encodeValue(value, encoded)}`);
          const query = `${list.join('&')}&timestamp=1591702613943`;
          const url = `https://fapi.binance.com/fapi/v1/order?${query}`;
          let nested = url;
          for (let layer = 0; layer < layers; layer++)
            nested = `https://proxy/cb?next=${encodeURIComponent(nested)}`;
          const outputs = [
            redactUrl(nested),
            redactText(`${before} ${nested} ${after}`),
            redactQuery(query),
            redactUrl(url),
            redactText(`${before} ${url} ${after}`),
            redactText(`${before} ${query}`),
            redactText(`${before}\n${header}: ${value}\n${after}`),
            redactText(`${before}${value}${after}`, [value]),
            redactText(`${before}${encodeURIComponent(value)}${after}`, [value]),
            redactJson(JSON.stringify({ note: before, [decodeURIComponent(name)]: value })),
            JSON.stringify(redactHeaders({ [header]: value, 'x-other': 'ok' })),
            JSON.stringify(redactObject({ params: { apiKey: value, list: [{ secret: value }] }, url })),
          ];
          for (const output of outputs) {
            const forms = [value, encodeURIComponent(value), encodeURIComponent(encodeURIComponent(value))];
            if (forms.some((form) => output.includes(form))) return false;
          }
          return true;
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
