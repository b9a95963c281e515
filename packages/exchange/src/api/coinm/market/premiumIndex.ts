import type { CoinmPremiumIndex } from '@basis/core';
import type { Market } from '../../../venue/market.js';
import { defineEndpoint } from '../../endpoint.js';
import { premiumIndexRow } from '../../market/premiumIndex.js';
import { marketsBySymbolOrPair } from './query.js';

/**
 * One COIN-M contract's mark price and funding state: USD-M's row with `pair`. Delivery contracts pay
 * no funding, so their rate and interest are "" and `nextFundingTime` 0, as Binance sends them.
 */
export function coinmPremiumIndexRow(market: Market, now: number): CoinmPremiumIndex {
  const row = premiumIndexRow(market, now);
  const perpetual = market.spec.contractType === 'PERPETUAL';
  return {
    symbol: row.symbol,
    pair: market.spec.pair,
    markPrice: row.markPrice,
    indexPrice: row.indexPrice,
    estimatedSettlePrice: row.estimatedSettlePrice,
    lastFundingRate: perpetual ? row.lastFundingRate : '',
    interestRate: perpetual ? row.interestRate : '',
    nextFundingTime: perpetual ? row.nextFundingTime : 0,
    time: row.time,
  };
}

/** `GET /dapi/v1/premiumIndex` — mark price and funding of `symbol`, of `pair`'s contracts or of all: always an array. */
export const coinmPremiumIndex = defineEndpoint<CoinmPremiumIndex[]>({
  name: 'premiumIndex',
  security: 'NONE',
  weight: 10,
  command: false,
  handle(venue, context, raw) {
    return marketsBySymbolOrPair(venue, raw).map((m) => coinmPremiumIndexRow(m, context.now));
  },
});
