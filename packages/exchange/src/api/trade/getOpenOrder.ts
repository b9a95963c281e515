import type { Order } from '@basis/core';
import { findOrder } from '../../venue/cancelOrder.js';
import { isOpen } from '../../venue/orderRecord.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseOrderRef } from './orderRef.js';

/** `GET /fapi/v1/openOrder` — one open order; -2013 when it is unknown, filled or canceled. */
export const getOpenOrder = defineEndpoint<Order>({
  name: 'getOpenOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    venue.market(symbol);
    const order = findOrder(accountOf(context), symbol, parseOrderRef(p));
    if (order === undefined || !isOpen(order)) throw apiError(-2013);
    return venue.orderView(order, { withTime: true });
  },
});
