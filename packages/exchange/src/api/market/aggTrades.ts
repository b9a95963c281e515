import type { AggTrade } from '@basis/core';
import type { AggTradeRecord } from '../../marketData/trades.js';
import { toId } from '../../venue/idSequence.js';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';
import { aggTradeRow } from './format.js';
import { runQuery } from './query.js';

/** The market of `symbol` and the aggregate trades the request selects (`TradeHistory.aggTrades`). */
export function aggTradeRecords(
  venue: Venue,
  raw: RawParams,
): { market: Market; aggTrades: readonly AggTradeRecord[] } {
  const params = new ParamReader(raw);
  const symbol = params.requiredString('symbol');
  const fromId = params.id('fromId');
  const query = {
    fromId: fromId === undefined ? undefined : toId(fromId),
    startTime: params.integer('startTime'),
    endTime: params.integer('endTime'),
    limit: params.integer('limit'),
  };
  const market = venue.market(symbol);
  return { market, aggTrades: runQuery(() => market.trades.aggTrades(query)) };
}

/**
 * `GET /fapi/v1/aggTrades` — aggregate trades by `fromId`, by a window of at most 1 h (`startTime`,
 * `endTime`, inclusive; -1127 when longer, -1023 when reversed) or the most recent; `limit` default
 * 500, max 1000. The selection rules are `TradeHistory.aggTrades`'.
 */
export const aggTrades = defineEndpoint<AggTrade[]>({
  name: 'aggTrades',
  security: 'NONE',
  weight: 20,
  command: false,
  handle(venue, _context, raw) {
    const { market, aggTrades } = aggTradeRecords(venue, raw);
    return aggTrades.map((a) => aggTradeRow(market, a));
  },
});
