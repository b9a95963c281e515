import type { Decimal, FundingRate } from '@basis/core';
import { resolveLimit } from '../../marketData/marketDataError.js';
import type { Market } from '../../venue/market.js';
import { apiError } from '../apiError.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { formatRate } from './format.js';
import { runQuery, selectedMarkets } from './query.js';

/** `limit` of `fundingRate`: default 100, max 1000 (a larger value is served as 1000 [U]). */
const FUNDING_RATE_LIMIT = { default: 100, max: 1000 } as const;
/** Without a time range Binance answers from the most recent 200 records. */
const NO_RANGE_MAX = 200;

/** A settled funding rate of a market, as `fundingRate` selects them. */
export interface FundingRecord {
  readonly market: Market;
  readonly fundingRate: Decimal;
  readonly fundingTime: number;
  readonly markPrice: Decimal;
}

/**
 * Settled funding rates of `markets`, ascending by time (ties in listing order), selected by
 * `startTime`, `endTime` and `limit` with Binance's rules as documented:
 * - no `startTime`/`endTime`: the most recent `limit` records, at most 200;
 * - `startTime` (and `endTime`, inclusive): the first `limit` records from `startTime`;
 * - only `endTime`: the last `limit` records up to it [U];
 * - `startTime` after `endTime`: -1023 [U].
 */
export function selectFundingRates(markets: readonly Market[], params: ParamReader): FundingRecord[] {
  const startTime = params.integer('startTime');
  const endTime = params.integer('endTime');
  const limit = runQuery(() => resolveLimit(params.integer('limit'), FUNDING_RATE_LIMIT));
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) throw apiError(-1023);
  const rows: FundingRecord[] = [];
  for (const market of markets) {
    for (const f of market.fundingHistory) {
      if (startTime !== undefined && f.fundingTime < startTime) continue;
      if (endTime !== undefined && f.fundingTime > endTime) continue;
      rows.push({ market, ...f });
    }
  }
  rows.sort((a, b) => a.fundingTime - b.fundingTime); // stable: ties keep listing order
  if (startTime !== undefined) return rows.slice(0, limit);
  const n = endTime === undefined ? Math.min(limit, NO_RANGE_MAX) : limit;
  return rows.slice(Math.max(0, rows.length - n));
}

/**
 * `GET /fapi/v1/fundingRate` — settled funding rates of `symbol` or of every symbol
 * ({@link selectFundingRates}).
 *
 * Weight 0: Binance meters this endpoint and `fundingInfo` by a shared 500/5 min/IP pool instead of
 * request weight (§3.3).
 */
export const fundingRate = defineEndpoint<FundingRate[]>({
  name: 'fundingRate',
  security: 'NONE',
  weight: 0,
  command: false,
  handle(venue, _context, raw) {
    const params = new ParamReader(raw);
    const { markets } = selectedMarkets(venue, params);
    return selectFundingRates(markets, params).map((f) => ({
      symbol: f.market.symbol,
      fundingRate: formatRate(f.fundingRate),
      fundingTime: f.fundingTime,
      markPrice: formatRate(f.markPrice),
    }));
  },
});
