import type { Order } from '@basis/core';
import type { OrderRecord } from '../../venue/orderRecord.js';
import type { Venue } from '../../venue/venue.js';
import { accountOf, defineEndpoint, type RequestContext } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';
import { parseOrderRef } from './orderRef.js';

/** Cancels the open order `symbol` + `orderId`/`origClientOrderId` name (USD-M and COIN-M). */
export function cancelNamedOrder(venue: Venue, context: RequestContext, params: RawParams): OrderRecord {
  const p = new ParamReader(params);
  const symbol = p.requiredString('symbol');
  return venue.cancelOrder(accountOf(context), symbol, parseOrderRef(p));
}

/** `DELETE /fapi/v1/order` — cancel one open order; -2011 "Unknown order sent." otherwise. */
export const cancelOrder = defineEndpoint<Order>({
  name: 'cancelOrder',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    return venue.orderView(cancelNamedOrder(venue, context, params), { withCumQty: true });
  },
});
