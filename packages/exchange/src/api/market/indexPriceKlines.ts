import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { klineRows, SAMPLE_KLINE_FORMAT } from './format.js';
import { indexMarketOfPair, klineWeight, readKlineRequest } from './query.js';

/**
 * `GET /fapi/v1/indexPriceKlines` — index-price candles of `pair` (8 decimals, volumes "0", count =
 * samples), from the pair's perpetual when it has one (every contract of a pair shares its index).
 */
export const indexPriceKlines = defineEndpoint<Kline[]>({
  name: 'indexPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const pair = params.requiredString('pair');
    const request = readKlineRequest(params);
    const market = indexMarketOfPair(venue, pair);
    return klineRows(market.indexKlines, request, context.now, SAMPLE_KLINE_FORMAT);
  },
});
