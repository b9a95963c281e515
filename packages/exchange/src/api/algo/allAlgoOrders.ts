import type { AlgoOrderDetail } from '@basis/core';
import { algoDetailToWire } from '../../venue/algo/algoViews.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `limit` of allAlgoOrders: 500 by default, at most 1000. */
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 1000;

/**
 * `GET /fapi/v1/allAlgoOrders` — the account's retained algo orders on `symbol*`, every status,
 * oldest first: from `algoId` on, or the newest created in the `startTime`/`endTime` window (shorter
 * than 7 days; the last 7 days by default), at most `limit` (500, max 1000).
 */
export const allAlgoOrders = defineEndpoint<AlgoOrderDetail[]>({
  name: 'allAlgoOrders',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const limit = p.integer('limit') ?? DEFAULT_LIMIT;
    if (limit < 1 || limit > MAX_LIMIT) throw apiError(-1130, ['limit']);
    const market = venue.market(symbol);
    return venue.algo
      .history(accountOf(context), symbol, {
        algoId: p.id('algoId'),
        startTime: p.integer('startTime'),
        endTime: p.integer('endTime'),
        limit,
      })
      .map((a) => algoDetailToWire(market, a));
  },
});
