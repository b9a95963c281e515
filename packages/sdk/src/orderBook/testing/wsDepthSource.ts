// Test adapter: reads the local exchange's diff stream with `ws` directly, until the SDK's market
// streams (packages/sdk/src/streams) provide the subscription. Not exported from the package.

import { parseJson } from '@basis/core';
import { WebSocket } from 'ws';
import type { Client } from '../../clients/createClient.js';
import { fetchDepthSnapshot } from '../depthDiffSource.js';
import type { DepthDiff, DepthDiffSource, DepthSnapshot } from '../types.js';

const WAIT_MS = 5000;

/** Options of {@link WsDepthSource}. */
export interface WsDepthSourceOptions {
  /** `ws://127.0.0.1:PORT` (USD-M), `ws://127.0.0.1:PORT/dstream` (COIN-M) */
  readonly wsUrl: string;
  /** Client for snapshots (its market's `depth`). */
  readonly client: Client;
  /** Stream suffix (default `@depth@100ms`). */
  readonly stream?: string;
  /** Return true to drop the n-th diff (0-based, per subscription) before the book sees it. */
  readonly drop?: (diff: DepthDiff, n: number) => boolean;
  /** Rewrites a diff before the book sees it (to corrupt one for the verification tests). */
  readonly mutate?: (diff: DepthDiff, n: number) => DepthDiff;
}

interface Subscription {
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly replies: Map<number, () => void>;
  received: number;
}

/** A {@link DepthDiffSource} over raw `ws` connections, one per subscription, with test hooks. */
export class WsDepthSource implements DepthDiffSource {
  readonly #options: WsDepthSourceOptions;
  readonly #subscriptions = new Set<Subscription>();
  #nextId = 1;
  /** Snapshots fetched, in order. */
  readonly snapshots: DepthSnapshot[] = [];

  constructor(options: WsDepthSourceOptions) {
    this.#options = options;
  }

  subscribe(symbol: string, onDiff: (diff: DepthDiff) => void): () => void {
    const { wsUrl, stream = '@depth@100ms', drop, mutate } = this.#options;
    const socket = new WebSocket(`${wsUrl}/ws/${symbol.toLowerCase()}${stream}`);
    const subscription: Subscription = {
      socket,
      replies: new Map(),
      received: 0,
      opened: bounded(
        new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        }),
        'the stream to open',
      ),
    };
    subscription.opened.catch(() => {});
    socket.on('error', () => {});
    socket.on('message', (data: Buffer) => {
      const message = parseJson(data.toString('utf8')) as { e?: string; id?: number; result?: unknown };
      if (message.e === 'depthUpdate') {
        const n = subscription.received++;
        const diff = message as unknown as DepthDiff;
        if (drop?.(diff, n) === true) return;
        onDiff(mutate === undefined ? diff : mutate(diff, n));
        return;
      }
      if (typeof message.id === 'number') {
        subscription.replies.get(message.id)?.();
        subscription.replies.delete(message.id);
      }
    });
    this.#subscriptions.add(subscription);
    return () => {
      this.#subscriptions.delete(subscription);
      socket.terminate();
    };
  }

  async fetchSnapshot(symbol: string, limit: number): Promise<DepthSnapshot> {
    const snapshot = await fetchDepthSnapshot(this.#options.client, symbol, limit);
    this.snapshots.push(snapshot);
    return snapshot;
  }

  /** Resolves when every subscription's socket is open. */
  async opened(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((s) => s.opened));
  }

  /**
   * Resolves once every frame the server sent before now was delivered: a LIST_SUBSCRIPTIONS round
   * trip on each socket (the reply travels behind the frames).
   */
  async sync(): Promise<void> {
    await Promise.all(
      [...this.#subscriptions].map((s) => {
        const id = this.#nextId++;
        const reply = new Promise<void>((resolve) => s.replies.set(id, resolve));
        s.socket.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id }));
        return bounded(reply, 'a LIST_SUBSCRIPTIONS reply');
      }),
    );
  }

  close(): void {
    for (const s of this.#subscriptions) s.socket.terminate();
    this.#subscriptions.clear();
  }
}

function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)),
      WAIT_MS,
    );
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
