import type { CoinmTickerPrice } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { weightBySymbol } from '../../market/query.js';
import { tickerPriceRow } from '../../market/tickerPrice.js';
import { marketsBySymbolOrPair } from './query.js';

/**
 * `GET /dapi/v1/ticker/price` — last price of `symbol`, of `pair`'s contracts or of all, with the pair
 * as `ps`: always an array. Weight 1 with `symbol`, 2 without.
 */
export const coinmTickerPrice = defineEndpoint<CoinmTickerPrice[]>({
  name: 'tickerPrice',
  security: 'NONE',
  weight: weightBySymbol(1, 2),
  command: false,
  handle(venue, context, raw) {
    return marketsBySymbolOrPair(venue, raw).map((m) => {
      const { symbol, price, time } = tickerPriceRow(m, context.now);
      return { symbol, ps: m.spec.pair, price, time };
    });
  },
});
