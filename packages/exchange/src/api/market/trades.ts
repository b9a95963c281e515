import type { Trade } from '@basis/core';
import type { TradeRecord } from '../../marketData/trades.js';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';
import { tradeRow } from './format.js';
import { runQuery } from './query.js';

/** The market of `symbol` and its most recent `limit` trades, ascending. */
export function recentTradeRecords(
  venue: Venue,
  raw: RawParams,
): { market: Market; trades: readonly TradeRecord[] } {
  const params = new ParamReader(raw);
  const symbol = params.requiredString('symbol');
  const limit = params.integer('limit');
  const market = venue.market(symbol);
  return { market, trades: runQuery(() => market.trades.recentTrades(limit)) };
}

/** `GET /fapi/v1/trades` — the most recent trades, ascending (`limit` default 500, max 1000). */
export const trades = defineEndpoint<Trade[]>({
  name: 'trades',
  security: 'NONE',
  weight: 5,
  command: false,
  handle(venue, _context, raw) {
    const { market, trades } = recentTradeRecords(venue, raw);
    return trades.map((t) => tradeRow(market, t));
  },
});
