import {
  Decimal,
  type Order,
  type OrderSide,
  type PositionSide,
  type RequestPriceMatch,
  type SelfTradePreventionMode,
} from '@basis/core';
import { apiError } from '../api/apiError.js';
import { maxNotionalForLeverage } from '../margin/brackets.js';
import { clearlyCovered } from '../margin/marginBound.js';
import { assumedMarketPrice, marginCheck } from '../margin/orderMargin.js';
import {
  type BookSide,
  BUY,
  SELL,
  STP_EXPIRE_BOTH,
  STP_EXPIRE_MAKER,
  STP_EXPIRE_TAKER,
  STP_NONE,
  type StpMode,
} from '../matching/types.js';
import type { Account } from './account.js';
import { detachedString } from './detachedString.js';
import { checkMinNotional, checkPercentPrice, checkPrice, checkQuantity, priceMatchTick } from './filters.js';
import type { Market } from './market.js';
import { matchTaker } from './matchTaker.js';
import { emitOrderEvent } from './orderEvents.js';
import { CLIENT_ORDER_ID_PATTERN, GTD_MAX, GTD_MIN_AHEAD_MS, type NewOrderInput } from './orderInput.js';
import { expireOrder, restOrder } from './orderLifecycle.js';
import type { OrderRecord } from './orderRecord.js';
import { orderToWire } from './orderViews.js';
import type { Venue } from './venue.js';

/** The accepted order, and the body Binance returns for it. */
export interface PlaceResult {
  readonly order: OrderRecord;
  /** The response body: the order at acceptance (ACK) or in its state after matching (RESULT). */
  readonly response: Order;
}

const STP_CODES: Readonly<Record<SelfTradePreventionMode, StpMode>> = {
  NONE: STP_NONE,
  EXPIRE_TAKER: STP_EXPIRE_TAKER,
  EXPIRE_MAKER: STP_EXPIRE_MAKER,
  EXPIRE_BOTH: STP_EXPIRE_BOTH,
};

/** Binance's default self-trade prevention mode for futures orders. */
export const DEFAULT_STP: SelfTradePreventionMode = 'EXPIRE_MAKER';

/** An order that passed every check, ready to be accepted (or, for `order/test`, only reported). */
export interface ValidatedOrder {
  readonly market: Market;
  /** The order as it will be recorded; with `dryRun` its `orderId` and `ref` are 0. */
  readonly record: OrderRecord;
  /** The worst price the taker part may trade at (the PERCENT_PRICE bound for MARKET orders). */
  readonly limitTick: number;
  /** How much may fill now: less than the quantity when a reduce-only order exceeds its position. */
  readonly maxFillSteps: number;
  readonly stp: StpMode;
  /**
   * COIN-M's expiry reason for an order it accepts only to expire at once: 10 a FOK that cannot fill
   * completely, 11 a post-only order that would take (USD-M rejects both: -5021, -5022). 0 otherwise.
   */
  readonly expireAtOnce: 0 | 10 | 11;
}

/**
 * Binance's checks of a new LIMIT or MARKET order, in Binance's words: position mode, filters,
 * client order id, GTD, reduce-only, percent price, min notional, open-order count, leverage cap,
 * margin, FOK and post-only. Once every check passed it takes the order's ids (its orderId, or
 * `internal.orderId`, and its book ref); with `dryRun` it changes nothing, not even the RNG or the
 * id sequences: ids are 0 and no client order id is generated.
 */
