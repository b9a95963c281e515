import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { klineRows } from './format.js';
import { INDEX_PRICE_KLINES, klineHandler } from './klineQuery.js';
import { klineWeight } from './query.js';

/**
 * `GET /fapi/v1/indexPriceKlines` — index-price candles of `pair` (8 decimals, volumes "0", count =
 * samples), from the pair's perpetual when it has one (every contract of a pair shares its index).
 */
export const indexPriceKlines = defineEndpoint<Kline[]>({
  name: 'indexPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle: klineHandler(INDEX_PRICE_KLINES, klineRows),
});
