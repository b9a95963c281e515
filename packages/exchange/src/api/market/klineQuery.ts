import type { KlineStore } from '../../marketData/klines.js';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import type { Endpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { type KlineFormat, SAMPLE_KLINE_FORMAT, tradeKlineFormat } from './format.js';
import { indexMarketOfPair, type KlineRequest, readKlineRequest } from './query.js';

// The request handling of the kline endpoints of both products (klines, markPriceKlines,
// premiumIndexKlines, indexPriceKlines): they differ only in the candles they read and in the
// product's window rules.

/** How a product selects and prints a kline request's candles (USD-M `klineRows`, COIN-M `coinmKlineRows`). */
export type KlineRowsOf<Row> = (
  store: KlineStore,
  request: KlineRequest,
  now: number,
  format: KlineFormat,
) => Row[];

/** The candles a kline endpoint reads: the market its mandatory parameter names, its store and their print. */
export interface KlineSource {
  readonly param: 'symbol' | 'pair';
  /** The market `param` names; -1121 when there is none. */
  readonly market: (venue: Venue, name: string) => Market;
  readonly store: (market: Market) => KlineStore;
  readonly format: (market: Market) => KlineFormat;
}

const sampleFormat = (): KlineFormat => SAMPLE_KLINE_FORMAT;

/** The candles `store` holds for the market `symbol` names (-1121 when unknown). */
function symbolKlines(store: KlineSource['store'], format: KlineSource['format']): KlineSource {
  return { param: 'symbol', market: (venue, symbol) => venue.market(symbol), store, format };
}

/** The symbol's trade candles, with its price and quantity precision. */
export const TRADE_KLINES = symbolKlines((market) => market.klines, tradeKlineFormat);

/** The symbol's mark-price candles: 8 decimals, volumes "0", count = samples. */
export const MARK_PRICE_KLINES = symbolKlines((market) => market.markKlines, sampleFormat);

/** The symbol's premium-index candles: 8 decimals, volumes "0", count = samples. */
export const PREMIUM_INDEX_KLINES = symbolKlines((market) => market.premiumKlines, sampleFormat);

/**
 * The pair's index-price candles (8 decimals, volumes "0", count = samples), from its perpetual when
 * it has one: every contract of a pair shares its index.
 */
export const INDEX_PRICE_KLINES: KlineSource = {
  param: 'pair',
  market: indexMarketOfPair,
  store: (market) => market.indexKlines,
  format: sampleFormat,
};

/**
 * The handler of a kline endpoint: reads the market's name and the kline request (`interval`
 * mandatory, `startTime`, `endTime`, `limit`) before looking the market up, so that a missing or
 * malformed parameter is reported before an unknown symbol or pair; `rowsOf` then selects and prints
 * the candles of `source` with the product's rules.
 */
export function klineHandler<Row>(source: KlineSource, rowsOf: KlineRowsOf<Row>): Endpoint<Row[]>['handle'] {
  return (venue, context, raw) => {
    const params = new ParamReader(raw);
    const name = params.requiredString(source.param);
    const request = readKlineRequest(params);
    const market = source.market(venue, name);
    return rowsOf(source.store(market), request, context.now, source.format(market));
  };
}
