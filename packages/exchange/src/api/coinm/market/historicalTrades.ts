import type { CoinmTrade } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { historicalTradeRecords } from '../../market/historicalTrades.js';
import { coinmTradeRow } from './trades.js';

/**
 * `GET /dapi/v1/historicalTrades` (MARKET_DATA) — trades from `fromId` as USD-M selects them, in
 * COIN-M's row shape.
 */
export const coinmHistoricalTrades = defineEndpoint<CoinmTrade[]>({
  name: 'historicalTrades',
  security: 'MARKET_DATA',
  weight: 20,
  command: false,
  handle(venue, _context, raw) {
    const { market, trades } = historicalTradeRecords(venue, raw);
    return trades.map((t) => coinmTradeRow(market, t));
  },
});
