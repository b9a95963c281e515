import type { Client } from '../clients/createClient.js';
import type { Streams } from '../streams/createStreams.js';
import type { StreamsMarket } from '../streams/descriptors.js';
import { depthDiffSource } from './depthDiffSource.js';
import type { DepthDiffSource } from './types.js';

/** Options of {@link streamDepthSource}. */
export interface StreamDepthSourceOptions {
  /** A client of either market: snapshots from its `depth` endpoint through its rate governor. */
  readonly client: Client;
  /** The market streams the diffs come from (`createStreams(client)`, the same market's). */
  readonly streams: Streams<StreamsMarket>;
  /** The diff stream's update speed (default `100ms`). */
  readonly speed?: '100ms' | '250ms' | '500ms';
}

/**
 * The order book's diff source over the SDK's market streams: `<symbol>@depth@<speed>` diffs, REST
 * snapshots, and a resync as soon as the stream's connection reports a gap (a reconnect lost
 * events), instead of waiting for the next diff's broken `pu`.
 *
 * @example
 * const streams = createStreams(client);
 * const book = createOrderBook({ symbol: 'BTCUSDT', source: streamDepthSource({ client, streams }) });
 * await book.ready(10_000);
 * book.bestBid(); // { price, quantity } as exact decimals
 */
export function streamDepthSource(options: StreamDepthSourceOptions): DepthDiffSource {
  const { client, streams } = options;
  const suffix = options.speed === '250ms' ? '' : `@${options.speed ?? '100ms'}`;
  return depthDiffSource({
    client,
    subscribe: (symbol, onDiff, onInterrupt) => {
      const name = `${symbol.toLowerCase()}@depth${suffix}` as `${string}@depth@100ms`;
      const subscription = streams.subscribe(name, (event) => onDiff(event));
      const stopWatching = streams.onEvent((event) => {
        if (event.type === 'gap' && event.streams.includes(name)) onInterrupt?.('reconnected');
      });
      return () => {
        stopWatching();
        subscription.unsubscribe();
      };
    },
  });
}
