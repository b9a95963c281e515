import type { Order } from '@basis/core';
import { findOrder } from '../../venue/cancelOrder.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseOrderRef } from './orderRef.js';

/** `GET /fapi/v1/order` — one order in any state; -2013 "Order does not exist." when unknown. */
export const getOrder = defineEndpoint<Order>({
  name: 'getOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    venue.market(symbol);
    const order = findOrder(accountOf(context), symbol, parseOrderRef(p));
    if (order === undefined) throw apiError(-2013);
    return venue.orderView(order, { withTime: true });
  },
});
