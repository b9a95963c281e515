import { Decimal, type OrderSide } from '@basis/core';
import type { AlgoOrderRecord } from './algoRecord.js';
import type { Reading } from './triggerIndex.js';

const HUNDRED = Decimal.from(100);

/** The smallest callbackRate of USD-M trailing stops, in percent (-2007 below). */
export const MIN_CALLBACK_RATE = Decimal.parse('0.1');
/** The largest callbackRate of USD-M trailing stops, in percent (-2007 above). */
export const MAX_CALLBACK_RATE = Decimal.from(10);

/**
 * The stop level of a trailing order in ticks: a SELL fires at or below highest × (1 − rate/100), a
 * BUY at or above lowest × (1 + rate/100). Rounded toward not firing (SELL down, BUY up), which is
 * exact for trade prices: a price on the tick grid is ≤ x exactly when it is ≤ floor(x).
 */
export function trailingStopTick(side: OrderSide, watermarkTick: number, callbackRate: Decimal): number {
  const w = Decimal.from(watermarkTick);
  return side === 'SELL'
    ? Number(w.mul(HUNDRED.sub(callbackRate)).div(HUNDRED, 0, 'floor').units)
    : Number(w.mul(HUNDRED.add(callbackRate)).div(HUNDRED, 0, 'ceil').units);
}

/**
 * Moves a trailing order's watermark with a new reading: activation once the price reaches the
 * activation price, then the highest (SELL) or lowest (BUY) price since; the stop level follows.
 * Returns whether anything changed.
 */
export function trail(algo: AlgoOrderRecord, reading: Reading): boolean {
  const rate = algo.callbackRate;
  if (rate === undefined) return false;
  const sell = algo.side === 'SELL';
  const price = sell ? reading.floor : reading.ceil;
  if (!algo.activated) {
    if (sell ? price < algo.activateTick : price > algo.activateTick) return false;
    algo.activated = true;
    algo.watermarkTick = price;
  } else if (sell ? price > algo.watermarkTick : price < algo.watermarkTick) {
    algo.watermarkTick = price;
  } else {
    return false;
  }
  algo.triggerTick = trailingStopTick(algo.side, algo.watermarkTick, rate);
  return true;
}
