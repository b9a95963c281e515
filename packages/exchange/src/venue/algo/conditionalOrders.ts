import { ALGO_ORDER_TYPES, Decimal, type ResponseOrderType } from '@basis/core';
import type { Id } from '../idSequence.js';
import type { Market } from '../market.js';
import type { OrderRecord, TrailingTerms } from '../orderRecord.js';
import type { AlgoOrderRecord } from './algoRecord.js';

// COIN-M's pre-Algo-Service flow, which `POST /dapi/v1/order` still accepts beside `/dapi/v1/algoOrder`:
// STOP, TAKE_PROFIT and trailing orders placed there are ordinary orders (an orderId of their market,
// listed by openOrders, reported by ORDER_TRADE_UPDATE) until they trigger, when they become the LIMIT
// or MARKET order they stand for under the same orderId. The algo book watches their triggers (placed
// with `asOrder`); these helpers give them their order face.

/** Whether an order record is a conditional order still waiting for its trigger (COIN-M, placed as an order). */
export function isConditionalOrder(order: OrderRecord): boolean {
  return (ALGO_ORDER_TYPES as readonly ResponseOrderType[]).includes(order.type);
}

/** A trailing stop's terms as its order object prints them: the activation price and the rate. */
export function trailingTerms(market: Market, algo: AlgoOrderRecord): TrailingTerms | undefined {
  if (algo.orderType !== 'TRAILING_STOP_MARKET' || algo.callbackRate === undefined) return undefined;
  return {
    activatePrice: market.formatPrice(algo.activateTick),
    priceRate: algo.callbackRate.normalize().toString(),
  };
}

/**
 * The order record of a COIN-M conditional order at placement: its conditional type (as `type` and
 * `origType`), the trigger price as `stopPrice` (a trailing stop's level, "0" until it activates), no
 * fill and no reserved exposure (no margin is held before the trigger).
 */
export function conditionalOrderRecord(market: Market, algo: AlgoOrderRecord, orderId: Id): OrderRecord {
  const trailing = trailingTerms(market, algo);
  return {
    orderId,
    ref: market.nextRef(),
    symbol: algo.symbol,
    accountId: algo.accountId,
    clientOrderId: algo.clientAlgoId,
    side: algo.side,
    positionSide: algo.positionSide,
    type: algo.orderType,
    origType: algo.orderType,
    timeInForce: algo.timeInForce,
    priceTick: algo.priceTick,
    origQty: algo.qtySteps,
    executedQty: 0,
    cumQuote: Decimal.ZERO,
    status: 'NEW',
    reduceOnly: algo.reduceOnly,
    closePosition: algo.closePosition,
    stopPrice: algo.triggerTick === 0 ? '0' : market.formatPrice(algo.triggerTick),
    workingType: algo.workingType,
    priceProtect: algo.priceProtect,
    priceMatch: algo.priceMatch,
    selfTradePreventionMode: algo.selfTradePreventionMode,
    goodTillDate: 0,
    time: algo.createTime,
    updateTime: algo.createTime,
    modifyCount: 0,
    expireReason: 0,
    reserved: Decimal.ZERO,
    ...(trailing === undefined ? {} : { trailing }),
  };
}
