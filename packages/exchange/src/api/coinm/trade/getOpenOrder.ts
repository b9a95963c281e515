import type { CoinmOrder } from '@basis/core';
import { isOpen } from '../../../venue/orderRecord.js';
import { defineEndpoint } from '../../endpoint.js';
import { namedOrder } from '../../trade/getOrder.js';
import { coinmOrderView } from './coinmOrderView.js';

/** `GET /dapi/v1/openOrder` — one open order; -2013 when it is unknown, filled or canceled. */
export const getOpenOrder = defineEndpoint<CoinmOrder>({
  name: 'getOpenOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    return coinmOrderView(venue, namedOrder(venue, context, params, isOpen), { withTime: true });
  },
});
