import type { CoinmOpenInterest } from '@basis/core';
import { coinmContractType } from '../../../venue/delivery.js';
import { defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/**
 * `GET /dapi/v1/openInterest` — Σ of long positions in contracts, with the pair and contract type
 * (`CURRENT_QUARTER_DELIVERING` … while the contract delivers).
 */
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
      contractType: coinmContractType(market),
      time: context.now,
    };
  },
});
