import type { CoinmKline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { tradeKlineFormat } from '../../market/format.js';
import { klineWeight, readKlineRequest } from '../../market/query.js';
import { ParamReader } from '../../params.js';
import { coinmKlineRows } from './query.js';

/**
 * `GET /dapi/v1/klines` — trade candles of the symbol: volume in contracts (index 5, 9) and base-asset
 * volume (index 7, 10); window rules of {@link coinmKlineRows}, `limit` default 500, max 1500.
 */
export const coinmKlines = defineEndpoint<CoinmKline[]>({
  name: 'klines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const request = readKlineRequest(params);
    const market = venue.market(symbol);
    return coinmKlineRows(market.klines, request, context.now, tradeKlineFormat(market));
  },
});
