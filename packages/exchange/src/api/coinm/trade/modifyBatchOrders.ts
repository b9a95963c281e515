import type { CoinmBatchOrderResult } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { runBatch } from '../../trade/batchItems.js';
import { coinmOrderView } from './coinmOrderView.js';
import { parseCoinmModifyOrder } from './parseCoinmOrder.js';

/** `PUT /dapi/v1/batchOrders` — up to 5 modifications (quantity or price each), each result inline. */
export const modifyBatchOrders = defineEndpoint<CoinmBatchOrderResult[]>({
  name: 'modifyBatchOrders',
  security: 'TRADE',
  weight: 5,
  orders: { tenSeconds: 0, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const account = accountOf(context);
    return runBatch(context, params, (item) =>
      coinmOrderView(venue, venue.modifyOrder(account, parseCoinmModifyOrder(item)), { withCumQty: true }),
    );
  },
});
