/**
 * The socket handler: one *logical* WebSocket connection that never dies silently.
 *
 * It owns the socket and nothing else (subscriptions belong to the caller, e.g. the stream
 * orchestrator in `createStreams.ts`, the user-data stream or the WebSocket API client):
 *
 * - connects (the `ws` package is imported on the first connect, never at module load);
 * - answers server pings (`ws` replies with the ping's payload) and runs a **watchdog**: after
 *   `idleMs` without any frame it pings, and a socket still silent `pongTimeoutMs` later is declared
 *   dead and terminated, without waiting for TCP;
 * - **reconnects forever** (by default) with exponential backoff and full jitter
 *   (`delay = random() × min(maxMs, initialMs × 2^attempt)`), on the injected clock and rng;
 * - **rotates** before Binance's 24 h cut: opens a new socket, lets the caller restore its state on
 *   it (`onSession`), then closes the old one after `rotationOverlapMs`. During the overlap both
 *   sockets feed `onMessage` (each message names its session): the caller de-duplicates;
 * - throttles outgoing text frames (`maxOutgoingPerSecond`, default 5: Binance allows 10 incoming
 *   frames per second per connection, pings and pongs included) and correlates requests with replies
 *   by `id` (`session.request`);
 * - reports `connected`, `disconnected`, `reconnecting`, `reconnected`, `gap {from, to}`, `stale`,
 *   `rotating`, `rotated` and `error` through `onEvent`. No socket error is ever thrown or left
 *   unhandled: each becomes an `error` event and a reconnect.
 *
 * Nothing outlives a socket: its listeners, timers and pending requests are dropped when it closes,
 * so 10,000 reconnects leave nothing behind (`connection.test.ts` proves it).
 *
 * @example
 * const connection = createConnection({
 *   url: () => `${urls.stream}/market/stream?streams=btcusdt@aggTrade`,
 *   clock,
 *   onSession: async (session) => {
 *     // restore state on every new socket (first connect, reconnect, rotation) before it goes live
 *     await session.request({ method: 'SUBSCRIBE', params: ['ethusdt@aggTrade'] });
 *   },
 *   onMessage: (message, raw, session) => handle(message),
 *   onEvent: (event) => event.type === 'gap' && resync(event.from, event.to),
 * });
 * connection.start();
 * // …
 * await connection.close();
 */
import { type Clock, createLiveClock, parseJson, type TimerHandle } from '@basis/core';
import type { ClientOptions } from 'ws';
import { parseProxy, tunnelAgent } from '../transports/proxyTunnel.js';
import { ControlRequestError } from './errors.js';

/** Backoff of reconnect attempts. */
export interface BackoffOptions {
  /** Cap of the first attempt's delay, ms (default 500). 0 reconnects at once (tests). */
  readonly initialMs?: number;
  /** Cap of any delay, ms (default 30000). */
  readonly maxMs?: number;
  /** A socket that stayed live this long resets the attempt count, ms (default 10000). */
  readonly resetAfterMs?: number;
  /** Give up after this many consecutive failed attempts (default `Infinity`: never). */
  readonly maxAttempts?: number;
}

/** The dead-socket detector. */
export interface WatchdogOptions {
  /**
   * Silence after which the socket is probed with a ping, ms (default 30000). A function is read
   * each time the watchdog re-arms, so the caller can follow its streams' cadence.
   */
  readonly idleMs?: number | (() => number);
  /** Further silence after the probe that declares the socket dead, ms (default 5000). */
  readonly pongTimeoutMs?: number;
}

/** Why a session was opened. */
export type SessionKind = 'connect' | 'reconnect' | 'rotate';

/** One physical socket of a connection, as the caller sees it. */
export interface ConnectionSession {
  /** Increasing per connection, from 1. */
  readonly id: number;
  readonly kind: SessionKind;
  /** When the socket opened (connection clock), ms. */
  readonly openedAt: number;
  /** Queues a text frame (throttled to `maxOutgoingPerSecond`); dropped if the socket closed. */
  send(text: string): void;
  /**
   * Sends a JSON request and resolves with the first incoming message carrying the same `id`
   * (Binance's `{"result":…,"id":…}` or `{"error":…,"id":…}`; the WebSocket API's `{id,status,…}`).
   * An `id` is assigned (an increasing integer) unless the message has one.
   *
   * @throws ControlRequestError `closed` when the socket closes first, `timeout` after `requestTimeoutMs`.
   */
  request<R = unknown>(message: Record<string, unknown>): Promise<R>;
  /** Whether this socket is still open. */
  isOpen(): boolean;
}

