import type { Order } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `GET /fapi/v1/openOrders` — open orders of one symbol, or of every symbol (weight 40). */
export const getOpenOrders = defineEndpoint<Order[]>({
  name: 'getOpenOrders',
  security: 'USER_DATA',
  weight: (params) => (params['symbol'] === undefined || params['symbol'] === '' ? 40 : 1),
  command: false,
  handle(venue, context, params) {
    const account = accountOf(context);
    const symbol = new ParamReader(params).string('symbol');
    if (symbol !== undefined) venue.market(symbol);
    const orders = [];
    for (const [s, open] of account.openOrders) {
      if (symbol !== undefined && s !== symbol) continue;
      orders.push(...open.values());
    }
    orders.sort((a, b) => a.time - b.time || a.ref - b.ref);
    return orders.map((order) => venue.orderView(order, { withTime: true }));
  },
});
