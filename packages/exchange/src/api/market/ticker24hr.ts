import type { Ticker24hr } from '@basis/core';
import { ticker24h } from '../../marketData/ticker.js';
import type { Market } from '../../venue/market.js';
import { defineEndpoint } from '../endpoint.js';
import { formatTradeValue } from './format.js';
import { oneOrAll, weightBySymbol } from './query.js';

/**
 * One symbol's rolling 24 h statistics (minute-granular window ending now). Prices print with the
 * symbol's price precision, `priceChangePercent` with 3 decimals, volumes with the quantity precision,
 * `quoteVolume` as {@link formatTradeValue}. Without trades every value is 0 and the ids are -1.
 */
export function ticker24hrRow(market: Market, now: number): Ticker24hr {
  const t = ticker24h(market.klines, market.trades, now, { weightedAvgPriceScale: market.priceDecimals });
  const price = (value: typeof t.lastPrice): string => value.toFixed(market.priceDecimals, 'half-even');
  const qty = (value: typeof t.volume): string => value.toFixed(market.qtyDecimals);
  return {
    symbol: market.symbol,
    priceChange: price(t.priceChange),
    priceChangePercent: t.priceChangePercent.toFixed(3, 'half-up'),
    weightedAvgPrice: price(t.weightedAvgPrice),
    lastPrice: price(t.lastPrice),
    lastQty: qty(t.lastQty),
    openPrice: price(t.openPrice),
    highPrice: price(t.highPrice),
    lowPrice: price(t.lowPrice),
    volume: qty(t.volume),
    quoteVolume: formatTradeValue(market, t.quoteVolume),
    openTime: t.openTime,
    closeTime: t.closeTime,
    firstId: t.firstId,
    lastId: t.lastId,
    count: t.count,
  };
}

/** `GET /fapi/v1/ticker/24hr` — rolling 24 h statistics: an object with `symbol`, an array without. */
export const ticker24hr = defineEndpoint<Ticker24hr | Ticker24hr[]>({
  name: 'ticker24hr',
  security: 'NONE',
  weight: weightBySymbol(1, 40),
  command: false,
  handle(venue, context, raw) {
    return oneOrAll(venue, raw, (m) => ticker24hrRow(m, context.now));
  },
});
