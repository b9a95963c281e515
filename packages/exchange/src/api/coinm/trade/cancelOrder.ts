import type { CoinmOrder } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { cancelNamedOrder } from '../../trade/cancelOrder.js';
import { coinmOrderView } from './coinmOrderView.js';

/** `DELETE /dapi/v1/order` — cancel one open order, conditional or not; -2011 otherwise. */
export const cancelOrder = defineEndpoint<CoinmOrder>({
  name: 'cancelOrder',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    return coinmOrderView(venue, cancelNamedOrder(venue, context, params), { withCumQty: true });
  },
});
