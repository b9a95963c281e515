import { Decimal } from '@basis/core';
import { BUY, SELL, STP_EXPIRE_TAKER } from '../matching/types.js';
import type { Account } from './account.js';
import type { Market } from './market.js';
import { matchTaker } from './matchTaker.js';
import { restOrder } from './orderLifecycle.js';
import type { OrderRecord } from './orderRecord.js';
import type { Venue } from './venue.js';

/**
 * Places an order for a system account (the synthetic market maker and takers): no filter, margin
 * or id checks, no history kept once it is done, no user events. It trades with user orders like
 * any other order. MARKET orders walk no further than the PERCENT_PRICE bound from the mark price.
 */
export function placeSystemOrder(
  venue: Venue,
  market: Market,
  account: Account,
  side: 'BUY' | 'SELL',
  type: 'LIMIT' | 'MARKET',
  priceTick: number,
  qtySteps: number,
): OrderRecord {
  const order: OrderRecord = {
    orderId: market.orderIds.next(),
    ref: market.nextRef(),
    symbol: market.symbol,
    accountId: account.id,
    clientOrderId: '',
    side,
    positionSide: 'BOTH',
    type,
    origType: type,
    timeInForce: type === 'LIMIT' ? 'GTC' : 'IOC',
    priceTick: type === 'LIMIT' ? priceTick : 0,
    origQty: qtySteps,
    executedQty: 0,
    cumQuote: Decimal.ZERO,
    status: 'NEW',
    reduceOnly: false,
    closePosition: false,
    stopPrice: '0',
    workingType: 'CONTRACT_PRICE',
    priceProtect: false,
    priceMatch: 'NONE',
    selfTradePreventionMode: 'EXPIRE_TAKER',
    goodTillDate: 0,
    time: venue.now,
    updateTime: venue.now,
    modifyCount: 0,
    expireReason: 0,
    reserved: Decimal.ZERO,
  };
  const limitTick = type === 'LIMIT' ? priceTick : percentPriceBound(market, side);
  const crosses = side === 'BUY' ? market.book.bestAsk() <= limitTick : market.book.bestBid() >= limitTick;
  if (crosses) matchTaker(venue, market, account, order, limitTick, qtySteps, STP_EXPIRE_TAKER);
  if (order.executedQty >= order.origQty) {
    order.status = 'FILLED';
  } else if (type === 'LIMIT' && !crossesAfter(market, side, priceTick)) {
    restOrder(venue, market, account, order);
  } else {
    order.status = 'EXPIRED';
  }
  return order;
}

/** After matching, a remainder may still face an own order (self-trade prevention): it cannot rest. */
function crossesAfter(market: Market, side: 'BUY' | 'SELL', priceTick: number): boolean {
  return side === 'BUY' ? market.book.bestAsk() <= priceTick : market.book.bestBid() >= priceTick;
}

/** The farthest tick from the mark price that PERCENT_PRICE lets an order of `side` reach. */
export function percentPriceBound(market: Market, side: 'BUY' | 'SELL'): number {
  return side === 'BUY'
    ? Number(market.markPrice.mul(market.multiplierUp).div(market.tickSize, 0, 'floor').units)
    : Number(market.markPrice.mul(market.multiplierDown).div(market.tickSize, 0, 'ceil').units);
}

export { BUY, SELL };
