import type { Order } from '@basis/core';
import type { Account } from '../../venue/account.js';
import type { OrderRecord } from '../../venue/orderRecord.js';
import type { Venue } from '../../venue/venue.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * The account's open orders on the symbols `matches` accepts, oldest first: the book's orders and,
 * on COIN-M, the conditional orders waiting for their trigger.
 */
export function openOrdersWhere(
  venue: Venue,
  account: Account,
  matches: (symbol: string) => boolean,
): OrderRecord[] {
  const orders = venue.algo.openOrders(account).filter((o) => matches(o.symbol));
  for (const [symbol, open] of account.openOrders) if (matches(symbol)) orders.push(...open.values());
  return orders.sort((a, b) => a.time - b.time || a.ref - b.ref);
}

/** `GET /fapi/v1/openOrders` — open orders of one symbol, or of every symbol (weight 40). */
export const getOpenOrders = defineEndpoint<Order[]>({
  name: 'getOpenOrders',
  security: 'USER_DATA',
  weight: (params) => (params['symbol'] === undefined || params['symbol'] === '' ? 40 : 1),
  command: false,
  handle(venue, context, params) {
    const symbol = new ParamReader(params).string('symbol');
    if (symbol !== undefined) venue.market(symbol);
    return openOrdersWhere(venue, accountOf(context), (s) => symbol === undefined || s === symbol).map(
      (order) => venue.orderView(order, { withTime: true }),
    );
  },
});