export function validateOrder(
  venue: Venue,
  account: Account,
  input: NewOrderInput,
  dryRun = false,
): ValidatedOrder {
  const market = venue.market(input.symbol);
  const internal = input.internal;
  const liquidation = internal?.liquidation === true;
  const exempt = account.system || liquidation;
  const positionSide = resolvePositionSide(account, input);
  const isMarket = input.type === 'MARKET';
  const bookSide: BookSide = input.side === 'BUY' ? BUY : SELL;

  // Time in force: mandatory for LIMIT, meaningless for MARKET.
  const timeInForce = isMarket ? 'GTC' : input.timeInForce;
  if (timeInForce === undefined) throw apiError(-1102, ['timeInForce']);

  if (input.quantity === undefined) throw apiError(-1102, ['quantity']);
  const qtySteps = exempt
    ? stepsOfExempt(market, input.quantity)
    : checkQuantity(market, input.quantity, isMarket);

  // Price (LIMIT, possibly by price match); MARKET orders take none.
  let priceTick = 0;
  let priceMatch: RequestPriceMatch | undefined;
  if (isMarket) {
    if (input.price !== undefined) throw apiError(-1106, ['price']);
    if (input.priceMatch !== undefined) throw apiError(-5038);
  } else if (input.priceMatch !== undefined) {
    if (input.price !== undefined) throw apiError(-1106, ['price']);
    priceMatch = input.priceMatch;
    priceTick = priceMatchTick(market, bookSide, input.priceMatch);
  } else {
    if (input.price === undefined) throw apiError(-1102, ['price']);
    priceTick = exempt ? ticksOfExempt(market, input.price) : checkPrice(market, input.price);
  }

  if (input.newClientOrderId !== undefined) checkClientOrderId(account, input.symbol, input.newClientOrderId);

  let goodTillDate = 0;
  if (timeInForce === 'GTD') {
    if (input.goodTillDate === undefined) throw apiError(-1102, ['goodTillDate']);
    if (input.goodTillDate <= venue.now + GTD_MIN_AHEAD_MS || input.goodTillDate >= GTD_MAX)
      throw apiError(-5040);
    goodTillDate = Math.floor(input.goodTillDate / 1000) * 1000;
  }

  // Reduce-only: only reduces, and a hedge-mode closing order is reduce-only by nature.
  const reduceOnly = account.dualSidePosition ? false : input.reduceOnly === true;
  const closing = isClosing(account, input.side, positionSide, reduceOnly);
  let maxFillSteps = qtySteps;
  if (closing && !exempt) {
    const position = account.position(input.symbol, positionSide).amount;
    const closable = closableSteps(market, position, input.side);
    if (closable === 0) throw apiError(-2022);
    maxFillSteps = Math.min(
      qtySteps,
      closable - reservedReduceSteps(account, input.symbol, positionSide, input.side),
    );
    if (maxFillSteps <= 0) throw apiError(-2022);
  }

  if (!exempt) {
    const orderPrice = isMarket ? undefined : market.priceOf(priceTick);
    checkPercentPrice(market, input.side, orderPrice);
    checkMinNotional(market, qtySteps, orderPrice, reduceOnly || closing);
    if (!isMarket && account.openOrderCount(input.symbol) >= market.spec.maxNumOrders) throw apiError(-2025);
    if (!closing) {
      checkLeverageCap(market, account, positionSide, input.side, qtySteps, orderPrice);
      if (internal?.skipMarginCheck !== true) {
        checkMargin(venue, market, account, positionSide, input.side, qtySteps, orderPrice);
      }
    }
  }

  // Market orders walk the book no further than the PERCENT_PRICE bound from the mark price.
  const limitTick = isMarket ? marketBound(market, bookSide) : priceTick;
  const stpMode = input.selfTradePreventionMode ?? DEFAULT_STP;
  const postOnly = timeInForce === 'GTX' || timeInForce === 'RPI';
  const stp = timeInForce === 'FOK' || postOnly ? STP_NONE : STP_CODES[stpMode];
  const coinm = venue.product === 'coinm';
  let expireAtOnce: ValidatedOrder['expireAtOnce'] = 0;
  if (timeInForce === 'FOK' && market.book.fillableQty(bookSide, limitTick, qtySteps) < qtySteps) {
    if (!coinm) throw apiError(-5021);
    expireAtOnce = 10;
  }
  if (postOnly && market.book.wouldCross(bookSide, priceTick)) {
    if (!coinm) throw apiError(-5022);
    expireAtOnce = 11;
  }

  const clientOrderId =
    input.newClientOrderId === undefined
      ? dryRun
        ? ''
        : venue.newClientOrderId()
      : detachedString(input.newClientOrderId);
  // One literal with every field, ids included: the record is built in a single allocation with
  // in-object fields (a spread copy of it would be built field by field).
  const record: OrderRecord = {
    orderId: dryRun ? 0 : (internal?.orderId ?? market.orderIds.next()),
    ref: dryRun ? 0 : market.nextRef(),
    symbol: market.symbol,
    accountId: account.id,
    clientOrderId,
    side: input.side,
    positionSide,
    type: liquidation ? 'LIQUIDATION' : input.type,
    origType: internal?.origType ?? (liquidation ? 'LIQUIDATION' : input.type),
    timeInForce,
    priceTick,
    origQty: qtySteps,
    executedQty: 0,
    cumQuote: Decimal.ZERO,
    status: 'NEW',
    reduceOnly: reduceOnly || liquidation,
    closePosition: internal?.closePosition ?? false,
    stopPrice: internal?.stopPrice ?? '0',
    workingType: internal?.workingType ?? 'CONTRACT_PRICE',
    priceProtect: internal?.priceProtect ?? false,
    priceMatch: priceMatch ?? 'NONE',
    selfTradePreventionMode: stpMode,
    goodTillDate,
    time: internal?.time ?? venue.now,
    updateTime: venue.now,
    modifyCount: 0,
    expireReason: 0,
    reserved: Decimal.ZERO,
    ...(internal?.trailing === undefined ? {} : { trailing: internal.trailing }),
  };
  return { market, limitTick, maxFillSteps, stp, expireAtOnce, record };
}

