import type { Kline } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { klineRows } from './format.js';
import { klineHandler, TRADE_KLINES } from './klineQuery.js';
import { klineWeight } from './query.js';

/**
 * `GET /fapi/v1/klines` — candles of the symbol's trades (`interval` mandatory, -1120 when invalid;
 * `startTime`, `endTime`, `limit` default 500, max 1500). Selection rules: `KlineStore.klines`.
 */
export const klines = defineEndpoint<Kline[]>({
  name: 'klines',
  security: 'NONE',
  weight: klineWeight,
  command: false,
  handle: klineHandler(TRADE_KLINES, klineRows),
});
