import type { CoinmLeverageBracketV1 } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { marketsMatching, qtyBrackets } from './views.js';

/**
 * `GET /dapi/v1/leverageBracket` (`pair` optional): brackets per pair, caps in coin (`qtyCap`,
 * `qtylFloor`). Binance shows the pair's default brackets; here every symbol of a pair has its
 * underlying's, so the pair's first symbol stands for it. Always an array; an unknown pair is `-1121`.
 */
export const getLeverageBracketV1 = defineEndpoint<CoinmLeverageBracketV1[]>({
  name: 'getLeverageBracketV1',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, _context, params) {
    const markets = marketsMatching(venue, { pair: new ParamReader(params).string('pair') });
    const byPair = new Map<string, CoinmLeverageBracketV1>();
    for (const market of markets) {
      const pair = market.spec.pair;
      if (!byPair.has(pair)) byPair.set(pair, { pair, brackets: qtyBrackets(market) });
    }
    return [...byPair.values()];
  },
});
