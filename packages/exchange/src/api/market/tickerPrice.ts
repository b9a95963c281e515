import type { TickerPrice } from '@basis/core';
import type { Market } from '../../venue/market.js';
import { defineEndpoint } from '../endpoint.js';
import { oneOrAll, weightBySymbol } from './query.js';

/**
 * A symbol's last price (the mark price before its first trade), with `time` the last trade's time
 * (now before the first trade).
 */
export function tickerPriceRow(market: Market, now: number): TickerPrice {
  return {
    symbol: market.symbol,
    price: market.lastPrice().toFixed(market.priceDecimals, 'half-even'),
    time: market.trades.lastTrade()?.time ?? now,
  };
}

/**
 * `GET /fapi/v2/ticker/price` and the deprecated `GET /fapi/v1/ticker/price` (same shape, same
 * weight) — last price: an object with `symbol`, an array without.
 */
export const tickerPrice = defineEndpoint<TickerPrice | TickerPrice[]>({
  name: 'tickerPrice',
  security: 'NONE',
  weight: weightBySymbol(1, 2),
  command: false,
  handle(venue, context, raw) {
    return oneOrAll(venue, raw, (m) => tickerPriceRow(m, context.now));
  },
});
