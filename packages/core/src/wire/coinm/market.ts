/**
 * COIN-M (`/dapi`) market-data responses (§13.3) where they differ from USD-M. Quantities are
 * contracts (integers); base-asset values replace quote values. Unchanged shapes (aggTrades,
 * fundingInfo, ping/time) reuse the USD-M types.
 */
import type { Id } from '../common.js';
import type { CoinmContractType } from '../enums.js';
import type { BookTicker, Depth, FundingRate, PremiumIndex, Ticker24hr } from '../market.js';

/** `GET /dapi/v1/depth`: adds `symbol` and `pair`. */
export interface CoinmDepth extends Depth {
  /** Symbol, e.g. BTCUSD_PERP. */
  symbol: string;
  /** Pair, e.g. BTCUSD. */
  pair: string;
}

/** One row of `GET /dapi/v1/trades` / `historicalTrades`: `qty` in contracts plus `baseQty`, no `quoteQty`. */
export interface CoinmTrade {
  /** Trade id. */
  id: Id;
  /** Price. */
  price: string;
  /** Quantity in contracts. */
  qty: string;
  /** Quantity in base asset. */
  baseQty: string;
  /** Trade time, ms. */
  time: number;
  /** True when the buyer was the maker. */
  isBuyerMaker: boolean;
}

/**
 * One COIN-M kline: index 5 is volume in contracts, index 7 base-asset volume (instead of quote),
 * 9/10 taker-buy contracts and taker-buy base volume.
 */
export type CoinmKline = [
  openTime: number,
  open: string,
  high: string,
  low: string,
  close: string,
  volume: string,
  closeTime: number,
  baseAssetVolume: string,
  numberOfTrades: number,
  takerBuyVolume: string,
  takerBuyBaseAssetVolume: string,
  ignore: string,
];

/**
 * `GET /dapi/v1/premiumIndex` row (always an array; `symbol` or `pair`). Delivery symbols send
 * `lastFundingRate: ""`, `interestRate: ""`, `nextFundingTime: 0`.
 */
export interface CoinmPremiumIndex extends PremiumIndex {
  /** Pair. */
  pair: string;
}

/** One row of `GET /dapi/v1/fundingRate` (no `markPrice`; empty for delivery symbols). */
export type CoinmFundingRate = Pick<FundingRate, 'symbol' | 'fundingRate' | 'fundingTime'>;

/** `GET /dapi/v1/ticker/24hr` row: `volume` in contracts, `baseVolume` instead of `quoteVolume`. */
export type CoinmTicker24hr = Omit<Ticker24hr, 'quoteVolume'> & {
  /** Pair. */
  pair: string;
  /** Volume in base asset. */
  baseVolume: string;
};

/** `GET /dapi/v1/ticker/price` row. */
export interface CoinmTickerPrice {
  /** Symbol. */
  symbol: string;
  /** Pair (the docs example shows a price here, evidently a copy error). */
  ps: string;
  /** Last price. */
  price: string;
  /** Time, ms. */
  time: number;
}

/** `GET /dapi/v1/ticker/bookTicker` row: adds `pair`. */
export interface CoinmBookTicker extends BookTicker {
  /** Pair. */
  pair: string;
}

/** `GET /dapi/v1/openInterest`. */
export interface CoinmOpenInterest {
  /** Symbol. */
  symbol: string;
  /** Pair. */
  pair: string;
  /** Open interest in contracts. */
  openInterest: string;
  /** Contract type. */
  contractType: CoinmContractType;
  /** Time, ms. */
  time: number;
}
