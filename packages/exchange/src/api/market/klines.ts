import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { klineRows, tradeKlineFormat } from './format.js';
import { klineWeight, readKlineRequest } from './query.js';

/**
 * `GET /fapi/v1/klines` — candles of the symbol's trades (`interval` mandatory, -1120 when invalid;
 * `startTime`, `endTime`, `limit` default 500, max 1500). Selection rules: `KlineStore.klines`.
 */
export const klines = defineEndpoint<Kline[]>({
  name: 'klines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const request = readKlineRequest(params);
    const market = venue.market(symbol);
    return klineRows(market.klines, request, context.now, tradeKlineFormat(market));
  },
});