/**
 * Places a LIMIT or MARKET order: {@link validateOrder}, then matching, settlement and resting.
 * Nothing changes when a check fails. A triggered COIN-M conditional order comes with the orderId it
 * already has (`internal.orderId`) and replaces its conditional record in the account's indexes.
 */
export function placeOrder(venue: Venue, account: Account, input: NewOrderInput): PlaceResult {
  // The checks below read the book (market bounds, margin at the best price): bring it up to date.
  const listed = venue.markets.get(input.symbol);
  if (listed !== undefined) venue.prepareBook(listed);
  const {
    market,
    record: order,
    limitTick,
    maxFillSteps,
    stp,
    expireAtOnce,
  } = validateOrder(venue, account, input);
  account.indexOrder(order);
  const ack = orderToWire(market, order, { withCumQty: true });
  emitOrderEvent(venue, market, account, order, 'NEW');
  if (expireAtOnce !== 0) {
    expireOrder(venue, market, account, order, 'EXPIRED', expireAtOnce);
    const response =
      input.newOrderRespType === 'RESULT' ? orderToWire(market, order, { withCumQty: true }) : ack;
    return { order, response };
  }

  const outcome = matchTaker(venue, market, account, order, limitTick, maxFillSteps, stp);
  if (order.executedQty < order.origQty) {
    if (outcome.expiredBySelfTrade) {
      expireOrder(venue, market, account, order, 'EXPIRED_IN_MATCH', order.timeInForce === 'IOC' ? 3 : 1);
    } else if (maxFillSteps < order.origQty && order.executedQty >= maxFillSteps) {
      expireOrder(venue, market, account, order, 'EXPIRED', 4);
    } else if (order.type !== 'LIMIT') {
      expireOrder(venue, market, account, order, 'EXPIRED', 9);
    } else if (order.timeInForce === 'IOC') {
      expireOrder(venue, market, account, order, 'EXPIRED', 2);
    } else {
      restOrder(venue, market, account, order);
    }
  }
  venue.afterPositionChange(account, input.symbol);
  const response =
    input.newOrderRespType === 'RESULT' ? orderToWire(market, order, { withCumQty: true }) : ack;
  return { order, response };
}

/** One-way accounts trade BOTH; hedge accounts must say LONG or SHORT (-4061). */
function resolvePositionSide(account: Account, input: NewOrderInput): PositionSide {
  const side = input.positionSide ?? 'BOTH';
  if (account.dualSidePosition) {
    if (side === 'BOTH') throw apiError(-4061);
    if (input.reduceOnly !== undefined && input.internal === undefined) throw apiError(-1106, ['reduceonly']);
  } else if (side !== 'BOTH') {
    throw apiError(-4061);
  }
  return side;
}

/** Whether an order can only reduce: reduce-only in one-way mode, or closing its side in hedge mode. */
function isClosing(
  account: Account,
  side: OrderSide,
  positionSide: PositionSide,
  reduceOnly: boolean,
): boolean {
  if (positionSide === 'LONG') return side === 'SELL';
  if (positionSide === 'SHORT') return side === 'BUY';
  return account.dualSidePosition ? false : reduceOnly;
}

/** Steps an order of `side` may close of `position` (0 when it would only open). */
function closableSteps(market: Market, position: Decimal, side: OrderSide): number {
  if (side === 'BUY' ? !position.isNegative() : !position.isPositive()) return 0;
  return Number(position.abs().div(market.stepSize, 0, 'down').units);
}

