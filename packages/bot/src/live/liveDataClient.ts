import { type Clock, Decimal, type KlineInterval } from '@basis/core';
import {
  type Client,
  createStreams,
  getAggTrades,
  type Streams,
  type StreamsEvent,
  type StreamsOptions,
  type Subscription,
} from '@basis/sdk';
import type {
  DataClient,
  DataSink,
  DataSubscriptions,
  Instrument,
  OrderBookView,
} from '../data/dataClient.js';
import type { FeedHealth } from '../data/feedHealth.js';
import { closedBars } from '../data/klineBars.js';
import type { Bar, MarkPriceUpdate } from '../strategy/events.js';
import { type LiveProduct, liveProduct } from './liveProduct.js';

/** How a {@link LiveDataClient} is set up. */
export interface LiveDataClientOptions {
  /** Options of the market streams (backoff, watchdog, ...). */
  readonly streams?: StreamsOptions;
  /** Depth levels kept per symbol: the partial depth stream `@depth<N>@100ms` (default 20). */
  readonly depthLevels?: 5 | 10 | 20;
  /** How long `start` waits for the streams to be subscribed, ms (default 10000). */
  readonly readyTimeoutMs?: number;
  /** Stream life-cycle lines (gaps, reconnects, trade backfills). */
  readonly log?: (line: string) => void;
  /**
   * Pages of REST aggregate trades (1000 each, weight 20) read back after a gap in a trade stream,
   * at most (default 10; 0 turns the backfill off).
   */
  readonly tradeBackfillPages?: number;
  /** The product's actions (default: the client's market's). */
  readonly product?: LiveProduct;
}

/** The fields of an aggregate trade used here: the stream's `aggTrade` and REST's `aggTrades` rows. */
interface AggTradeFields {
  readonly a: number | bigint;
  readonly p: string;
  readonly q: string;
  readonly T: number;
  readonly m: boolean;
}

/** A symbol's trade stream between a lost socket and the end of its backfill. */
interface TradeGap {
  /** Live trades received meanwhile, in order; delivered in sequence with the read-back ones. */
  readonly buffer: AggTradeFields[];
  /** The socket is lost and not back yet: the end of the gap is unknown. */
  awaitingReconnect: boolean;
  /** A backfill is reading REST. */
  running: boolean;
  /** Another gap was reported during the backfill: read on to the present again. */
  again: boolean;
}

const BACKFILL_PAGE = 1000;

interface Top {
  readonly bidPrice: Decimal;
  readonly bidQty: Decimal;
  readonly askPrice: Decimal;
  readonly askQty: Decimal;
}

const dec = (text: string | undefined): Decimal =>
  text === undefined || text === '' ? Decimal.ZERO : (Decimal.tryParse(text) ?? Decimal.ZERO);

/**
 * The data client of a venue reached through `@basis/sdk`: trades (`aggTrade`), best prices
 * (`bookTicker`), the top of the book (`depth<N>@100ms`) and mark prices with funding
 * (`markPrice@1s`) over the SDK's self-healing market streams; instruments from `exchangeInfo`,
 * bar history from REST klines. Bars themselves are built by the kernel's `BarAggregator` from the
 * trades, as in backtest and paper. A stream gap (reconnect) is logged; the streams resubscribe.
 * Trades lost in a gap are read back from REST (`aggTrades` from the last delivered id + 1) and
 * delivered before the newer live ones, each aggregate trade id once, so bars miss no trade.
 */
export class LiveDataClient implements DataClient {
  readonly #client: Client;
  readonly #options: LiveDataClientOptions;
  readonly #product: LiveProduct;
  readonly #instruments = new Map<string, Instrument>();
  readonly #tops = new Map<string, Top>();
  readonly #books = new Map<string, OrderBookView>();
  readonly #marks = new Map<string, MarkPriceUpdate>();
  readonly #lastAggId = new Map<string, bigint>();
  /** Trade stream name → symbol. */
  readonly #tradeStreams = new Map<string, string>();
  /** Symbols whose trade stream lost its socket: live trades wait for the REST backfill. */
  readonly #tradeGaps = new Map<string, TradeGap>();
  #sink: DataSink | undefined;
  #stopped = false;
  #streams: Streams | undefined;
  #subscriptions: Subscription[] = [];
  #stopEvents: (() => void) | undefined;