/** What a connection reports. Times are on the connection's clock, ms. */
export type ConnectionEvent =
  | { readonly type: 'connected'; readonly sessionId: number; readonly at: number }
  | {
      readonly type: 'disconnected';
      readonly sessionId: number;
      readonly code: number;
      readonly reason: string;
      readonly at: number;
    }
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number }
  | {
      readonly type: 'reconnected';
      readonly sessionId: number;
      readonly attempt: number;
      readonly downtimeMs: number;
    }
  /** Messages between `from` (the last frame of the lost socket) and `to` (the new socket went live) may be missing. */
  | { readonly type: 'gap'; readonly from: number; readonly to: number }
  /** The watchdog declared a socket dead after `silentMs` without a frame. */
  | { readonly type: 'stale'; readonly sessionId: number; readonly silentMs: number }
  | { readonly type: 'rotating'; readonly sessionId: number }
  | { readonly type: 'rotated'; readonly fromSessionId: number; readonly toSessionId: number }
  /** The connection stopped retrying (`maxAttempts` reached). */
  | { readonly type: 'gaveUp'; readonly attempts: number }
  | {
      readonly type: 'error';
      readonly error: Error;
      readonly during: 'connect' | 'session' | 'socket' | 'rotate' | 'consumer';
    };

/** How a {@link Connection} is set up. Only `url` and `onMessage` are required. */
export interface ConnectionOptions {
  /** The URL, or a function called before every socket (first connect, reconnect, rotation). */
  readonly url: string | ((kind: SessionKind) => string | Promise<string>);
  /** Timers and timestamps (default: the wall clock). */
  readonly clock?: Clock;
  /** Uniform random numbers in [0, 1) for the backoff jitter (default `Math.random`). */
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
  /** `false` disables the watchdog. */
  readonly watchdog?: WatchdogOptions | false;
  /** Time allowed for the TCP + TLS + WebSocket handshake, ms (default 10000). */
  readonly connectTimeoutMs?: number;
  /**
   * Age at which a socket is replaced (make-before-break), ms; default 23 h (Binance cuts at 24 h);
   * `false` never rotates.
   */
  readonly rotateAfterMs?: number | false;
  /** How long the old and new sockets overlap during a rotation, ms (default 1000). */
  readonly rotationOverlapMs?: number;
  /** Outgoing text frames per second per socket (default 5). */
  readonly maxOutgoingPerSecond?: number;
  /** Time limit of `session.request`, ms (default 10000). */
  readonly requestTimeoutMs?: number;
  /**
   * Called on every new socket once it is open, before it goes live (replaces the old socket or
   * ends a gap). Restore subscriptions here; a rejection closes the socket and counts as a failed
   * attempt.
   */
  readonly onSession?: (session: ConnectionSession) => void | Promise<void>;
  /**
   * Every incoming message that is not a reply to `session.request`, parsed with core's lossless
   * `parseJson` (integers beyond 2^53 are `bigint`); `raw` is the frame's text. A throw is reported as
   * an `error` event (`during: 'consumer'`) and does not affect the socket. `receivedAt` is when the
   * frame arrived (connection clock, ms): the same reading as the watchdog's, so a caller stamping
   * frames needs no clock read of its own.
   */
  readonly onMessage: (message: unknown, raw: string, session: ConnectionSession, receivedAt: number) => void;
  /** Lifecycle events. A throw is swallowed. */
  readonly onEvent?: (event: ConnectionEvent) => void;
  /**
   * An HTTP(S) proxy URL (`http://user:pass@proxy:3128`): the socket tunnels through it with CONNECT
   * (TLS inside the tunnel for `wss:`). Its credentials are never printed. An `agent` in
   * `webSocketOptions` takes precedence.
   */
  readonly proxy?: string;
  /** Extra options of the `ws` client (headers, an `agent` of your own, …). */
  readonly webSocketOptions?: ClientOptions;
  /**
   * The WebSocket class (default: `ws`'s, imported on the first connect). Any class with `ws`'s
   * event-emitter surface ({@link SocketLike}) works: an in-memory socket in tests, a wrapper.
   */
  readonly WebSocket?: WebSocketClass;
}

