import { type AlgoOrder, type AlgoOrderDetail, type AlgoUpdateEvent, Decimal } from '@basis/core';
import type { Market } from '../market.js';
import { averagePrice } from '../orderViews.js';
import type { AlgoOrderRecord } from './algoRecord.js';

/** "0" for unset prices, as Binance prints them in order objects. */
function priceText(market: Market, tick: number): string {
  return tick === 0 ? '0' : market.formatPrice(tick);
}

/** Filled steps of the order the algo placed (live while the venue keeps it). */
function executedSteps(algo: AlgoOrderRecord): number {
  return algo.actualOrder?.executedQty ?? algo.actualQtySteps;
}

/** Average fill price of the placed order (from what the algo kept once the venue forgot it); "0" before any fill. */
function actualPrice(market: Market, algo: AlgoOrderRecord): string {
  if (executedSteps(algo) === 0) return '0';
  return averagePrice(
    market,
    algo.actualOrder ?? {
      executedQty: algo.actualQtySteps,
      cumQuote: algo.actualCumQuote ?? Decimal.ZERO,
      fillValue: algo.actualFillValue,
    },
  );
}

/** Filled quantity of the placed order; "0" before any fill. */
function actualQty(market: Market, algo: AlgoOrderRecord): string {
  const steps = executedSteps(algo);
  return steps === 0 ? '0' : market.formatQty(steps);
}

/**
 * The algo order as `POST /fapi/v1/algoOrder` returns it (§5.4): `activatePrice` and `callbackRate`
 * are "" unless trailing, `quantity` is "0" for closePosition, unset prices are "0".
 */
export function algoToWire(market: Market, algo: AlgoOrderRecord): AlgoOrder {
  const trailing = algo.orderType === 'TRAILING_STOP_MARKET';
  return {
    algoId: algo.algoId,
    clientAlgoId: algo.clientAlgoId,
    algoType: 'CONDITIONAL',
    orderType: algo.orderType,
    symbol: algo.symbol,
    side: algo.side,
    positionSide: algo.positionSide,
    timeInForce: algo.timeInForce,
    quantity: algo.closePosition ? '0' : market.formatQty(algo.qtySteps),
    algoStatus: algo.status,
    triggerPrice: priceText(market, algo.triggerTick),
    price: priceText(market, algo.priceTick),
    icebergQuantity: null,
    selfTradePreventionMode: algo.selfTradePreventionMode,
    workingType: algo.workingType,
    priceMatch: algo.priceMatch,
    closePosition: algo.closePosition,
    priceProtect: algo.priceProtect,
    reduceOnly: algo.reduceOnly,
    activatePrice: trailing ? priceText(market, algo.activateTick) : '',
    callbackRate: trailing && algo.callbackRate !== undefined ? algo.callbackRate.normalize().toString() : '',
    createTime: algo.createTime,
    updateTime: algo.updateTime,
    triggerTime: algo.triggerTime,
    goodTillDate: algo.goodTillDate,
  };
}

/**
 * The algo order as `GET /fapi/v1/algoOrder`, `openAlgoOrders` and `allAlgoOrders` return it: the
 * placement shape plus the matching-engine outcome. `actualOrderId` is "" until triggered;
 * `actualType` appears once triggered and `actualQty` once something filled.
 */
export function algoDetailToWire(market: Market, algo: AlgoOrderRecord): AlgoOrderDetail {
  const { activatePrice, callbackRate, ...base } = algoToWire(market, algo);
  const filled = executedSteps(algo) > 0;
  return {
    ...base,
    actualOrderId: algo.actualOrderId === undefined ? '' : String(algo.actualOrderId),
    actualPrice: actualPrice(market, algo),
    ...(algo.actualType === '' ? {} : { actualType: algo.actualType }),
    ...(filled ? { actualQty: actualQty(market, algo) } : {}),
    tpOrderType: '',
    activatePrice,
    callbackRate,
  };
}

/** `ALGO_UPDATE` for the algo order's current state; `rm` only when there is a reason. */
export function algoUpdateEvent(market: Market, algo: AlgoOrderRecord, time: number): AlgoUpdateEvent {
  return {
    e: 'ALGO_UPDATE',
    T: time,
    E: time,
    o: {
      caid: algo.clientAlgoId,
      aid: algo.algoId,
      at: 'CONDITIONAL',
      o: algo.orderType,
      s: algo.symbol,
      S: algo.side,
      ps: algo.positionSide,
      f: algo.timeInForce,
      q: algo.closePosition ? '0' : market.formatQty(algo.qtySteps),
      X: algo.status,
      ai: algo.actualOrderId === undefined ? '' : String(algo.actualOrderId),
      ap: actualPrice(market, algo),
      aq: actualQty(market, algo),
      act: algo.actualType === '' ? '0' : algo.actualType,
      tp: priceText(market, algo.triggerTick),
      p: priceText(market, algo.priceTick),
      V: algo.selfTradePreventionMode,
      wt: algo.workingType,
      pm: algo.priceMatch,
      cp: algo.closePosition,
      pP: algo.priceProtect,
      R: algo.reduceOnly,
      tt: algo.triggerTime,
      gtd: algo.goodTillDate,
      ...(algo.reason === '' ? {} : { rm: algo.reason }),
    },
  };
}