  constructor(client: Client, options: LiveDataClientOptions = {}) {
    this.#client = client;
    this.#options = options;
    this.#product = options.product ?? liveProduct(client.market);
  }

  async start(sink: DataSink, subs: DataSubscriptions): Promise<void> {
    const client = this.#client;
    for (const instrument of await this.#product.instruments(client))
      this.#instruments.set(instrument.symbol, instrument);
    for (const symbol of subs.symbols) {
      if (!this.#instruments.has(symbol)) throw new Error(`${symbol} is not traded on ${client.env}`);
      const p = await this.#product.premiumIndex(client, symbol);
      this.#marks.set(symbol, {
        symbol,
        markPrice: dec(p.markPrice),
        indexPrice: dec(p.indexPrice),
        fundingRate: dec(p.lastFundingRate),
        nextFundingTime: p.nextFundingTime,
        time: p.time,
      });
    }

    const streams = createStreams(client, this.#options.streams);
    this.#streams = streams;
    this.#sink = sink;
    this.#stopped = false;
    const log = this.#options.log;
    this.#stopEvents = streams.onEvent((event: StreamsEvent) => {
      if (event.type === 'gap' || event.type === 'reconnecting' || event.type === 'gaveUp')
        log?.(`market streams: ${event.type} (${event.streams.join(', ')})`);
      this.#onStreamsEvent(event);
    });
    const levels = this.#options.depthLevels ?? 20;
    const subscriptions: Subscription[] = [];
    for (const symbol of subs.symbols) {
      const name = symbol.toLowerCase();
      if (subs.trades) {
        this.#tradeStreams.set(`${name}@aggTrade`, symbol);
        subscriptions.push(
          streams.subscribe(`${name}@aggTrade`, (t) => {
            const gap = this.#tradeGaps.get(symbol);
            // After a lost socket, newer trades wait until the missing ones are read back.
            if (gap !== undefined) gap.buffer.push(t);
            else this.#deliverTrade(symbol, t);
          }),
        );
      }
      if (subs.books) {
        subscriptions.push(
          streams.subscribe(`${name}@bookTicker`, (b) => {
            this.#tops.set(symbol, {
              bidPrice: dec(b.b),
              bidQty: dec(b.B),
              askPrice: dec(b.a),
              askQty: dec(b.A),
            });
            sink({ kind: 'book', depth: { symbol, time: b.T } });
          }),
          streams.subscribe(`${name}@depth${levels}@100ms`, (d) => {
            const side = (rows: readonly (readonly [string, string])[]) =>
              rows.map(([p, q]) => [dec(p), dec(q)] as const);
            this.#books.set(symbol, { symbol, bids: side(d.b), asks: side(d.a), time: d.T });
            sink({ kind: 'book', depth: { symbol, time: d.T } });
          }),
        );
      }
      if (subs.marks) {
        subscriptions.push(
          streams.subscribe(`${name}@markPrice@1s`, (m) => {
            const prev = this.#marks.get(symbol);
            const mark: MarkPriceUpdate = {
              symbol,
              markPrice: dec(m.p),
              indexPrice: dec(m.i),
              fundingRate: dec(m.r),
              nextFundingTime: m.T,
              time: m.E,
            };
            // The next funding time moved on: the previous one was settled at the previous rate.
            if (prev !== undefined && prev.nextFundingTime > 0 && m.T > prev.nextFundingTime) {
              sink({
                kind: 'fundingRate',
                funding: {
                  symbol,
                  fundingRate: prev.fundingRate,
                  markPrice: prev.markPrice,
                  fundingTime: prev.nextFundingTime,
                },
              });
            }
            this.#marks.set(symbol, mark);
            sink({ kind: 'mark', mark });
          }),
        );
      }
    }
    this.#subscriptions = subscriptions;
    await withTimeout(
      Promise.all(subscriptions.map((s) => s.ready)),
      this.#options.readyTimeoutMs ?? 10_000,
      client.clock,
      'the market streams did not subscribe in time',
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#tradeGaps.clear();
    for (const s of this.#subscriptions) s.unsubscribe();
    this.#subscriptions = [];
    this.#stopEvents?.();
    this.#stopEvents = undefined;
    await this.#streams?.close();
    this.#streams = undefined;
  }

  /** Delivers one aggregate trade unless it was delivered already (ids increase per symbol). */
  #deliverTrade(symbol: string, t: AggTradeFields): void {
    // Across a reconnect the streams de-duplicate by event time, and a backfill overlaps the live
    // stream; ids make it exact.
    const id = BigInt(t.a);
    const last = this.#lastAggId.get(symbol);
    if (last !== undefined && id <= last) return;
    this.#lastAggId.set(symbol, id);
    this.#sink?.({
      kind: 'trade',
      trade: {
        symbol,
        tradeId: String(t.a),
        price: dec(t.p),
        qty: dec(t.q),
        isBuyerMaker: t.m,
        time: t.T,
      },
    });
  }

  /**
   * A trade stream's socket was lost (`disconnected`): hold its live trades from now on. Once it is
   * back (`gap`, or `gaveUp`: it will not come back), read the missing trades back from REST and
   * deliver them in sequence with the held ones.
   */
  #onStreamsEvent(event: StreamsEvent): void {
    if (this.#stopped) return;
    if (event.type !== 'disconnected' && event.type !== 'gap' && event.type !== 'gaveUp') return;
    for (const stream of event.streams) {
      const symbol = this.#tradeStreams.get(stream);
      if (symbol === undefined) continue;
      let gap = this.#tradeGaps.get(symbol);
      if (gap === undefined) {
        gap = { buffer: [], awaitingReconnect: false, running: false, again: false };
        this.#tradeGaps.set(symbol, gap);
      }
      if (event.type === 'disconnected') {
        gap.awaitingReconnect = true;
        continue;
      }
      gap.awaitingReconnect = false;
      if (gap.running) gap.again = true;
      else void this.#backfill(symbol, gap);
    }
  }

  /**
   * Fills the holes in a symbol's trades from REST (`aggTrades` from the last delivered id + 1,
   * pages of 1000, at most `tradeBackfillPages`), delivering them in id order with the held live
   * ones; then ends the hold, unless the socket was lost again meanwhile.
   */
  async #backfill(symbol: string, gap: TradeGap): Promise<void> {
    gap.running = true;
    gap.again = false;
    const log = this.#options.log;
    const maxPages = Math.max(0, this.#options.tradeBackfillPages ?? 10);
    let pages = 0;
    let read = 0;
    /** The last page read reached the present (shorter than a page). */
    let caughtUp = false;
    try {
      for (;;) {
        if (this.#stopped || this.#tradeGaps.get(symbol) !== gap) return;
        if (gap.again) {
          gap.again = false;
          caughtUp = false;
        }
        this.#deliverHeld(symbol, gap);
        const last = this.#lastAggId.get(symbol);
        if (last === undefined || maxPages === 0) break; // nothing to continue from, or turned off
        if (gap.buffer.length === 0 && (caughtUp || gap.awaitingReconnect)) break;
        if (pages === maxPages) {
          log?.(
            `market data: ${symbol} trade backfill stopped after ${pages} page(s); trades after id ${last} may be missing`,
          );
          break;
        }
        const from = last + 1n;
        const rows = await getAggTrades(this.#client, {
          symbol,
          fromId: from <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(from) : from,
          limit: BACKFILL_PAGE,
        });
        pages++;
        if (this.#stopped || this.#tradeGaps.get(symbol) !== gap) return;
        // Oldest first and contiguous: deliver them all (held copies are skipped by id later).
        for (const row of rows) {
          const before = this.#lastAggId.get(symbol);
          this.#deliverTrade(symbol, row);
          if (this.#lastAggId.get(symbol) !== before) read++;
        }
        caughtUp = rows.length < BACKFILL_PAGE;
      }
    } catch (error) {
      log?.(
        `market data: ${symbol} trade backfill failed (${error instanceof Error ? error.message : String(error)}); trades may be missing`,
      );
    } finally {
      gap.running = false;
    }
    if (this.#stopped || this.#tradeGaps.get(symbol) !== gap) return;
    if (read > 0) log?.(`market data: ${symbol}: ${read} trade(s) read back after a gap`);
    if (gap.again) {
      void this.#backfill(symbol, gap); // a gap was reported while the last read was in flight
      return;
    }
    // Lost again meanwhile: keep holding; the next gap event goes on from here.
    if (gap.awaitingReconnect) return;
    this.#tradeGaps.delete(symbol);
    for (const t of gap.buffer.splice(0)) this.#deliverTrade(symbol, t);
  }

  /** Delivers the held trades that continue the delivered sequence (or all, if none was delivered). */
  #deliverHeld(symbol: string, gap: TradeGap): void {
    const buffer = gap.buffer;
    let i = 0;
    for (; i < buffer.length; i++) {
      const last = this.#lastAggId.get(symbol);
      if (last !== undefined && BigInt(buffer[i]!.a) > last + 1n) break;
      this.#deliverTrade(symbol, buffer[i]!);
    }
    buffer.splice(0, i);
  }

  instrument(symbol: string): Instrument {
    const instrument = this.#instruments.get(symbol);
    if (instrument === undefined) throw new Error(`unknown symbol ${symbol}`);
    return instrument;
  }

  async history(symbol: string, interval: KlineInterval, limit: number): Promise<readonly Bar[]> {
    const now = this.#client.time.now();
    const rows = await this.#product.klines(this.#client, {
      symbol,
      interval,
      limit: Math.min(1500, limit + 1),
    });
    return closedBars(rows, symbol, interval, now, limit);
  }

  book(symbol: string, limit: number): OrderBookView | undefined {
    const book = this.#books.get(symbol);
    if (book !== undefined)
      return { ...book, bids: book.bids.slice(0, limit), asks: book.asks.slice(0, limit) };
    const top = this.#tops.get(symbol);
    if (top === undefined) return undefined;
    return {
      symbol,
      bids: [[top.bidPrice, top.bidQty]],
      asks: [[top.askPrice, top.askQty]],
      time: this.#client.time.now(),
    };
  }

  top(symbol: string): Top | undefined {
    return this.#tops.get(symbol);
  }

  mark(symbol: string): MarkPriceUpdate | undefined {
    return this.#marks.get(symbol);
  }

  health(): FeedHealth {
    const streams = this.#streams;
    if (streams === undefined) return { state: this.#stopped ? 'closed' : 'connecting', reconnects: 0 };
    const connections = streams.stats().connections;
    const reconnects = connections.reduce((sum, c) => sum + c.reconnects, 0);
    // The worst socket speaks for the feed.
    const states = new Set(connections.map((c) => c.state));
    const state = states.has('reconnecting')
      ? 'reconnecting'
      : states.has('connecting') || states.has('idle') || connections.length === 0
        ? 'connecting'
        : states.has('closed')
          ? 'closed'
          : 'live';
    return { state, reconnects };
  }
}

/** `promise`, or a rejection with `message` after `ms` on `clock`. */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  clock: Clock,
  message: string,
): Promise<T> {
  let handle: ReturnType<Clock['setTimeout']> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    handle = clock.setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clock.clearTimeout(handle);
  }
}
