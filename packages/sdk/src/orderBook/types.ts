import type { Clock, Decimal, DecimalInput, Id, PriceLevel } from '@basis/core';

/**
 * One diff-depth event as the book needs it: `U`/`u`/`pu` and the changed levels with absolute
 * quantities (`"0"` removes the level). Binance's `DepthUpdateEvent` (`<symbol>@depth[@100ms|@500ms]`)
 * is one; extra fields are ignored. Ids may be numbers or, above 2^53, bigints (lossless JSON).
 */
export interface DepthDiff {
  /** First update id in the event. */
  readonly U: Id;
  /** Final update id in the event. */
  readonly u: Id;
  /** Final update id of the previous event on the stream. */
  readonly pu: Id;
  /** Changed bids, `[price, quantity]` strings. */
  readonly b: readonly PriceLevel[];
  /** Changed asks, `[price, quantity]` strings. */
  readonly a: readonly PriceLevel[];
  /** Event time, ms (optional). */
  readonly E?: number;
}

/** A REST snapshot (`GET /fapi/v1/depth`): `lastUpdateId`, bids best (highest) first, asks best (lowest) first. */
export interface DepthSnapshot {
  readonly lastUpdateId: Id;
  readonly bids: readonly PriceLevel[];
  readonly asks: readonly PriceLevel[];
}

/**
 * Where a book gets its data: the diff stream and REST snapshots. The book never opens sockets or
 * sends requests itself, so any transport fits (the SDK's market streams, a recorded file, a test
 * adapter). See {@link depthDiffSource} to pair a stream subscription with `getDepth`.
 */
export interface DepthDiffSource {
  /**
   * Starts delivering `symbol`'s diff events (`<symbol>@depth@100ms` or another speed) to `onDiff`,
   * in stream order; returns the function that stops it. A source that knows it lost events (a
   * reconnect, a dropped frame) calls `onInterrupt`, and the book resynchronises at once instead of
   * waiting for the next `pu` to disagree.
   */
  subscribe(
    symbol: string,
    onDiff: (diff: DepthDiff) => void,
    onInterrupt?: (reason: string) => void,
  ): () => void;
  /** Fetches a REST snapshot of `symbol` with up to `limit` levels per side. */
  fetchSnapshot(symbol: string, limit: number): Promise<DepthSnapshot>;
  /** The clock of the snapshots' client, if any: {@link createOrderBook}'s timers default to it. */
  readonly clock?: Clock;
}

/** `'bids'` or `'asks'`. */
export type BookSideName = 'bids' | 'asks';

/** One level, exact. */
export interface BookLevel {
  readonly price: Decimal;
  readonly quantity: Decimal;
}

/**
 * A price band for {@link OrderBookQueries.depth}: absolute bounds (inclusive; either may be left
 * out), or `withinBps` basis points of the mid price (bids at or above `mid × (1 − bps/10⁴)`, asks at
 * or below `mid × (1 + bps/10⁴)`).
 */
export type PriceBand =
  | { readonly minPrice?: DecimalInput; readonly maxPrice?: DecimalInput; readonly withinBps?: undefined }
  | { readonly withinBps: DecimalInput; readonly minPrice?: undefined; readonly maxPrice?: undefined };

/** What {@link OrderBookQueries.depth} sums over the levels of one side inside a band. */
export interface DepthSummary {
  /** Sum of the levels' quantities (base asset). */
  readonly quantity: Decimal;
  /** Sum of price × quantity (quote asset), exact. */
  readonly notional: Decimal;
  /** Number of levels in the band. */
  readonly levels: number;
}

/** What filling a quantity against the book would take ({@link OrderBookQueries.fillCost}). */
export interface FillEstimate {
  /** `'buy'` walks the asks, `'sell'` the bids. */
  readonly side: 'buy' | 'sell';
  /** The quantity asked for. */
  readonly quantity: Decimal;
  /** The quantity the book (within `limitPrice`, if given) can fill: `quantity` when `complete`. */
  readonly filled: Decimal;
  /** Whether the whole quantity can be filled. */
  readonly complete: boolean;
  /** Sum of price × filled quantity over the levels walked (quote asset), exact. */
  readonly cost: Decimal;
  /**
   * `cost / filled`, rounded half-even to 8 more fraction digits than the book's price scale;
   * undefined when nothing fills.
   */
  readonly averagePrice: Decimal | undefined;
  /** The last (worst) price touched; undefined when nothing fills. */
  readonly worstPrice: Decimal | undefined;
  /** Number of levels walked. */
  readonly levels: number;
}

/** Read-only queries on a book; every price and quantity is exact. */
export interface OrderBookQueries {
  /** The last applied update id (the snapshot's `lastUpdateId` before any diff); undefined before a snapshot. */
  readonly lastUpdateId: Id | undefined;
  /** Fraction digits of the book's integer ticks (given, or inferred from the prices seen). */
  readonly priceScale: number;
  /** The highest bid. */
  bestBid(): BookLevel | undefined;
  /** The lowest ask. */
  bestAsk(): BookLevel | undefined;
  /** `(bestBid + bestAsk) / 2`, exact (one more fraction digit); undefined if a side is empty. */
  midPrice(): Decimal | undefined;
  /** `bestAsk − bestBid`; undefined if a side is empty. */
  spread(): Decimal | undefined;
  /** The best `n` levels of a side (default all), best first. */
  levels(side: BookSideName, n?: number): BookLevel[];
  /** The best `n` levels as Binance's `[price, quantity]` strings (price at the book's scale). */
  levelStrings(side: BookSideName, n?: number): PriceLevel[];
  /** Number of levels on a side. */
  size(side: BookSideName): number;
  /** Quantity, notional and level count of one side within a price band. */
  depth(side: BookSideName, band?: PriceBand): DepthSummary;
  /** Walks the opposite side to fill `quantity` (optionally no worse than `limitPrice`). */
  fillCost(
    side: 'buy' | 'sell',
    quantity: DecimalInput,
    options?: { readonly limitPrice?: DecimalInput },
  ): FillEstimate;
}
