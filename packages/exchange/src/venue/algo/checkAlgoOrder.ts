import type {
  Decimal,
  PositionSide,
  PriceMatch,
  ResponseTimeInForce,
  SelfTradePreventionMode,
  WorkingType,
} from '@basis/core';
import { apiError, apiErrorWithMessage } from '../../api/apiError.js';
import type { Account } from '../account.js';
import { checkMinNotional, checkPrice, checkQuantity } from '../filters.js';
import type { Market } from '../market.js';
import { CLIENT_ORDER_ID_PATTERN, GTD_MAX, GTD_MIN_AHEAD_MS } from '../orderInput.js';
import { DEFAULT_STP } from '../placeOrder.js';
import type { Venue } from '../venue.js';
import type { AlgoOrderInput } from './algoInput.js';
import { childType } from './algoRecord.js';
import { MAX_CALLBACK_RATE, MIN_CALLBACK_RATE } from './trailing.js';

/** A conditional order that passed every placement check, in the venue's units. */
export interface CheckedAlgoOrder {
  readonly market: Market;
  readonly positionSide: PositionSide;
  readonly timeInForce: ResponseTimeInForce;
  readonly qtySteps: number;
  /** 0 for TRAILING_STOP_MARKET (its level is derived from the watermark). */
  readonly triggerTick: number;
  readonly priceTick: number;
  readonly priceMatch: PriceMatch;
  readonly workingType: WorkingType;
  readonly priceProtect: boolean;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  /** Trailing: the activation price sent, in ticks (undefined: activate at once). */
  readonly activateTick: number | undefined;
  readonly callbackRate: Decimal | undefined;
  readonly clientAlgoId: string | undefined;
  readonly selfTradePreventionMode: SelfTradePreventionMode;
  readonly goodTillDate: number;
}

/**
 * Binance's placement checks for a conditional order, in Binance's words: position mode, the
 * parameters each type needs or forbids (-1102, -1106, -5038), closePosition rules (-4137, -4138,
 * -4062), time in force and GTD (-1115, -5040), client algo id (-4015, -4116 via `isOpenClientId`),
 * LOT_SIZE / MARKET_LOT_SIZE, PRICE_FILTER for the trigger (-4006, -4007, -1111, -4013, -4014) and
 * limit prices, the callback rate (-2007) and activation price (-4135), the limit price against the
 * trigger price (-4183/-4184) and MIN_NOTIONAL. No margin check: Binance checks margin at trigger.
 * The checks that depend on live prices (-2021) and on the open count (-4045) are the book's.
 */
