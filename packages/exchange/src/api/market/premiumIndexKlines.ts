import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { klineRows } from './format.js';
import { klineHandler, PREMIUM_INDEX_KLINES } from './klineQuery.js';
import { klineWeight } from './query.js';

/** `GET /fapi/v1/premiumIndexKlines` — premium-index candles: 8 decimals, volumes "0", count = samples. */
export const premiumIndexKlines = defineEndpoint<Kline[]>({
  name: 'premiumIndexKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle: klineHandler(PREMIUM_INDEX_KLINES, klineRows),
});
