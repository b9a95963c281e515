import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { klineRows, SAMPLE_KLINE_FORMAT } from './format.js';
import { klineWeight, readKlineRequest } from './query.js';

/** `GET /fapi/v1/markPriceKlines` — mark-price candles: 8 decimals, volumes "0", count = samples. */
export const markPriceKlines = defineEndpoint<Kline[]>({
  name: 'markPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const request = readKlineRequest(params);
    const market = venue.market(symbol);
    return klineRows(market.markKlines, request, context.now, SAMPLE_KLINE_FORMAT);
  },
});
