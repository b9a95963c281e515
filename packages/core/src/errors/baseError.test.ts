import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, test, vi } from 'vitest';
import { BasisError, type BasisErrorType, basisErrorBrand } from './baseError.js';
import { version } from './version.js';

// Binance's public signing example (reference §2.3).
const API_KEY = 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83';
const API_SECRET = '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9';
const SIGNATURE = '3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9';
const SIGNED_QUERY =
  'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943' +
  `&signature=${SIGNATURE}`;

// A class meant to be extended types its name as string; leaves use a literal.
class RequestError extends BasisError {
  override name: string = 'RequestError';
  readonly code: number;
  readonly url: string;
  constructor(url: string, code: number, options: { cause?: unknown; secrets?: readonly string[] } = {}) {
    super('The request failed.', { ...options, metaMessages: [`URL: ${url}`], docsPath: 'errors#request' });
    this.code = code;
    this.url = this.redactString(url);
  }
}

class OrderRejectedError extends RequestError {
  override name = 'OrderRejectedError' as const;
}

/** Everything a user, a logger or a crash report may print of an error. */
function printed(error: Error): string[] {
  return [
    error.message,
    String(error.stack),
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ];
}

describe('BasisError', () => {
  test('default', () => {
    const error = new BasisError('Something failed.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BasisError');
    expect(error.shortMessage).toBe('Something failed.');
    expect(error.details).toBeUndefined();
    expect(error.docsPath).toBeUndefined();
    expect(error.metaMessages).toBeUndefined();
    expect(error.version).toBe('@basis/core@0.1.0');
    expect(error.message).toMatchInlineSnapshot(`
      "Something failed.

      Version: @basis/core@0.1.0"
    `);
  });

  test('behavior: every part of the message', () => {
    const error = new BasisError('Order placement failed.', {
      details: 'HTTP 400',
      docsPath: '/errors/binance#-2019',
      metaMessages: ['Code: -2019', 'Message: Margin is insufficient.'],
    });
    expect(error.message).toMatchInlineSnapshot(`
      "Order placement failed.

      Code: -2019
      Message: Margin is insufficient.

      Docs: https://basis.dev/docs/errors/binance#-2019
      Details: HTTP 400
      Version: @basis/core@0.1.0"
    `);
    expect(error.metaMessages).toEqual(['Code: -2019', 'Message: Margin is insufficient.']);
    expect(error.docsPath).toBe('/errors/binance#-2019');
  });

  test('behavior: an empty short message gets a default', () => {
    expect(new BasisError('').shortMessage).toBe('An error occurred.');
  });

  test('behavior: details and docs path come from the cause unless given', () => {
    expect(new BasisError('a', { cause: new TypeError('fetch failed') }).details).toBe('fetch failed');
    expect(new BasisError('a', { cause: 'socket hang up' }).details).toBe('socket hang up');
    expect(new BasisError('a', { cause: { code: 1 } }).details).toBeUndefined();
    expect(new BasisError('a', { cause: new Error('') }).details).toBeUndefined();
    expect(new BasisError('a', { cause: new Error('inner'), details: 'given' }).details).toBe('given');

    const inner = new BasisError('inner short', { details: 'inner details', docsPath: 'errors/inner' });
    const outer = new BasisError('outer', { cause: inner });
    expect(outer.details).toBe('inner details');
    expect(outer.docsPath).toBe('errors/inner');
    expect(outer.cause).toBe(inner);
    expect(new BasisError('outer', { cause: new BasisError('only short') }).details).toBe('only short');
    expect(new BasisError('outer', { cause: inner, docsPath: 'errors/outer' }).docsPath).toBe('errors/outer');
  });

  test('behavior: name option and subclass names', () => {
    expect(new BasisError('x', { name: 'CustomError' }).name).toBe('CustomError');
    const error = new RequestError('https://h/x', 400);
    expect(error.name).toBe('RequestError');
    expect(String(error.stack).split('\n')[0]).toBe('RequestError: The request failed.');
    expect(String(error)).toBe(`RequestError: ${error.message}`);
  });

  test('behavior: the version matches the package', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(version).toBe(`${pkg.name}@${pkg.version}`);
  });

  test('behavior: the XErrorType pattern narrows on name', () => {
    const error: unknown = new BasisError('x');
    if (error instanceof BasisError && error.name === 'BasisError') {
      expectTypeOf(error as BasisErrorType)
        .toHaveProperty('name')
        .toEqualTypeOf<'BasisError'>();
    }
    const caught: unknown = new OrderRejectedError('https://h', -2019);
    if (caught instanceof RequestError) expectTypeOf(caught.code).toEqualTypeOf<number>();
    if (caught instanceof OrderRejectedError) expectTypeOf(caught.name).toEqualTypeOf<'OrderRejectedError'>();
  });
});

