import type { CoinmBatchOrderResult } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { cancelNamedOrders } from '../../trade/cancelBatchOrders.js';
import { coinmOrderView } from './coinmOrderView.js';

/** `DELETE /dapi/v1/batchOrders` — cancel up to 10 orders by `orderIdList` or `origClientOrderIdList`. */
export const cancelBatchOrders = defineEndpoint<CoinmBatchOrderResult[]>({
  name: 'cancelBatchOrders',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    return cancelNamedOrders(venue, context, params).map((r) =>
      'code' in r ? r : coinmOrderView(venue, r, { withCumQty: true }),
    );
  },
});
