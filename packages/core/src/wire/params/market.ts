/**
 * Request parameters of the USD-M market-data endpoints (§5.1). Conventions: `params/common.ts`.
 * `ping`, `time`, `exchangeInfo` and `fundingInfo` take no parameters.
 */
import type { Id } from '../common.js';
import type { ContinuousContractType, DepthLimit, KlineInterval } from '../enums.js';
import type { TimeRangeParams } from './common.js';

/** `GET /fapi/v1/depth`. */
export interface GetDepthParams {
  /** Symbol. */
  symbol: string;
  /** Levels per side; default 500. Weight 2/5/10/20 by limit. */
  limit?: DepthLimit;
}

/** `GET /fapi/v1/rpiDepth`: book including RPI liquidity. */
export interface GetRpiDepthParams {
  /** Symbol. */
  symbol: string;
  /** Only 1000 is accepted. */
  limit?: 1000;
}

/** `GET /fapi/v1/trades`: recent order-book trades. */
export interface GetTradesParams {
  /** Symbol. */
  symbol: string;
  /** Default 500, max 1000. */
  limit?: number;
}

/** `GET /fapi/v1/historicalTrades` (MARKET_DATA: API key; last month only since 2026-03-19). */
export interface GetHistoricalTradesParams {
  /** Symbol. */
  symbol: string;
  /** Default 100, max 500. */
  limit?: number;
  /** Trade id to fetch from (inclusive). */
  fromId?: Id;
}

/** `GET /fapi/v1/aggTrades`: start–end must span < 1 h; with none of fromId/start/end → most recent. */
export interface GetAggTradesParams extends TimeRangeParams {
  /** Symbol. */
  symbol: string;
  /** Aggregate trade id to fetch from (inclusive). */
  fromId?: Id;
  /** Default 500, max 1000. */
  limit?: number;
}

/** Window and size of a kline request. */
export interface KlineWindowParams extends TimeRangeParams {
  /** Interval. */
  interval: KlineInterval;
  /** Default 500, max 1500; weight 1/2/5/10 by limit. */
  limit?: number;
}

/** `GET /fapi/v1/klines`. */
export interface GetKlinesParams extends KlineWindowParams {
  /** Symbol. */
  symbol: string;
}

/** `GET /fapi/v1/continuousKlines`. */
export interface GetContinuousKlinesParams extends KlineWindowParams {
  /** Pair, e.g. BTCUSDT. */
  pair: string;
  /** Contract type. */
  contractType: ContinuousContractType;
}

/** `GET /fapi/v1/markPriceKlines`: volume fields are "0". */
export interface GetMarkPriceKlinesParams extends KlineWindowParams {
  /** Symbol. */
  symbol: string;
}

/** `GET /fapi/v1/indexPriceKlines`. */
export interface GetIndexPriceKlinesParams extends KlineWindowParams {
  /** Pair. */
  pair: string;
}

/** `GET /fapi/v1/premiumIndexKlines`. */
export interface GetPremiumIndexKlinesParams extends KlineWindowParams {
  /** Symbol. */
  symbol: string;
}

/** `GET /fapi/v1/premiumIndex`: without `symbol` an array of every symbol. */
export interface GetPremiumIndexParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/fundingRate`: no range → most recent 200 [sic]; shares a 500/5 min/IP pool. */
export interface GetFundingRateParams extends TimeRangeParams {
  /** Symbol. */
  symbol?: string;
  /** Default 100, max 1000. */
  limit?: number;
}

/** `GET /fapi/v1/ticker/24hr`: without `symbol` an array (weight 40). */
export interface GetTicker24hrParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/ticker/price` (deprecated) and `GET /fapi/v2/ticker/price`. */
export interface GetTickerPriceParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/ticker/bookTicker`. */
export interface GetBookTickerParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/openInterest`. */
export interface GetOpenInterestParams {
  /** Symbol. */
  symbol: string;
}

/** `GET /fapi/v1/symbolAdlRisk` (parameters not detailed in the reference [U]). */
export interface GetSymbolAdlRiskParams {
  /** Symbol. */
  symbol?: string;
}
