import type { OrderStatus } from '@basis/core';
import { BUY, SELL } from '../matching/types.js';
import type { Account } from './account.js';
import type { Market } from './market.js';
import { emitOrderEvent } from './orderEvents.js';
import type { OrderRecord } from './orderRecord.js';
import { releaseExposure, reserveExposure } from './settlement.js';
import type { Venue } from './venue.js';

/** Puts an order's remainder on the book and reserves its exposure. */
export function restOrder(venue: Venue, market: Market, account: Account, order: OrderRecord): void {
  market.book.add(
    order.ref,
    order.side === 'BUY' ? BUY : SELL,
    order.priceTick,
    order.origQty - order.executedQty,
    account.id,
  );
  market.resting.set(order.ref, order);
  account.openOrdersOf(order.symbol).set(BigInt(order.orderId), order);
  reserveExposure(market, account, order);
  if (order.timeInForce === 'GTD') venue.scheduleExpiry(order);
}

/** Drops an order from its account's open orders (it stays in history). */
export function unregisterOpen(account: Account, order: OrderRecord): void {
  account.openOrders.get(order.symbol)?.delete(BigInt(order.orderId));
}

/**
 * Ends an order that did not fill completely: EXPIRED (IOC/MARKET remainder, GTD, reduce-only
 * knocked out) or EXPIRED_IN_MATCH (self-trade prevention). `onBook` says whether it still rests.
 */
export function expireOrder(
  venue: Venue,
  market: Market,
  account: Account,
  order: OrderRecord,
  status: Extract<OrderStatus, 'EXPIRED' | 'EXPIRED_IN_MATCH'>,
  reason: number,
  onBook = false,
): void {
  closeOrder(venue, market, account, order, status, onBook);
  order.expireReason = reason;
  emitOrderEvent(venue, market, account, order, 'EXPIRED');
}

/** Cancels an open order (its remaining quantity leaves the book). */
export function cancelOpenOrder(venue: Venue, market: Market, account: Account, order: OrderRecord): void {
  closeOrder(venue, market, account, order, 'CANCELED', true);
  emitOrderEvent(venue, market, account, order, 'CANCELED');
}

function closeOrder(
  venue: Venue,
  market: Market,
  account: Account,
  order: OrderRecord,
  status: OrderStatus,
  onBook: boolean,
): void {
  const remaining = order.origQty - order.executedQty;
  if (onBook && market.resting.has(order.ref)) {
    market.book.cancel(order.ref);
    market.resting.delete(order.ref);
  }
  releaseExposure(market, account, order, remaining, 0);
  unregisterOpen(account, order);
  order.status = status;
  order.updateTime = venue.now;
}
