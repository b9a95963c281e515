import type { BatchOrderResult } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { runBatch } from './batchItems.js';
import { parseNewOrder } from './parseNewOrder.js';

/**
 * `POST /fapi/v1/batchOrders` — up to 5 new orders; each item's result (order or inline error)
 * in request order, HTTP 200.
 */
export const batchOrders = defineEndpoint<BatchOrderResult[]>({
  name: 'batchOrders',
  security: 'TRADE',
  weight: 5,
  orders: { tenSeconds: 5, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const account = accountOf(context);
    return runBatch(context, params, (item) => venue.placeOrder(account, parseNewOrder(item)).response);
  },
});
