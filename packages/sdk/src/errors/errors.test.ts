import { inspect } from 'node:util';
import { BasisError } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ApiKeyError,
  BinanceApiError,
  FilterError,
  InsufficientMarginError,
  InvalidRequestError,
  InvalidSignatureError,
  InvalidTimestampError,
  LotSizeError,
  MaxOrdersError,
  MinNotionalError,
  OrderRejectedError,
  PercentPriceError,
  PrecisionError,
  PriceFilterError,
  ServerError,
  UnknownOrderError,
} from './api.js';
import { ClientConfigError, InvalidEnvironmentError } from './config.js';
import { createBinanceApiError } from './fromResponse.js';
import { IpBannedError, RateLimitedError } from './rateLimit.js';
import { ClientClosedError, MissingCredentialsError, UnknownOutcomeError } from './request.js';
import { scrubSecrets } from './scrub.js';
import {
  ConnectionRefusedError,
  ConnectionResetError,
  HttpResponseError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from './transport.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const order = { method: 'POST', path: '/fapi/v1/order', now: NOW } as const;

/** Everything a user, a logger or a crash report may print of an error. */
function printed(error: Error): string {
  return [
    error.message,
    String(error.stack),
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ].join('\n');
}

describe('createBinanceApiError', () => {
  test('default: the class follows the code, the status and the catalog category', () => {
    const cases: [number, number, string][] = [
      [-2019, 400, 'InsufficientMarginError'],
      [-2018, 400, 'InsufficientMarginError'],
      [-1121, 400, 'InvalidRequestError'],
      [-1102, 400, 'InvalidRequestError'],
      [-1022, 400, 'InvalidSignatureError'],
      [-1021, 400, 'InvalidTimestampError'],
      [-5028, 400, 'InvalidTimestampError'],
      [-2015, 401, 'ApiKeyError'],
      [-2014, 401, 'ApiKeyError'],
      [-2011, 400, 'UnknownOrderError'],
      [-2013, 400, 'UnknownOrderError'],
      [-4014, 400, 'PriceFilterError'],
      [-4023, 400, 'LotSizeError'],
      [-4164, 400, 'MinNotionalError'],
      [-4131, 400, 'PercentPriceError'],
      [-2025, 400, 'MaxOrdersError'],
      [-1111, 400, 'PrecisionError'],
      [-2021, 400, 'OrderRejectedError'],
      [-1001, 503, 'ServerError'],
      [-1007, 408, 'ServerError'],
      [-1008, 503, 'ServerError'],
      [-1003, 429, 'RateLimitedError'],
      [-1015, 400, 'RateLimitedError'],
      [-1003, 418, 'IpBannedError'],
      [-4046, 400, 'BinanceApiError'],
      [-9999, 400, 'BinanceApiError'],
      [-9999, 502, 'ServerError'],
    ];
    const names = cases.map(
      ([code, status]) => createBinanceApiError({ code, msg: 'm' }, { ...order, status }).name,
    );
    expect(names).toEqual(cases.map(([, , name]) => name));
  });

  test('behavior: every class keeps code, msg, status, method, path and the catalog view', () => {
    const error = createBinanceApiError(
      { code: -2019, msg: 'Margin is insufficient.' },
      { ...order, status: 400 },
    );
    expect(error).toBeInstanceOf(InsufficientMarginError);
    expect(error).toBeInstanceOf(BinanceApiError);
    expect(error).toBeInstanceOf(BasisError);
    expect(error).toMatchObject({
      name: 'InsufficientMarginError',
      code: -2019,
      msg: 'Margin is insufficient.',
      status: 400,
      method: 'POST',
      path: '/fapi/v1/order',
      binanceName: 'MARGIN_NOT_SUFFICIEN',
      category: 'margin',
      retry: 'never',
      docsPath: 'sdk/errors#insufficientmarginerror',
    });
    expect(error.message).toMatchInlineSnapshot(`
      "Binance rejected the request: Margin is insufficient.

      Code: -2019 MARGIN_NOT_SUFFICIEN
      Request: POST /fapi/v1/order (HTTP 400)

      Docs: https://basis.dev/docs/sdk/errors#insufficientmarginerror
      Version: @basis/core@0.1.0"
    `);
  });

  test('behavior: a 429 reads Retry-After; a 418 reads the ban end from the message', () => {
    const limited = createBinanceApiError(
      { code: -1003, msg: 'Too many requests; current limit is 2400 requests per minute.' },
      { ...order, status: 429, headers: { 'retry-after': '7' } },
    ) as RateLimitedError;
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ source: 'server', scope: 'weight', retryAfterMs: 7000 });
    expect(limited.retryAt?.getTime()).toBe(NOW + 7000);
    expect(limited.message).toMatchInlineSnapshot(`
      "Binance rejected the request: Too many requests; current limit is 2400 requests per minute.

      Code: -1003 TOO_MANY_REQUESTS
      Request: POST /fapi/v1/order (HTTP 429)
      Scope: weight
      Retry after: 7000 ms (2026-01-02T03:04:12.000Z)
      Source: server

      Docs: https://basis.dev/docs/sdk/errors#ratelimitederror
      Version: @basis/core@0.1.0"
    `);

    const until = NOW + 120_000;
    const banned = createBinanceApiError(
      { code: -1003, msg: `Way too many requests; IP banned until ${until}. Please use the websocket.` },
      { ...order, status: 418, headers: { 'retry-after': '120' } },
    ) as IpBannedError;
    expect(banned).toBeInstanceOf(IpBannedError);
    expect(banned.bannedUntil).toEqual(new Date(until));
    expect(banned.source).toBe('server');

    const noHint = createBinanceApiError(
      { code: -1003, msg: 'banned' },
      { ...order, status: 418 },
    ) as IpBannedError;
    expect(noHint.bannedUntil).toEqual(new Date(NOW + 120_000));
  });

  test('behavior: the filter family', () => {
    for (const [code, Class] of [
      [-4014, PriceFilterError],
      [-4023, LotSizeError],
      [-4164, MinNotionalError],
      [-4024, PercentPriceError],
      [-4045, MaxOrdersError],
      [-1111, PrecisionError],
    ] as const) {
      const error = createBinanceApiError({ code, msg: 'x' }, { ...order, status: 400 });
      expect(error).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(FilterError);
      expect(error.name).toBe(Class.name);
    }
    expect(
      createBinanceApiError({ code: -4178, msg: 'x' }, { ...order, status: 400, market: 'coinm' }),
    ).toBeInstanceOf(MinNotionalError);
  });
});

