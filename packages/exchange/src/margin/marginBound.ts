import type { Decimal } from '@basis/core';
import type { ContractKind } from './contract.js';

/** Relative slack for the double arithmetic below (its own error is ~1e-15). */
const RELATIVE_SLACK = 1e-9;
/** Absolute slack, money: a hundredth of the 8-decimal unit the exact check cuts to. */
const ABSOLUTE_SLACK = 1e-8;

/**
 * Whether `availableBalance` certainly covers what {@link marginCheck} can require of a linear order
 * of `qty` at `price`: its requirement is at most the whole order's value over the leverage (the
 * netting rule only lowers it) plus the open loss of the whole order at mark, `qty × |mark − price|`.
 * That bound, computed in doubles with slack, settles most orders without the exact arithmetic;
 * `false` (inverse contracts, or a balance near the bound) means: run the exact check.
 */
export function clearlyCovered(
  contract: ContractKind,
  leverage: number,
  availableBalance: Decimal,
  qty: Decimal,
  price: Decimal,
  markPrice: Decimal,
): boolean {
  if (contract.kind !== 'linear') return false;
  const q = qty.abs().toNumber();
  const p = price.toNumber();
  const bound = (q * p) / leverage + q * Math.abs(markPrice.toNumber() - p);
  return availableBalance.toNumber() > bound * (1 + RELATIVE_SLACK) + ABSOLUTE_SLACK;
}
