import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, createLiveClock } from '@basis/core';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClientConfigError } from '../errors/config.js';
import { ConnectionRefusedError, NetworkError, TimeoutError } from '../errors/transport.js';
import { closedPortUrl, startProxy, startStallingServer } from '../testing/servers.js';
import { TIME_REQUEST } from '../testing/wireRequests.js';
import { http } from './http.js';

let exchange: Exchange;
let restUrl: string;

beforeAll(async () => {
  exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 } });
  ({ restUrl } = await exchange.listen());
});

afterAll(async () => {
  await exchange.close();
});

const time = TIME_REQUEST;

const text = (body: Uint8Array | string) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

describe('http', () => {
  test('default: a request to the local exchange over loopback', async () => {
    const transport = http({ baseUrl: restUrl });
    try {
      const response = await transport.request(time);
      expect(response.status).toBe(200);
      expect(response.body).toBeInstanceOf(Uint8Array);
      expect(JSON.parse(text(response.body))).toEqual({ serverTime: expect.any(Number) });
      expect(response.headers['x-mbx-used-weight-1m']).toMatch(/^\d+$/);
      expect(transport.kind).toBe('http');
    } finally {
      await transport.close();
    }
  });

  test('behavior: response headers come back lower-cased, repeated ones joined, values decoded as UTF-8', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, [
        ['X-MBX-USED-WEIGHT-1M', '7'],
        ['x-repeated', 'a'],
        ['X-Repeated', 'b'],
        ['x-note', Buffer.from('café', 'utf8').toString('latin1')],
        // Common names (matched on their bytes) in any case, repeated, and a look-alike that is not one.
        ['Retry-After', '3'],
        ['X-MBX-ORDER-COUNT-1M', '1'],
        ['x-mbx-order-count-1m', '2'],
        ['X-Mbx-Usedxweight', 'z'],
      ]);
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = http({ baseUrl: `http://127.0.0.1:${port}` });
    try {
      const response = await transport.request(time);
      expect(response.headers['x-mbx-used-weight-1m']).toBe('7');
      expect(response.headers['x-repeated']).toBe('a, b');
      expect(response.headers['x-note']).toBe('café');
      expect(response.headers['retry-after']).toBe('3');
      expect(response.headers['x-mbx-order-count-1m']).toBe('1, 2');
      expect(response.headers['x-mbx-usedxweight']).toBe('z');
      expect(response.headers['x-mbx-used-weight']).toBeUndefined();
      expect(response.headers.date).toMatch(/GMT$/);
      expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
    } finally {
      await transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('behavior: an HTTP error status resolves (mapping is the pipeline job)', async () => {
    const transport = http({ baseUrl: restUrl });
    try {
      const response = await transport.request({ ...time, path: '/fapi/v1/nope' });
      expect(response.status).toBe(404);
      expect(JSON.parse(text(response.body))).toMatchObject({ code: -1020 });
    } finally {
      await transport.close();
    }
  });

  test('behavior: a form body is sent with its content type', async () => {
    const transport = http({ baseUrl: restUrl });
    try {
      // No API key: the exchange answers -2014, proving it read the request (weight charged, route found).
      const response = await transport.request({
        ...time,
        method: 'POST',
        path: '/fapi/v1/order',
        body: 'symbol=BTCUSDT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(JSON.parse(text(response.body))).toMatchObject({ code: -2014 });
    } finally {
      await transport.close();
    }
  });

  test('behavior: a server that never answers times out with a TimeoutError', async () => {
    const server = await startStallingServer();
    const transport = http({ baseUrl: server.url });
    try {
      const error = await transport.request({ ...time, timeoutMs: 150 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({
        name: 'TimeoutError',
        timeoutMs: 150,
        method: 'GET',
        path: '/fapi/v1/time',
      });
      expect(server.connections()).toBe(1);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  test('behavior: when setting up the first request uses up its deadline, it times out unsent', async () => {
    const server = await startStallingServer();
    // The clock moves 10 s while the transport loads Node's undici for its first request.
    const live = createLiveClock();
    let reads = 0;
    const clock: Clock = {
      now: () => (reads++ === 0 ? 0 : 10_000),
      setTimeout: (fn, ms) => live.setTimeout(fn, ms),
      setInterval: (fn, ms) => live.setInterval(fn, ms),
      clearTimeout: (handle) => live.clearTimeout(handle),
      clearInterval: (handle) => live.clearInterval(handle),
    };
    const transport = http({ baseUrl: server.url, clock });
    try {
      const error = await transport.request({ ...time, timeoutMs: 1000 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 1000, path: '/fapi/v1/time' });
      // Nothing reached the server.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.connections()).toBe(0);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  test('behavior: the transport timeoutMs caps the request limit', async () => {
    const server = await startStallingServer();
    const transport = http({ baseUrl: server.url, timeoutMs: 100 });
    try {
      const error = await transport.request({ ...time, timeoutMs: 60_000 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
    } finally {
      await transport.close();
      await server.close();
    }
  });

  test('behavior: a closed port is a ConnectionRefusedError that keeps the cause', async () => {
    const transport = http({ baseUrl: await closedPortUrl() });
    try {
      const error = await transport.request(time).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionRefusedError);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', requestSent: false });
      expect((error as Error).cause).toBeDefined();
    } finally {
      await transport.close();
    }
  });

  test('behavior: a connection closed mid-request is a ConnectionResetError (outcome unknown)', async () => {
    const { createServer } = await import('node:net');
    const server = createServer((socket) => {
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const transport = http({ baseUrl: `http://127.0.0.1:${port}` });
    try {
      const error = await transport.request(time).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ConnectionResetError', requestSent: undefined });
    } finally {
      await transport.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('behavior: requests go through an HTTP proxy (CONNECT tunnel)', async () => {
    const proxy = await startProxy();
    const transport = http({ baseUrl: restUrl, proxy: proxy.url });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await transport.request(time)).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(proxy.tunnels()).toBeGreaterThanOrEqual(1);
      // Keep-alive: tunnels are reused (undici may open a second one while the first is released).
      expect(proxy.tunnels()).toBeLessThan(4);
    } finally {
      await transport.close();
      await proxy.close();
    }
  });

  test('behavior: a proxy that is down fails before sending', async () => {
    const transport = http({ baseUrl: restUrl, proxy: await closedPortUrl() });
    try {
      const error = await transport.request(time).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ requestSent: false });
    } finally {
      await transport.close();
    }
  });

  test('behavior: proxy credentials are never printed', () => {
    expect(() => http({ baseUrl: restUrl, proxy: 'not a url' })).toThrow(ClientConfigError);
    const error = (() => {
      try {
        http({ baseUrl: 'ftp://user:hunter2@example.test' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).not.toContain('hunter2');
  });

  test('behavior: a base URL path prefix is kept', async () => {
    const transport = http({ baseUrl: `${restUrl}/` });
    try {
      expect((await transport.request(time)).status).toBe(200);
    } finally {
      await transport.close();
    }
  });

  test('behavior: keepAlive false still works', async () => {
    const transport = http({ baseUrl: restUrl, keepAlive: false });
    try {
      expect((await transport.request(time)).status).toBe(200);
      expect((await transport.request(time)).status).toBe(200);
    } finally {
      await transport.close();
    }
  });

  test('behavior: after close() requests fail', async () => {
    const transport = http({ baseUrl: restUrl });
    await transport.request(time);
    await transport.close();
    await expect(transport.request(time)).rejects.toBeInstanceOf(NetworkError);
  });
});
