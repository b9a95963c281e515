import type { CoinmBatchOrderResult } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { missing, ParamReader } from '../../params.js';
import { batchItem, batchItems } from '../../trade/batchItems.js';
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
    const list = new ParamReader(params).jsonList('batchOrders');
    if (list === undefined) throw missing('batchOrders');
    return batchItems(list, 5).map((item) =>
      batchItem(context, () => {
        const input = parseCoinmModifyOrder(new ParamReader(item));
        return coinmOrderView(venue, venue.modifyOrder(account, input), { withCumQty: true });
      }),
    );
  },
});
