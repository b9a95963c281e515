import type { Clock } from '@basis/core';
import type { WebSocket } from 'ws';
import type { Product } from '../venue/venue.js';
import { type ControlRequest, controlError, controlResult, parseControl } from './control.js';
import type { WebSocketLimits } from './limits.js';
import { type CloseReason, ManagedSocket, type SocketFaults } from './managedSocket.js';
import type { MarketStreams } from './marketStreams.js';
import type { ListenKeyRequest } from './paths.js';
import { parseStreamName, type StreamSpec } from './streamNames.js';
import type { StreamSubscriber } from './topic.js';
import type { UserStreams } from './userStreams.js';

/** What a market/user-data connection is opened with. */
export interface StreamConnectionOptions {
  readonly clock: Clock;
  readonly limits: WebSocketLimits;
  readonly ip: string;
  readonly market: MarketStreams;
  readonly user: UserStreams;
  /** Whose stream names `SUBSCRIBE` reads (COIN-M adds pair streams). */
  readonly product: Product;
  /** `/stream` forms start combined, `/ws` forms raw. */
  readonly combined: boolean;
  /** Streams named in the URL (already checked and within the limit). */
  readonly streams: readonly { readonly name: string; readonly spec: StreamSpec }[];
  /** `?listenKey=…&events=…` pairs from the URL. */
  readonly listenKeys: readonly ListenKeyRequest[];
  readonly onClose: (connection: StreamConnection, reason: CloseReason) => void;
  /** Stream fault injection (`silence`, `delay`, `reorder`). */
  readonly faults?: SocketFaults;
}

/**
 * One market-stream or user-data connection: its subscriptions (URL streams first, then live
 * `SUBSCRIBE`s, in order), its `combined` property, and Binance's control messages (§9.2, §9.3).
 */
export class StreamConnection implements StreamSubscriber {
  readonly socket: ManagedSocket;
  combined: boolean;
  readonly #market: MarketStreams;
  readonly #user: UserStreams;
  readonly #limits: WebSocketLimits;
  readonly #product: Product;
  readonly #streams = new Map<string, StreamSpec>();

  constructor(ws: WebSocket, options: StreamConnectionOptions) {
    this.combined = options.combined;
    this.#market = options.market;
    this.#user = options.user;
    this.#limits = options.limits;
    this.#product = options.product;
    this.socket = new ManagedSocket(ws, {
      clock: options.clock,
      limits: options.limits,
      ip: options.ip,
      rateLimited: true,
      ...(options.faults === undefined ? {} : { faults: options.faults }),
      handlers: {
        onText: (text) => this.#onText(text),
        onClose: (reason) => {
          this.#unsubscribeAll();
          options.onClose(this, reason);
        },
      },
    });
    for (const { name, spec } of options.streams) this.#subscribe(name, spec, undefined);
    for (const { listenKey, events } of options.listenKeys) {
      if (listenKey !== '') this.#subscribe(listenKey, { kind: 'listenKey', listenKey }, events);
    }
  }

  /** The stream names this connection listens to, in subscription order. */
  get streams(): readonly string[] {
    return [...this.#streams.keys()];
  }

  send(data: Buffer, stream: string): void {
    this.socket.send(data, stream);
  }

  #onText(text: string): void {
    const parsed = parseControl(text);
    if (!parsed.ok) {
      this.socket.send(Buffer.from(parsed.reply, 'utf8'));
      if (parsed.close) this.socket.close('invalidJson');
      return;
    }
    this.socket.send(Buffer.from(this.#answer(parsed.request), 'utf8'));
  }

  #answer(request: ControlRequest): string {
    switch (request.method) {
      case 'SUBSCRIBE': {
        const wanted: { name: string; spec: StreamSpec }[] = [];
        for (const name of request.params) {
          const spec = parseStreamName(name, this.#product);
          if (spec === undefined)
            return controlError(2, `Invalid request: unknown stream name \`${name}\``, request.id);
          if (!this.#streams.has(name) && !wanted.some((w) => w.name === name)) wanted.push({ name, spec });
        }
        if (this.#streams.size + wanted.length > this.#limits.maxStreamsPerConnection) {
          return controlError(
            2,
            `Invalid request: a connection can listen to at most ${this.#limits.maxStreamsPerConnection} streams`,
            request.id,
          );
        }
        for (const { name, spec } of wanted) this.#subscribe(name, spec, undefined);
        return controlResult(null, request.id);
      }
      case 'UNSUBSCRIBE':
        for (const name of request.params) this.#unsubscribe(name);
        return controlResult(null, request.id);
      case 'LIST_SUBSCRIPTIONS':
        return controlResult(this.streams, request.id);
      case 'SET_PROPERTY':
        this.combined = request.value;
        return controlResult(null, request.id);
      case 'GET_PROPERTY':
        return controlResult(this.combined, request.id);
    }
  }

  #subscribe(name: string, spec: StreamSpec, events: readonly string[] | undefined): void {
    if (this.#streams.has(name)) return;
    this.#streams.set(name, spec);
    if (spec.kind === 'listenKey') this.#user.attach(this, spec.listenKey, events);
    else this.#market.subscribe(this, name, spec);
  }

  #unsubscribe(name: string): void {
    const spec = this.#streams.get(name);
    if (spec === undefined) return;
    this.#streams.delete(name);
    if (spec.kind === 'listenKey') this.#user.detach(this, spec.listenKey);
    else this.#market.unsubscribe(this, name);
  }

  #unsubscribeAll(): void {
    for (const name of [...this.#streams.keys()]) this.#unsubscribe(name);
  }
}
