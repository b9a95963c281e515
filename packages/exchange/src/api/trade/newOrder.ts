import type { Order } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseNewOrder } from './parseNewOrder.js';

/**
 * `POST /fapi/v1/order` — place a LIMIT or MARKET order. The response is the order at acceptance
 * (`newOrderRespType=ACK`, the default) or in its final state after matching (`RESULT`).
 */
export const newOrder = defineEndpoint<Order>({
  name: 'newOrder',
  security: 'TRADE',
  weight: 0,
  orders: { tenSeconds: 1, minute: 1 },
  command: true,
  handle(venue, context, params) {
    return venue.placeOrder(accountOf(context), parseNewOrder(new ParamReader(params))).response;
  },
});
