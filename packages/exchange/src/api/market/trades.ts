import type { Trade } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { tradeRow } from './format.js';
import { runQuery } from './query.js';

/** `GET /fapi/v1/trades` — the most recent trades, ascending (`limit` default 500, max 1000). */
export const trades = defineEndpoint<Trade[]>({
  name: 'trades',
  security: 'NONE',
  weight: 5,
  command: false,
  handle(venue, _context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const limit = params.integer('limit');
    const market = venue.market(symbol);
    return runQuery(() => market.trades.recentTrades(limit)).map((t) => tradeRow(market, t));
  },
});
