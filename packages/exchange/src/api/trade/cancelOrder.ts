import type { Order } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseOrderRef } from './orderRef.js';

/** `DELETE /fapi/v1/order` — cancel one open order; -2011 "Unknown order sent." otherwise. */
export const cancelOrder = defineEndpoint<Order>({
  name: 'cancelOrder',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const order = venue.cancelOrder(accountOf(context), symbol, parseOrderRef(p));
    return venue.orderView(order, { withCumQty: true });
  },
});
