import type { BatchOrderResult } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { runBatch } from './batchItems.js';
import { parseModifyOrder } from './modifyOrder.js';

/** `PUT /fapi/v1/batchOrders` — up to 5 modifications, each result inline. */
export const modifyBatchOrders = defineEndpoint<BatchOrderResult[]>({
  name: 'modifyBatchOrders',
  security: 'TRADE',
  weight: 5,
  orders: { tenSeconds: 5, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const account = accountOf(context);
    return runBatch(context, params, (item) =>
      venue.orderView(venue.modifyOrder(account, parseModifyOrder(item)), { withCumQty: true }),
    );
  },
});
