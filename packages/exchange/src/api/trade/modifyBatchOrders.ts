import type { BatchOrderResult } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { missing, ParamReader } from '../params.js';
import { batchItem, batchItems } from './batchItems.js';
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
    const list = new ParamReader(params).jsonList('batchOrders');
    if (list === undefined) throw missing('batchOrders');
    return batchItems(list, 5).map((item) =>
      batchItem(context, () =>
        venue.orderView(venue.modifyOrder(account, parseModifyOrder(new ParamReader(item))), {
          withCumQty: true,
        }),
      ),
    );
  },
});