/** Steps already claimed by the account's resting reduce-only (or closing) orders on that side. */
function reservedReduceSteps(
  account: Account,
  symbol: string,
  positionSide: PositionSide,
  side: OrderSide,
): number {
  let steps = 0;
  for (const order of account.openOrdersOf(symbol).values()) {
    if (
      order.side === side &&
      order.positionSide === positionSide &&
      (order.reduceOnly || positionSide !== 'BOTH')
    ) {
      steps += order.origQty - order.executedQty;
    }
  }
  return steps;
}

/** System and liquidation orders: already on the grid by construction. */
function stepsOfExempt(market: Market, qty: Decimal): number {
  return Number(qty.div(market.stepSize, 0, 'down').units);
}

function ticksOfExempt(market: Market, price: Decimal): number {
  return Number(price.div(market.tickSize, 0, 'down').units);
}

function checkClientOrderId(account: Account, symbol: string, id: string): void {
  if (id.length > 36) throw apiError(-4015, [], { template: 1 });
  if (!CLIENT_ORDER_ID_PATTERN.test(id)) throw apiError(-4015);
  const existing = account.orders.byClientId(symbol, id);
  if (existing !== undefined && (existing.status === 'NEW' || existing.status === 'PARTIALLY_FILLED')) {
    throw apiError(-4116);
  }
}

/** -2027: the position this order could build must fit the leverage bracket's notional cap. */
function checkLeverageCap(
  market: Market,
  account: Account,
  positionSide: PositionSide,
  side: OrderSide,
  qtySteps: number,
  price: Decimal | undefined,
): void {
  const settings = account.settingsFor(market.symbol);
  const cap = maxNotionalForLeverage(market.brackets, settings.leverage);
  if (cap === undefined) return;
  const position = account.position(market.symbol, positionSide).amount;
  const exposure = account.exposureOf(market.symbol, positionSide);
  const qty = market.qtyOf(qtySteps);
  const worst =
    side === 'BUY' ? position.add(exposure.bidQty).add(qty) : position.sub(exposure.askQty).sub(qty);
  const notional = market.valueOf(worst.abs(), price ?? market.markPrice);
  if (notional.gt(cap)) throw apiError(-2027);
}

/** -2019: the order's extra margin requirement and open loss must fit the available balance. */
function checkMargin(
  venue: Venue,
  market: Market,
  account: Account,
  positionSide: PositionSide,
  side: OrderSide,
  qtySteps: number,
  price: Decimal | undefined,
): void {
  const settings = account.settingsFor(market.symbol);
  const available = venue.marginsOf(account, market.spec.marginAsset).availableBalance;
  const bid = market.book.bestBid();
  const ask = market.book.bestAsk();
  const orderPrice =
    price ??
    assumedMarketPrice({
      side,
      bestBid: Number.isNaN(bid) ? undefined : market.priceOf(bid),
      bestAsk: Number.isNaN(ask) ? undefined : market.priceOf(ask),
      markPrice: market.markPrice,
    });
  const qty = market.qtyOf(qtySteps);
  // Most orders are far from the limit: a bound in doubles settles them without exact rationals.
  if (clearlyCovered(market.contract, settings.leverage, available, qty, orderPrice, market.markPrice))
    return;
  const exposure = account.exposureOf(market.symbol, positionSide);
  const check = marginCheck({
    contract: market.contract,
    leverage: settings.leverage,
    markPrice: market.markPrice,
    availableBalance: available,
    positionAmount: account.position(market.symbol, positionSide).amount,
    openBuyQty: exposure.bidQty,
    openSellQty: exposure.askQty,
    bidValue: exposure.bidValue,
    askValue: exposure.askValue,
    order: { side, qty, price: orderPrice },
  });
  if (!check.passes) throw apiError(-2019);
}

/** The worst tick a MARKET order may trade at; -4131 when the best counter price is already beyond it. */
function marketBound(market: Market, side: BookSide): number {
  if (side === BUY) {
    const bound = Number(market.markPrice.mul(market.multiplierUp).div(market.tickSize, 0, 'floor').units);
    const best = market.book.bestAsk();
    if (!Number.isNaN(best) && best > bound) throw apiError(-4131);
    return bound;
  }
  const bound = Number(market.markPrice.mul(market.multiplierDown).div(market.tickSize, 0, 'ceil').units);
  const best = market.book.bestBid();
  if (!Number.isNaN(best) && best < bound) throw apiError(-4131);
  return bound;
}
