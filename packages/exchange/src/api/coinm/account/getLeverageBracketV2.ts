import type { CoinmLeverageBracketV2 } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { qtyBrackets } from './views.js';

/**
 * `GET /dapi/v2/leverageBracket` (`symbol` optional): brackets per symbol, caps in coin, always an
 * array, `qtyFloor` spelt right. `notionalCoef` only appears for a user whose brackets were scaled, which never happens here.
 */
export const getLeverageBracketV2 = defineEndpoint<CoinmLeverageBracketV2[]>({
  name: 'getLeverageBracketV2',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, _context, params) {
    const symbol = new ParamReader(params).string('symbol');
    const markets = symbol === undefined ? [...venue.markets.values()] : [venue.market(symbol)];
    return markets.map((market) => ({
      symbol: market.symbol,
      // v2 spells `qtyFloor` right (v1 keeps `qtylFloor`), as ccxt's recorded answers show.
      brackets: qtyBrackets(market).map((t) => ({
        bracket: t.bracket,
        initialLeverage: t.initialLeverage,
        qtyCap: t.qtyCap,
        qtyFloor: t.qtylFloor,
        maintMarginRatio: t.maintMarginRatio,
        cum: t.cum,
      })),
    }));
  },
});
