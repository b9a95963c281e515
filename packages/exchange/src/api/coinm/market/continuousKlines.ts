import { COINM_CONTINUOUS_CONTRACT_TYPES, type CoinmKline } from '@basis/core';
import { defineContinuousKlinesEndpoint } from '../../market/continuousKlines.js';
import { coinmKlineRows } from './query.js';

/**
 * `GET /dapi/v1/continuousKlines` — trade candles (COIN-M volumes) of the contract of `contractType`
 * (PERPETUAL, CURRENT_QUARTER, NEXT_QUARTER; another value is -1130) on `pair`. An unknown pair is
 * -1121 [U]; a known pair without a contract of that type answers `[]` [U].
 */
export const coinmContinuousKlines = defineContinuousKlinesEndpoint<CoinmKline>(
  COINM_CONTINUOUS_CONTRACT_TYPES,
  coinmKlineRows,
);
