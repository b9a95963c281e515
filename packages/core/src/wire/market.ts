/**
 * USD-M market-data REST responses (`/fapi/v1|v2/...`, security NONE or MARKET_DATA), §5.1.
 * Decimals are Binance's strings; ids are {@link Id}; times are ms epoch numbers.
 */
import type { Id } from './common.js';
import type { AdlRiskLevel } from './enums.js';

/** One book level: `[price, quantity]`, both decimal strings. */
export type PriceLevel = [price: string, qty: string];

/** `GET /fapi/v1/depth` (and `rpiDepth`): bids descending, asks ascending; RPI orders excluded from `depth`. */
export interface Depth {
  /** Book sequence number; equals the `u` of the last diff event folded into this snapshot. */
  lastUpdateId: Id;
  /** Message output time, ms. */
  E: number;
  /** Transaction time, ms (ccxt takes the book timestamp from here). */
  T: number;
  /** Bid levels, best (highest) first. */
  bids: PriceLevel[];
  /** Ask levels, best (lowest) first. */
  asks: PriceLevel[];
}

/** One row of `GET /fapi/v1/trades` / `historicalTrades` (order-book trades only). */
export interface Trade {
  /** Trade id. */
  id: Id;
  /** Trade price. */
  price: string;
  /** Trade quantity (base asset). */
  qty: string;
  /** Quote quantity = price × qty. */
  quoteQty: string;
  /** Trade time, ms. */
  time: number;
  /** True when the buyer was the resting (maker) order. */
  isBuyerMaker: boolean;
  /** True when the trade involved a retail-price-improvement order (2025 addition). */
  isRPITrade?: boolean;
}

/** One row of `GET /fapi/v1/aggTrades`: fills within 100 ms at one price and taker side, merged. */
export interface AggTrade {
  /** Aggregate trade id. */
  a: Id;
  /** Price. */
  p: string;
  /** Quantity of all merged fills. */
  q: string;
  /** Quantity excluding RPI fills (2026 spec addition). */
  nq?: string;
  /** First trade id. */
  f: Id;
  /** Last trade id. */
  l: Id;
  /** Trade time, ms. */
  T: number;
  /** True when the buyer was the maker. */
  m: boolean;
}

/**
 * One kline (`klines`, `continuousKlines`, `markPriceKlines`, `indexPriceKlines`,
 * `premiumIndexKlines`): a 12-element array. For mark/index/premium klines the volume fields are
 * "0" and the trade count is the number of samples.
 */
export type Kline = [
  openTime: number,
  open: string,
  high: string,
  low: string,
  close: string,
  volume: string,
  closeTime: number,
  quoteAssetVolume: string,
  numberOfTrades: number,
  takerBuyBaseAssetVolume: string,
  takerBuyQuoteAssetVolume: string,
  ignore: string,
];

/** `GET /fapi/v1/premiumIndex` (one object with `symbol`, an array without). */
export interface PremiumIndex {
  /** Symbol, e.g. BTCUSDT. */
  symbol: string;
  /** Mark price. */
  markPrice: string;
  /** Index price. */
  indexPrice: string;
  /** Estimated settle price; only meaningful in the hour before settlement. */
  estimatedSettlePrice: string;
  /** Latest funding rate. */
  lastFundingRate: string;
  /** Interest rate used in the funding formula. */
  interestRate: string;
  /** Next funding time, ms. */
  nextFundingTime: number;
  /** Time of this snapshot, ms. */
  time: number;
}

/** One row of `GET /fapi/v1/fundingRate` (ascending by time). */
export interface FundingRate {
  /** Symbol. */
  symbol: string;
  /** Funding rate applied at `fundingTime`. */
  fundingRate: string;
  /** Funding time, ms. */
  fundingTime: number;
  /** Mark price at funding time. */
  markPrice: string;
  /** Rate type, added 2026-07; values undocumented [U]. */
  rateType?: string;
}

/** One row of `GET /fapi/v1/fundingInfo` (only symbols with non-default funding settings). */
export interface FundingInfo {
  /** Symbol. */
  symbol: string;
  /** Funding rate cap. */
  adjustedFundingRateCap: string;
  /** Funding rate floor. */
  adjustedFundingRateFloor: string;
  /** Hours between fundings. */
  fundingIntervalHours: number;
  /** Whether a disclaimer applies. */
  disclaimer: boolean;
}

/** `GET /fapi/v1/ticker/24hr`: rolling 24 h window (not the UTC day). */
export interface Ticker24hr {
  /** Symbol. */
  symbol: string;
  /** Last price − open price. */
  priceChange: string;
  /** Price change in percent. */
  priceChangePercent: string;
  /** Volume-weighted average price. */
  weightedAvgPrice: string;
  /** Last trade price. */
  lastPrice: string;
  /** Last trade quantity. */
  lastQty: string;
  /** Price at the window start. */
  openPrice: string;
  /** Window high. */
  highPrice: string;
  /** Window low. */
  lowPrice: string;
  /** Base-asset volume. */
  volume: string;
  /** Quote-asset volume. */
  quoteVolume: string;
  /** Window start, ms. */
  openTime: number;
  /** Window end, ms. */
  closeTime: number;
  /** First trade id in the window. */
  firstId: Id;
  /** Last trade id in the window. */
  lastId: Id;
  /** Number of trades. */
  count: number;
}

/** `GET /fapi/v1/ticker/price` (deprecated) and `/fapi/v2/ticker/price`. */
export interface TickerPrice {
  /** Symbol. */
  symbol: string;
  /** Last price. */
  price: string;
  /** Transaction time, ms. */
  time: number;
}

/** `GET /fapi/v1/ticker/bookTicker`: best bid/ask (RPI excluded). */
export interface BookTicker {
  /** Symbol. */
  symbol: string;
  /** Best bid price. */
  bidPrice: string;
  /** Best bid quantity. */
  bidQty: string;
  /** Best ask price. */
  askPrice: string;
  /** Best ask quantity. */
  askQty: string;
  /** Transaction time, ms. */
  time: number;
  /** Book sequence number (added 2023-09-20); same sequence as depth `lastUpdateId`. */
  lastUpdateId: Id;
}

/** `GET /fapi/v1/openInterest`. */
export interface OpenInterest {
  /** Open interest in base asset. */
  openInterest: string;
  /** Symbol. */
  symbol: string;
  /** Time, ms. */
  time: number;
}

/** `GET /fapi/v1/symbolAdlRisk` row (shape from the reference's one-line summary). */
export interface SymbolAdlRisk {
  /** Symbol. */
  symbol: string;
  /** Symbol-level ADL risk. */
  adlRisk: AdlRiskLevel;
  /** Update time, ms. */
  updateTime: number;
}