/** The part of a `ws` WebSocket the handler uses. */
export interface SocketLike {
  readonly readyState: number;
  on(event: 'open', listener: () => void): unknown;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  on(event: 'ping' | 'pong', listener: (data: Buffer) => void): unknown;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  send(text: string): void;
  ping(): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
}

/** A constructor of {@link SocketLike} sockets, as `ws`'s `WebSocket`. */
export type WebSocketClass = new (url: string, options?: ClientOptions) => SocketLike;

/** Counters of a connection. */
export interface ConnectionStats {
  /** Sockets opened (attempts that reached `open`). */
  readonly opened: number;
  readonly reconnects: number;
  readonly rotations: number;
  readonly staleKills: number;
  readonly messages: number;
  /** Sockets not yet fully closed (0 or 1, 2 during a rotation). */
  readonly sockets: number;
  /** Consecutive failed attempts. */
  readonly attempt: number;
}

/** A logical connection; see the module comment. */
export interface Connection {
  /** `idle` before `start()`, `closed` after `close()` (or `gaveUp`). */
  readonly state: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Opens the first socket. Idempotent. */
  start(): void;
  /** The live session, if any. */
  session(): ConnectionSession | undefined;
  /** Sends on the live socket (throttled); `false` when there is none. */
  send(text: string): boolean;
  /** Replaces the socket now, make-before-break. Resolves when the new socket is live (or it failed). */
  rotate(): Promise<void>;
  /** Terminates the live socket as the watchdog would (tests, manual recovery). */
  kill(): void;
  stats(): ConnectionStats;
  /** Closes every socket and cancels every timer. Resolves when the sockets are closed (bounded). */
  close(): Promise<void>;
}

type WsModule = typeof import('ws');
let wsModule: Promise<WsModule> | undefined;
/** The `ws` package, loaded on first use. */
function loadWs(): Promise<WsModule> {
  wsModule ??= import('ws');
  return wsModule;
}

const OPEN = 1;

interface Pending {
  readonly method: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: TimerHandle;
}

interface Session extends ConnectionSession {
  ws: SocketLike | undefined;
  state: 'connecting' | 'open' | 'live' | 'closed';
  lastActivity: number;
  probeSentAt: number | undefined;
  watchdogTimer: TimerHandle | undefined;
  connectTimer: TimerHandle | undefined;
  rotateTimer: TimerHandle | undefined;
  sendTimer: TimerHandle | undefined;
  readonly queue: string[];
  readonly sentAt: number[];
  readonly pending: Map<unknown, Pending>;
  nextRequestId: number;
  onClosed: (() => void) | undefined;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function rawText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return String(data);
}

/**
 * Creates a logical connection (nothing happens until `start()`).
 *
 * @example
 * const connection = createConnection({ url, onMessage: (message) => console.log(message) });
 * connection.start();
 */
