import type { BookTicker } from '@basis/core';
import type { BookSide } from '../../matching/types.js';
import { toId } from '../../venue/idSequence.js';
import { BUY, type Market, SELL } from '../../venue/market.js';
import { defineEndpoint } from '../endpoint.js';
import { oneOrAll, weightBySymbol } from './query.js';

/** The best level of one side as [price, qty]; an empty side prints zeros [U]. */
function bestLevel(market: Market, side: BookSide): [price: string, qty: string] {
  const tick = market.best(side);
  if (Number.isNaN(tick)) return [market.formatPrice(0), market.formatQty(0)];
  return [market.formatPrice(tick), market.formatQty(market.bookView.levelQty(side, tick))];
}

/**
 * A symbol's best bid and ask with the book's update sequence (the `lastUpdateId` of `depth`).
 * `time` is the venue's time: the book does not record when it last changed.
 */
export function bookTickerRow(market: Market, now: number): BookTicker {
  const [bidPrice, bidQty] = bestLevel(market, BUY);
  const [askPrice, askQty] = bestLevel(market, SELL);
  return {
    symbol: market.symbol,
    bidPrice,
    bidQty,
    askPrice,
    askQty,
    time: now,
    lastUpdateId: toId(market.updateId),
  };
}

/** `GET /fapi/v1/ticker/bookTicker` — best bid and ask: an object with `symbol`, an array without. */
export const bookTicker = defineEndpoint<BookTicker | BookTicker[]>({
  name: 'bookTicker',
  security: 'NONE',
  weight: weightBySymbol(2, 5),
  command: false,
  handle(venue, context, raw) {
    return oneOrAll(venue, raw, (m) => bookTickerRow(m, context.now));
  },
});
