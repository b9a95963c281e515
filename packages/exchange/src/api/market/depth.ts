import { DEPTH_LIMITS, type Depth } from '@basis/core';
import type { Market } from '../../venue/market.js';
import type { Venue } from '../../venue/venue.js';
import { apiError } from '../apiError.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';
import { depthSnapshot } from './format.js';
import { depthWeight } from './query.js';

/** `symbol` (mandatory) and `limit` of a depth request; -4021 for a limit Binance does not offer. */
export function readDepthRequest(venue: Venue, raw: RawParams): { market: Market; limit: number } {
  const params = new ParamReader(raw);
  const symbol = params.requiredString('symbol');
  const limit = params.integer('limit') ?? 500;
  if (!(DEPTH_LIMITS as readonly number[]).includes(limit)) throw apiError(-4021, [limit]);
  return { market: venue.market(symbol), limit };
}

/**
 * `GET /fapi/v1/depth` — the order book: `limit` ∈ 5, 10, 20, 50, 100, 500, 1000 (default 500; any
 * other value is -4021), bids descending, asks ascending, `lastUpdateId` = the book's update sequence.
 * The book does not tag RPI orders, so they are included (Binance excludes them) [U].
 */
export const depth = defineEndpoint<Depth>({
  name: 'depth',
  security: 'NONE',
  weight: depthWeight,
  command: false,
  handle(venue, context, raw) {
    const { market, limit } = readDepthRequest(venue, raw);
    return depthSnapshot(market, limit, context.now);
  },
});
