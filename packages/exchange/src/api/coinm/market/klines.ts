import type { CoinmKline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { klineHandler, TRADE_KLINES } from '../../market/klineQuery.js';
import { klineWeight } from '../../market/query.js';
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
  handle: klineHandler(TRADE_KLINES, coinmKlineRows),
});
