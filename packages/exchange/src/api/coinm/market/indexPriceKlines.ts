import type { Kline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { INDEX_PRICE_KLINES, klineHandler } from '../../market/klineQuery.js';
import { klineWeight } from '../../market/query.js';
import { coinmKlineRows } from './query.js';

/** `GET /dapi/v1/indexPriceKlines` — index-price candles of `pair` with COIN-M's window rules. */
export const coinmIndexPriceKlines = defineEndpoint<Kline[]>({
  name: 'indexPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle: klineHandler(INDEX_PRICE_KLINES, coinmKlineRows),
});
