import type { CoinmOrder, Order } from '@basis/core';
import type { OrderRecord } from '../../../venue/orderRecord.js';
import { toCoinmOrder } from '../../../venue/orderViews.js';
import type { Venue } from '../../../venue/venue.js';

/** The COIN-M order object of a record (`withTime` for GET rows, `withCumQty` for POST/PUT/DELETE). */
export function coinmOrderView(
  venue: Venue,
  order: OrderRecord,
  options: { readonly withTime?: boolean; readonly withCumQty?: boolean },
): CoinmOrder {
  return coinmOrderOf(venue, venue.orderView(order, options));
}

/** The COIN-M order object of a USD-M-shaped one (e.g. `placeOrder`'s response at acceptance). */
export function coinmOrderOf(venue: Venue, order: Order): CoinmOrder {
  return toCoinmOrder(order, venue.market(order.symbol).spec.pair);
}
