import type { SymbolAdlRisk } from '@basis/core';
import type { Market } from '../../venue/market.js';
import { defineEndpoint } from '../endpoint.js';
import { oneOrAll } from './query.js';

/** Binance recomputes the rating every 30 minutes. */
const RATING_PERIOD_MS = 30 * 60_000;

/**
 * A symbol's ADL risk rating. The local exchange never auto-deleverages: the system insurance account
 * takes over every liquidation whatever its loss, so the rating is always `low`. `updateTime` is the
 * start of the current 30-minute rating period.
 */
export function symbolAdlRiskRow(market: Market, now: number): SymbolAdlRisk {
  return {
    symbol: market.symbol,
    adlRisk: 'low',
    updateTime: Math.floor(now / RATING_PERIOD_MS) * RATING_PERIOD_MS,
  };
}

/** `GET /fapi/v1/symbolAdlRisk` — ADL risk rating: an object with `symbol`, an array without. */
export const symbolAdlRisk = defineEndpoint<SymbolAdlRisk | SymbolAdlRisk[]>({
  name: 'symbolAdlRisk',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, context, raw) {
    return oneOrAll(venue, raw, (m) => symbolAdlRiskRow(m, context.now));
  },
});
