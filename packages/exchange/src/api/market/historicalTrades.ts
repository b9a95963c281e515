import type { Trade } from '@basis/core';
import type { TradeRecord } from '../../marketData/trades.js';
import { toId } from '../../venue/idSequence.js';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';
import { tradeRow } from './format.js';
import { runQuery } from './query.js';

/** The market of `symbol` and its trades from `fromId` (the most recent without it), ascending. */
export function historicalTradeRecords(
  venue: Venue,
  raw: RawParams,
): { market: Market; trades: readonly TradeRecord[] } {
  const params = new ParamReader(raw);
  const symbol = params.requiredString('symbol');
  const limit = params.integer('limit');
  const fromId = params.id('fromId');
  const market = venue.market(symbol);
  const trades = runQuery(() =>
    market.trades.historicalTrades({ fromId: fromId === undefined ? undefined : toId(fromId), limit }),
  );
  return { market, trades };
}

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
    const { market, trades } = historicalTradeRecords(venue, raw);
    return trades.map((t) => tradeRow(market, t));
  },
});
