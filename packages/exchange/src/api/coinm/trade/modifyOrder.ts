import type { CoinmOrder } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { coinmOrderView } from './coinmOrderView.js';
import { parseCoinmModifyOrder } from './parseCoinmOrder.js';

/**
 * `PUT /dapi/v1/order` — modify an open LIMIT order's price and/or quantity (either alone is enough
 * on COIN-M); it loses its time priority. -4196 for other types (conditional orders included).
 */
export const modifyOrder = defineEndpoint<CoinmOrder>({
  name: 'modifyOrder',
  security: 'TRADE',
  weight: 0,
  orders: { tenSeconds: 0, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const input = parseCoinmModifyOrder(new ParamReader(params));
    return coinmOrderView(venue, venue.modifyOrder(accountOf(context), input), { withCumQty: true });
  },
});
