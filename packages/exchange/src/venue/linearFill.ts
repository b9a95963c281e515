import { Decimal } from '@basis/core';
import type { ContractKind } from '../margin/contract.js';
import { applyFill, type FillResult, type Position } from '../margin/position.js';
import { MONEY_ROUNDING, MONEY_SCALE } from '../margin/precision.js';

/** Entry prices are averaged to 8 decimals, half-up (`API_PRICE`, the default of {@link applyFill}). */
const ENTRY_SCALE = 8;
/** The realized PnL of nothing closed, as {@link applyFill} gives it (`toMoney(0)`). */
const NO_PNL = Decimal.ZERO.round(MONEY_SCALE, MONEY_ROUNDING);

/**
 * {@link applyFill} with its default rounding, the same results to the digit, computed in decimals
 * for linear contracts: their averages and PnL are ratios of decimals rounded once, so exact
 * fractions (and their gcds, the cost of every replayed print on the system accounts) are not needed.
 * Inverse contracts go to {@link applyFill}.
 */
export function applyFillFast(
  contract: ContractKind,
  position: Position,
  fillQty: Decimal,
  fillPrice: Decimal,
): FillResult {
  if (contract.kind !== 'linear' || fillQty.isZero())
    return applyFill(contract, position, fillQty, fillPrice);
  const amount = position.amount.add(fillQty);
  const held = position.amount.abs();
  const q = fillQty.abs();
  if (position.amount.isZero() || position.amount.sign() === fillQty.sign()) {
    // (|Q|×EP + q×P) / (|Q| + q), rounded once; a flat position takes the fill price as is.
    const entryPrice = held.isZero()
      ? fillPrice
      : held.mul(position.entryPrice).add(q.mul(fillPrice)).div(held.add(q), ENTRY_SCALE, 'half-up');
    return { position: { amount, entryPrice }, closedQty: Decimal.ZERO, openedQty: q, realizedPnl: NO_PNL };
  }
  const closedQty = q.min(held);
  const openedQty = q.sub(closedQty);
  const entryPrice = amount.isZero() ? Decimal.ZERO : openedQty.isZero() ? position.entryPrice : fillPrice;
  // side × closed × (fill − EP), cut toward zero to money.
  const pnl = fillPrice.sub(position.entryPrice).mul(closedQty);
  const realizedPnl = (position.amount.isNegative() ? pnl.neg() : pnl).round(MONEY_SCALE, MONEY_ROUNDING);
  return { position: { amount, entryPrice }, closedQty, openedQty, realizedPnl };
}
