import type { Clock, TimerHandle } from '@basis/core';
import { WebSocket } from 'ws';
import type { FaultConnectionView, WebSocketFaults } from '../faults/streamFaults.js';
import { HeldFrames } from './heldFrames.js';
import type { WebSocketLimits } from './limits.js';

/** Why the server ended a connection (for tests, stats and fault injection). */
export type CloseReason =
  | 'client'
  | 'lifetime'
  | 'pongTimeout'
  | 'messageRate'
  | 'slowConsumer'
  | 'invalidJson'
  | 'server';

/** What a {@link ManagedSocket} reports to its owner. */
export interface ManagedSocketHandlers {
  /** A text (or binary, read as UTF-8) message arrived within the rate limit. */
  onText(text: string): void;
  /** The connection is gone; called once. */
  onClose(reason: CloseReason): void;
}

/**
 * Stream faults applied to one socket: the injector and the connection as its rules see it. A
 * socket with faults answers client pings itself (its server runs with `autoPong: false`), so a
 * `silence` rule can swallow the pongs too.
 */
export interface SocketFaults {
  readonly source: Pick<WebSocketFaults, 'hasStreamRules' | 'streamFault'>;
  readonly view: FaultConnectionView;
}

/** Close codes the server sends. */
const CLOSE_NORMAL = 1000;
const CLOSE_POLICY = 1008;
const CLOSE_GOING_AWAY = 1001;

/**
 * One server-side WebSocket with Binance's connection rules: a ping every `pingIntervalMs` (answered
 * pongs must echo its payload), a drop when a ping stays unanswered for `pongTimeoutMs`, a close
 * after `maxLifetimeMs`, an optional incoming-frame rate limit, and a drop of a consumer whose unsent
 * bytes exceed `maxBufferedBytes`. Every timer runs on the exchange's clock.
 *
 * With `faults`, each outgoing frame first asks the injector (only while a stream rule is active, or
 * frames are still held): `silence` sends nothing (no data, no pings, no pongs; the TCP connection
 * and its 24 h cut stay), `delay` and `reorder` hold frames ({@link HeldFrames}), and held bytes
 * count toward `maxBufferedBytes`.
 */
export class ManagedSocket {
  readonly ws: WebSocket;
  /** When the connection opened (exchange clock), ms. */
  readonly connectedSince: number;
  /** The client's IP. */
  readonly ip: string;
  readonly #clock: Clock;
  readonly #limits: WebSocketLimits;
  readonly #handlers: ManagedSocketHandlers;
  readonly #rateLimited: boolean;
  readonly #faults: SocketFaults | undefined;
  #held: HeldFrames | undefined;
  readonly #lifetime: TimerHandle;
  readonly #pinger: TimerHandle;
  #pongDeadline: TimerHandle | undefined;
  /** Payloads of the pings not answered yet. */
  readonly #outstanding = new Set<string>();
  #window = 0;
  #count = 0;
  #closed = false;
  #reason: CloseReason = 'client';

