import type { RouteTable } from '../endpoint.js';
import { fundingInfo } from '../market/fundingInfo.js';
import { ping } from '../market/ping.js';
import { premiumIndexKlines } from '../market/premiumIndexKlines.js';
import { time } from '../market/time.js';
import { coinmAggTrades } from './market/aggTrades.js';
import { coinmBookTicker } from './market/bookTicker.js';
import { coinmContinuousKlines } from './market/continuousKlines.js';
import { coinmDepth } from './market/depth.js';
import { coinmExchangeInfo } from './market/exchangeInfo.js';
import { coinmFundingRate } from './market/fundingRate.js';
import { coinmHistoricalTrades } from './market/historicalTrades.js';
import { coinmIndexPriceKlines } from './market/indexPriceKlines.js';
import { coinmKlines } from './market/klines.js';
import { coinmMarkPriceKlines } from './market/markPriceKlines.js';
import { coinmOpenInterest } from './market/openInterest.js';
import { coinmPremiumIndex } from './market/premiumIndex.js';
import { coinmTicker24hr } from './market/ticker24hr.js';
import { coinmTickerPrice } from './market/tickerPrice.js';
import { coinmTrades } from './market/trades.js';

/**
 * COIN-M market-data routes (`/dapi/v1`); the endpoints USD-M shares unchanged are reused (ping, time,
 * premiumIndexKlines, fundingInfo), the others print COIN-M's shapes from the same selections.
 */
export const coinmMarketRoutes = {
  'GET /dapi/v1/ping': ping,
  'GET /dapi/v1/time': time,
  'GET /dapi/v1/exchangeInfo': coinmExchangeInfo,
  'GET /dapi/v1/depth': coinmDepth,
  'GET /dapi/v1/trades': coinmTrades,
  'GET /dapi/v1/historicalTrades': coinmHistoricalTrades,
  'GET /dapi/v1/aggTrades': coinmAggTrades,
  'GET /dapi/v1/klines': coinmKlines,
  'GET /dapi/v1/continuousKlines': coinmContinuousKlines,
  'GET /dapi/v1/markPriceKlines': coinmMarkPriceKlines,
  'GET /dapi/v1/indexPriceKlines': coinmIndexPriceKlines,
  'GET /dapi/v1/premiumIndexKlines': premiumIndexKlines,
  'GET /dapi/v1/premiumIndex': coinmPremiumIndex,
  'GET /dapi/v1/fundingRate': coinmFundingRate,
  'GET /dapi/v1/fundingInfo': fundingInfo,
  'GET /dapi/v1/ticker/24hr': coinmTicker24hr,
  'GET /dapi/v1/ticker/price': coinmTickerPrice,
  'GET /dapi/v1/ticker/bookTicker': coinmBookTicker,
  'GET /dapi/v1/openInterest': coinmOpenInterest,
} as const satisfies RouteTable;
