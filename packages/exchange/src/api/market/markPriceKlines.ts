import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { klineRows } from './format.js';
import { klineHandler, MARK_PRICE_KLINES } from './klineQuery.js';
import { klineWeight } from './query.js';

/** `GET /fapi/v1/markPriceKlines` — mark-price candles: 8 decimals, volumes "0", count = samples. */
export const markPriceKlines = defineEndpoint<Kline[]>({
  name: 'markPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle: klineHandler(MARK_PRICE_KLINES, klineRows),
});
