import { Decimal, type PremiumIndex } from '@basis/core';
import type { Market } from '../../venue/market.js';
import { defineEndpoint } from '../endpoint.js';
import { formatRate } from './format.js';
import { oneOrAll, weightBySymbol } from './query.js';

/**
 * One symbol's mark price and funding state (8 decimals): `lastFundingRate` is the venue's running
 * estimate between settlements, as Binance's is. `estimatedSettlePrice` is the index price (Binance's
 * estimate only matters for delivery contracts in their last hour).
 */
export function premiumIndexRow(market: Market, now: number): PremiumIndex {
  // Delivery contracts have no funding: `lastFundingRate` and `interestRate` empty, `nextFundingTime` 0.
  const perpetual = market.spec.contractType === 'PERPETUAL';
  return {
    symbol: market.symbol,
    markPrice: formatRate(market.markPrice),
    indexPrice: formatRate(market.indexPrice),
    estimatedSettlePrice: formatRate(market.indexPrice),
    lastFundingRate: perpetual ? formatRate(market.lastFundingRate) : '',
    interestRate: perpetual ? formatRate(Decimal.parse(market.spec.interestRate)) : '',
    nextFundingTime: perpetual ? market.nextFundingTime : 0,
    time: now,
  };
}

/** `GET /fapi/v1/premiumIndex` — mark price and funding: an object with `symbol`, an array without. */
export const premiumIndex = defineEndpoint<PremiumIndex | PremiumIndex[]>({
  name: 'premiumIndex',
  security: 'NONE',
  weight: weightBySymbol(1, 10),
  command: false,
  handle(venue, context, raw) {
    return oneOrAll(venue, raw, (m) => premiumIndexRow(m, context.now));
  },
});
