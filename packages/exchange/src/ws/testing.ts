import { type Clock, parseJson, stringifyJson, VirtualClock } from '@basis/core';
import { afterEach } from 'vitest';
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

/** 2026-11-24 12:00:00 UTC, where the tests' virtual clocks start. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

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

/** What {@link startTestExchange} takes: the exchange's options and the WebSocket side's. */
export type TestExchangeOptions = ExchangeOptions & {
  readonly ws?: Partial<Omit<AttachWebSocketsOptions, 'venue' | 'clock'>>;
};

/** Starts an exchange (VirtualClock or live) and serves REST plus WebSockets on 127.0.0.1. */
export async function startTestExchange(options: TestExchangeOptions = {}): Promise<TestExchange> {
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

/** An exchange as `createExchange(...).listen()` serves it: USD-M and COIN-M on one loopback port. */
export interface ListeningExchange {
  readonly exchange: Exchange;
  /** `ws://127.0.0.1:PORT` (USD-M streams). */
  readonly wsUrl: string;
  /** `ws://127.0.0.1:PORT/dstream` (COIN-M streams). */
  readonly coinmWsUrl: string;
  /** Closes the exchange; fails if it logged an internal error. */
  close(): Promise<void>;
}

/** Starts a full exchange (both products, their routing) and listens on 127.0.0.1. */
export async function listenTestExchange(options: ExchangeOptions = {}): Promise<ListeningExchange> {
  const errors: string[] = [];
  const exchange = createExchange({
    synthetic: { backfillMinutes: 10 },
    rateLimits: { enabled: false },
    log: (line) => {
      if (line.includes('internal error')) errors.push(line);
    },
    ...options,
  });
  const endpoints = await exchange.listen({ port: 0 });
  return {
    exchange,
    wsUrl: endpoints.wsUrl,
    coinmWsUrl: endpoints.coinm!.wsUrl,
    async close() {
      await exchange.close();
      if (errors.length > 0) throw new Error(errors.join('; '));
    },
  };
}

/** What a test file's {@link socketsForTests} gives it. */
export interface TestSockets {
  /** {@link startTestExchange} on a VirtualClock at {@link T0}; closed after the test. */
  start(options?: Omit<TestExchangeOptions, 'clock'>): Promise<TestExchange & { clock: VirtualClock }>;
  /** {@link listenTestExchange} on a VirtualClock at {@link T0}; closed after the test. */
  listen(options?: Omit<ExchangeOptions, 'clock'>): Promise<ListeningExchange & { clock: VirtualClock }>;
  /** A {@link TestClient} of `url`; closed after the test. */
  connect(url: string, options?: WebSocket.ClientOptions): Promise<TestClient>;
}

/**
 * The exchanges and clients of one test file. Call at the top level of the file: it registers the
 * `afterEach` that closes them, the clients before the exchanges they talk to. The state lives in
 * the returned object, so files sharing a worker do not share it.
 */
export function socketsForTests(): TestSockets {
  const exchanges: { close(): Promise<void> }[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(exchanges.splice(0).map((t) => t.close()));
  });
  return {
    async start(options = {}) {
      const clock = new VirtualClock(T0);
      const t = await startTestExchange({ ...options, clock });
      exchanges.push(t);
      return Object.assign(t, { clock });
    },
    async listen(options = {}) {
      const clock = new VirtualClock(T0);
      const t = await listenTestExchange({ ...options, clock });
      exchanges.push(t);
      return Object.assign(t, { clock });
    },
    async connect(url, options) {
      const client = await TestClient.open(url, options);
      clients.push(client);
      return client;
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

/** The field names of a frame, sorted (to compare with {@link sortedFields}). */
export function sortedKeys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

/** Space-separated field names, sorted: `sortedFields('e E s')`. */
export function sortedFields(fields: string): string[] {
  return fields.split(' ').sort();
}

/**
 * Combined-stream frames (`{stream, data}`), their data grouped by stream name. `T` is the data's
 * type: an event object unless the streams include array streams such as `!markPrice@arr`.
 */
export function byStream<T = Record<string, unknown>>(frames: unknown[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const frame of frames) {
    const { stream, data } = frame as { stream: string; data: T };
    out.set(stream, [...(out.get(stream) ?? []), data]);
  }
  return out;
}

/**
 * Jumps the exchange's venue `ms` past the clock, as after downtime (the time is skipped, not
 * simulated), and moves the clock there too.
 */
export function jumpAhead(exchange: Exchange, clock: VirtualClock, ms: number): void {
  exchange.admin({ kind: 'jump', time: clock.now() + ms });
  clock.advance(ms);
}

/** Advances a virtual clock in `step` ms steps (so every timer interleaves as it would live). */
export function advance(clock: Clock, ms: number, step = 50): void {
  const virtual = clock as Clock & { advance?: (ms: number) => void };
  if (virtual.advance === undefined) throw new Error('advance needs a VirtualClock');
  for (let t = 0; t < ms; t += step) virtual.advance(Math.min(step, ms - t));
}

type Level = [string, string];

/** A depth event as a client reads it. */
export interface DepthEvent {
  readonly e: string;
  readonly U: number | bigint;
  readonly u: number | bigint;
  readonly pu: number | bigint;
  readonly b: Level[];
  readonly a: Level[];
}

/** A REST depth snapshot as a client reads it. */
export interface DepthSnapshot {
  readonly lastUpdateId: number | bigint;
  readonly bids: Level[];
  readonly asks: Level[];
}

/** Reference §10, step by step; throws on a broken chain (a client would resync). */
export class LocalBook {
  readonly bids = new Map<string, string>();
  readonly asks = new Map<string, string>();
  #buffer: DepthEvent[] = [];
  #lastU: bigint | undefined;
  #snapshotId: bigint | undefined;
  applied = 0;

  get lastU(): bigint | undefined {
    return this.#lastU;
  }

  /** Step 1: events are buffered until the snapshot is loaded. */
  onEvent(event: DepthEvent): void {
    if (this.#snapshotId === undefined) this.#buffer.push(event);
    else this.#apply(event);
  }

  /** Steps 2-4: load the snapshot, drop events older than it, apply the rest. */
  loadSnapshot(snapshot: DepthSnapshot): void {
    for (const [p, q] of snapshot.bids) this.bids.set(p, q);
    for (const [p, q] of snapshot.asks) this.asks.set(p, q);
    this.#snapshotId = BigInt(snapshot.lastUpdateId);
    const buffered = this.#buffer;
    this.#buffer = [];
    for (const event of buffered) this.#apply(event);
  }

  #apply(event: DepthEvent): void {
    const U = BigInt(event.U);
    const u = BigInt(event.u);
    const pu = BigInt(event.pu);
    const L = this.#snapshotId!;
    if (this.#lastU === undefined) {
      if (u < L) return; // step 3
      // Step 4: U <= L <= u; an event starting right after the snapshot (pu == L) fits too (ccxt's rule).
      if (!((U <= L && L <= u) || pu === L)) throw new Error(`first event ${U}..${u} does not cover ${L}`);
    } else if (pu !== this.#lastU) {
      throw new Error(`gap: pu ${pu} after u ${this.#lastU}`); // step 5
    }
    for (const [side, levels] of [
      [this.bids, event.b],
      [this.asks, event.a],
    ] as const) {
      for (const [price, qty] of levels) {
        if (Number(qty) === 0) side.delete(price);
        else side.set(price, qty); // step 6: absolute quantities
      }
    }
    this.#lastU = u;
    this.applied += 1;
  }

  top(side: 'bids' | 'asks', n: number): Level[] {
    const entries = [...this[side].entries()];
    entries.sort(([a], [b]) => (side === 'bids' ? Number(b) - Number(a) : Number(a) - Number(b)));
    return entries.slice(0, n);
  }
}