export function createConnection(options: ConnectionOptions): Connection {
  const clock = options.clock ?? createLiveClock();
  const proxy = options.proxy === undefined ? undefined : parseProxy(options.proxy);
  const random = options.random ?? Math.random;
  const initialMs = options.backoff?.initialMs ?? 500;
  const maxMs = options.backoff?.maxMs ?? 30_000;
  const resetAfterMs = options.backoff?.resetAfterMs ?? 10_000;
  const maxAttempts = options.backoff?.maxAttempts ?? Number.POSITIVE_INFINITY;
  const watchdog = options.watchdog === false ? undefined : (options.watchdog ?? {});
  const idleOption = watchdog?.idleMs ?? 30_000;
  const pongTimeoutMs = watchdog?.pongTimeoutMs ?? 5000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const rotateAfterMs = options.rotateAfterMs === undefined ? 23 * 3_600_000 : options.rotateAfterMs;
  const overlapMs = options.rotationOverlapMs ?? 1000;
  const maxOutgoing = Math.max(1, options.maxOutgoingPerSecond ?? 5);
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;

  let state: Connection['state'] = 'idle';
  let current: Session | undefined;
  let pending: Session | undefined;
  const draining = new Set<Session>();
  let reconnectTimer: TimerHandle | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let attempt = 0;
  let lostAt: number | undefined;
  let sessionIds = 0;
  let rotationWaiters: (() => void)[] = [];
  const counters = { opened: 0, reconnects: 0, rotations: 0, staleKills: 0, messages: 0 };
  const live = new Set<Session>();

  const emit = (event: ConnectionEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not break the connection.
    }
  };

  const idleMs = (): number => {
    const value = typeof idleOption === 'function' ? idleOption() : idleOption;
    return Number.isFinite(value) && value > 0 ? value : 30_000;
  };

  function clearSessionTimers(s: Session): void {
    clock.clearTimeout(s.watchdogTimer);
    clock.clearTimeout(s.connectTimer);
    clock.clearTimeout(s.rotateTimer);
    clock.clearTimeout(s.sendTimer);
    s.watchdogTimer = s.connectTimer = s.rotateTimer = s.sendTimer = undefined;
  }

  function pump(s: Session): void {
    s.sendTimer = undefined;
    const ws = s.ws;
    if (ws === undefined || ws.readyState !== OPEN) return;
    while (s.queue.length > 0) {
      const now = clock.now();
      while (s.sentAt.length > 0 && now - s.sentAt[0]! >= 1000) s.sentAt.shift();
      if (s.sentAt.length >= maxOutgoing) {
        s.sendTimer = clock.setTimeout(() => pump(s), Math.max(1, s.sentAt[0]! + 1000 - now));
        return;
      }
      s.sentAt.push(now);
      ws.send(s.queue.shift()!);
    }
  }

  function armWatchdog(s: Session, delay: number): void {
    if (watchdog === undefined || s.state === 'closed') return;
    clock.clearTimeout(s.watchdogTimer);
    s.watchdogTimer = clock.setTimeout(() => checkWatchdog(s), Math.max(1, delay));
  }

  function checkWatchdog(s: Session): void {
    s.watchdogTimer = undefined;
    if (s.state === 'closed' || s.ws === undefined) return;
    const now = clock.now();
    const idle = idleMs();
    if (s.probeSentAt === undefined) {
      const silent = now - s.lastActivity;
      if (silent < idle) {
        armWatchdog(s, idle - silent);
        return;
      }
      s.probeSentAt = now;
      try {
        s.sentAt.push(now);
        s.ws.ping();
      } catch (error) {
        emit({ type: 'error', error: toError(error), during: 'socket' });
      }
      armWatchdog(s, pongTimeoutMs);
      return;
    }
    if (s.lastActivity > s.probeSentAt) {
      s.probeSentAt = undefined;
      armWatchdog(s, idle - (now - s.lastActivity));
      return;
    }
    counters.staleKills += 1;
    emit({ type: 'stale', sessionId: s.id, silentMs: now - s.lastActivity });
    terminate(s);
  }

  function terminate(s: Session): void {
    if (s.ws === undefined) {
      finish(s, 1006, 'terminated');
      return;
    }
    try {
      s.ws.terminate();
    } catch {
      finish(s, 1006, 'terminated');
    }
  }

  function onFrame(s: Session, data: unknown): void {
    const receivedAt = clock.now();
    s.lastActivity = receivedAt;
    counters.messages += 1;
    const raw = rawText(data);
    let message: unknown;
    try {
      message = parseJson(raw);
    } catch (error) {
      emit({ type: 'error', error: toError(error), during: 'session' });
      return;
    }
    if (s.pending.size > 0 && typeof message === 'object' && message !== null && 'id' in message) {
      const id = (message as { id: unknown }).id;
      const waiter = s.pending.get(id);
      if (waiter !== undefined) {
        s.pending.delete(id);
        clock.clearTimeout(waiter.timer);
        waiter.resolve(message);
        return;
      }
    }
    try {
      options.onMessage(message, raw, s, receivedAt);
    } catch (error) {
      emit({ type: 'error', error: toError(error), during: 'consumer' });
    }
  }

  function newSession(kind: SessionKind): Session {
    const s: Session = {
      id: ++sessionIds,
      kind,
      openedAt: 0,
      ws: undefined,
      state: 'connecting',
      lastActivity: clock.now(),
      probeSentAt: undefined,
      watchdogTimer: undefined,
      connectTimer: undefined,
      rotateTimer: undefined,
      sendTimer: undefined,
      queue: [],
      sentAt: [],
      pending: new Map(),
      nextRequestId: 1,
      onClosed: undefined,
      send(text) {
        if (s.state === 'closed') return;
        s.queue.push(text);
        if (s.sendTimer === undefined) pump(s);
      },
      request<R>(message: Record<string, unknown>): Promise<R> {
        const method = typeof message.method === 'string' ? message.method : 'request';
        if (s.state === 'closed')
          return Promise.reject(new ControlRequestError({ method, reason: 'closed' }));
        const id = message.id ?? s.nextRequestId++;
        return new Promise<R>((resolve, reject) => {
          const timer = clock.setTimeout(() => {
            s.pending.delete(id);
            reject(new ControlRequestError({ method, reason: 'timeout' }));
          }, requestTimeoutMs);
          s.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
          s.send(JSON.stringify({ ...message, id }));
        });
      },
      isOpen: () => s.state === 'open' || s.state === 'live',
    };
    return s;
  }

  /** Opens a socket for `s`; every outcome ends in `goLive` or `finish`. */
  async function open(s: Session): Promise<void> {
    live.add(s);
    s.connectTimer = clock.setTimeout(() => {
      s.connectTimer = undefined;
      emit({
        type: 'error',
        error: new Error(`connect timed out after ${connectTimeoutMs} ms`),
        during: 'connect',
      });
      terminate(s);
    }, connectTimeoutMs);
    let ws: SocketLike;
    try {
      const url = typeof options.url === 'string' ? options.url : await options.url(s.kind);
      const Ws: WebSocketClass =
        options.WebSocket ?? ((await loadWs()).WebSocket as unknown as WebSocketClass);
      if (s.state === 'closed') return;
      ws = new Ws(url, {
        perMessageDeflate: false,
        ...(proxy === undefined ? {} : { agent: tunnelAgent(proxy, url.startsWith('wss:')) }),
        ...options.webSocketOptions,
      });
    } catch (error) {
      emit({ type: 'error', error: toError(error), during: 'connect' });
      return finish(s, 1006, 'connect failed');
    }
    s.ws = ws;
    ws.on('error', (error: Error) => {
      emit({ type: 'error', error, during: s.state === 'connecting' ? 'connect' : 'socket' });
    });
    ws.on('close', (code: number, reason: Buffer) => finish(s, code, reason.toString('utf8')));
    ws.on('message', (data: unknown) => onFrame(s, data));
    ws.on('ping', () => {
      s.lastActivity = clock.now();
    });
    ws.on('pong', () => {
      s.lastActivity = clock.now();
    });
    ws.on('open', () => {
      clock.clearTimeout(s.connectTimer);
      s.connectTimer = undefined;
      if (s.state === 'closed') return;
      s.state = 'open';
      (s as { openedAt: number }).openedAt = clock.now();
      s.lastActivity = clock.now();
      counters.opened += 1;
      armWatchdog(s, idleMs());
      void prepare(s);
    });
  }

  async function prepare(s: Session): Promise<void> {
    try {
      await options.onSession?.(s);
    } catch (error) {
      if (s.state === 'closed') return;
      emit({ type: 'error', error: toError(error), during: 'session' });
      return terminate(s);
    }
    if (s.state === 'open') goLive(s);
  }

  function goLive(s: Session): void {
    s.state = 'live';
    if (pending === s) pending = undefined;
    const previous = current;
    current = s;
    state = 'open';
    const now = clock.now();
    if (s.kind === 'rotate' && previous !== undefined && previous !== s) {
      draining.add(previous);
      clock.clearTimeout(previous.rotateTimer);
      previous.rotateTimer = clock.setTimeout(() => closeSession(previous, 1000, 'rotated'), overlapMs);
      counters.rotations += 1;
      emit({ type: 'rotated', fromSessionId: previous.id, toSessionId: s.id });
    }
    if (lostAt !== undefined) {
      counters.reconnects += 1;
      emit({ type: 'reconnected', sessionId: s.id, attempt, downtimeMs: now - lostAt });
      emit({ type: 'gap', from: lostAt, to: now });
      lostAt = undefined;
    } else if (s.kind !== 'rotate') {
      emit({ type: 'connected', sessionId: s.id, at: now });
    }
    if (rotateAfterMs !== false) {
      s.rotateTimer = clock.setTimeout(() => {
        s.rotateTimer = undefined;
        void startRotation();
      }, rotateAfterMs);
    }
    const waiters = rotationWaiters;
    rotationWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function closeSession(s: Session, code: number, reason: string): void {
    if (s.state === 'closed') return;
    if (s.ws === undefined || s.ws.readyState !== OPEN) {
      terminate(s);
      return;
    }
    try {
      s.ws.close(code, reason);
    } catch {
      terminate(s);
      return;
    }
    // A peer that never completes the closing handshake is cut.
    clock.clearTimeout(s.watchdogTimer);
    s.watchdogTimer = clock.setTimeout(() => terminate(s), 2000);
  }

  /** The socket of `s` is gone (closed, failed or terminated): clean up and decide what follows. */
  function finish(s: Session, code: number, reason: string): void {
    if (s.state === 'closed') return;
    const wasLive = s.state === 'live';
    s.state = 'closed';
    clearSessionTimers(s);
    live.delete(s);
    for (const [id, waiter] of s.pending) {
      s.pending.delete(id);
      clock.clearTimeout(waiter.timer);
      waiter.reject(new ControlRequestError({ method: waiter.method, reason: 'closed' }));
    }
    s.queue.length = 0;
    if (s.ws !== undefined) {
      s.ws.removeAllListeners();
      s.ws.on('error', () => {});
      s.ws = undefined;
    }
    const onClosed = s.onClosed;
    s.onClosed = undefined;
    onClosed?.();
    if (state === 'closed') return;
    if (draining.delete(s)) return;
    if (wasLive && clock.now() - s.openedAt >= resetAfterMs) attempt = 0;
    if (s === current) {
      current = undefined;
      lostAt ??= s.lastActivity;
      state = 'reconnecting';
      emit({ type: 'disconnected', sessionId: s.id, code, reason, at: clock.now() });
      if (pending === undefined) scheduleReconnect();
      return;
    }
    if (s === pending) {
      pending = undefined;
      if (current === undefined) scheduleReconnect();
      else {
        emit({
          type: 'error',
          error: new Error('rotation failed; keeping the old socket'),
          during: 'rotate',
        });
        const waiters = rotationWaiters;
        rotationWaiters = [];
        for (const resolve of waiters) resolve();
        // Try again later, before the server's cut.
        current.rotateTimer = clock.setTimeout(
          () => {
            if (current !== undefined) current.rotateTimer = undefined;
            void startRotation();
          },
          Math.min(60_000, Math.max(1000, maxMs)),
        );
      }
    }
  }

  function scheduleReconnect(): void {
    if (state === 'closed' || reconnectTimer !== undefined || immediate !== undefined) return;
    if (attempt >= maxAttempts) {
      emit({ type: 'gaveUp', attempts: attempt });
      void close();
      return;
    }
    const cap = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
    const delayMs = Math.floor(random() * cap);
    attempt += 1;
    state = 'reconnecting';
    emit({ type: 'reconnecting', attempt, delayMs });
    const go = (): void => {
      reconnectTimer = undefined;
      immediate = undefined;
      if (state === 'closed') return;
      pending = newSession(current === undefined && lostAt === undefined ? 'connect' : 'reconnect');
      void open(pending);
    };
    // A zero delay needs no timer on the clock (and must not wait a virtual clock's advance).
    if (delayMs <= 0) immediate = setImmediate(go);
    else reconnectTimer = clock.setTimeout(go, delayMs);
  }

  function startRotation(): Promise<void> {
    if (state === 'closed' || current === undefined) return Promise.resolve();
    const done = new Promise<void>((resolve) => rotationWaiters.push(resolve));
    if (pending === undefined) {
      emit({ type: 'rotating', sessionId: current.id });
      pending = newSession('rotate');
      void open(pending);
    }
    return done;
  }

  async function close(): Promise<void> {
    if (state === 'closed' && live.size === 0) return;
    state = 'closed';
    clock.clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    if (immediate !== undefined) clearImmediate(immediate);
    immediate = undefined;
    const sockets = [...live];
    current = pending = undefined;
    draining.clear();
    const waiters = rotationWaiters;
    rotationWaiters = [];
    for (const resolve of waiters) resolve();
    await Promise.all(
      sockets.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.state === 'closed') return resolve();
            s.onClosed = resolve;
            if (s.ws === undefined) return finish(s, 1000, 'closed');
            closeSession(s, 1000, 'closed');
          }),
      ),
    );
  }

  return {
    get state() {
      return state;
    },
    start() {
      if (state !== 'idle') return;
      state = 'connecting';
      pending = newSession('connect');
      void open(pending);
    },
    session: () => current,
    send(text) {
      if (current === undefined) return false;
      current.send(text);
      return true;
    },
    rotate: () => startRotation(),
    kill() {
      if (current !== undefined) terminate(current);
    },
    stats: () => ({ ...counters, sockets: live.size, attempt }),
    close,
  };
}
