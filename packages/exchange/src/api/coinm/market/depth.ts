import type { CoinmDepth } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { readDepthRequest } from '../../market/depth.js';
import { depthSnapshot } from '../../market/format.js';
import { depthWeight } from '../../market/query.js';

/** `GET /dapi/v1/depth` — USD-M's order book snapshot (same limits and weights) with `symbol` and `pair`. */
export const coinmDepth = defineEndpoint<CoinmDepth>({
  name: 'depth',
  security: 'NONE',
  weight: depthWeight,
  command: false,
  handle(venue, context, raw) {
    const { market, limit } = readDepthRequest(venue, raw);
    const { lastUpdateId, E, T, bids, asks } = depthSnapshot(market, limit, context.now);
    return { lastUpdateId, symbol: market.symbol, pair: market.spec.pair, E, T, bids, asks };
  },
});
