import type { RouteTable } from '../endpoint.js';
import { aggTrades } from './aggTrades.js';
import { bookTicker } from './bookTicker.js';
import { continuousKlines } from './continuousKlines.js';
import { depth } from './depth.js';
import { exchangeInfo } from './exchangeInfo.js';
import { fundingInfo } from './fundingInfo.js';
import { fundingRate } from './fundingRate.js';
import { historicalTrades } from './historicalTrades.js';
import { indexInfo } from './indexInfo.js';
import { indexPriceKlines } from './indexPriceKlines.js';
import { klines } from './klines.js';
import { markPriceKlines } from './markPriceKlines.js';
import { openInterest } from './openInterest.js';
import { ping } from './ping.js';
import { premiumIndex } from './premiumIndex.js';
import { premiumIndexKlines } from './premiumIndexKlines.js';
import { rpiDepth } from './rpiDepth.js';
import { symbolAdlRisk } from './symbolAdlRisk.js';
import { takerLongShortRatio } from './takerLongShortRatio.js';
import { ticker24hr } from './ticker24hr.js';
import { tickerPrice } from './tickerPrice.js';
import { time } from './time.js';
import { trades } from './trades.js';

/** Every USD-M market-data route of the local exchange (security NONE, `historicalTrades` MARKET_DATA). */
export const marketRoutes = {
  'GET /fapi/v1/ping': ping,
  'GET /fapi/v1/time': time,
  'GET /fapi/v1/exchangeInfo': exchangeInfo,
  'GET /fapi/v1/depth': depth,
  'GET /fapi/v1/rpiDepth': rpiDepth,
  'GET /fapi/v1/trades': trades,
  'GET /fapi/v1/historicalTrades': historicalTrades,
  'GET /fapi/v1/aggTrades': aggTrades,
  'GET /fapi/v1/klines': klines,
  'GET /fapi/v1/continuousKlines': continuousKlines,
  'GET /fapi/v1/markPriceKlines': markPriceKlines,
  'GET /fapi/v1/indexPriceKlines': indexPriceKlines,
  'GET /fapi/v1/premiumIndexKlines': premiumIndexKlines,
  'GET /fapi/v1/premiumIndex': premiumIndex,
  'GET /fapi/v1/fundingRate': fundingRate,
  'GET /fapi/v1/fundingInfo': fundingInfo,
  'GET /fapi/v1/ticker/24hr': ticker24hr,
  'GET /fapi/v1/ticker/price': tickerPrice,
  'GET /fapi/v2/ticker/price': tickerPrice,
  'GET /fapi/v1/ticker/bookTicker': bookTicker,
  'GET /fapi/v1/openInterest': openInterest,
  'GET /fapi/v1/symbolAdlRisk': symbolAdlRisk,
  'GET /fapi/v1/indexInfo': indexInfo,
  'GET /futures/data/takerlongshortRatio': takerLongShortRatio,
} as const satisfies RouteTable;
