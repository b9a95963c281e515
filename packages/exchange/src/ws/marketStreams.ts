import { type Clock, stringifyJson, type TimerHandle } from '@basis/core';
import { type KlineFormat, SAMPLE_KLINE_FORMAT, tradeKlineFormat } from '../api/market/format.js';
import { indexMarketOfPair } from '../api/market/query.js';
import type { Kline, KlineStore } from '../marketData/klines.js';
import type { TradeId } from '../marketData/tradeId.js';
import type { BookSide } from '../matching/types.js';
import { followsContinuous } from '../venue/delivery.js';
import type { ForceOrderEventData, TradeEventData } from '../venue/events.js';
import type { Market } from '../venue/market.js';
import type { Product, Venue } from '../venue/venue.js';
import { DepthChanges } from './depthChanges.js';
import {
  AggTradeFeed,
  BookTickerFeed,
  DiffDepthFeed,
  Feed,
  InstantCache,
  KlineFeed,
  type KlineSpec,
  PartialDepthFeed,
  type SpecOf,
} from './feeds.js';
import {
  aggTradeEvent,
  bookTickerEvent,
  diffDepthEvent,
  forceOrderEvent,
  indexPriceEvent,
  klinePayload,
  markPriceEvent,
  partialDepthEvent,
  tickerEvents,
  tradeEvent,
} from './marketPayloads.js';
import { CADENCES, type Cadence, type DepthSpeed, feedKey, type MarketStreamSpec } from './streamNames.js';
import { Payload, type StreamSubscriber, Topic } from './topic.js';

/** How {@link MarketStreams} is set up. */
export interface MarketStreamsOptions {
  readonly venue: Venue;
  readonly clock: Clock;
  /** Told about a failure while building or sending a flush (the flush is skipped, the timers go on). */
  readonly onInternalError?: (error: unknown) => void;
}

/**
 * Every market stream of §9.4 (COIN-M's of §13.4 on a COIN-M venue), fanned out to subscribed
 * connections. Each event is built once per
 * flush (or once per venue event for the real-time streams) and the same bytes go to every
 * subscriber. Throttled streams are flushed by one timer per cadence on the exchange's clock, so a
 * `VirtualClock` makes them deterministic:
 *
 * | cadence | streams |
 * |---|---|
 * | real time (after the command) | `@trade`, `@bookTicker` (when the best level changes) |
 * | 100 ms | `@aggTrade`, depth `@100ms` |
 * | 250 ms | `@kline_<i>`, `@continuousKline_<i>`, COIN-M `@markPriceKline_<i>` and `@indexPriceKline_<i>` (when the candle changed; `x: true` once when it closes), depth (default) |
 * | 500 ms | depth `@500ms`, `@rpiDepth@500ms`; COIN-M `@miniTicker`, `@ticker` |
 * | 1 s | `@markPrice@1s`, `!markPrice@arr@1s`, COIN-M `<pair>@markPrice@1s` and `@indexPrice@1s`, `!miniTicker@arr` and `!ticker@arr` (symbols that traded), `@forceOrder` and `!forceOrder@arr` (the largest liquidation per symbol) |
 * | 2 s | USD-M `@miniTicker`, `@ticker` |
 * | 3 s | `@markPrice`, `!markPrice@arr`, COIN-M `<pair>@markPrice` and `@indexPrice` |
 * | 5 s | `!bookTicker` (every symbol) |
 *
 * Timers run only while some stream is subscribed.
 */
export class MarketStreams {
  readonly #venue: Venue;
  readonly #product: Product;
  /** `@ticker` and `@miniTicker`: every 2 s on USD-M, every 500 ms on COIN-M. */
  readonly #tickerCadence: Cadence;
  readonly #clock: Clock;
  readonly #onInternalError: (error: unknown) => void;
  readonly #topics = new Map<string, { readonly topic: Topic; readonly feed: Feed }>();
  readonly #feeds = new Map<string, Feed>();
  #timers: TimerHandle[] = [];

