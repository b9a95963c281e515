import type { TradeId } from '../marketData/tradeId.js';
import { DepthChanges } from './depthChanges.js';
import type { MarketStreamSpec } from './streamNames.js';
import type { Payload, Topic } from './topic.js';

// The state behind each kind of market stream, between flushes.

export type SpecOf<K extends MarketStreamSpec['kind']> = Extract<MarketStreamSpec, { readonly kind: K }>;

/** The data behind one or more stream names (`btcusdt@depth` and `btcusdt@depth@250ms` share one). */
export class Feed<S extends MarketStreamSpec = MarketStreamSpec> {
  readonly key: string;
  readonly spec: S;
  readonly topics = new Set<Topic>();

  constructor(key: string, spec: S) {
    this.key = key;
    this.spec = spec;
  }

  publish(payload: Payload): void {
    for (const topic of this.topics) topic.publish(payload);
  }
}

/** `@aggTrade`: aggregate trades after `cursor` are sent at the next flush once the symbol traded. */
export class AggTradeFeed extends Feed<SpecOf<'aggTrade'>> {
  /** The last aggregate trade sent (undefined: none existed when the stream started). */
  cursor: TradeId | undefined;
  dirty = false;
}

/** The kline streams: trade, continuous, and COIN-M's mark-price and index-price klines. */
export type KlineSpec =
  | SpecOf<'kline'>
  | SpecOf<'continuousKline'>
  | SpecOf<'markPriceKline'>
  | SpecOf<'indexPriceKline'>;

/** The kline streams: the candle last sent, to send only changes and close once. */
export class KlineFeed extends Feed<KlineSpec> {
  lastOpen: number | undefined;
  lastK: string | undefined;
}

/** `@bookTicker`: the best levels last sent, to send only when they change. */
export class BookTickerFeed extends Feed<SpecOf<'bookTicker'>> {
  last: string | undefined;
}

/** `@depth<N>`: the `u` of the previous event (`pu` of the next). */
export class PartialDepthFeed extends Feed<SpecOf<'partialDepth'>> {
  lastU = 0n;
}

/** `@depth`: the level changes since the previous event. */
export class DiffDepthFeed extends Feed<SpecOf<'diffDepth'>> {
  changes: DepthChanges = new DepthChanges(0n);
}

/** A value computed once per flush instant (a symbol's ticker for both ticker streams, say). */
export class InstantCache<T> {
  readonly #entries = new Map<string, { readonly time: number; readonly value: T }>();

  get(key: string, time: number, compute: () => T): T {
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.time === time) return hit.value;
    const value = compute();
    this.#entries.set(key, { time, value });
    return value;
  }
}