describe('walk', () => {
  const root = new TypeError('ECONNRESET');
  const middle = new RequestError('https://h/x', 503, { cause: root });
  const top = new BasisError('Order status unknown.', { cause: middle });

  test('default', () => {
    expect(top.walk()).toBe(root);
  });

  test('behavior: the first match, or null', () => {
    expect(top.walk((error) => error instanceof RequestError)).toBe(middle);
    expect(top.walk((error) => error instanceof TypeError)).toBe(root);
    expect(top.walk((error) => error === top)).toBe(top);
    expect(top.walk(() => false)).toBeNull();
    const found = top.walk((error): error is RequestError => error instanceof RequestError);
    expectTypeOf(found).toEqualTypeOf<RequestError | null>();
    expect(found?.code).toBe(503);
  });

  test('behavior: without a cause, itself; non-error causes count', () => {
    const alone = new BasisError('alone');
    expect(alone.walk()).toBe(alone);
    expect(new BasisError('x', { cause: 'reason' }).walk()).toBe('reason');
  });

  test('behavior: cycles end the walk', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    const error = new BasisError('x', { cause: a });
    expect(error.walk()).toBe(b);
    expect(error.walk(() => false)).toBeNull();
  });
});

describe('instanceof', () => {
  test('default', () => {
    const error = new OrderRejectedError('https://h', -2019);
    expect(error instanceof OrderRejectedError).toBe(true);
    expect(error instanceof RequestError).toBe(true);
    expect(error instanceof BasisError).toBe(true);
    expect(error instanceof Error).toBe(true);
  });

  test('behavior: subclass checks stay exact', () => {
    expect(new BasisError('x') instanceof RequestError).toBe(false);
    expect(new RequestError('h', 1) instanceof OrderRejectedError).toBe(false);
    expect(new Error('x') instanceof BasisError).toBe(false);
    for (const value of [null, undefined, 'BasisError', 1, {}, { [basisErrorBrand]: 'not a list' }]) {
      expect(value instanceof BasisError).toBe(false);
    }
  });

  test('behavior: the brand lists class names and stays hidden', () => {
    const error = new OrderRejectedError('h', 1);
    const brand = (error as unknown as Record<symbol, unknown>)[Symbol.for('basis.error')];
    expect(brand).toEqual(['OrderRejectedError', 'RequestError', 'BasisError']);
    expect(Object.isFrozen(brand)).toBe(true);
    expect(Object.keys(error)).not.toContain(basisErrorBrand);
    expect(inspect(error)).not.toContain('basis.error');
  });

  test('behavior: errors from a second copy of the module', async () => {
    vi.resetModules();
    const copy = await import('./baseError.js');
    expect(copy.BasisError).not.toBe(BasisError);

    class CopyRequestError extends copy.BasisError {
      override name = 'RequestError' as const;
    }
    Object.defineProperty(CopyRequestError, 'name', { value: 'RequestError' });

    const foreign = new copy.BasisError('from the other copy');
    expect(foreign instanceof BasisError).toBe(true);
    expect(foreign instanceof RequestError).toBe(false);
    expect(new BasisError('here') instanceof copy.BasisError).toBe(true);

    const foreignRequest = new CopyRequestError('x');
    expect(foreignRequest instanceof RequestError).toBe(true);
    expect(foreignRequest instanceof BasisError).toBe(true);
    expect(foreignRequest instanceof OrderRejectedError).toBe(false);
    expect(new RequestError('h', 1) instanceof CopyRequestError).toBe(true);
    expect(new BasisError('h') instanceof CopyRequestError).toBe(false);
  });

  test('behavior: an independent implementation of the brand (another version)', () => {
    const makeCopy = () => {
      const brand = Symbol.for('basis.error');
      class BasisError extends Error {
        constructor(message: string, names: readonly string[]) {
          super(message);
          Object.defineProperty(this, brand, { value: Object.freeze([...names, 'BasisError']) });
        }
      }
      return BasisError;
    };
    const Other = makeCopy();
    const rejected = new Other('rejected', ['OrderRejectedError', 'RequestError']);
    expect(rejected instanceof BasisError).toBe(true);
    expect(rejected instanceof RequestError).toBe(true);
    expect(rejected instanceof OrderRejectedError).toBe(true);
    const plain = new Other('plain', []);
    expect(plain instanceof BasisError).toBe(true);
    expect(plain instanceof RequestError).toBe(false);

    // An object with the brand and a prototype from the other copy, as a structured clone might rebuild it.
    const rebuilt = Object.create(Other.prototype) as object;
    Object.defineProperty(rebuilt, Symbol.for('basis.error'), { value: ['RequestError', 'BasisError'] });
    expect(rebuilt instanceof RequestError).toBe(true);
    expect(rebuilt instanceof OrderRejectedError).toBe(false);
  });
});

