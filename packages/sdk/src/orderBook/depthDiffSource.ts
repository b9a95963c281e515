import type { DepthLimit } from '@basis/core';
import { getCoinmDepth } from '../actions/market/coinm/getCoinmDepth.js';
import { getDepth } from '../actions/market/getDepth.js';
import type { Client } from '../clients/createClient.js';
import type { DepthDiff, DepthDiffSource, DepthSnapshot } from './types.js';

/** Options of {@link depthDiffSource}. */
export interface DepthDiffSourceOptions {
  /**
   * A client of either market; snapshots come from `GET /fapi/v1/depth` (USD-M) or
   * `GET /dapi/v1/depth` (COIN-M) through its rate governor.
   */
  readonly client: Client;
  /**
   * Subscribes to `symbol`'s diff stream: the market-streams layer's subscription to
   * `<symbol lowercase>@depth@100ms` (or `@depth`, `@depth@500ms`), calling `onDiff` with each
   * `depthUpdate` payload in order and `onInterrupt` when it reconnected (events may be lost).
   * Returns the unsubscribe function.
   */
  readonly subscribe: DepthDiffSource['subscribe'];
}

/**
 * Pairs a diff-stream subscription with REST snapshots from `getDepth`: the usual
 * {@link DepthDiffSource} of {@link createOrderBook}. Its `clock` is the client's, so the book's
 * timers run on it.
 *
 * @example
 * const source = depthDiffSource({
 *   client,
 *   subscribe: (symbol, onDiff, onInterrupt) =>
 *     streams.subscribe(`${symbol.toLowerCase()}@depth@100ms`, onDiff, { onReconnect: onInterrupt }),
 * });
 */
export function depthDiffSource(options: DepthDiffSourceOptions): DepthDiffSource {
  const { client, subscribe } = options;
  return {
    clock: client.clock,
    subscribe: (symbol: string, onDiff: (diff: DepthDiff) => void, onInterrupt?: (reason: string) => void) =>
      subscribe(symbol, onDiff, onInterrupt),
    fetchSnapshot: (symbol: string, limit: number) => fetchDepthSnapshot(client, symbol, limit),
  };
}

/** A REST depth snapshot from the client's market: `getDepth` (USD-M) or `getCoinmDepth` (COIN-M). */
export function fetchDepthSnapshot(client: Client, symbol: string, limit: number): Promise<DepthSnapshot> {
  const parameters = { symbol, limit: limit as DepthLimit };
  return client.market === 'coinm' ? getCoinmDepth(client, parameters) : getDepth(client, parameters);
}
