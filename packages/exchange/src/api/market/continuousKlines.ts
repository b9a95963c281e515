import { CONTINUOUS_CONTRACT_TYPES, type Kline } from '@basis/core';
import { defineEndpoint, type Endpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { klineRows, tradeKlineFormat } from './format.js';
import type { KlineRowsOf } from './klineQuery.js';
import { continuousMarket, klineWeight, readKlineRequest } from './query.js';

/**
 * `GET …/continuousKlines` of one product: trade candles of the contract of `contractType` on `pair`.
 * The products differ only in the contract types they accept (another value is -1130) and in how
 * candles are selected and printed (`rowsOf`). An unknown pair is -1121 [U]; a known pair without a
 * contract of that type answers `[]` [U].
 */
export function defineContinuousKlinesEndpoint<Row>(
  contractTypes: readonly string[],
  rowsOf: KlineRowsOf<Row>,
): Endpoint<Row[]> {
  return defineEndpoint<Row[]>({
    name: 'continuousKlines',
    security: 'NONE',
    weight: klineWeight,
    command: false,
    handle(venue, context, raw) {
      const params = new ParamReader(raw);
      const pair = params.requiredString('pair');
      const contractType = params.requiredEnumOf('contractType', contractTypes);
      const request = readKlineRequest(params);
      const market = continuousMarket(venue, pair, contractType);
      if (market === undefined) return [];
      return rowsOf(market.klines, request, context.now, tradeKlineFormat(market));
    },
  });
}

/**
 * `GET /fapi/v1/continuousKlines` — trade candles of the contract of `contractType` on `pair` (PERPETUAL:
 * the pair's perpetual). An unknown pair is -1121 [U]; a known pair without a contract of that type
 * answers `[]` [U]; an invalid `contractType` is -1130.
 */
export const continuousKlines = defineContinuousKlinesEndpoint<Kline>(CONTINUOUS_CONTRACT_TYPES, klineRows);