  constructor(
    ws: WebSocket,
    options: {
      readonly clock: Clock;
      readonly limits: WebSocketLimits;
      readonly ip: string;
      /** Whether incoming frames count against `maxIncomingPerSecond` (market and user-data streams). */
      readonly rateLimited: boolean;
      readonly handlers: ManagedSocketHandlers;
      /** Stream fault injection; the server must then run with `autoPong: false`. */
      readonly faults?: SocketFaults;
    },
  ) {
    this.ws = ws;
    this.#clock = options.clock;
    this.#limits = options.limits;
    this.#handlers = options.handlers;
    this.#rateLimited = options.rateLimited;
    this.#faults = options.faults;
    this.ip = options.ip;
    this.connectedSince = this.#clock.now();
    this.#lifetime = this.#clock.setTimeout(() => this.close('lifetime'), this.#limits.maxLifetimeMs);
    this.#pinger = this.#clock.setInterval(() => this.#ping(), this.#limits.pingIntervalMs);
    ws.on('message', (data) => {
      if (!this.#admit()) return;
      this.#handlers.onText(textOf(data));
    });
    ws.on('ping', (data) => {
      if (!this.#admit()) return;
      // Without faults `ws` answers by itself (autoPong).
      if (this.#faults !== undefined && this.open && !this.#silenced()) this.ws.pong(data);
    });
    ws.on('pong', (data) => {
      if (!this.#admit()) return;
      // Unsolicited pongs are allowed but do not keep the connection alive (Binance's rule).
      if (this.#outstanding.has(data.toString('utf8'))) {
        this.#clock.clearTimeout(this.#pongDeadline);
        this.#pongDeadline = undefined;
        this.#outstanding.clear();
      }
    });
    ws.on('error', () => {
      // A protocol error closes the socket; 'close' follows and reports it.
    });
    ws.on('close', () => this.#finish());
  }

  /** Whether the connection is still open. */
  get open(): boolean {
    return !this.#closed && this.ws.readyState === WebSocket.OPEN;
  }

  /**
   * Queues one frame; `data` is sent as a text frame (a Buffer is sent as is, so one encoding serves
   * every subscriber). A consumer already holding more than `maxBufferedBytes` unsent is dropped.
   * `stream` names the stream the frame belongs to (`''`: control replies, WebSocket API answers),
   * for fault injection's `reorder`, which never reorders one stream.
   */
  send(data: Buffer | string, stream = ''): void {
    if (!this.open) return;
    const faults = this.#faults;
    if (faults !== undefined && (faults.source.hasStreamRules || (this.#held?.size ?? 0) > 0)) {
      this.#sendFaulted(data, stream, faults);
      return;
    }
    if (this.ws.bufferedAmount > this.#limits.maxBufferedBytes) {
      this.close('slowConsumer');
      return;
    }
    this.ws.send(data, { binary: false });
  }

  /** `send` under stream faults: `stream` keys the per-stream order a `reorder` keeps. */
  #sendFaulted(data: Buffer | string, stream: string, faults: SocketFaults): void {
    const plan = faults.source.hasStreamRules ? faults.source.streamFault(faults.view) : undefined;
    if (plan?.silent === true) return;
    const heldBytes = this.#held?.bytes ?? 0;
    if (this.ws.bufferedAmount + heldBytes > this.#limits.maxBufferedBytes) {
      this.close('slowConsumer');
      return;
    }
    if (plan === undefined && heldBytes === 0 && (this.#held?.size ?? 0) === 0) {
      this.ws.send(data, { binary: false });
      return;
    }
    this.#held ??= new HeldFrames(this.#clock, (frame) => {
      if (this.open) this.ws.send(frame, { binary: false });
    });
    this.#held.hold(data, stream, plan);
  }

  /** Whether a `silence` rule swallows a ping or pong of this connection now. */
  #silenced(): boolean {
    const faults = this.#faults;
    if (faults === undefined || !faults.source.hasStreamRules) return false;
    return faults.source.streamFault(faults.view, 'control')?.silent === true;
  }

  /**
   * Ends the connection. A slow consumer, a client over the message rate and a dead peer are cut
   * (TCP reset, nothing more is queued behind their backlog); the others get a close frame.
   */
  close(reason: CloseReason): void {
    if (this.#closed) return;
    this.#reason = reason;
    if (reason === 'slowConsumer' || reason === 'pongTimeout') {
      this.ws.terminate();
    } else {
      const code =
        reason === 'messageRate' || reason === 'invalidJson'
          ? CLOSE_POLICY
          : reason === 'server'
            ? CLOSE_GOING_AWAY
            : CLOSE_NORMAL;
      this.ws.close(code);
      // A peer that never answers the close frame is cut after a grace period by `ws` itself.
    }
    this.#finish();
  }

  /** Counts an incoming frame; over the limit the connection is closed and false returned. */
  #admit(): boolean {
    if (this.#closed) return false;
    if (!this.#rateLimited) return true;
    const window = Math.floor(this.#clock.now() / 1000);
    if (window !== this.#window) {
      this.#window = window;
      this.#count = 0;
    }
    this.#count += 1;
    if (this.#count <= this.#limits.maxIncomingPerSecond) return true;
    this.close('messageRate');
    return false;
  }

  #ping(): void {
    if (!this.open) return;
    // A silent connection does not ping either (and so expects no pong).
    if (this.#silenced()) return;
    const payload = String(this.#clock.now());
    this.#outstanding.add(payload);
    this.ws.ping(payload);
    this.#pongDeadline ??= this.#clock.setTimeout(
      () => this.close('pongTimeout'),
      this.#limits.pongTimeoutMs,
    );
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clock.clearTimeout(this.#lifetime);
    this.#clock.clearInterval(this.#pinger);
    this.#clock.clearTimeout(this.#pongDeadline);
    this.#held?.clear();
    this.#handlers.onClose(this.#reason);
  }
}

function textOf(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
