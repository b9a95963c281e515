import { Decimal, type KlineInterval } from '@basis/core';
import type {
  DataClient,
  DataSink,
  DataSubscriptions,
  Instrument,
  OrderBookView,
} from '../data/dataClient.js';
import { type FeedHealth, IN_PROCESS_FEED } from '../data/feedHealth.js';
import { closedBars, type KlineRow } from '../data/klineBars.js';
import type { Bar, MarkPriceUpdate } from '../strategy/events.js';
import type { LocalVenue } from './localVenue.js';

type WireKline = readonly [number, string, string, string, string, string, number, ...unknown[]];

interface DepthWire {
  readonly bids: readonly (readonly [string, string])[];
  readonly asks: readonly (readonly [string, string])[];
}

/**
 * The data client of the embedded exchange, in-process: public trades, book changes and mark prices
 * straight from the venue's events; the book, best prices and kline history read through the
 * venue's market endpoints (Binance's wire format, so a live adapter reads the same shapes).
 */
export class LocalDataClient implements DataClient {
  readonly #local: LocalVenue;
  readonly #dirty = new Set<string>();
  readonly #fundingSeen = new Map<string, number>();
  #symbols = new Set<string>();
  #stop: (() => void) | undefined;

  constructor(local: LocalVenue) {
    this.#local = local;
  }

  async start(sink: DataSink, subs: DataSubscriptions): Promise<void> {
    const venue = this.#local.venue;
    this.#symbols = new Set(subs.symbols);
    for (const symbol of subs.symbols) {
      this.#fundingSeen.set(symbol, venue.market(symbol).fundingHistory.length);
    }
    const symbols = this.#symbols;
    // The subscribed markets, looked up once per trade (every print of a backtest comes through here).
    const tradeMarkets = new Map(subs.trades ? subs.symbols.map((s) => [s, venue.market(s)] as const) : []);
    this.#stop = this.#local.listen(
      {
        trade: (t) => {
          const market = tradeMarkets.get(t.symbol);
          if (market === undefined) return;
          sink({
            kind: 'trade',
            trade: {
              symbol: t.symbol,
              tradeId: String(t.tradeId),
              price: market.priceOf(t.priceTick),
              qty: market.qtyOf(t.qtySteps),
              isBuyerMaker: t.isBuyerMaker,
              time: t.time,
            },
          });
        },
        depthLevel: (symbol) => {
          if (!subs.books || !symbols.has(symbol) || this.#dirty.has(symbol)) return;
          this.#dirty.add(symbol);
          sink({ kind: 'book', depth: { symbol, time: venue.now } });
        },
        markPrice: (symbol, time) => {
          if (!symbols.has(symbol)) return;
          const market = venue.market(symbol);
          const seen = this.#fundingSeen.get(symbol) ?? 0;
          for (let i = seen; i < market.fundingHistory.length; i++) {
            const f = market.fundingHistory[i]!;
            sink({
              kind: 'fundingRate',
              funding: {
                symbol,
                fundingRate: f.fundingRate,
                markPrice: f.markPrice,
                fundingTime: f.fundingTime,
              },
            });
          }
          this.#fundingSeen.set(symbol, market.fundingHistory.length);
          if (subs.marks) sink({ kind: 'mark', mark: this.#markOf(symbol, time) });
        },
      },
      () => {
        if (this.#dirty.size > 0) this.#dirty.clear();
      },
    );
  }

  async stop(): Promise<void> {
    this.#stop?.();
    this.#stop = undefined;
  }

  instrument(symbol: string): Instrument {
    const market = this.#local.venue.market(symbol);
    const spec = market.spec;
    return {
      symbol,
      baseAsset: spec.baseAsset,
      quoteAsset: spec.quoteAsset,
      marginAsset: spec.marginAsset,
      tickSize: Decimal.parse(spec.tickSize),
      stepSize: Decimal.parse(spec.stepSize),
      minQty: Decimal.parse(spec.minQty),
      minNotional: Decimal.parse(spec.minNotional),
      ...(market.contract.kind === 'inverse' ? { contractSize: market.contract.contractSize } : {}),
    };
  }

  async history(symbol: string, interval: KlineInterval, limit: number): Promise<readonly Bar[]> {
    const now = this.#local.venue.now;
    const rows = this.#local.read<WireKline[]>(this.#local.product.klines, {
      symbol,
      interval,
      limit: String(Math.min(1500, limit + 1)),
      endTime: String(now),
    });
    return closedBars(rows as readonly KlineRow[], symbol, interval, now, limit);
  }

  book(symbol: string, limit: number): OrderBookView | undefined {
    if (!this.#local.venue.markets.has(symbol)) return undefined;
    const allowed = [5, 10, 20, 50, 100, 500, 1000];
    const depthLimit = allowed.find((n) => n >= limit) ?? 1000;
    const wire = this.#local.read<DepthWire>(this.#local.product.depth, {
      symbol,
      limit: String(depthLimit),
    });
    const side = (rows: DepthWire['bids']) =>
      rows.slice(0, limit).map(([p, q]) => [Decimal.parse(p), Decimal.parse(q)] as const);
    return { symbol, bids: side(wire.bids), asks: side(wire.asks), time: this.#local.venue.now };
  }

  top(
    symbol: string,
  ): { bidPrice: Decimal; bidQty: Decimal; askPrice: Decimal; askQty: Decimal } | undefined {
    const market = this.#local.venue.markets.get(symbol);
    if (market === undefined) return undefined;
    const book = market.bookView;
    const bid = book.bestBid();
    const ask = book.bestAsk();
    if (Number.isNaN(bid) || Number.isNaN(ask)) return undefined;
    return {
      bidPrice: market.priceOf(bid),
      bidQty: market.qtyOf(book.levelQty(0, bid)),
      askPrice: market.priceOf(ask),
      askQty: market.qtyOf(book.levelQty(1, ask)),
    };
  }

  mark(symbol: string): MarkPriceUpdate | undefined {
    if (!this.#local.venue.markets.has(symbol)) return undefined;
    return this.#markOf(symbol, this.#local.venue.now);
  }

  health(): FeedHealth {
    return IN_PROCESS_FEED;
  }

  #markOf(symbol: string, time: number): MarkPriceUpdate {
    const market = this.#local.venue.market(symbol);
    return {
      symbol,
      markPrice: market.markPrice,
      indexPrice: market.indexPrice,
      fundingRate: market.lastFundingRate,
      nextFundingTime: market.nextFundingTime,
      time,
    };
  }
}
