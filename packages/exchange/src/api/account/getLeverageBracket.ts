import type { LeverageBracket } from '@basis/core';
import { leverageBracket } from '../../venue/accountViews.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `GET /fapi/v1/leverageBracket`: every symbol's brackets (numbers, not strings); with `symbol`, that
 * symbol's entry as a single object (§5.2).
 */
export const getLeverageBracket = defineEndpoint<LeverageBracket | LeverageBracket[]>({
  name: 'getLeverageBracket',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, _context, params) {
    const symbol = new ParamReader(params).string('symbol');
    if (symbol !== undefined) return leverageBracket(venue.market(symbol));
    return [...venue.markets.values()].map(leverageBracket);
  },
});
