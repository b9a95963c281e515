import { COINM_CONTINUOUS_CONTRACT_TYPES, type CoinmKline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { tradeKlineFormat } from '../../market/format.js';
import { continuousMarket, klineWeight, readKlineRequest } from '../../market/query.js';
import { ParamReader } from '../../params.js';
import { coinmKlineRows } from './query.js';

/**
 * `GET /dapi/v1/continuousKlines` — trade candles (COIN-M volumes) of the contract of `contractType`
 * (PERPETUAL, CURRENT_QUARTER, NEXT_QUARTER; another value is -1130) on `pair`. An unknown pair is
 * -1121 [U]; a known pair without a contract of that type answers `[]` [U].
 */
export const coinmContinuousKlines = defineEndpoint<CoinmKline[]>({
  name: 'continuousKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const pair = params.requiredString('pair');
    const contractType = params.requiredEnumOf('contractType', COINM_CONTINUOUS_CONTRACT_TYPES);
    const request = readKlineRequest(params);
    const market = continuousMarket(venue, pair, contractType);
    if (market === undefined) return [];
    return coinmKlineRows(market.klines, request, context.now, tradeKlineFormat(market));
  },
});
