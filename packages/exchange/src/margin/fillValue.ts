import type { Decimal, RoundingMode } from '@basis/core';
import { type ContractKind, exactNotional, priceOfUnitValue, unitValueSign } from './contract.js';
import { Rational } from './rational.js';

/**
 * The exact filled value of an order, Σ notional of its fills (coin on an inverse market,
 * Σ qty × contractSize / price), as a reduced fraction `num / den`: plain data, so order records and
 * snapshots can keep it. Binance's `cumBase` cuts each fill's value to 8 decimals; an average price
 * computed from that drifts (3 BTCUSD contracts at 95,995.7 would average 95,996.0), so the average
 * is computed from this instead.
 */
export interface ExactValue {
  readonly num: bigint;
  readonly den: bigint;
}

/** A decimal value (a `cumBase` kept before exact values existed) as an {@link ExactValue}. */
export function exactValueOf(value: Decimal): ExactValue {
  return fromRational(Rational.of(value));
}

/** `value` plus the exact notional of a fill of `qty` at `price`. */
export function addFillValue(
  contract: ContractKind,
  value: ExactValue,
  qty: Decimal,
  price: Decimal,
): ExactValue {
  return fromRational(toRational(value).add(exactNotional(contract, qty, price)));
}

/**
 * The average price of fills of `qty` in all worth `value` (positive), rounded once to `scale`
 * decimals with `mode`: the value over the quantity for linear contracts, the harmonic mean
 * `qty × contractSize / value` for inverse ones.
 */
export function averageFillPrice(
  contract: ContractKind,
  qty: Decimal,
  value: ExactValue,
  scale: number,
  mode: RoundingMode,
): Decimal {
  // The mean unit value of the fills is the unit value of their average price.
  const mean = toRational(value).mul(unitValueSign(contract)).div(qty);
  const price = priceOfUnitValue(contract, mean);
  if (price === undefined) throw new RangeError('an average price needs a positive quantity and value');
  return price.round(scale, mode);
}

function toRational(value: ExactValue): Rational {
  return Rational.fraction(value.num, value.den);
}

function fromRational(value: Rational): ExactValue {
  return { num: value.num, den: value.den };
}
