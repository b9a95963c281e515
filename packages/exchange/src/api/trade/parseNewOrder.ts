import {
  ALGO_ORDER_TYPES,
  NEW_ORDER_RESP_TYPES,
  ORDER_SIDES,
  ORDER_TYPES,
  type OrderSide,
  type OrderType,
  POSITION_SIDES,
  REQUEST_PRICE_MATCHES,
  SELF_TRADE_PREVENTION_MODES,
  TIME_IN_FORCES,
  type TimeInForce,
} from '@basis/core';
import type { NewOrderInput } from '../../venue/orderInput.js';
import { apiError } from '../apiError.js';
import type { ParamReader } from '../params.js';

/**
 * Parses the parameters of a new LIMIT or MARKET order (`POST /fapi/v1/order`, batch items,
 * `order.place`): syntax and enums here, everything that needs the market or the account in the
 * venue. Conditional types belong to the algo endpoints since 2025-12-09: -4120.
 */
export function parseNewOrder(p: ParamReader): NewOrderInput {
  const symbol = p.requiredString('symbol');
  const side = p.requiredEnumOf('side', ORDER_SIDES);
  const type = p.requiredEnumOf('type', ORDER_TYPES);
  if ((ALGO_ORDER_TYPES as readonly string[]).includes(type)) throw apiError(-4120);
  if (type !== 'LIMIT' && type !== 'MARKET') throw apiError(-1116);
  return parseOrderTerms(p, symbol, side, type, TIME_IN_FORCES, true);
}

/** A new order of any type after its terms were read, as USD-M and COIN-M both read them. */
export interface OrderTerms<Type extends OrderType = OrderType>
  extends Omit<NewOrderInput, 'type' | 'internal'> {
  readonly type: Type;
}

/**
 * Reads the terms every new order shares (`positionSide` … `selfTradePreventionMode`, then
 * `goodTillDate` where the product has it), in Binance's order; `timeInForces` are the values the
 * product accepts (COIN-M has no GTD and no RPI). One literal: the spread copy that used to add
 * `type` and `goodTillDate` allocated ~1 KB more per order (sampled heap profile).
 */
export function parseOrderTerms<Type extends OrderType>(
  p: ParamReader,
  symbol: string,
  side: OrderSide,
  type: Type,
  timeInForces: readonly TimeInForce[],
  withGoodTillDate: boolean,
): OrderTerms<Type> {
  return {
    symbol,
    side,
    type,
    positionSide: p.enumOf('positionSide', POSITION_SIDES),
    timeInForce: p.enumOf('timeInForce', timeInForces),
    quantity: p.decimal('quantity'),
    price: p.decimal('price'),
    reduceOnly: p.boolean('reduceOnly'),
    newClientOrderId: p.string('newClientOrderId'),
    newOrderRespType: p.enumOf('newOrderRespType', NEW_ORDER_RESP_TYPES) ?? 'ACK',
    priceMatch: p.enumOf('priceMatch', REQUEST_PRICE_MATCHES),
    selfTradePreventionMode: p.enumOf('selfTradePreventionMode', SELF_TRADE_PREVENTION_MODES),
    goodTillDate: withGoodTillDate ? p.integer('goodTillDate') : undefined,
  };
}
