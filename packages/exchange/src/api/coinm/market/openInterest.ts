import type { CoinmOpenInterest } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/** `GET /dapi/v1/openInterest` — Σ of long positions in contracts, with the pair and contract type. */
export const coinmOpenInterest = defineEndpoint<CoinmOpenInterest>({
  name: 'openInterest',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, context, raw) {
    const market = venue.market(new ParamReader(raw).requiredString('symbol'));
    return {
      symbol: market.symbol,
      pair: market.spec.pair,
      openInterest: market.openInterest.toFixed(market.qtyDecimals),
      contractType: market.spec.contractType,
      time: context.now,
    };
  },
});
