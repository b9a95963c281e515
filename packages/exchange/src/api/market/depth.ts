import { DEPTH_LIMITS, type Depth } from '@basis/core';
import { apiError } from '../apiError.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { depthSnapshot } from './format.js';
import { depthWeight } from './query.js';

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
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const limit = params.integer('limit') ?? 500;
    if (!(DEPTH_LIMITS as readonly number[]).includes(limit)) throw apiError(-4021, [limit]);
    return depthSnapshot(venue.market(symbol), limit, context.now);
  },
});
