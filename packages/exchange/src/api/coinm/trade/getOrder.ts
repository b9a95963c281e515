import type { CoinmOrder } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { namedOrder } from '../../trade/getOrder.js';
import { coinmOrderView } from './coinmOrderView.js';

/**
 * `GET /dapi/v1/order` — one order in any state (a conditional order shows its type until it
 * triggers, then the type it placed with `origType` kept); -2013 when unknown.
 */
export const getOrder = defineEndpoint<CoinmOrder>({
  name: 'getOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    return coinmOrderView(venue, namedOrder(venue, context, params), { withTime: true });
  },
});