describe('toJSON', () => {
  test('default', () => {
    const error = new RequestError(`https://fapi.binance.com/fapi/v1/order?${SIGNED_QUERY}`, -2019, {
      cause: new Error(`HTTP 400 for ${SIGNED_QUERY}`),
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchInlineSnapshot(`
      {
        "cause": {
          "message": "HTTP 400 for symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943&signature=[REDACTED]",
          "name": "Error",
        },
        "code": -2019,
        "details": "HTTP 400 for symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943&signature=[REDACTED]",
        "docsPath": "errors#request",
        "metaMessages": [
          "URL: https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943&signature=[REDACTED]",
        ],
        "name": "RequestError",
        "shortMessage": "The request failed.",
        "version": "@basis/core@0.1.0",
      }
    `);
  });

  test('behavior: optional fields are omitted; non-error causes are redacted values', () => {
    expect(new BasisError('x').toJSON()).toEqual({ name: 'BasisError', shortMessage: 'x', version });
    expect(new BasisError('x', { cause: { apiKey: API_KEY, status: 500 } }).toJSON().cause).toEqual({
      apiKey: '[REDACTED]',
      status: 500,
    });
  });
});

describe('secrets', () => {
  test('default', () => {
    const cause = new Error(`request to https://fapi.binance.com/fapi/v1/order?${SIGNED_QUERY} failed`);
    const error = new RequestError(`https://fapi.binance.com/fapi/v1/order?${SIGNED_QUERY}`, 400, {
      cause,
      secrets: [API_SECRET, API_KEY],
    });
    for (const text of printed(error)) {
      expect(text).not.toContain(SIGNATURE);
      expect(text).not.toContain(SIGNED_QUERY);
    }
    expect(error.message).toContain('signature=[REDACTED]');
    expect(error.url).toBe(
      'https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943&signature=[REDACTED]',
    );
    // The wrapped cause is scrubbed in place, so it is clean however it is reached.
    expect((error.cause as Error).message).not.toContain(SIGNATURE);
    expect(String((error.cause as Error).stack)).not.toContain(SIGNATURE);
  });

  test('behavior: registered secret values go from every part and the stack', () => {
    const error = new BasisError(`Login with ${API_KEY} failed`, {
      details: `secret was ${API_SECRET}`,
      metaMessages: [`X-MBX-APIKEY: ${API_KEY}`, `hmac(${API_SECRET}) = ${SIGNATURE}`],
      cause: new Error(`server said ${API_SECRET.toUpperCase()}`),
      secrets: [API_SECRET, API_KEY, SIGNATURE],
    });
    for (const text of printed(error)) {
      for (const secret of [API_SECRET, API_KEY, SIGNATURE, API_SECRET.toUpperCase()]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(error.message).toMatchInlineSnapshot(`
      "Login with [REDACTED] failed

      X-MBX-APIKEY: [REDACTED]
      hmac([REDACTED]) = [REDACTED]

      Details: secret was [REDACTED]
      Version: @basis/core@0.1.0"
    `);
  });

  test('behavior: a wrapped cause read through the outer error', () => {
    const inner = new BasisError('inner', { details: `key ${API_KEY}`, metaMessages: [`key ${API_KEY}`] });
    const wrapped = new Error(`fetch ${API_SECRET}`, { cause: inner });
    const outer = new BasisError('outer', { cause: wrapped, secrets: [API_KEY, API_SECRET] });
    expect(outer.details).toBe('fetch [REDACTED]');
    expect(inner.details).toBe('key [REDACTED]');
    expect(inner.metaMessages).toEqual(['key [REDACTED]']);
    expect(inner.message).not.toContain(API_KEY);
    expect(outer.walk()).toBe(inner);
    for (const text of printed(outer)) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(API_SECRET);
    }
  });

  test('behavior: a cause that is not an error is kept as a redacted copy; the original is untouched', () => {
    const config = { apiKey: API_KEY, baseUrl: 'https://fapi.binance.com' };
    const error = new BasisError('x', { cause: config });
    expect(config.apiKey).toBe(API_KEY);
    expect(error.cause).toEqual({ apiKey: '[REDACTED]', baseUrl: 'https://fapi.binance.com' });
    const nested = new BasisError('y', { cause: new Error('inner', { cause: config }) });
    expect(config.apiKey).toBe(API_KEY);
    expect((nested.walk() as { apiKey: string }).apiKey).toBe('[REDACTED]');
    expect(new BasisError('z', { cause: `symbol=BTCUSDT&apiKey=${API_KEY}` }).cause).toBe(
      'symbol=BTCUSDT&apiKey=[REDACTED]',
    );
    for (const text of [...printed(error), ...printed(nested)]) expect(text).not.toContain(API_KEY);
  });

  test('behavior: a frozen cause is left alone but never printed through the outer error', () => {
    const frozen = Object.freeze(new Error(`token ${API_SECRET}`));
    const error = new BasisError('x', { cause: frozen, secrets: [API_SECRET] });
    expect(frozen.message).toContain(API_SECRET);
    expect(error.details).toBe('token [REDACTED]');
    expect(error.message).not.toContain(API_SECRET);
    expect(JSON.stringify(error)).not.toContain(API_SECRET);
  });

  test('behavior: the secrets are not kept in any readable form', () => {
    const error = new BasisError('x', { secrets: [API_SECRET] });
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain(API_SECRET);
    expect(JSON.stringify(Object.getOwnPropertyDescriptors(error))).not.toContain(API_SECRET);
  });

  test('behavior: random secrets never print (property)', () => {
    const secret = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{16,88}$/),
      fc.stringMatching(/^[A-Za-z0-9+/]{16,86}={0,2}$/),
    );
    fc.assert(
      fc.property(
        secret,
        secret,
        fc.constantFrom('signature', 'apiKey', 'listenKey', 'secret'),
        (key, value, name) => {
          fc.pre(!key.includes(value) && !value.includes(key));
          const url = `https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT&${name}=${encodeURIComponent(value)}`;
          const error = new RequestError(url, 400, {
            cause: new Error(`POST ${url}: X-MBX-APIKEY: ${key}`),
            secrets: [key],
          });
          const inner = new BasisError(`wrapped apiKey=${key}`, { cause: error });
          return printed(inner).every((text) => !text.includes(key) && !text.includes(value));
        },
      ),
      // Each run builds three errors and prints them five ways (about 1.5 ms); the 10,000-run property
      // over the redaction functions themselves is in redact.test.ts.
      { numRuns: 2_000 },
    );
  }, 60_000);
});
