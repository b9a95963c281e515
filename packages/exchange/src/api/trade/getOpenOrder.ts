import type { Order } from '@basis/core';
import { isOpen } from '../../venue/orderRecord.js';
import { defineEndpoint } from '../endpoint.js';
import { namedOrder } from './getOrder.js';

/** `GET /fapi/v1/openOrder` — one open order; -2013 when it is unknown, filled or canceled. */
export const getOpenOrder = defineEndpoint<Order>({
  name: 'getOpenOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    return venue.orderView(namedOrder(venue, context, params, isOpen), { withTime: true });
  },
});
