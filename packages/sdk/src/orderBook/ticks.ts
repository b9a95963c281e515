// Price strings to integer ticks and back, without allocating a Decimal per level (the diff hot path).

import { Decimal } from '@basis/core';

// 10^0 … 10^15 as doubles (all exact).
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The largest price scale a book supports (fraction digits); prices × 10^scale must stay below 2^53. */
export const MAX_PRICE_SCALE = 15;

/** Returned by {@link parseTicks} when the price has more fraction digits than the scale. */
export const NEEDS_RESCALE = -1;

/**
 * `text × 10^scale` as a safe-integer number: `'96000.10'` at scale 2 is `9600010`. Returns
 * {@link NEEDS_RESCALE} when `text` has more (non-zero) fraction digits than `scale`, and throws on
 * anything but a plain non-negative decimal, or a value at or above 2^53 ticks.
 */
export function parseTicks(text: string, scale: number): number {
  let value = 0;
  let fraction = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (fraction >= 0 || i === 0 || i === n - 1) throw invalidPrice(text);
      fraction = 0;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) throw invalidPrice(text);
    value = value * 10 + digit;
    if (fraction >= 0) fraction++;
  }
  if (n === 0) throw invalidPrice(text);
  if (fraction < 0) fraction = 0;
  // Trailing zeros beyond the scale carry no information ('96000.100' at scale 2).
  while (fraction > scale && value % 10 === 0) {
    value /= 10;
    fraction--;
  }
  if (fraction > scale) return NEEDS_RESCALE;
  if (fraction < scale) value *= POW10[scale - fraction]!;
  if (value > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`price ${text} at ${scale} fraction digits exceeds 2^53 ticks`);
  }
  return value;
}

/**
 * The number of fraction digits of a plain decimal string as written (`'1.50'` → 2, `'7'` → 0), so a
 * book inferring its scale prints prices back as Binance wrote them.
 */
export function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Whether a quantity string is zero (`'0'`, `'0.000'`): only `0` and `.` characters. */
export function isZeroQuantity(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 48 && c !== 46) return false;
  }
  return true;
}

/** The exact price of `ticks` at `scale`. */
export function ticksToDecimal(ticks: number, scale: number): Decimal {
  return Decimal.fromUnits(BigInt(ticks), scale);
}

/** `10^k` as a double, for `k` in 0…15. */
export function pow10Number(k: number): number {
  return POW10[k]!;
}

/**
 * The tick of `price` at `scale`, rounded with `mode` when `price` is finer than the scale (`'ceil'`
 * for a lower bound, `'floor'` for an upper bound). Exact (bigint), for queries.
 */
export function decimalToTicks(price: Decimal, scale: number, mode: 'ceil' | 'floor'): number {
  const rounded = price.round(scale, mode).rescale(scale);
  const units = rounded.units;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (units > max) return Number.MAX_SAFE_INTEGER;
  if (units < -max) return -Number.MAX_SAFE_INTEGER;
  return Number(units);
}

function invalidPrice(text: string): TypeError {
  return new TypeError(`not a plain non-negative decimal price: ${JSON.stringify(text)}`);
}
