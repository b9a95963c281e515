import { type Clock, parseJson, stringifyJson } from '@basis/core';
import { WebSocket } from 'ws';
import { ROUTES } from '../api/routes.js';
import { createExchange, type Exchange, type ExchangeOptions } from '../createExchange.js';
import type { CommandEntry } from '../rest/handler.js';
import { type RestServer, startRestServer } from '../rest/server.js';
import { type AttachWebSocketsOptions, attachWebSockets, type WebSockets } from './attachWebSockets.js';

// Test harness: an exchange with its WebSocket side on a loopback port, and a client that queues
// parsed frames and waits for them with a bound on every wait.

/** How long a test waits for anything over the loopback before failing, ms. */
export const WAIT_MS = 5000;

/** A listening exchange with WebSockets attached, as `createExchange` will wire it. */
export interface TestExchange {
  readonly exchange: Exchange;
  readonly ws: WebSockets;
  readonly server: RestServer;
  /** `http://127.0.0.1:PORT` */
  readonly restUrl: string;
  /** `ws://127.0.0.1:PORT` */
  readonly wsUrl: string;
  /** Commands the WebSocket API journaled. */
  readonly commands: CommandEntry[];
  close(): Promise<void>;
}

/** Starts an exchange (VirtualClock or live) and serves REST plus WebSockets on 127.0.0.1. */
export async function startTestExchange(
  options: ExchangeOptions & { readonly ws?: Partial<Omit<AttachWebSocketsOptions, 'venue' | 'clock'>> } = {},
): Promise<TestExchange> {
  const { ws: wsOptions, ...exchangeOptions } = options;
  const exchange = createExchange({ synthetic: { backfillMinutes: 10 }, ...exchangeOptions });
  const commands: CommandEntry[] = [];
  const errors: unknown[] = [];
  const ws = attachWebSockets({
    venue: exchange.venue,
    clock: exchange.clock,
    rest: exchange.rest,
    routes: ROUTES,
    onCommand: (entry) => commands.push(entry),
    onInternalError: (error) => errors.push(error),
    ...wsOptions,
  });
  const server = await startRestServer({
    handler: { handle: (request) => exchange.handle(request) },
    onUpgrade: ws.onUpgrade,
    closeGraceMs: 100,
  });
  return {
    exchange,
    ws,
    server,
    restUrl: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    commands,
    async close() {
      await ws.close();
      await server.close();
      await exchange.close();
      if (errors.length > 0) throw new Error(`internal errors: ${errors.map(String).join('; ')}`);
    },
  };
}

/** Rejects after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Waits `ms` of real time (for "nothing arrives" checks). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Waiter {
  readonly match: (message: unknown) => boolean;
  readonly resolve: (message: unknown) => void;
}

/** A `ws` client that parses every frame (losslessly) into a queue. */
export class TestClient {
  readonly socket: WebSocket;
  /** Frames received and not yet taken. */
  readonly queue: unknown[] = [];
  /** Resolves with the close code when the connection ends. */
  readonly closed: Promise<number>;
  #waiters: Waiter[] = [];
  #nextId = 1;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      const message = parseJson((data as Buffer).toString('utf8'));
      const index = this.#waiters.findIndex((w) => w.match(message));
      if (index === -1) {
        this.queue.push(message);
        return;
      }
      const [waiter] = this.#waiters.splice(index, 1);
      waiter!.resolve(message);
    });
    socket.on('error', () => {
      // Reported through 'close'.
    });
  }

  /** Connects to `url` (bounded wait). */
  static async open(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const socket = new WebSocket(url, options);
    const client = new TestClient(socket);
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
        socket.once('unexpected-response', (_request, response) =>
          reject(new Error(`HTTP ${response.statusCode}`)),
        );
      }),
      WAIT_MS,
      `connection to ${url}`,
    );
    return client;
  }

  /** The HTTP status an upgrade to `url` is refused with (fails if it is accepted). */
  static async refusal(url: string): Promise<{ status: number; body: string }> {
    const socket = new WebSocket(url);
    return within(
      new Promise((resolve, reject) => {
        socket.once('open', () => {
          socket.terminate();
          reject(new Error('the upgrade was accepted'));
        });
        socket.once('error', () => {});
        socket.once('unexpected-response', (_request, response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
      }),
      WAIT_MS,
      `refusal of ${url}`,
    );
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : stringifyJson(message));
  }

  /** Takes the first queued frame matching `match`, or waits for one (bounded). */
  take(match: (message: unknown) => boolean = () => true, ms = WAIT_MS): Promise<unknown> {
    const index = this.queue.findIndex(match);
    if (index !== -1) return Promise.resolve(this.queue.splice(index, 1)[0]);
    return within(
      new Promise((resolve) => this.#waiters.push({ match, resolve })),
      ms,
      'a matching frame',
    ).finally(() => {
      this.#waiters = this.#waiters.filter((w) => w.match !== match);
    });
  }

  /** Sends a control request and waits for its reply (`{"result"|"error","id"}`). */
  async control(method: string, params?: unknown[]): Promise<Record<string, unknown>> {
    const id = this.#nextId++;
    this.send(params === undefined ? { method, id } : { method, params, id });
    return (await this.take((m) => isRecord(m) && m.id === id && ('result' in m || 'error' in m))) as Record<
      string,
      unknown
    >;
  }

  /**
   * Waits until every frame the server sent before now has arrived (a LIST_SUBSCRIPTIONS round trip:
   * the reply travels behind them on the same socket).
   */
  async sync(): Promise<void> {
    await this.control('LIST_SUBSCRIPTIONS');
  }

  /** Removes and returns every queued frame. */
  drain(): unknown[] {
    return this.queue.splice(0);
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await within(this.closed, WAIT_MS, 'close').catch(() => this.socket.terminate());
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Advances a virtual clock in `step` ms steps (so every timer interleaves as it would live). */
export function advance(clock: Clock, ms: number, step = 50): void {
  const virtual = clock as Clock & { advance?: (ms: number) => void };
  if (virtual.advance === undefined) throw new Error('advance needs a VirtualClock');
  for (let t = 0; t < ms; t += step) virtual.advance(Math.min(step, ms - t));
}
