import type { Order } from '@basis/core';
import { findOrder } from '../../venue/cancelOrder.js';
import type { OrderRecord } from '../../venue/orderRecord.js';
import type { Venue } from '../../venue/venue.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint, type RequestContext } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';
import { parseOrderRef } from './orderRef.js';

/**
 * The order `symbol` + `orderId`/`origClientOrderId` name, in any state (with `open`, only while
 * open); -2013 "Order does not exist." otherwise. USD-M and COIN-M.
 */
export function namedOrder(
  venue: Venue,
  context: RequestContext,
  params: RawParams,
  open: (order: OrderRecord) => boolean = () => true,
): OrderRecord {
  const p = new ParamReader(params);
  const symbol = p.requiredString('symbol');
  venue.market(symbol);
  const order = findOrder(accountOf(context), symbol, parseOrderRef(p));
  if (order === undefined || !open(order)) throw apiError(-2013);
  return order;
}

/** `GET /fapi/v1/order` — one order in any state; -2013 "Order does not exist." when unknown. */
export const getOrder = defineEndpoint<Order>({
  name: 'getOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    return venue.orderView(namedOrder(venue, context, params), { withTime: true });
  },
});
