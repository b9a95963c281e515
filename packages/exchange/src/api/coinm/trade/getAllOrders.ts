import type { CoinmOrder } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { allOrdersWhere } from '../../trade/getAllOrders.js';
import { coinmOrderView } from './coinmOrderView.js';
import { byPair, symbolOrPair } from './symbolOrPair.js';

/**
 * `GET /dapi/v1/allOrders` — orders of a `symbol` or a `pair` (one of them is required), oldest first,
 * by `orderId` or time window as on USD-M (-4088 for a window of 7 days or more); weight 20 with a
 * symbol, 40 with a pair.
 */
export const getAllOrders = defineEndpoint<CoinmOrder[]>({
  name: 'getAllOrders',
  security: 'USER_DATA',
  weight: (params) => (byPair(params) ? 40 : 20),
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const matches = symbolOrPair(venue, p, true);
    return allOrdersWhere(context, p, matches).map((order) =>
      coinmOrderView(venue, order, { withTime: true }),
    );
  },
});
