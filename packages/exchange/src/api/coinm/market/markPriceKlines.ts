import type { Kline } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { klineHandler, MARK_PRICE_KLINES } from '../../market/klineQuery.js';
import { klineWeight } from '../../market/query.js';
import { coinmKlineRows } from './query.js';

/** `GET /dapi/v1/markPriceKlines` — mark-price candles of `symbol` with COIN-M's window rules. */
export const coinmMarkPriceKlines = defineEndpoint<Kline[]>({
  name: 'markPriceKlines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle: klineHandler(MARK_PRICE_KLINES, coinmKlineRows),
});
