import type { Clock, TimerHandle } from '@basis/core';
import type { WebSocket as WsSocket } from 'ws';
import { type ProxyTarget, tunnelAgent } from '../transports/proxyTunnel.js';

// The socket handler of the WebSocket API client: it owns one `ws` socket at a time, opens it with a
// time limit, pings it, and reconnects with backoff and jitter on the injected clock and randomness.
// It knows nothing of requests or sessions: the client (createWsApiClient.ts) is the orchestrator.
// (packages/sdk/src/streams/ did not exist when this was written, so the WebSocket API keeps this
// small handler of its own.)

/** How a lost connection is reopened. */
export interface ReconnectOptions {
  /** First backoff ceiling, ms (default 250); doubles per failed attempt. */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling, ms (default 10000). */
  readonly maxDelayMs?: number;
  /** Attempts in a row before giving up (default: unbounded, until `close()`). */
  readonly maxAttempts?: number;
}

/** The socket's state. `waiting`: closed, a reconnection is scheduled. */
export type SocketState = 'idle' | 'connecting' | 'open' | 'waiting' | 'closed';

/** What the handler reports to its owner. */
export interface SocketHandlers {
  /** The socket is open (first time or after a reconnection). */
  onOpen(): void;
  onMessage(text: string): void;
  /** The socket closed or failed to open; `error` when it failed. Followed by a reconnection unless closed. */
  onClose(info: { readonly code: number; readonly reason: string; readonly error?: Error }): void;
  onReconnectScheduled(info: { readonly attempt: number; readonly delayMs: number }): void;
  /** `maxAttempts` failures in a row: no more reconnections. */
  onGiveUp(): void;
}

/** Options of {@link createSocket}. */
export interface SocketOptions {
  readonly url: string;
  readonly clock: Clock;
  /** Uniform in [0, 1), for the jitter. */
  readonly random: () => number;
  /** Time limit of the opening handshake, ms. */
  readonly connectTimeoutMs: number;
  /** Interval of our pings, ms; a ping unanswered at the next one ends the connection. `false`: none. */
  readonly pingIntervalMs: number | false;
  readonly reconnect: ReconnectOptions;
  readonly handlers: SocketHandlers;
  /** The proxy the socket tunnels through. */
  readonly proxy?: ProxyTarget;
}

/** One logical connection, reopened after each loss. */
export interface Socket {
  readonly state: SocketState;
  /** Opens the connection (once; later calls do nothing). */
  start(): void;
  /** Writes a text frame; false when the socket is not open (nothing was written). */
  send(text: string): boolean;
  /** Closes the connection now (it is reopened by the backoff), as after a network loss. */
  drop(): void;
  /** Closes for good: no reconnection. */
  close(): Promise<void>;
}

/** The backoff before reconnection number `attempt` (1-based): half the ceiling plus a random half. */
export function reconnectDelayMs(attempt: number, options: ReconnectOptions, random: () => number): number {
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 10_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.floor(ceiling / 2 + (ceiling / 2) * jitter);
}

type WsModule = typeof import('ws');
let wsModule: Promise<WsModule> | undefined;

/** `ws`, imported on first use (ADR 0004: nothing is loaded at import time). */
function loadWs(): Promise<WsModule> {
  wsModule ??= import('ws');
  return wsModule;
}

