import type { CoinmFundingRate } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { formatRate } from '../../market/format.js';
import { selectFundingRates } from '../../market/fundingRate.js';
import { ParamReader } from '../../params.js';

/**
 * `GET /dapi/v1/fundingRate` — settled funding rates of `symbol` (mandatory on COIN-M), selected as on
 * USD-M; rows without `markPrice`; a delivery contract has none (`[]`). Weight 1: COIN-M documents no
 * shared funding pool.
 */
export const coinmFundingRate = defineEndpoint<CoinmFundingRate[]>({
  name: 'fundingRate',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, _context, raw) {
    const params = new ParamReader(raw);
    const market = venue.market(params.requiredString('symbol'));
    const rows = selectFundingRates([market], params);
    if (market.spec.contractType !== 'PERPETUAL') return [];
    return rows.map((f) => ({
      symbol: market.symbol,
      fundingTime: f.fundingTime,
      fundingRate: formatRate(f.fundingRate),
    }));
  },
});
