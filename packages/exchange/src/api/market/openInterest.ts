import type { OpenInterest } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `GET /fapi/v1/openInterest` — Σ of long positions in base asset, with the quantity precision. */
export const openInterest = defineEndpoint<OpenInterest>({
  name: 'openInterest',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, context, raw) {
    const market = venue.market(new ParamReader(raw).requiredString('symbol'));
    return {
      openInterest: market.openInterest.toFixed(market.qtyDecimals),
      symbol: market.symbol,
      time: context.now,
    };
  },
});
