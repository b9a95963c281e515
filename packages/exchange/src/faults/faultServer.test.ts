import { afterEach, describe, expect, test } from 'vitest';
import type { RestRequest } from '../rest/handler.js';
import { type RestServer, startRestServer } from '../rest/server.js';
import { publicRequest } from '../testing/signedRequest.js';
import { type FaultyExchange, faultyExchange, marketBuy, orderExists } from './testing.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(): Promise<{ fx: FaultyExchange; server: RestServer }> {
  const fx = faultyExchange();
  cleanups.push(() => fx.close());
  const server = await startRestServer({ handler: { handle: fx.handle }, closeGraceMs: 200 });
  cleanups.push(() => server.close());
  return { fx, server };
}

/** Sends a built request over HTTP; rejects when the client gives up (`timeoutMs`) or gets no answer. */
async function send(
  server: RestServer,
  request: RestRequest,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) headers[k] = v;
  const response = await fetch(`${server.url}${request.path}${query}`, {
    method: request.method,
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.text() };
}

/** The error a rejected {@link send} ends with: `TimeoutError` (the client gave up) or `TypeError` (no answer). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
  throw new Error('the request was answered');
}

describe('slow and timeout over a real loopback server', () => {
  test('default: a short slow answer arrives intact', async () => {
    const { fx, server } = await serve();
    fx.faults.add({ kind: 'slow', params: { delayMs: 30 } });
    const answer = await send(server, marketBuy(fx, fx.alice, 'short'), 5000);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ clientOrderId: 'short' });
  });

  test('behavior: slow past the client timeout: the order ran, the client timed out, others were served meanwhile', async () => {
    const { fx, server } = await serve();
    fx.faults.add({ kind: 'slow', scope: { route: 'newOrder' }, params: { delayMs: 60_000 } });
    const held = failure(send(server, marketBuy(fx, fx.alice, 'held'), 400));
    // The event loop is free: another request is answered while the first one is held.
    const time = await send(server, publicRequest('GET', '/fapi/v1/time'), 5000);
    expect(time.status).toBe(200);
    expect(await held).toBe('TimeoutError');
    expect(orderExists(fx, fx.alice, 'held')).toBe(true);
    expect(fx.journal.map((e) => e.params.newClientOrderId)).toEqual(['held']);
  });

  test('behavior: timeout holds the socket, then closes it without an answer; executed or not', async () => {
    const { fx, server } = await serve();
    fx.faults.add({ kind: 'timeout', count: 1, params: { executed: true, holdMs: 150 } });
    fx.faults.add({ kind: 'timeout', count: 1, params: { executed: false, holdMs: 150 } });
    expect(await failure(send(server, marketBuy(fx, fx.alice, 'ran'), 10_000))).toBe('TypeError');
    expect(await failure(send(server, marketBuy(fx, fx.alice, 'lost'), 10_000))).toBe('TypeError');
    expect(orderExists(fx, fx.alice, 'ran')).toBe(true);
    expect(orderExists(fx, fx.alice, 'lost')).toBe(false);
    expect(fx.journal.map((e) => e.params.newClientOrderId)).toEqual(['ran']);
    // The server still answers afterwards.
    expect((await send(server, marketBuy(fx, fx.alice, 'after'), 5000)).status).toBe(200);
  });

  test('behavior: close() ends a held connection within its grace time', async () => {
    const { fx, server } = await serve();
    fx.faults.add({ kind: 'timeout', params: { executed: false } });
    const held = failure(send(server, marketBuy(fx, fx.alice, 'held'), 30_000));
    // Let the request arrive before closing.
    for (let i = 0; i < 100 && fx.faults.list()[0]?.fired === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(fx.faults.list()[0]?.fired).toBe(1);
    await server.close();
    expect(await held).toBe('TypeError');
  });
});
