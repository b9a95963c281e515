import type { Kline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { SAMPLE_KLINE_FORMAT } from '../../market/format.js';
import { klineWeight, readKlineRequest } from '../../market/query.js';
import { ParamReader } from '../../params.js';
import { coinmKlineRows } from './query.js';

/** `GET /dapi/v1/markPriceKlines` — mark-price candles of `symbol` with COIN-M's window rules. */
export const coinmMarkPriceKlines = defineEndpoint<Kline[]>({
  name: 'markPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const request = readKlineRequest(params);
    const market = venue.market(symbol);
    return coinmKlineRows(market.markKlines, request, context.now, SAMPLE_KLINE_FORMAT);
  },
});
