import { VirtualClock } from '@basis/core';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NetworkError, TimeoutError } from '../errors/transport.js';
import { settle } from '../testing/clocks.js';
import { TIME_REQUEST } from '../testing/wireRequests.js';
import { type InProcessRequest, inProcess } from './inProcess.js';

let exchange: Exchange;

beforeAll(() => {
  exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 } });
});

afterAll(async () => {
  await exchange.close();
});

const time = TIME_REQUEST;

describe('inProcess', () => {
  test('default: hands the request to the exchange without sockets', async () => {
    const transport = inProcess({ handler: exchange });
    const response = await transport.request(time);
    expect(transport.kind).toBe('inProcess');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body as string)).toEqual({ serverTime: expect.any(Number) });
    expect(response.headers['x-mbx-used-weight-1m']).toMatch(/^\d+$/);
  });

  test('behavior: the handler sees the raw query, body, headers and the client IP', async () => {
    const seen: InProcessRequest[] = [];
    const transport = inProcess({
      handler: {
        handle(request) {
          seen.push(request);
          return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' };
        },
      },
      clientIp: '10.0.0.7',
    });
    const response = await transport.request({
      ...time,
      method: 'POST',
      path: '/fapi/v1/order',
      query: 'a=1',
      body: 'b=2&signature=x',
      headers: { 'x-mbx-apikey': 'k' },
    });
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/fapi/v1/order',
        rawQuery: 'a=1',
        rawBody: 'b=2&signature=x',
        headers: { 'x-mbx-apikey': 'k' },
        clientIp: '10.0.0.7',
      },
    ]);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
  });

  test('behavior: a handler that never answers times out (on the injected clock)', async () => {
    const clock = new VirtualClock(0);
    const transport = inProcess({
      handler: { handle: () => new Promise(() => {}) },
      clock,
    });
    const error = await settle(
      transport.request({ ...time, timeoutMs: 1000 }).catch((e: unknown) => e),
      clock,
      { stepMs: 100, maxSteps: 50 },
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1000 });
    expect(clock.now()).toBeGreaterThanOrEqual(1000);
    expect(clock.pending()).toBe(0);
  });

  test('behavior: an async handler answers through the same path', async () => {
    const transport = inProcess({ handler: { handle: async (request) => exchange.handle(request) } });
    expect((await transport.request(time)).status).toBe(200);
  });

  test('behavior: a throwing handler is a NetworkError carrying the exception', async () => {
    const boom = new Error('boom');
    const transport = inProcess({
      handler: {
        handle() {
          throw boom;
        },
      },
    });
    const error = await transport.request(time).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).cause).toBe(boom);
  });
});