describe('error classes', () => {
  test('default: each leaf has a literal name equal to its class and a docs path', () => {
    const parameters = { code: -1, msg: 'm', status: 400, method: 'GET', path: '/p' };
    const target = { method: 'GET', path: '/p' };
    const errors: Error[] = [
      new BinanceApiError(parameters),
      new InsufficientMarginError(parameters),
      new InvalidTimestampError(parameters),
      new InvalidSignatureError(parameters),
      new ApiKeyError(parameters),
      new UnknownOrderError(parameters),
      new OrderRejectedError(parameters),
      new InvalidRequestError(parameters),
      new ServerError(parameters),
      new FilterError(parameters),
      new PriceFilterError(parameters),
      new LotSizeError(parameters),
      new MinNotionalError(parameters),
      new PercentPriceError(parameters),
      new MaxOrdersError(parameters),
      new PrecisionError(parameters),
      new RateLimitedError({ ...parameters, source: 'server' }),
      new IpBannedError({ ...parameters, source: 'server', bannedUntil: new Date(NOW) }),
      new TimeoutError({ ...target, timeoutMs: 1 }),
      new NetworkError(target),
      new ConnectionRefusedError(target),
      new ConnectionResetError(target),
      new HttpResponseError({ ...target, status: 502, body: '' }),
      new InvalidResponseError({ ...target, status: 200 }),
      new UnknownOutcomeError({
        request: { ...target, kind: 'order', params: {}, timestamp: 1 },
        cause: undefined,
      }),
      new MissingCredentialsError({ ...target, security: 'USER_DATA' }),
      new ClientClosedError(target),
      new ClientConfigError('bad'),
      new InvalidEnvironmentError({ value: 'x', allowed: ['local'] }),
    ];
    for (const error of errors) {
      expect(error.name).toBe(error.constructor.name);
      expect(error).toBeInstanceOf(BasisError);
      expect((error as BasisError).docsPath).toMatch(/^sdk\//);
    }
  });

  test('behavior: transport and outcome messages', () => {
    const cause = new ConnectionResetError({ method: 'POST', path: '/fapi/v1/order', code: 'ECONNRESET' });
    const unknown = new UnknownOutcomeError({
      request: {
        method: 'POST',
        path: '/fapi/v1/order',
        kind: 'order',
        params: { symbol: 'BTCUSDT', side: 'BUY', newClientOrderId: 'basis-1' },
        timestamp: NOW,
      },
      cause,
    });
    expect(unknown.clientOrderId).toBe('basis-1');
    expect(unknown.request).toEqual({
      method: 'POST',
      path: '/fapi/v1/order',
      kind: 'order',
      params: { symbol: 'BTCUSDT', side: 'BUY', newClientOrderId: 'basis-1' },
      timestamp: NOW,
    });
    expect(unknown.cause).toBe(cause);
    expect(unknown.message).toMatchInlineSnapshot(`
      "The outcome of POST /fapi/v1/order is unknown: it may or may not have been executed.

      Reconcile by client order id basis-1 before sending it again.

      Docs: https://basis.dev/docs/sdk/errors#unknownoutcomeerror
      Details: POST /fapi/v1/order failed: the connection was closed before the answer was complete.
      Version: @basis/core@0.1.0"
    `);
    expect(
      new TimeoutError({ method: 'GET', path: '/fapi/v1/time', timeoutMs: 150 }).message,
    ).toMatchInlineSnapshot(`
      "GET /fapi/v1/time timed out after 150 ms.

      Docs: https://basis.dev/docs/sdk/errors#timeouterror
      Version: @basis/core@0.1.0"
    `);
    expect(
      new RateLimitedError({
        source: 'governor',
        code: -1003,
        msg: 'Too many requests (refused by the client rate governor).',
        status: 429,
        method: 'GET',
        path: '/fapi/v1/klines',
        scope: 'weight',
        retryAfterMs: 70_000,
        now: NOW,
      }).shortMessage,
    ).toMatchInlineSnapshot(
      `"The rate governor refused the request: the weight budget is exhausted and waiting would exceed its cap."`,
    );
    expect(
      new InvalidEnvironmentError({
        value: 'prod',
        allowed: ['local', 'testnet', 'demo', 'production'],
        source: 'BASIS_ENV',
      }).shortMessage,
    ).toMatchInlineSnapshot(
      `"Unknown environment 'prod' in BASIS_ENV; expected one of 'local', 'testnet', 'demo', 'production'."`,
    );
  });

  test('behavior: an HTML error page is excerpted, not dumped', () => {
    const error = new HttpResponseError({
      method: 'GET',
      path: '/fapi/v1/time',
      status: 403,
      body: `<html>\n<body>Forbidden${' x'.repeat(500)}</body></html>`,
    });
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(200);
    expect(error.shortMessage).toBe('GET /fapi/v1/time failed with HTTP 403.');
  });
});

describe('secrets', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{20,64}$/);

  test('behavior: no secret appears in message, stack, JSON or inspect of any error', () => {
    fc.assert(
      fc.property(secret, secret, secret, (apiKey, apiSecret, signature) => {
        const secrets = [apiKey, apiSecret, signature];
        const transportCause = new Error(
          `socket hang up GET /fapi/v3/account?timestamp=1&signature=${signature}`,
        );
        const errors: Error[] = [
          createBinanceApiError(
            { code: -2015, msg: `Invalid API-key, IP, or permissions for action. key=${apiKey}` },
            { method: 'GET', path: '/fapi/v3/account', status: 401, now: NOW, secrets },
          ),
          createBinanceApiError(
            { code: -1022, msg: `Signature ${signature} for this request is not valid.` },
            { method: 'GET', path: '/fapi/v3/account', status: 400, now: NOW, secrets },
          ),
          createBinanceApiError(
            { code: -1003, msg: `limited ${apiSecret}` },
            {
              method: 'GET',
              path: '/fapi/v3/account',
              status: 429,
              now: NOW,
              secrets,
              headers: { 'retry-after': '1' },
            },
          ),
          new HttpResponseError({
            method: 'GET',
            path: '/fapi/v3/account',
            status: 502,
            body: `<pre>X-MBX-APIKEY: ${apiKey} ${signature}</pre>`,
            secrets,
          }),
          new UnknownOutcomeError({
            request: {
              method: 'POST',
              path: '/fapi/v1/order',
              kind: 'order',
              params: { symbol: 'BTCUSDT', listenKey: apiSecret, note: signature },
              timestamp: 1,
            },
            cause: scrubSecrets(
              new TimeoutError({
                method: 'POST',
                path: '/fapi/v1/order',
                timeoutMs: 1,
                cause: transportCause,
              }),
              secrets,
            ),
            secrets,
          }),
        ];
        for (const error of errors) {
          const text = printed(error);
          for (const value of secrets) expect(text).not.toContain(value);
        }
      }),
      { numRuns: 50 },
    );
  });
});
