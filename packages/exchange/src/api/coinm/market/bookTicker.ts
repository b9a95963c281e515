import type { CoinmBookTicker } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { bookTickerRow } from '../../market/bookTicker.js';
import { weightBySymbol } from '../../market/query.js';
import { marketsBySymbolOrPair } from './query.js';

/**
 * `GET /dapi/v1/ticker/bookTicker` — best bid and ask of `symbol`, of `pair`'s contracts or of all,
 * with `pair`, in the docs' field order: always an array. Weight 2 with `symbol`, 5 without.
 */
export const coinmBookTicker = defineEndpoint<CoinmBookTicker[]>({
  name: 'bookTicker',
  security: 'NONE',
  weight: weightBySymbol(2, 5),
  command: false,
  handle(venue, context, raw) {
    return marketsBySymbolOrPair(venue, raw).map((m) => {
      const b = bookTickerRow(m, context.now);
      return {
        lastUpdateId: b.lastUpdateId,
        symbol: b.symbol,
        pair: m.spec.pair,
        bidPrice: b.bidPrice,
        bidQty: b.bidQty,
        askPrice: b.askPrice,
        askQty: b.askQty,
        time: b.time,
      };
    });
  },
});