  // Indexes of the feeds by what drives them.
  readonly #trade = new Map<string, Feed>();
  readonly #aggTrade = new Map<string, AggTradeFeed>();
  readonly #markPrice = new Set<Feed<SpecOf<'markPrice'>>>();
  readonly #markPriceAll = new Set<Feed<SpecOf<'markPriceAll'>>>();
  readonly #markPricePair = new Set<Feed<SpecOf<'markPricePair'>>>();
  readonly #indexPrice = new Set<Feed<SpecOf<'indexPrice'>>>();
  readonly #klines = new Set<KlineFeed>();
  readonly #miniTicker = new Set<Feed<SpecOf<'miniTicker'>>>();
  readonly #ticker = new Set<Feed<SpecOf<'ticker'>>>();
  #miniTickerAll: Feed | undefined;
  #tickerAll: Feed | undefined;
  readonly #bookTicker = new Map<string, BookTickerFeed>();
  #bookTickerAll: Feed | undefined;
  readonly #forceOrder = new Map<string, Feed>();
  #forceOrderAll: Feed | undefined;
  readonly #partialDepth = new Set<PartialDepthFeed>();
  readonly #diffDepth = new Map<string, Set<DiffDepthFeed>>();

  /** Symbols that traded since the last `!ticker@arr` flush. */
  readonly #traded = new Set<string>();
  /** Symbols whose book changed since the last real-time bookTicker flush. */
  readonly #bookDirty = new Set<string>();
  #bookFlushQueued = false;
  /** When each symbol's book last changed (`T` of bookTicker and depth). */
  readonly #bookTime = new Map<string, number>();
  /** The largest liquidation per symbol in the current second. */
  readonly #liquidations = new Map<string, ForceOrderEventData>();
  readonly #markJson = new InstantCache<string>();
  readonly #tickerJson = new InstantCache<{ readonly ticker: string; readonly mini: string } | undefined>();

  constructor(options: MarketStreamsOptions) {
    this.#venue = options.venue;
    this.#product = options.venue.product;
    this.#tickerCadence = this.#product === 'coinm' ? 500 : 2000;
    this.#clock = options.clock;
    this.#onInternalError = options.onInternalError ?? (() => {});
  }

  /** Number of distinct stream names with at least one subscriber. */
  get topicCount(): number {
    return this.#topics.size;
  }

