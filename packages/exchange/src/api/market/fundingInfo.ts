import { Decimal, type FundingInfo } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';
import { formatRate } from './format.js';

/** Binance's default funding settings: a ±2% cap and floor, every 8 hours. */
const DEFAULT_CAP = Decimal.parse('0.02');
const DEFAULT_FLOOR = Decimal.parse('-0.02');
const DEFAULT_INTERVAL_HOURS = 8;

/**
 * `GET /fapi/v1/fundingInfo` — the perpetuals whose funding cap, floor or interval differ from the
 * defaults (±0.02, 8 h), with their settings; `disclaimer` false. Weight 0: Binance meters it by the
 * 500/5 min/IP pool it shares with `fundingRate`.
 */
export const fundingInfo = defineEndpoint<FundingInfo[]>({
  name: 'fundingInfo',
  security: 'NONE',
  weight: 0,
  command: false,
  handle(venue) {
    const rows: FundingInfo[] = [];
    for (const { spec } of venue.markets.values()) {
      if (spec.contractType !== 'PERPETUAL') continue; // delivery contracts pay no funding
      const cap = Decimal.parse(spec.fundingRateCap);
      const floor = Decimal.parse(spec.fundingRateFloor);
      const adjusted =
        !cap.eq(DEFAULT_CAP) ||
        !floor.eq(DEFAULT_FLOOR) ||
        spec.fundingIntervalHours !== DEFAULT_INTERVAL_HOURS;
      if (!adjusted) continue;
      rows.push({
        symbol: spec.symbol,
        adjustedFundingRateCap: formatRate(cap),
        adjustedFundingRateFloor: formatRate(floor),
        fundingIntervalHours: spec.fundingIntervalHours,
        disclaimer: false,
      });
    }
    return rows;
  },
});
