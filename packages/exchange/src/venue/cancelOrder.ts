import { apiError } from '../api/apiError.js';
import type { Account } from './account.js';
import { isConditionalOrder } from './algo/conditionalOrders.js';
import type { Market } from './market.js';
import { cancelOpenOrder } from './orderLifecycle.js';
import { isOpen, type OrderRecord } from './orderRecord.js';
import type { Venue } from './venue.js';

/** How a request names an order: by id (wins when both are sent) or by client order id. */
export interface OrderRef {
  readonly orderId?: bigint | undefined;
  readonly clientOrderId?: string | undefined;
}

/** The account's order named by `ref` on `symbol`, open or not, or undefined. */
export function findOrder(account: Account, symbol: string, ref: OrderRef): OrderRecord | undefined {
  if (ref.orderId !== undefined) return account.orders.byId(symbol, ref.orderId);
  if (ref.clientOrderId !== undefined) return account.orders.byClientId(symbol, ref.clientOrderId);
  return undefined;
}

/**
 * Cancels one open order (on COIN-M also a conditional order waiting for its trigger); -2011
 * "Unknown order sent." when it is unknown or already closed.
 */
export function cancelOrder(venue: Venue, account: Account, symbol: string, ref: OrderRef): OrderRecord {
  const market = venue.market(symbol);
  const order = findOrder(account, symbol, ref);
  if (order === undefined || !isOpen(order)) throw apiError(-2011);
  if (isConditionalOrder(order)) venue.algo.cancelOrder(account, order);
  else cancelOpenOrder(venue, market, account, order);
  return order;
}

/**
 * Cancels every open order of the account on `symbol` (USD-M: the book's orders, its algo orders
 * stay; COIN-M: its conditional orders too); returns them.
 */
export function cancelAllOrders(venue: Venue, account: Account, symbol: string): OrderRecord[] {
  const market = venue.market(symbol);
  const canceled = cancelEvery(venue, market, account, [...account.openOrdersOf(symbol).values()]);
  return [...canceled, ...venue.algo.cancelOrders(account, symbol)];
}

/** Cancels `orders` (open orders of `account` on `market`), in order. */
export function cancelEvery(
  venue: Venue,
  market: Market,
  account: Account,
  orders: readonly OrderRecord[],
): OrderRecord[] {
  for (const order of orders) if (isOpen(order)) cancelOpenOrder(venue, market, account, order);
  return [...orders];
}
