import type { Kline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { SAMPLE_KLINE_FORMAT } from '../../market/format.js';
import { indexMarketOfPair, klineWeight, readKlineRequest } from '../../market/query.js';
import { ParamReader } from '../../params.js';
import { coinmKlineRows } from './query.js';

/** `GET /dapi/v1/indexPriceKlines` — index-price candles of `pair` with COIN-M's window rules. */
export const coinmIndexPriceKlines = defineEndpoint<Kline[]>({
  name: 'indexPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const pair = params.requiredString('pair');
    const request = readKlineRequest(params);
    const market = indexMarketOfPair(venue, pair);
    return coinmKlineRows(market.indexKlines, request, context.now, SAMPLE_KLINE_FORMAT);
  },
});
