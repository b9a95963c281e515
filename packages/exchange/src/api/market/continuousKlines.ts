import { CONTINUOUS_CONTRACT_TYPES, type Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { klineRows, tradeKlineFormat } from './format.js';
import { continuousMarket, klineWeight, readKlineRequest } from './query.js';

/**
 * `GET /fapi/v1/continuousKlines` — trade candles of the contract of `contractType` on `pair` (PERPETUAL:
 * the pair's perpetual). An unknown pair is -1121 [U]; a known pair without a contract of that type
 * answers `[]` [U]; an invalid `contractType` is -1130.
 */
export const continuousKlines = defineEndpoint<Kline[]>({
  name: 'continuousKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const pair = params.requiredString('pair');
    const contractType = params.requiredEnumOf('contractType', CONTINUOUS_CONTRACT_TYPES);
    const request = readKlineRequest(params);
    const market = continuousMarket(venue, pair, contractType);
    if (market === undefined) return [];
    return klineRows(market.klines, request, context.now, tradeKlineFormat(market));
  },
});
