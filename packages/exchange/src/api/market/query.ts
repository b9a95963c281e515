import { KLINE_INTERVALS, type KlineInterval } from '@basis/core';
import { MarketDataQueryError } from '../../marketData/marketDataError.js';
import { followsContinuous } from '../../venue/delivery.js';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import { apiError, apiErrorWithMessage } from '../apiError.js';
import { ParamReader, type RawParams } from '../params.js';

// Parameter rules shared by the market-data endpoints: symbol lookup, kline windows, weights, and
// the translation of the market-data stores' Binance errors into ApiError.

/**
 * The markets an endpoint with an optional `symbol` reports on: the one named (-1121 when unknown),
 * or every market in listing order. `single` tells whether to answer with an object or an array.
 */
export function selectedMarkets(
  venue: Venue,
  params: ParamReader,
): { readonly single: boolean; readonly markets: readonly Market[] } {
  const symbol = params.string('symbol');
  if (symbol === undefined) return { single: false, markets: [...venue.markets.values()] };
  return { single: true, markets: [venue.market(symbol)] };
}

/**
 * The markets trading `pair` (`continuousKlines`, `indexPriceKlines`), in listing order; -1121 when
 * no market has that pair (Binance's code for an unknown pair [U]).
 */
export function marketsOfPair(venue: Venue, pair: string): readonly Market[] {
  const markets = [...venue.markets.values()].filter((m) => m.spec.pair === pair);
  if (markets.length === 0) throw apiError(-1121);
  return markets;
}

/**
 * The contract of `contractType` on `pair` (`continuousKlines`; PERPETUAL: the pair's perpetual), or
 * `undefined` when the pair has none of that type; -1121 for an unknown pair.
 */
export function continuousMarket(venue: Venue, pair: string, contractType: string): Market | undefined {
  return marketsOfPair(venue, pair).find((m) => followsContinuous(m, pair, contractType));
}

/**
 * The market whose index klines stand for `pair` (`indexPriceKlines`): its perpetual when it has one,
 * every contract of a pair sharing its index; -1121 for an unknown pair.
 */
export function indexMarketOfPair(venue: Venue, pair: string): Market {
  const markets = marketsOfPair(venue, pair);
  return markets.find((m) => m.spec.contractType === 'PERPETUAL') ?? markets[0]!;
}

/**
 * The answer of an endpoint with an optional `symbol`: `row` of that market as an object, or of every
 * market as an array (premiumIndex, ticker/24hr, ticker/price, bookTicker...).
 */
export function oneOrAll<T>(venue: Venue, raw: RawParams, row: (market: Market) => T): T | T[] {
  const { single, markets } = selectedMarkets(venue, new ParamReader(raw));
  const rows = markets.map(row);
  return single ? rows[0]! : rows;
}

/** A kline request after its parameters were checked. */
export interface KlineRequest {
  readonly interval: KlineInterval;
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  readonly limit: number | undefined;
}

/** `interval` (mandatory; -1120 when invalid), `startTime`, `endTime` and `limit` of every kline endpoint. */
export function readKlineRequest(params: ParamReader): KlineRequest {
  return {
    interval: params.requiredEnumOf('interval', KLINE_INTERVALS),
    startTime: params.integer('startTime'),
    endTime: params.integer('endTime'),
    limit: params.integer('limit'),
  };
}

/**
 * Runs a query on a market-data store, turning its {@link MarketDataQueryError} (which carries
 * Binance's code and message) into the `ApiError` the transport sends.
 */
export function runQuery<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof MarketDataQueryError) throw apiErrorWithMessage(error.code, error.msg);
    throw error;
  }
}

/** A request weight that depends on whether `symbol` was sent (§3.4: ticker, premiumIndex...). */
export function weightBySymbol(withSymbol: number, without: number): (params: RawParams) => number {
  return (params) => (params.symbol === undefined || params.symbol === '' ? without : withSymbol);
}

/** The integer value of `limit` for weighing, or `fallback` when absent or malformed (the handler rejects those). */
function limitOf(params: RawParams, fallback: number): number {
  const raw = params.limit;
  if (raw === undefined || raw === '' || !/^\d{1,9}$/.test(raw)) return fallback;
  return Number(raw);
}

/** Kline weight by `limit` (§3.4): [1,100) → 1, [100,500) → 2, [500,1000] → 5, above → 10; default 500. */
export function klineWeight(params: RawParams): number {
  const limit = limitOf(params, 500);
  if (limit < 100) return 1;
  if (limit < 500) return 2;
  if (limit <= 1000) return 5;
  return 10;
}

/** Depth weight by `limit` (§3.4): 5–50 → 2, 100 → 5, 500 → 10, 1000 → 20; default 500. */
export function depthWeight(params: RawParams): number {
  const limit = limitOf(params, 500);
  if (limit <= 50) return 2;
  if (limit <= 100) return 5;
  if (limit <= 500) return 10;
  return 20;
}
