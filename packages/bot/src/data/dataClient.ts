import type { Decimal, KlineInterval } from '@basis/core';
import type { Bar, DepthUpdate, FundingRateEvent, MarkPriceUpdate, TradeTick } from '../strategy/events.js';
import type { FeedHealth } from './feedHealth.js';

/** A symbol's trading rules, as exact values (from `exchangeInfo`). */
export interface Instrument {
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly marginAsset: string;
  readonly tickSize: Decimal;
  readonly stepSize: Decimal;
  readonly minQty: Decimal;
  readonly minNotional: Decimal;
  /**
   * COIN-M (inverse) contracts only: the USD value of one contract (100 for BTCUSD). Quantities
   * are then whole contracts, a notional is `qty × contractSize / price` in the margin coin, and
   * PnL is in the coin.
   */
  readonly contractSize?: Decimal;
}

/** A view of an order book, best levels first. */
export interface OrderBookView {
  readonly symbol: string;
  readonly bids: readonly (readonly [price: Decimal, qty: Decimal])[];
  readonly asks: readonly (readonly [price: Decimal, qty: Decimal])[];
  readonly time: number;
}

/** What a data client reports, in time order. */
export type DataEvent =
  | { readonly kind: 'trade'; readonly trade: TradeTick }
  | { readonly kind: 'mark'; readonly mark: MarkPriceUpdate }
  | { readonly kind: 'fundingRate'; readonly funding: FundingRateEvent }
  /** The book changed: the kernel reads the top (bookTicker) and publishes depth once per batch. */
  | { readonly kind: 'book'; readonly depth: DepthUpdate };

export type DataSink = (event: DataEvent) => void;

/** Which streams the kernel needs (each costs work; unneeded ones are not produced). */
export interface DataSubscriptions {
  readonly symbols: readonly string[];
  readonly trades: boolean;
  readonly books: boolean;
  readonly marks: boolean;
}

/**
 * The kernel's one door to market data. `LocalDataClient` reads the embedded exchange in-process; a
 * live adapter over `@basis/sdk` (market streams and its local order book) implements the same
 * interface: `book` and `bookTicker` then read the SDK's local book, `history` calls klines.
 */
export interface DataClient {
  start(sink: DataSink, subscriptions: DataSubscriptions): Promise<void>;
  stop(): Promise<void>;
  instrument(symbol: string): Instrument;
  /** The last `limit` closed bars before now, oldest first. */
  history(symbol: string, interval: KlineInterval, limit: number): Promise<readonly Bar[]>;
  /** The book now, `limit` levels a side; undefined for an unknown symbol. */
  book(symbol: string, limit: number): OrderBookView | undefined;
  /** Best bid and ask now (undefined while a side is empty). */
  top(symbol: string):
    | {
        readonly bidPrice: Decimal;
        readonly bidQty: Decimal;
        readonly askPrice: Decimal;
        readonly askQty: Decimal;
      }
    | undefined;
  /** The latest mark price update. */
  mark(symbol: string): MarkPriceUpdate | undefined;
  /** The market-data feed's state, for the live view. */
  health(): FeedHealth;
}
