import type { Depth } from '@basis/core';
import { apiError } from '../apiError.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { depthSnapshot } from './format.js';

/** The only depth `rpiDepth` serves. */
const RPI_DEPTH_LIMIT = 1000;

/**
 * `GET /fapi/v1/rpiDepth` — the order book including RPI liquidity, 1000 levels per side (`limit` other
 * than 1000 is -4021 [U]). Weight 20, as `depth` with limit 1000.
 */
export const rpiDepth = defineEndpoint<Depth>({
  name: 'rpiDepth',
  security: 'NONE',
  weight: 20,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const limit = params.integer('limit') ?? RPI_DEPTH_LIMIT;
    if (limit !== RPI_DEPTH_LIMIT) throw apiError(-4021, [limit]);
    return depthSnapshot(venue.market(symbol), limit, context.now);
  },
});
