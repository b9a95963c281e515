import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type Clock, createLiveClock, type TimerHandle } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { type ConnectionEvent, createConnection, type WebSocketClass } from './connection.js';

// The socket handler against tiny `ws` servers on 127.0.0.1.

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          for (const client of server.clients) client.terminate();
          server.close(() => resolve());
        }),
    ),
  );
});

async function serve(onConnection: (socket: import('ws').WebSocket) => void): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', onConnection);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/stream`;
}

/** The wall clock, counting the timers it has pending. */
function countingClock(): Clock & { pending(): number } {
  const live = createLiveClock();
  const open = new Set<TimerHandle>();
  return {
    now: () => live.now(),
    setTimeout(fn, ms) {
      const handle: TimerHandle = live.setTimeout(() => {
        open.delete(handle);
        fn();
      }, ms);
      open.add(handle);
      return handle;
    },
    setInterval(fn, ms) {
      const handle = live.setInterval(fn, ms);
      open.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      if (handle !== undefined) open.delete(handle);
      live.clearTimeout(handle);
    },
    clearInterval(handle) {
      if (handle !== undefined) open.delete(handle);
      live.clearInterval(handle);
    },
    pending: () => open.size,
  };
}

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createConnection', () => {
  test('default: delivers parsed messages, correlates requests, answers nothing twice', async () => {
    const url = await serve((socket) => {
      socket.on('message', (data) => {
        const request = JSON.parse(String(data)) as { id: number };
        socket.send(JSON.stringify({ result: null, id: request.id }));
        socket.send('{"stream":"x","data":{"E":1,"a":1152921504606846976}}');
      });
    });
    const messages: unknown[] = [];
    const events: ConnectionEvent['type'][] = [];
    let reply: unknown;
    const connection = createConnection({
      url,
      onSession: async (session) => {
        reply = await session.request({ method: 'SUBSCRIBE', params: ['x'] });
      },
      onMessage: (message) => messages.push(message),
      onEvent: (event) => events.push(event.type),
    });
    connection.start();
    await until(() => messages.length === 1, 5000, 'a message');
    expect(reply).toEqual({ result: null, id: 1 });
    // Lossless: the 2^60 id is a bigint.
    expect(messages[0]).toEqual({ stream: 'x', data: { E: 1, a: 1152921504606846976n } });
    expect(events).toEqual(['connected']);
    await connection.close();
    expect(connection.state).toBe('closed');
    expect(connection.stats().sockets).toBe(0);
  });

  test('behavior: a refused port is retried with backoff and never throws', async () => {
    const delays: number[] = [];
    const connection = createConnection({
      url: 'ws://127.0.0.1:1/stream',
      random: () => 1,
      backoff: { initialMs: 10, maxMs: 40 },
      onMessage: () => {},
      onEvent: (event) => {
        if (event.type === 'reconnecting') delays.push(event.delayMs);
      },
    });
    connection.start();
    await until(() => delays.length >= 4, 5000, 'four attempts');
    await connection.close();
    // Full jitter with random() = 1 is the cap: 10, 20, 40, 40 (maxMs).
    expect(delays.slice(0, 4)).toEqual([10, 20, 40, 40]);
  });

  test('behavior: 10,000 reconnects leave no listener, timer or memory behind', async () => {
    // An in-memory socket that opens and drops at once: the handler's whole path (listeners, watchdog,
    // rotation and send timers, a pending request) runs 10,000 times without the kernel's ~2 ms per
    // TCP connection; the next test does the same over real loopback sockets.
    const result = await churn(
      InstantDropSocket as unknown as WebSocketClass,
      'ws://memory/stream',
      10_000,
      20_000,
    );
    expect(result.heapGrowth).toBeLessThan(16 * 1024 * 1024);
  }, 30_000);

  test('behavior: 300 reconnects to a server that accepts and closes at once leak nothing', async () => {
    const url = await serve((socket) => socket.terminate());
    const result = await churn(undefined, url, 300, 20_000);
    expect(result.heapGrowth).toBeLessThan(16 * 1024 * 1024);
  }, 30_000);
});

/** Opens then drops, as a server that accepts and closes at once. */
class InstantDropSocket extends EventEmitter {
  static live = 0;
  readyState = 0;
  constructor() {
    super();
    InstantDropSocket.live += 1;
    setImmediate(() => {
      this.readyState = 1;
      this.emit('open');
      setImmediate(() => this.#drop());
    });
  }
  #drop(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    InstantDropSocket.live -= 1;
    this.emit('close', 1006, Buffer.alloc(0));
  }
  send(): void {}
  ping(): void {}
  close(): void {
    setImmediate(() => this.#drop());
  }
  terminate(): void {
    setImmediate(() => this.#drop());
  }
}

/** Runs `reconnects` reconnects, checking that nothing grows between the first tenth and the end. */
async function churn(
  WebSocket: WebSocketClass | undefined,
  url: string,
  reconnects: number,
  limitMs: number,
): Promise<{ heapGrowth: number }> {
  const clock = countingClock();
  let errors = 0;
  const connection = createConnection({
    url,
    clock,
    ...(WebSocket === undefined ? {} : { WebSocket }),
    backoff: { initialMs: 0 },
    watchdog: { idleMs: 60_000, pongTimeoutMs: 5000 },
    rotateAfterMs: 3_600_000,
    onSession: (session) => {
      // A request still pending when the socket dies is rejected, not leaked.
      session.request({ method: 'SUBSCRIBE', params: ['btcusdt@aggTrade'] }).catch(() => {});
      session.send('{"method":"LIST_SUBSCRIPTIONS","id":0}');
      return new Promise<void>(() => {});
    },
    onMessage: () => {},
    onEvent: (event) => {
      if (event.type === 'error') errors += 1;
    },
  });
  const processListeners = (): number =>
    ['uncaughtException', 'unhandledRejection', 'exit', 'beforeExit', 'warning'].reduce(
      (sum, name) => sum + process.listenerCount(name),
      0,
    );
  const listenersBefore = processListeners();
  const gc = (globalThis as { gc?: () => void }).gc;
  connection.start();
  await until(() => connection.stats().attempt >= reconnects / 10, limitMs, `${reconnects / 10} reconnects`);
  gc?.();
  const heapEarly = process.memoryUsage().heapUsed;
  const timersEarly = clock.pending();
  const resourcesEarly = process.getActiveResourcesInfo().length;
  await until(() => connection.stats().attempt >= reconnects, limitMs, `${reconnects} reconnects`);
  gc?.();
  const heapGrowth = process.memoryUsage().heapUsed - heapEarly;
  expect(connection.stats().opened).toBeGreaterThan(reconnects / 2);
  // Nothing grows with the number of reconnects: at most one socket's timers are pending.
  expect(clock.pending()).toBeLessThanOrEqual(Math.max(4, timersEarly));
  expect(connection.stats().sockets).toBeLessThanOrEqual(1);
  expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesEarly + 8);
  expect(processListeners()).toBe(listenersBefore);
  expect(errors).toBeLessThan(3 * reconnects);
  await connection.close();
  expect(clock.pending()).toBe(0);
  expect(connection.stats().sockets).toBe(0);
  return { heapGrowth };
}
