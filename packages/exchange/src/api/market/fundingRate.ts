import type { FundingRate } from '@basis/core';
import { resolveLimit } from '../../marketData/marketDataError.js';
import { apiError } from '../apiError.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { formatRate } from './format.js';
import { runQuery, selectedMarkets } from './query.js';

/** `limit` of `fundingRate`: default 100, max 1000 (a larger value is served as 1000 [U]). */
const FUNDING_RATE_LIMIT = { default: 100, max: 1000 } as const;
/** Without a time range Binance answers from the most recent 200 records. */
const NO_RANGE_MAX = 200;

/**
 * `GET /fapi/v1/fundingRate` — settled funding rates, ascending by time (ties in listing order), of
 * `symbol` or of every symbol. Selection, Binance's rules as documented:
 * - no `startTime`/`endTime`: the most recent `limit` records, at most 200;
 * - `startTime` (and `endTime`, inclusive): the first `limit` records from `startTime`;
 * - only `endTime`: the last `limit` records up to it [U];
 * - `startTime` after `endTime`: -1023 [U].
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
    const startTime = params.integer('startTime');
    const endTime = params.integer('endTime');
    const limit = runQuery(() => resolveLimit(params.integer('limit'), FUNDING_RATE_LIMIT));
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) throw apiError(-1023);
    const { markets } = selectedMarkets(venue, params);
    const rows: FundingRate[] = [];
    for (const market of markets) {
      for (const f of market.fundingHistory) {
        if (startTime !== undefined && f.fundingTime < startTime) continue;
        if (endTime !== undefined && f.fundingTime > endTime) continue;
        rows.push({
          symbol: market.symbol,
          fundingRate: formatRate(f.fundingRate),
          fundingTime: f.fundingTime,
          markPrice: formatRate(f.markPrice),
        });
      }
    }
    rows.sort((a, b) => a.fundingTime - b.fundingTime); // stable: ties keep listing order
    if (startTime !== undefined) return rows.slice(0, limit);
    const n = endTime === undefined ? Math.min(limit, NO_RANGE_MAX) : limit;
    return rows.slice(Math.max(0, rows.length - n));
  },
});