export function checkAlgoOrder(
  venue: Venue,
  account: Account,
  input: AlgoOrderInput,
  isOpenClientId: (clientAlgoId: string) => boolean,
): CheckedAlgoOrder {
  const market = venue.market(input.symbol);
  const type = input.type;
  const isMarketType = childType(type) === 'MARKET';
  const trailing = type === 'TRAILING_STOP_MARKET';
  const hedge = account.dualSidePosition;

  // Position mode.
  const positionSide = input.positionSide ?? 'BOTH';
  if (hedge ? positionSide === 'BOTH' : positionSide !== 'BOTH') throw apiError(-4061);
  if (hedge && input.reduceOnly !== undefined) throw apiError(-1106, ['reduceonly']);

  // closePosition: STOP_MARKET / TAKE_PROFIT_MARKET only, never with quantity or reduceOnly.
  const closePosition = input.closePosition === true;
  if (closePosition) {
    if (type !== 'STOP_MARKET' && type !== 'TAKE_PROFIT_MARKET') throw apiError(-1106, ['closePosition']);
    if (input.quantity !== undefined) throw apiError(-4137);
    if (input.reduceOnly === true) throw apiError(-1106, ['reduceonly']);
    if (input.reduceOnly === false) throw apiError(-4138);
    // In hedge mode a close-all order must close its side: SELL closes LONG, BUY closes SHORT.
    if (hedge && (input.side === 'BUY') === (positionSide === 'LONG')) throw apiError(-4062);
  }

  // What each type needs, and what it must not carry.
  if (!trailing && input.triggerPrice === undefined) throw apiError(-1102, ['triggerPrice']);
  if (trailing && input.callbackRate === undefined) throw apiError(-1102, ['callbackRate']);
  if (!closePosition && input.quantity === undefined) throw apiError(-1102, ['quantity']);
  if (isMarketType) {
    if (input.price !== undefined) throw apiError(-1106, ['price']);
    if (input.priceMatch !== undefined) throw apiError(-5038);
  } else if (input.priceMatch !== undefined) {
    if (input.price !== undefined) throw apiError(-1106, ['price']);
  } else if (input.price === undefined) {
    throw apiError(-1102, ['price']);
  }

  // Time in force: GTC by default; RPI is not offered for conditional orders; GTD needs goodTillDate.
  const sentTif = input.timeInForce ?? 'GTC';
  if (sentTif === 'RPI') throw apiError(-1115);
  let goodTillDate = 0;
  if (sentTif === 'GTD') {
    if (input.goodTillDate === undefined) throw apiError(-1102, ['goodTillDate']);
    if (input.goodTillDate <= venue.now + GTD_MIN_AHEAD_MS || input.goodTillDate >= GTD_MAX)
      throw apiError(-5040);
    goodTillDate = Math.floor(input.goodTillDate / 1000) * 1000;
  }

  // Client algo id: newClientOrderId's rules, unique among the account's open algo orders.
  const id = input.clientAlgoId;
  if (id !== undefined) {
    if (id.length > 36) throw apiError(-4015, [], { template: 1 });
    if (!CLIENT_ORDER_ID_PATTERN.test(id)) throw apiError(-4015);
    if (isOpenClientId(id)) throw apiError(-4116);
  }

  // Filters.
  const qtySteps = input.quantity === undefined ? 0 : checkQuantity(market, input.quantity, isMarketType);
  const triggerTick =
    trailing || input.triggerPrice === undefined ? 0 : checkTriggerPrice(market, input.triggerPrice);
  const priceTick = isMarketType || input.price === undefined ? 0 : checkPrice(market, input.price);

  let callbackRate: Decimal | undefined;
  let activateTick: number | undefined;
  if (trailing && input.callbackRate !== undefined) {
    callbackRate = input.callbackRate;
    if (callbackRate.lt(MIN_CALLBACK_RATE) || callbackRate.gt(MAX_CALLBACK_RATE)) {
      // Not in the published list; Binance answers this (observed through python-binance).
      throw apiErrorWithMessage(-2007, 'Invalid callBack rate.');
    }
    if (input.activatePrice !== undefined) activateTick = checkActivatePrice(market, input.activatePrice);
  }

  // The limit price of a stop-limit stays within the PERCENT_PRICE band around its trigger price.
  if (priceTick > 0 && triggerTick > 0) {
    const trigger = market.priceOf(triggerTick);
    if (input.side === 'BUY') {
      const cap = Number(trigger.mul(market.multiplierUp).div(market.tickSize, 0, 'floor').units);
      if (priceTick > cap) throw apiError(-4183, [market.formatPrice(cap)]);
    } else {
      const floor = Number(trigger.mul(market.multiplierDown).div(market.tickSize, 0, 'ceil').units);
      if (priceTick < floor) throw apiError(-4184, [market.formatPrice(floor)]);
    }
  }

  // MIN_NOTIONAL, valued at the limit price, else the trigger (or activation) price; waived for
  // reduce-only and close-position orders.
  const reduceOnly = closePosition || (!hedge && input.reduceOnly === true);
  if (!closePosition) {
    const valueTick = priceTick || triggerTick || activateTick || 0;
    checkMinNotional(market, qtySteps, valueTick > 0 ? market.priceOf(valueTick) : undefined, reduceOnly);
  }

  return {
    market,
    positionSide,
    timeInForce: closePosition ? 'GTE_GTC' : sentTif,
    qtySteps,
    triggerTick,
    priceTick,
    priceMatch: input.priceMatch ?? 'NONE',
    workingType: input.workingType ?? 'CONTRACT_PRICE',
    priceProtect: input.priceProtect === true,
    reduceOnly,
    closePosition,
    activateTick,
    callbackRate,
    clientAlgoId: id,
    selfTradePreventionMode: input.selfTradePreventionMode ?? DEFAULT_STP,
    goodTillDate,
  };
}

/** PRICE_FILTER for a trigger price: -4006 (≤ 0) and -4007 (> maxPrice) are its own codes. */
function checkTriggerPrice(market: Market, price: Decimal): number {
  if (!price.isPositive()) throw apiError(-4006);
  if (market.maxPriceTick > 0 && price.gt(market.priceOf(market.maxPriceTick))) throw apiError(-4007);
  return checkPrice(market, price);
}

/** An activation price outside the price range is -4135; precision and tick as any price. */
function checkActivatePrice(market: Market, price: Decimal): number {
  if (!price.isPositive()) throw apiError(-4135);
  if (market.maxPriceTick > 0 && price.gt(market.priceOf(market.maxPriceTick))) throw apiError(-4135);
  if (price.lt(market.priceOf(market.minPriceTick))) throw apiError(-4135);
  return checkPrice(market, price);
}
