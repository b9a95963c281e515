import type { CoinmTrade } from '@basis/core';
import type { TradeRecord } from '../../../marketData/trades.js';
import type { Market } from '../../../venue/market.js';
import { defineEndpoint } from '../../endpoint.js';
import { formatTradeValue, tradeValueOf } from '../../market/format.js';
import { recentTradeRecords } from '../../market/trades.js';

/** One row of COIN-M `trades` / `historicalTrades`: `qty` in contracts, `baseQty` its coin value. */
export function coinmTradeRow(market: Market, trade: TradeRecord): CoinmTrade {
  return {
    id: trade.id,
    price: market.formatPrice(trade.priceTick),
    qty: market.formatQty(trade.qtySteps),
    baseQty: formatTradeValue(market, tradeValueOf(market, trade)),
    time: trade.time,
    isBuyerMaker: trade.isBuyerMaker,
  };
}

/** `GET /dapi/v1/trades` — the most recent trades as USD-M selects them, in COIN-M's row shape. */
export const coinmTrades = defineEndpoint<CoinmTrade[]>({
  name: 'trades',
  security: 'NONE',
  weight: 5,
  command: false,
  handle(venue, _context, raw) {
    const { market, trades } = recentTradeRecords(venue, raw);
    return trades.map((t) => coinmTradeRow(market, t));
  },
});
