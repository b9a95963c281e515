import type { CoinmTicker24hr } from '@basis/core';
import type { Market } from '../../../venue/market.js';
import { defineEndpoint } from '../../endpoint.js';
import { weightBySymbol } from '../../market/query.js';
import { ticker24hrRow } from '../../market/ticker24hr.js';
import { marketsBySymbolOrPair } from './query.js';

/**
 * One COIN-M contract's rolling 24 h statistics: USD-M's row, whose volume is in contracts and whose
 * trade value is in the base asset on an inverse market, printed under COIN-M's names (`baseVolume`
 * for `quoteVolume`) with `pair`. `weightedAvgPrice` is the harmonic mean (`TradeValue.averagePrice`).
 */
export function coinmTicker24hrRow(market: Market, now: number): CoinmTicker24hr {
  const t = ticker24hrRow(market, now);
  return {
    symbol: t.symbol,
    pair: market.spec.pair,
    priceChange: t.priceChange,
    priceChangePercent: t.priceChangePercent,
    weightedAvgPrice: t.weightedAvgPrice,
    lastPrice: t.lastPrice,
    lastQty: t.lastQty,
    openPrice: t.openPrice,
    highPrice: t.highPrice,
    lowPrice: t.lowPrice,
    volume: t.volume,
    baseVolume: t.quoteVolume,
    openTime: t.openTime,
    closeTime: t.closeTime,
    firstId: t.firstId,
    lastId: t.lastId,
    count: t.count,
  };
}

/**
 * `GET /dapi/v1/ticker/24hr` — rolling 24 h statistics of `symbol`, of `pair`'s contracts or of all:
 * always an array. Weight 1 with `symbol`, 40 without (as documented; a `pair` query is "without").
 */
export const coinmTicker24hr = defineEndpoint<CoinmTicker24hr[]>({
  name: 'ticker24hr',
  security: 'NONE',
  weight: weightBySymbol(1, 40),
  command: false,
  handle(venue, context, raw) {
    return marketsBySymbolOrPair(venue, raw).map((m) => coinmTicker24hrRow(m, context.now));
  },
});
