import {
  COINM_TIME_IN_FORCES,
  ORDER_SIDES,
  ORDER_TYPES,
  REQUEST_PRICE_MATCHES,
  WORKING_TYPES,
} from '@basis/core';
import type { AlgoOrderInput } from '../../../venue/algo/algoInput.js';
import type { ModifyOrderInput } from '../../../venue/modifyOrder.js';
import type { NewOrderInput } from '../../../venue/orderInput.js';
import { missing, missingEither, type ParamReader } from '../../params.js';
import { parseModifyTarget } from '../../trade/modifyOrder.js';
import { parseOrderTerms } from '../../trade/parseNewOrder.js';

/** A parsed COIN-M new order: one for the book, or a conditional order waiting for its trigger. */
export type CoinmNewOrder =
  | { readonly kind: 'order'; readonly input: NewOrderInput }
  | { readonly kind: 'conditional'; readonly input: AlgoOrderInput };

/**
 * Parses a COIN-M new order (`POST /dapi/v1/order`, batch items): LIMIT and MARKET read as on USD-M;
 * STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET are still accepted
 * here in their pre-Algo-Service form (reference §13.3; see `coinmTradeRoutes`) with `stopPrice`
 * (-1102 when a non-trailing type lacks it),
 * `closePosition`, `activationPrice`, `callbackRate`, `workingType` and `priceProtect`. COIN-M has
 * no GTD or RPI time in force (-1115) and no `goodTillDate`.
 */
export function parseCoinmNewOrder(p: ParamReader): CoinmNewOrder {
  const symbol = p.requiredString('symbol');
  const side = p.requiredEnumOf('side', ORDER_SIDES);
  const type = p.requiredEnumOf('type', ORDER_TYPES);
  if (type === 'LIMIT' || type === 'MARKET') {
    return { kind: 'order', input: parseOrderTerms(p, symbol, side, type, COINM_TIME_IN_FORCES, false) };
  }
  const terms = parseOrderTerms(p, symbol, side, type, COINM_TIME_IN_FORCES, false);
  const stopPrice = p.decimal('stopPrice');
  if (type !== 'TRAILING_STOP_MARKET' && stopPrice === undefined) throw missing('stopPrice');
  return {
    kind: 'conditional',
    input: {
      symbol,
      side,
      positionSide: terms.positionSide,
      type,
      timeInForce: terms.timeInForce,
      quantity: terms.quantity,
      price: terms.price,
      triggerPrice: stopPrice,
      workingType: p.enumOf('workingType', WORKING_TYPES),
      priceMatch: terms.priceMatch,
      closePosition: p.boolean('closePosition'),
      priceProtect: p.boolean('priceProtect'),
      reduceOnly: terms.reduceOnly,
      activatePrice: p.decimal('activationPrice'),
      callbackRate: p.decimal('callbackRate'),
      clientAlgoId: terms.newClientOrderId,
      newOrderRespType: terms.newOrderRespType,
      selfTradePreventionMode: terms.selfTradePreventionMode,
      goodTillDate: undefined,
    },
  };
}

/**
 * Parses a COIN-M modification (`PUT /dapi/v1/order`, batch items): unlike USD-M, `quantity` or
 * `price` (or `priceMatch`) alone is enough; what is not sent stays as it is.
 */
export function parseCoinmModifyOrder(p: ParamReader): ModifyOrderInput {
  const target = parseModifyTarget(p);
  const quantity = p.decimal('quantity');
  const priceMatch = p.enumOf('priceMatch', REQUEST_PRICE_MATCHES);
  const price = p.decimal('price');
  if (quantity === undefined && price === undefined && priceMatch === undefined) {
    throw missingEither('quantity', 'price');
  }
  return { ...target, quantity, price, priceMatch };
}
