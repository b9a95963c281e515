import { DecimalError } from './decimalError.js';

/**
 * Rounding modes. `down` is toward zero, `up` away from zero, `floor` toward -∞, `ceil` toward +∞;
 * the `half-*` modes round to the nearest and break ties away from zero, toward zero, or to even.
 */
export const ROUNDING_MODES = ['down', 'up', 'floor', 'ceil', 'half-up', 'half-down', 'half-even'] as const;

/** One of {@link ROUNDING_MODES}. */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Whether `value` names a rounding mode (for configuration and CLI input). */
export function isRoundingMode(value: unknown): value is RoundingMode {
  switch (value) {
    case 'down':
    case 'up':
    case 'floor':
    case 'ceil':
    case 'half-up':
    case 'half-down':
    case 'half-even':
      return true;
    default:
      return false;
  }
}

/**
 * `numerator / denominator` rounded to an integer with `mode`, exactly. The denominator must not be zero
 * (the caller checks; this is the inner loop of every rounding in Basis).
 * @example divRound(-25n, 10n, 'half-even') // -2n
 */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const q = numerator / denominator;
  const r = numerator - q * denominator;
  if (r === 0n) {
    assertRoundingMode(mode);
    return q;
  }
  // The exact quotient lies strictly between q and q ± 1, on the side of its sign.
  const negative = numerator < 0n !== denominator < 0n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return negative ? q - 1n : q + 1n;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'half-up':
    case 'half-down':
    case 'half-even': {
      const twice = r < 0n ? -2n * r : 2n * r;
      const d = denominator < 0n ? -denominator : denominator;
      if (twice < d) return q;
      if (twice > d || mode === 'half-up' || (mode === 'half-even' && (q & 1n) === 1n)) {
        return negative ? q - 1n : q + 1n;
      }
      return q;
    }
    default:
      assertRoundingMode(mode); // throws: only reachable from untyped callers
      return q;
  }
}

/** Throws {@link DecimalError} (`invalid-rounding-mode`) unless `mode` is a rounding mode. */
export function assertRoundingMode(mode: unknown): asserts mode is RoundingMode {
  if (!isRoundingMode(mode)) throw new DecimalError({ rule: 'invalid-rounding-mode', value: String(mode) });
}
