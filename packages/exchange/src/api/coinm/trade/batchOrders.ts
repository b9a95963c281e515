import type { CoinmBatchOrderResult } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { runBatch } from '../../trade/batchItems.js';
import { parseCoinmNewOrder } from './parseCoinmOrder.js';
import { placeCoinmOrder } from './placeCoinmOrder.js';

/**
 * `POST /dapi/v1/batchOrders` — up to 5 new orders (conditional ones too); each item's result (order
 * or inline error) in request order, HTTP 200.
 */
export const batchOrders = defineEndpoint<CoinmBatchOrderResult[]>({
  name: 'batchOrders',
  security: 'TRADE',
  weight: 5,
  orders: { tenSeconds: 0, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const account = accountOf(context);
    return runBatch(context, params, (item) => placeCoinmOrder(venue, account, parseCoinmNewOrder(item)));
  },
});