/** Creates the socket handler; nothing happens before `start()`. */
export function createSocket(options: SocketOptions): Socket {
  const { clock, handlers } = options;
  let state: SocketState = 'idle';
  let socket: WsSocket | undefined;
  let failures = 0;
  let retryTimer: TimerHandle | undefined;
  let connectTimer: TimerHandle | undefined;
  let pingTimer: TimerHandle | undefined;
  let awaitingPong = false;
  let closedPromise: Promise<void> | undefined;

  const isClosed = () => state === 'closed';

  const clearTimers = () => {
    clock.clearTimeout(connectTimer);
    clock.clearInterval(pingTimer);
    connectTimer = undefined;
    pingTimer = undefined;
  };

  const schedule = () => {
    if (state === 'closed') return;
    failures += 1;
    const max = options.reconnect.maxAttempts;
    if (max !== undefined && failures > max) {
      state = 'closed';
      handlers.onGiveUp();
      return;
    }
    const delayMs = reconnectDelayMs(failures, options.reconnect, options.random);
    state = 'waiting';
    handlers.onReconnectScheduled({ attempt: failures, delayMs });
    retryTimer = clock.setTimeout(() => {
      retryTimer = undefined;
      void open();
    }, delayMs);
  };

  const lost = (current: WsSocket, code: number, reason: string, error?: Error) => {
    if (socket !== current) return;
    socket = undefined;
    clearTimers();
    current.removeAllListeners();
    // An error may follow the close on a half-open socket: keep a listener so it never goes unhandled.
    current.on('error', () => {});
    const wasClosed = state === 'closed';
    handlers.onClose({ code, reason, ...(error === undefined ? {} : { error }) });
    if (!wasClosed) schedule();
  };

  const open = async () => {
    if (state === 'closed') return;
    state = 'connecting';
    let WebSocket: WsModule['WebSocket'];
    try {
      ({ WebSocket } = await loadWs());
    } catch (error) {
      handlers.onClose({ code: 1006, reason: 'ws unavailable', error: error as Error });
      schedule();
      return;
    }
    // close() may have run during the import.
    if (isClosed()) return;
    const current = new WebSocket(options.url, {
      handshakeTimeout: options.connectTimeoutMs,
      ...(options.proxy === undefined
        ? {}
        : { agent: tunnelAgent(options.proxy, options.url.startsWith('wss:')) }),
    });
    socket = current;
    connectTimer = clock.setTimeout(() => {
      current.terminate();
      lost(
        current,
        1006,
        'connect timeout',
        new Error(`No WebSocket handshake within ${options.connectTimeoutMs} ms.`),
      );
    }, options.connectTimeoutMs);
    current.on('open', () => {
      if (socket !== current) return;
      clock.clearTimeout(connectTimer);
      connectTimer = undefined;
      failures = 0;
      state = 'open';
      awaitingPong = false;
      if (options.pingIntervalMs !== false) {
        pingTimer = clock.setInterval(() => {
          if (awaitingPong) {
            current.terminate();
            lost(current, 1006, 'pong timeout', new Error('The WebSocket API did not answer a ping.'));
            return;
          }
          awaitingPong = true;
          current.ping();
        }, options.pingIntervalMs);
      }
      handlers.onOpen();
    });
    current.on('pong', () => {
      awaitingPong = false;
    });
    current.on('message', (data) => {
      if (socket !== current) return;
      const bytes = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data);
      handlers.onMessage(bytes.toString('utf8'));
    });
    current.on('error', (error) => lost(current, 1006, error.message, error));
    current.on('close', (code, reason) => lost(current, code, reason.toString('utf8')));
  };

  return {
    get state() {
      return state;
    },
    start() {
      if (state !== 'idle') return;
      void open();
    },
    send(text) {
      if (state !== 'open' || socket === undefined || socket.readyState !== socket.OPEN) return false;
      socket.send(text);
      return true;
    },
    drop() {
      const current = socket;
      if (current === undefined) return;
      current.terminate();
      lost(current, 1006, 'dropped');
    },
    close() {
      if (closedPromise !== undefined) return closedPromise;
      state = 'closed';
      clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = socket;
      clearTimers();
      if (current !== undefined) lost(current, 1000, 'client');
      closedPromise = new Promise<void>((resolve) => {
        if (current === undefined || current.readyState === current.CLOSED) {
          resolve();
          return;
        }
        const done = clock.setTimeout(() => {
          current.terminate();
          resolve();
        }, 1000);
        current.once('close', () => {
          clock.clearTimeout(done);
          resolve();
        });
        if (current.readyState === current.CONNECTING) current.terminate();
        else current.close(1000, 'client');
      });
      return closedPromise;
    },
  };
}