  /** Adds `subscriber` to stream `name`; the stream starts with the next event or flush. */
  subscribe(subscriber: StreamSubscriber, name: string, spec: MarketStreamSpec): void {
    let entry = this.#topics.get(name);
    if (entry === undefined) {
      const key = feedKey(spec);
      let feed = this.#feeds.get(key);
      if (feed === undefined) {
        feed = this.#createFeed(key, spec);
        this.#feeds.set(key, feed);
      }
      entry = { topic: new Topic(name), feed };
      feed.topics.add(entry.topic);
      this.#topics.set(name, entry);
      if (this.#timers.length === 0) this.#startTimers();
    }
    entry.topic.subscribers.add(subscriber);
  }

  /** Removes `subscriber` from stream `name` (nothing happens when it was not subscribed). */
  unsubscribe(subscriber: StreamSubscriber, name: string): void {
    const entry = this.#topics.get(name);
    if (entry === undefined || !entry.topic.subscribers.delete(subscriber)) return;
    if (entry.topic.subscribers.size > 0) return;
    this.#topics.delete(name);
    entry.feed.topics.delete(entry.topic);
    if (entry.feed.topics.size === 0) {
      this.#feeds.delete(entry.feed.key);
      this.#dropFeed(entry.feed);
    }
    if (this.#topics.size === 0) this.#stopTimers();
  }

  /** Stops every timer; subscriptions are forgotten. */
  close(): void {
    this.#stopTimers();
    for (const [name, entry] of [...this.#topics]) {
      for (const subscriber of [...entry.topic.subscribers]) this.unsubscribe(subscriber, name);
    }
  }

  // Venue events -----------------------------------------------------------------------------------

  /** A public trade, delivered after the command that made it. */
  onTrade(trade: TradeEventData): void {
    const feed = this.#trade.get(trade.symbol);
    if (feed !== undefined) {
      const market = this.#venue.markets.get(trade.symbol);
      if (market !== undefined) {
        feed.publish(new Payload(stringifyJson(tradeEvent(market, trade, this.#venue.now))));
      }
    }
    const agg = this.#aggTrade.get(trade.symbol);
    if (agg !== undefined) agg.dirty = true;
    if (this.#miniTickerAll !== undefined || this.#tickerAll !== undefined) this.#traded.add(trade.symbol);
  }

  /** A book level changed (delivered while the command runs: only recorded here, sent later). */
  onDepthLevel(symbol: string, side: BookSide, priceTick: number, qtySteps: number, updateId: bigint): void {
    const now = this.#venue.now;
    this.#bookTime.set(symbol, now);
    const diffs = this.#diffDepth.get(symbol);
    if (diffs !== undefined)
      for (const feed of diffs) feed.changes.record(side, priceTick, qtySteps, updateId, now);
    if (this.#bookTicker.has(symbol)) {
      this.#bookDirty.add(symbol);
      if (!this.#bookFlushQueued) {
        this.#bookFlushQueued = true;
        // After the running command: the book is complete, and REST shows it.
        queueMicrotask(() => this.#guard(() => this.#flushBookTickers()));
      }
    }
  }

  /** A liquidation order executed: the largest per symbol and second is streamed. */
  onForceOrder(order: ForceOrderEventData): void {
    if (!this.#forceOrder.has(order.symbol) && this.#forceOrderAll === undefined) return;
    const current = this.#liquidations.get(order.symbol);
    if (current === undefined || notional(order) > notional(current))
      this.#liquidations.set(order.symbol, order);
  }

  // Feeds --------------------------------------------------------------------------------------------

  #createFeed(key: string, spec: MarketStreamSpec): Feed {
    switch (spec.kind) {
      case 'trade': {
        const feed = new Feed(key, spec);
        this.#trade.set(spec.symbol, feed);
        return feed;
      }
      case 'aggTrade': {
        const feed = new AggTradeFeed(key, spec);
        feed.cursor = this.#venue.markets.get(spec.symbol)?.trades.lastAggTradeId;
        this.#aggTrade.set(spec.symbol, feed);
        return feed;
      }
      case 'markPrice': {
        const feed = new Feed(key, spec);
        this.#markPrice.add(feed);
        return feed;
      }
      case 'markPriceAll': {
        const feed = new Feed(key, spec);
        this.#markPriceAll.add(feed);
        return feed;
      }
      case 'markPricePair': {
        const feed = new Feed(key, spec);
        this.#markPricePair.add(feed);
        return feed;
      }
      case 'indexPrice': {
        const feed = new Feed(key, spec);
        this.#indexPrice.add(feed);
        return feed;
      }
      case 'kline':
      case 'continuousKline':
      case 'markPriceKline':
      case 'indexPriceKline': {
        const feed = new KlineFeed(key, spec);
        this.#klines.add(feed);
        return feed;
      }
      case 'miniTicker': {
        const feed = new Feed(key, spec);
        this.#miniTicker.add(feed);
        return feed;
      }
      case 'ticker': {
        const feed = new Feed(key, spec);
        this.#ticker.add(feed);
        return feed;
      }
      case 'miniTickerAll':
        this.#miniTickerAll = new Feed(key, spec);
        return this.#miniTickerAll;
      case 'tickerAll':
        this.#tickerAll = new Feed(key, spec);
        return this.#tickerAll;
      case 'bookTicker': {
        const feed = new BookTickerFeed(key, spec);
        this.#bookTicker.set(spec.symbol, feed);
        return feed;
      }
      case 'bookTickerAll':
        this.#bookTickerAll = new Feed(key, spec);
        return this.#bookTickerAll;
      case 'forceOrder': {
        const feed = new Feed(key, spec);
        this.#forceOrder.set(spec.symbol, feed);
        return feed;
      }
      case 'forceOrderAll':
        this.#forceOrderAll = new Feed(key, spec);
        return this.#forceOrderAll;
      case 'partialDepth': {
        const feed = new PartialDepthFeed(key, spec);
        feed.lastU = this.#venue.markets.get(spec.symbol)?.updateId ?? 0n;
        this.#partialDepth.add(feed);
        return feed;
      }
      case 'diffDepth': {
        const feed = new DiffDepthFeed(key, spec);
        feed.changes = new DepthChanges(this.#venue.markets.get(spec.symbol)?.updateId ?? 0n);
        let set = this.#diffDepth.get(spec.symbol);
        if (set === undefined) {
          set = new Set();
          this.#diffDepth.set(spec.symbol, set);
        }
        set.add(feed);
        return feed;
      }
      case 'silent':
        return new Feed(key, spec);
    }
  }

  #dropFeed(feed: Feed): void {
    const spec = feed.spec;
    switch (spec.kind) {
      case 'trade':
        this.#trade.delete(spec.symbol);
        break;
      case 'aggTrade':
        this.#aggTrade.delete(spec.symbol);
        break;
      case 'markPrice':
        this.#markPrice.delete(feed as Feed<SpecOf<'markPrice'>>);
        break;
      case 'markPriceAll':
        this.#markPriceAll.delete(feed as Feed<SpecOf<'markPriceAll'>>);
        break;
      case 'markPricePair':
        this.#markPricePair.delete(feed as Feed<SpecOf<'markPricePair'>>);
        break;
      case 'indexPrice':
        this.#indexPrice.delete(feed as Feed<SpecOf<'indexPrice'>>);
        break;
      case 'kline':
      case 'continuousKline':
      case 'markPriceKline':
      case 'indexPriceKline':
        this.#klines.delete(feed as KlineFeed);
        break;
      case 'miniTicker':
        this.#miniTicker.delete(feed as Feed<SpecOf<'miniTicker'>>);
        break;
      case 'ticker':
        this.#ticker.delete(feed as Feed<SpecOf<'ticker'>>);
        break;
      case 'miniTickerAll':
        this.#miniTickerAll = undefined;
        break;
      case 'tickerAll':
        this.#tickerAll = undefined;
        break;
      case 'bookTicker':
        this.#bookTicker.delete(spec.symbol);
        break;
      case 'bookTickerAll':
        this.#bookTickerAll = undefined;
        break;
      case 'forceOrder':
        this.#forceOrder.delete(spec.symbol);
        break;
      case 'forceOrderAll':
        this.#forceOrderAll = undefined;
        break;
      case 'partialDepth':
        this.#partialDepth.delete(feed as PartialDepthFeed);
        break;
      case 'diffDepth': {
        const set = this.#diffDepth.get(spec.symbol);
        set?.delete(feed as DiffDepthFeed);
        if (set?.size === 0) this.#diffDepth.delete(spec.symbol);
        break;
      }
      case 'silent':
        break;
    }
    if (this.#miniTickerAll === undefined && this.#tickerAll === undefined) this.#traded.clear();
  }

  // Flushes ------------------------------------------------------------------------------------------

  #startTimers(): void {
    this.#timers = CADENCES.map((cadence) =>
      this.#clock.setInterval(() => this.#guard(() => this.#flush(cadence)), cadence),
    );
  }

  #stopTimers(): void {
    for (const timer of this.#timers) this.#clock.clearInterval(timer);
    this.#timers = [];
  }

  #guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      try {
        this.#onInternalError(error);
      } catch {
        // A failing reporter must not stop the clock.
      }
    }
  }

  #flush(cadence: Cadence): void {
    const now = this.#venue.now;
    // `@ticker` and `@miniTicker`: 2 s on USD-M, 500 ms on COIN-M.
    if (cadence === this.#tickerCadence) this.#flushTickers(now);
    switch (cadence) {
      case 100:
        this.#flushAggTrades(now);
        this.#flushDepth(100, now);
        return;
      case 250:
        this.#flushKlines(now);
        this.#flushDepth(250, now);
        return;
      case 500:
        this.#flushDepth(500, now);
        return;
      case 1000:
        this.#flushMarkPrices(1000, now);
        this.#flushForceOrders(now);
        this.#flushTickerArrays(now);
        return;
      case 2000: // USD-M's tickers only, flushed above.
        return;
      case 3000:
        this.#flushMarkPrices(3000, now);
        return;
      case 5000:
        this.#flushAllBookTickers(now);
        return;
    }
  }

  #flushAggTrades(now: number): void {
    for (const feed of this.#aggTrade.values()) {
      if (!feed.dirty) continue;
      feed.dirty = false;
      const market = this.#venue.markets.get(feed.spec.symbol);
      if (market === undefined) continue;
      // Every aggregate trade after the last one sent is final: the commands that made them completed.
      for (;;) {
        const batch =
          feed.cursor === undefined
            ? market.trades.aggTrades({ limit: 1000 })
            : market.trades.aggTrades({ fromId: nextId(feed.cursor), limit: 1000 });
        for (const agg of batch) {
          feed.publish(new Payload(stringifyJson(aggTradeEvent(market, agg, now, this.#product))));
        }
        const last = batch[batch.length - 1];
        if (last !== undefined) feed.cursor = last.aggId;
        if (batch.length < 1000) break;
      }
    }
  }

  #flushDepth(speed: DepthSpeed, now: number): void {
    for (const feed of this.#partialDepth) {
      if (feed.spec.speed !== speed) continue;
      const market = this.#venue.markets.get(feed.spec.symbol);
      if (market === undefined) continue;
      const u = market.updateId;
      const ids = { U: u > feed.lastU ? feed.lastU + 1n : u, u, pu: feed.lastU };
      feed.lastU = u;
      const T = this.#bookTime.get(market.symbol) ?? now;
      const event = partialDepthEvent(market, feed.spec.levels, ids, now, T, this.#product);
      feed.publish(new Payload(stringifyJson(event)));
    }
    for (const feeds of this.#diffDepth.values()) {
      for (const feed of feeds) {
        if (feed.spec.speed !== speed) continue;
        const batch = feed.changes.take();
        const market = this.#venue.markets.get(feed.spec.symbol);
        if (batch === undefined || market === undefined) continue;
        const event = diffDepthEvent(market, batch, now, batch.T, batch.bids, batch.asks, this.#product);
        feed.publish(new Payload(stringifyJson(event)));
      }
    }
  }

  #flushKlines(now: number): void {
    for (const feed of this.#klines) {
      const source = this.#klineSource(feed.spec);
      if (source === undefined) continue;
      const { store } = source;
      const interval = feed.spec.interval;
      const current = store.current(interval, now);
      if (current === undefined) continue;
      if (feed.lastOpen !== undefined && current.openTime > feed.lastOpen) {
        const closed = closedCandle(store, interval, feed.lastOpen, now);
        if (closed !== undefined) {
          const k = klineJson(feed.spec, source, closed, true);
          feed.publish(new Payload(klineEnvelope(feed.spec, source.market, k, now)));
        }
        feed.lastK = undefined;
      }
      const k = klineJson(feed.spec, source, current, false);
      feed.lastOpen = current.openTime;
      if (k === feed.lastK) continue;
      feed.lastK = k;
      feed.publish(new Payload(klineEnvelope(feed.spec, source.market, k, now)));
    }
  }

  /** The candles a kline stream reads and how they print; undefined when its market is not listed. */
  #klineSource(spec: KlineSpec): KlineSource | undefined {
    switch (spec.kind) {
      case 'kline': {
        const market = this.#venue.markets.get(spec.symbol);
        return market && { market, store: market.klines, format: tradeKlineFormat(market) };
      }
      case 'continuousKline': {
        const market = [...this.#venue.markets.values()].find((m) =>
          followsContinuous(m, spec.pair, spec.contractType),
        );
        return market && { market, store: market.klines, format: tradeKlineFormat(market) };
      }
      case 'markPriceKline': {
        const market = this.#venue.markets.get(spec.symbol);
        return market && { market, store: market.markKlines, format: SAMPLE_KLINE_FORMAT };
      }
      case 'indexPriceKline': {
        const market = this.#indexMarket(spec.pair);
        return market && { market, store: market.indexKlines, format: SAMPLE_KLINE_FORMAT };
      }
    }
  }

  /**
   * The market whose index stands for `pair`, as `GET /dapi/v1/indexPriceKlines` picks it; undefined
   * for a pair not listed (its streams stay silent).
   */
  #indexMarket(pair: string): Market | undefined {
    for (const market of this.#venue.markets.values()) {
      if (market.spec.pair === pair) return indexMarketOfPair(this.#venue, pair);
    }
    return undefined;
  }

  #flushMarkPrices(cadence: 1000 | 3000, now: number): void {
    for (const feed of this.#markPrice) {
      if (feed.spec.cadence !== cadence) continue;
      const json = this.#markPriceJson(feed.spec.symbol, now);
      if (json !== undefined) feed.publish(new Payload(json));
    }
    for (const feed of this.#markPriceAll) {
      if (feed.spec.cadence !== cadence) continue;
      const items: string[] = [];
      for (const symbol of this.#venue.markets.keys()) {
        const json = this.#markPriceJson(symbol, now);
        if (json !== undefined) items.push(json);
      }
      feed.publish(new Payload(`[${items.join(',')}]`));
    }
    // COIN-M `<pair>@markPrice`: every symbol of the pair, in listing order; nothing for an unknown pair.
    for (const feed of this.#markPricePair) {
      if (feed.spec.cadence !== cadence) continue;
      const items: string[] = [];
      for (const market of this.#venue.markets.values()) {
        if (market.spec.pair !== feed.spec.pair) continue;
        const json = this.#markPriceJson(market.symbol, now);
        if (json !== undefined) items.push(json);
      }
      if (items.length > 0) feed.publish(new Payload(`[${items.join(',')}]`));
    }
    for (const feed of this.#indexPrice) {
      if (feed.spec.cadence !== cadence) continue;
      const market = this.#indexMarket(feed.spec.pair);
      if (market === undefined) continue;
      feed.publish(new Payload(stringifyJson(indexPriceEvent(feed.spec.pair, market, now))));
    }
  }

  #markPriceJson(symbol: string, now: number): string | undefined {
    const market = this.#venue.markets.get(symbol);
    if (market === undefined) return undefined;
    return this.#markJson.get(symbol, now, () => stringifyJson(markPriceEvent(market, now, this.#product)));
  }

  #tickers(symbol: string, now: number): { readonly ticker: string; readonly mini: string } | undefined {
    return this.#tickerJson.get(symbol, now, () => {
      const market = this.#venue.markets.get(symbol);
      if (market === undefined) return undefined;
      const { ticker, mini } = tickerEvents(market, now, this.#product);
      return { ticker: stringifyJson(ticker), mini: stringifyJson(mini) };
    });
  }

  #flushTickers(now: number): void {
    for (const feed of this.#miniTicker) {
      const json = this.#tickers(feed.spec.symbol, now);
      if (json !== undefined) feed.publish(new Payload(json.mini));
    }
    for (const feed of this.#ticker) {
      const json = this.#tickers(feed.spec.symbol, now);
      if (json !== undefined) feed.publish(new Payload(json.ticker));
    }
  }

  /** `!miniTicker@arr` and `!ticker@arr`: the symbols that traded since the last flush, in listing order. */
  #flushTickerArrays(now: number): void {
    if (this.#traded.size === 0) return;
    const minis: string[] = [];
    const tickers: string[] = [];
    for (const symbol of this.#venue.markets.keys()) {
      if (!this.#traded.has(symbol)) continue;
      const json = this.#tickers(symbol, now);
      if (json === undefined) continue;
      minis.push(json.mini);
      tickers.push(json.ticker);
    }
    this.#traded.clear();
    if (minis.length === 0) return;
    this.#miniTickerAll?.publish(new Payload(`[${minis.join(',')}]`));
    this.#tickerAll?.publish(new Payload(`[${tickers.join(',')}]`));
  }

  #flushBookTickers(): void {
    this.#bookFlushQueued = false;
    const now = this.#venue.now;
    for (const symbol of this.#bookDirty) {
      const feed = this.#bookTicker.get(symbol);
      const market = this.#venue.markets.get(symbol);
      if (feed === undefined || market === undefined) continue;
      const event = bookTickerEvent(market, now, this.#bookTime.get(symbol) ?? now, this.#product);
      const top = `${event.b} ${event.B} ${event.a} ${event.A}`;
      if (top === feed.last) continue;
      feed.last = top;
      feed.publish(new Payload(stringifyJson(event)));
    }
    this.#bookDirty.clear();
  }

  /** `!bookTicker`: every symbol's best bid and ask, every 5 s (Binance's throttle since 2023-12-20). */
  #flushAllBookTickers(now: number): void {
    const feed = this.#bookTickerAll;
    if (feed === undefined) return;
    for (const market of this.#venue.markets.values()) {
      const event = bookTickerEvent(market, now, this.#bookTime.get(market.symbol) ?? now, this.#product);
      feed.publish(new Payload(stringifyJson(event)));
    }
  }

  #flushForceOrders(now: number): void {
    if (this.#liquidations.size === 0) return;
    for (const [symbol, order] of this.#liquidations) {
      const market = this.#venue.markets.get(symbol);
      if (market === undefined) continue;
      const payload = new Payload(stringifyJson(forceOrderEvent(market, order, now, this.#product)));
      this.#forceOrder.get(symbol)?.publish(payload);
      this.#forceOrderAll?.publish(payload);
    }
    this.#liquidations.clear();
  }
}

function notional(order: ForceOrderEventData): number {
  return order.priceTick * order.origQtySteps;
}

/** The id after `id`, staying exact above 2^53. */
function nextId(id: TradeId): TradeId {
  if (typeof id === 'bigint') return id + 1n;
  return id + 1 > Number.MAX_SAFE_INTEGER ? BigInt(id) + 1n : id + 1;
}

/** The final state of the candle that opened at `openTime`. */
function closedCandle(
  store: KlineStore,
  interval: SpecOf<'kline'>['interval'],
  openTime: number,
  now: number,
): ReturnType<KlineStore['current']> {
  return store.klines({ interval, startTime: openTime, endTime: openTime, limit: 1, now })[0];
}

/** Where a kline stream's candles come from. */
interface KlineSource {
  readonly market: Market;
  readonly store: KlineStore;
  readonly format: KlineFormat;
}

/** The `k` object: continuous klines carry no `s`, index-price klines `s` "0" (Binance's "ignore"). */
function klineJson(spec: KlineSpec, source: KlineSource, candle: Kline, closed: boolean): string {
  const symbol =
    spec.kind === 'continuousKline'
      ? undefined
      : spec.kind === 'indexPriceKline'
        ? '0'
        : source.market.symbol;
  return stringifyJson(klinePayload(candle, source.format, spec.interval, symbol, closed));
}

/**
 * `{"e":"kline","E":…,"s":…,"k":…}`, `{"e":"continuous_kline","E":…,"ps":…,"ct":…,"k":…}`, or COIN-M's
 * `{"e":"markPrice_kline","E":…,"ps":…,"k":…}` and `{"e":"indexPrice_kline","E":…,"ps":…,"k":…}`.
 */
function klineEnvelope(spec: KlineSpec, market: Market, k: string, now: number): string {
  switch (spec.kind) {
    case 'kline':
      return `{"e":"kline","E":${now},"s":${JSON.stringify(market.symbol)},"k":${k}}`;
    case 'continuousKline':
      return `{"e":"continuous_kline","E":${now},"ps":${JSON.stringify(spec.pair)},"ct":${JSON.stringify(spec.contractType)},"k":${k}}`;
    case 'markPriceKline':
      return `{"e":"markPrice_kline","E":${now},"ps":${JSON.stringify(market.spec.pair)},"k":${k}}`;
    case 'indexPriceKline':
      return `{"e":"indexPrice_kline","E":${now},"ps":${JSON.stringify(spec.pair)},"k":${k}}`;
  }
}
