import type { Trade } from '@basis/core';
import { toId } from '../../venue/idSequence.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { tradeRow } from './format.js';
import { runQuery } from './query.js';

/**
 * `GET /fapi/v1/historicalTrades` (MARKET_DATA: an API key, no signature) — trades from `fromId`
 * (inclusive; the most recent without it), ascending, `limit` default 100, max 500. History reaches
 * back as far as the market keeps trades.
 */
export const historicalTrades = defineEndpoint<Trade[]>({
  name: 'historicalTrades',
  security: 'MARKET_DATA',
  weight: 20,
  command: false,
  handle(venue, _context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const limit = params.integer('limit');
    const fromId = params.id('fromId');
    const market = venue.market(symbol);
    return runQuery(() =>
      market.trades.historicalTrades({ fromId: fromId === undefined ? undefined : toId(fromId), limit }),
    ).map((t) => tradeRow(market, t));
  },
});
