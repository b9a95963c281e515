import type { Decimal, OrderSide, RequestPriceMatch } from '@basis/core';
import { apiError } from '../api/apiError.js';
import { BUY, SELL, STP_NONE } from '../matching/types.js';
import type { Account } from './account.js';
import { findOrder, type OrderRef } from './cancelOrder.js';
import { checkPercentPrice, checkPrice, checkQuantity, priceMatchTick } from './filters.js';
import { matchTaker } from './matchTaker.js';
import { emitOrderEvent } from './orderEvents.js';
import { cancelOpenOrder, restOrder } from './orderLifecycle.js';
import { isOpen, type OrderRecord } from './orderRecord.js';
import { releaseExposure } from './settlement.js';
import type { Venue } from './venue.js';

/**
 * `PUT /fapi/v1/order` after parsing. USD-M requires both quantity and price; COIN-M either (what is
 * not sent stays as it is).
 */
export interface ModifyOrderInput {
  readonly symbol: string;
  readonly ref: OrderRef;
  readonly side: OrderSide;
  readonly quantity: Decimal | undefined;
  readonly price: Decimal | undefined;
  readonly priceMatch: RequestPriceMatch | undefined;
}

/** One row of `GET /fapi/v1/orderAmendment`. */
export interface AmendmentRecord {
  readonly amendmentId: number | bigint;
  readonly symbol: string;
  readonly orderId: number | bigint;
  readonly clientOrderId: string;
  readonly time: number;
  readonly priceBefore: string;
  readonly priceAfter: string;
  readonly qtyBefore: string;
  readonly qtyAfter: string;
  readonly count: number;
}

const MAX_MODIFICATIONS = 10_000;

/**
 * Modifies an open LIMIT order with Binance's rules: a failing filter leaves the order untouched;
 * the modified order loses its time priority; a new quantity at or below what is already filled, or
 * a post-only order that would now take, cancels it; a price that crosses trades at once.
 */
export function modifyOrder(venue: Venue, account: Account, input: ModifyOrderInput): OrderRecord {
  const market = venue.market(input.symbol);
  venue.prepareBook(market);
  const order = findOrder(account, input.symbol, input.ref);
  if (order === undefined || !isOpen(order)) throw apiError(-2013);
  if (order.type !== 'LIMIT') throw apiError(-5025);
  if (order.side !== input.side) throw apiError(-1130, ['side']);
  if (order.modifyCount >= MAX_MODIFICATIONS) throw apiError(-5026);

  const side = order.side === 'BUY' ? BUY : SELL;
  let priceTick = order.priceTick;
  if (input.priceMatch !== undefined) {
    priceTick = priceMatchTick(market, side, input.priceMatch);
  } else if (input.price !== undefined) {
    priceTick = checkPrice(market, input.price);
    checkPercentPrice(market, order.side, input.price);
  }
  const qtySteps =
    input.quantity === undefined ? order.origQty : checkQuantity(market, input.quantity, false);
  if (priceTick === order.priceTick && qtySteps === order.origQty) throw apiError(-5027);
  if (!order.reduceOnly && market.qtyOf(qtySteps).mul(market.priceOf(priceTick)).lt(market.minNotional)) {
    throw apiError(-5029, [market.minNotional.toString()]);
  }

  const before = { price: market.formatPrice(order.priceTick), qty: market.formatQty(order.origQty) };
  order.modifyCount += 1;
  venue.recordAmendment(account, market, order, {
    priceBefore: before.price,
    priceAfter: market.formatPrice(priceTick),
    qtyBefore: before.qty,
    qtyAfter: market.formatQty(qtySteps),
  });

  // A new quantity at or below the filled quantity, or a post-only that would take: canceled.
  const crosses = market.book.wouldCross(side, priceTick);
  if (
    qtySteps <= order.executedQty ||
    (crosses && (order.timeInForce === 'GTX' || order.timeInForce === 'RPI'))
  ) {
    cancelOpenOrder(venue, market, account, order);
    return order;
  }

  // Re-queue: off the book, new terms, then match if it crosses and rest what is left.
  market.book.cancel(order.ref);
  market.resting.delete(order.ref);
  releaseExposure(market, account, order, order.origQty - order.executedQty, 0);
  order.priceTick = priceTick;
  order.origQty = qtySteps;
  order.updateTime = venue.now;
  emitOrderEvent(venue, market, account, order, 'AMENDMENT');
  if (crosses) matchTaker(venue, market, account, order, priceTick, qtySteps - order.executedQty, STP_NONE);
  if (order.executedQty < order.origQty) restOrder(venue, market, account, order);
  else account.openOrders.get(order.symbol)?.delete(BigInt(order.orderId));
  venue.afterPositionChange(account, order.symbol);
  return order;
}
