import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { hmacSha256Hex } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { defineEndpoint } from '../api/endpoint.js';
import { Venue } from '../venue/venue.js';
import { createRestHandler, type RestRequest, type RestResponse } from './handler.js';
import { DEFAULT_RATE_LIMITS } from './rateLimit.js';
import { type RestServer, type RestServerOptions, startRestServer } from './server.js';

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

function send(
  url: string,
  method: string,
  path: string,
  init: { body?: string | Buffer[]; headers?: Record<string, string>; agent?: Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { method, headers: init.headers, agent: init.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (Array.isArray(init.body)) {
      for (const chunk of init.body) req.write(chunk);
      req.end();
    } else {
      req.end(init.body);
    }
  });
}

/** A handler that echoes what the server handed it. */
function echoHandler(seen: RestRequest[]) {
  return {
    handle(req: RestRequest): RestResponse {
      seen.push(req);
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-mbx-used-weight-1m': '1' },
        body: JSON.stringify({ path: req.path, rawQuery: req.rawQuery, rawBody: req.rawBody }),
      };
    },
  };
}

const servers: RestServer[] = [];
async function start(options: RestServerOptions): Promise<RestServer> {
  const server = await startRestServer(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('startRestServer', () => {
  test('default', async () => {
    const seen: RestRequest[] = [];
    const server = await start({ handler: echoHandler(seen) });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const reply = await send(server.url, 'POST', '/fapi/v1/order?symbol=BTCUSDT&a=%2B', {
      body: 'quantity=1&price=9000',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-MBX-APIKEY': 'key' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.headers['x-mbx-used-weight-1m']).toBe('1');
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(reply.body)));
    expect(JSON.parse(reply.body)).toEqual({
      path: '/fapi/v1/order',
      rawQuery: 'symbol=BTCUSDT&a=%2B',
      rawBody: 'quantity=1&price=9000',
    });
    expect(seen[0]).toMatchObject({ method: 'POST', clientIp: '127.0.0.1' });
    expect(seen[0]?.headers['x-mbx-apikey']).toBe('key');
  });

  test('behavior: a signed order over a real socket, through the real handler', async () => {
    const venue = new Venue({ startTime: Date.UTC(2026, 0, 5), seed: 1, marketData: 'none' });
    const account = venue.createAccount({ balances: { USDT: '10000' } });
    const key = venue.addApiKey(account, { type: 'HMAC' });
    if (key.type !== 'HMAC') throw new Error('expected an HMAC key');
    const handler = createRestHandler({
      venue,
      routes: {
        'POST /fapi/v1/order': defineEndpoint({
          name: 'newOrder',
          security: 'TRADE',
          weight: 0,
          orders: { tenSeconds: 1, minute: 1 },
          command: true,
          handle: (_venue, context, params) => ({
            orderId: 2n ** 60n,
            accountId: context.account?.id,
            symbol: params.symbol,
          }),
        }),
      },
      now: () => venue.now,
      rateLimits: DEFAULT_RATE_LIMITS,
    });
    const server = await start({ handler });
    const body = `symbol=BTCUSDT&timestamp=${venue.now}`;
    const reply = await send(server.url, 'POST', '/fapi/v1/order', {
      body: `${body}&signature=${hmacSha256Hex(key.secret, body)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-mbx-apikey': key.apiKey },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(`{"orderId":1152921504606846976,"accountId":${account.id},"symbol":"BTCUSDT"}`);
    expect(reply.headers['x-mbx-order-count-10s']).toBe('1');
    const unknown = await send(server.url, 'GET', '/nowhere');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ code: -1020, msg: 'This operation is not supported.' });
  });

  test('behavior: keep-alive reuses one connection', async () => {
    const server = await start({ handler: echoHandler([]) });
    let connections = 0;
    server.server.on('connection', () => connections++);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 5; i++) {
        const reply = await send(server.url, 'GET', `/fapi/v1/time?i=${i}`, { agent });
        expect(reply.status).toBe(200);
        expect(reply.headers.connection).toBe('keep-alive');
      }
      expect(connections).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  test('behavior: a body over the limit is 413 with a JSON body, by content-length or while streaming', async () => {
    const seen: RestRequest[] = [];
    const server = await start({ handler: echoHandler(seen), maxBodyBytes: 100 });
    const atLimit = await send(server.url, 'POST', '/x', { body: 'a'.repeat(100) });
    expect(atLimit.status).toBe(200);
    const declared = await send(server.url, 'POST', '/x', { body: 'a'.repeat(101) });
    expect(declared.status).toBe(413);
    expect(declared.headers['content-type']).toBe('application/json');
    expect(JSON.parse(declared.body)).toEqual({
      code: -1101,
      msg: 'Too many parameters sent for this endpoint.',
    });
    // Chunked: no content-length, the limit is found while reading.
    const streamed = await send(server.url, 'POST', '/x', {
      body: [Buffer.from('a'.repeat(60)), Buffer.from('a'.repeat(60))],
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(streamed.status).toBe(413);
    expect(seen).toHaveLength(1);
  });

  test('behavior: a UTF-8 body split inside a character is decoded whole', async () => {
    const seen: RestRequest[] = [];
    const server = await start({ handler: echoHandler(seen) });
    const bytes = Buffer.from('symbol=币安人生USDT', 'utf8');
    await send(server.url, 'POST', '/x', {
      body: [bytes.subarray(0, 8), bytes.subarray(8)],
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(seen[0]?.rawBody).toBe('symbol=币安人生USDT');
  });

  test('behavior: close() ends an idle keep-alive connection at once', async () => {
    const server = await startRestServer({ handler: echoHandler([]) });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await send(server.url, 'GET', '/x', { agent });
      const idle = Object.values(agent.freeSockets).flat();
      expect(idle).toHaveLength(1);
      const socketClosed = new Promise<void>((resolve) => idle[0]?.once('close', () => resolve()));
      // The keep-alive timeout is 65 s and the test timeout 30 s: this only passes if close() does not wait.
      await server.close();
      await socketClosed;
      await expect(server.close()).resolves.toBeUndefined();
    } finally {
      agent.destroy();
    }
  });

  test('behavior: close() destroys a connection stuck mid-request after the grace period', async () => {
    const server = await startRestServer({ handler: echoHandler([]), closeGraceMs: 20 });
    const socket: Socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Headers promise a body that never comes.
    socket.write('POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc');
    await new Promise<void>((resolve) => server.server.once('request', () => resolve()));
    await server.close();
    await ended;
  });

  test('behavior: a handler that throws is answered 500 -1000; the server keeps serving', async () => {
    let calls = 0;
    const server = await start({
      handler: {
        handle(): RestResponse {
          calls++;
          if (calls === 1) throw new Error('secret detail');
          return { status: 200, headers: {}, body: '{}' };
        },
      },
    });
    const failed = await send(server.url, 'GET', '/x');
    expect(failed.status).toBe(500);
    expect(failed.body).toBe('{"code":-1000,"msg":"An unknown error occured while processing the request."}');
    const next = await send(server.url, 'GET', '/x');
    expect(next.status).toBe(200);
    expect(next.headers['content-type']).toBe('application/json');
  });

  test('behavior: upgrades go to onUpgrade', async () => {
    const upgraded: string[] = [];
    const server = await start({
      handler: echoHandler([]),
      onUpgrade: (req, socket) => {
        upgraded.push(req.url ?? '');
        socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      },
    });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/ws/btcusdt@trade`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
        agent: false,
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(101);
    expect(upgraded).toEqual(['/ws/btcusdt@trade']);
  });
});
