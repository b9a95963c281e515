import type { CoinmOrder } from '@basis/core';
import type { Account } from '../../../venue/account.js';
import type { Venue } from '../../../venue/venue.js';
import { coinmOrderOf, coinmOrderView } from './coinmOrderView.js';
import type { CoinmNewOrder } from './parseCoinmOrder.js';

/**
 * Places a parsed COIN-M order: a LIMIT or MARKET order goes to the book (the response is the order
 * at acceptance, or after matching with `newOrderRespType=RESULT`); a conditional order waits in the
 * algo book's trigger index as an ordinary order with an orderId of its market, status NEW.
 */
export function placeCoinmOrder(venue: Venue, account: Account, order: CoinmNewOrder): CoinmOrder {
  if (order.kind === 'order') return coinmOrderOf(venue, venue.placeOrder(account, order.input).response);
  const record = venue.algo.orderOf(venue.algo.place(account, order.input, { asOrder: true }));
  if (record === undefined) throw new Error('a COIN-M conditional order has no order record');
  return coinmOrderView(venue, record, { withCumQty: true });
}
