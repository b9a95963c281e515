import { Decimal, divRound, type RoundingMode } from '@basis/core';

/** What {@link Rational} operations accept: a Rational, a Decimal, or a safe integer (a side, a leverage). */
export type RationalInput = Rational | Decimal | number;

// Powers of ten by exponent, computed once each: scales repeat (prices, quantities, rates).
const POW10: bigint[] = [];

/** 10^exponent as a bigint, cached for the exponents prices, quantities and rates use. */
export function pow10(exponent: number): bigint {
  if (exponent < 0 || exponent > 64 || !Number.isInteger(exponent)) return 10n ** BigInt(exponent);
  let p = POW10[exponent];
  if (p === undefined) {
    p = 10n ** BigInt(exponent);
    POW10[exponent] = p;
  }
  return p;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    // Once both fit a double exactly, finish in number arithmetic (no bigint per step).
    if (x <= MAX_SAFE && y <= MAX_SAFE) return BigInt(gcdSafe(Number(x), Number(y)));
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** gcd of two non-negative safe integers (`%` is exact on them). */
function gcdSafe(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

// Decimal raises the standard DecimalError (`division-by-zero`); reusing it keeps margin free of error classes.
function assertNonZero(divisor: bigint): void {
  if (divisor === 0n) Decimal.ONE.div(Decimal.ZERO, 0, 'down');
}

/**
 * An exact fraction `num / den` of bigints with `den > 0`, reduced by every arithmetic operation. The margin formulas are
 * written as fractions (inverse contracts divide by prices; liquidation prices divide sums by sums) and
 * rounded once, at the end, with {@link Rational.round} or {@link Rational.roundToStep}: intermediate
 * rounding could push an exact 8-decimal result below itself and truncation would then lose a unit.
 *
 * Internal to `margin/`; results leave this folder as `Decimal`.
 */
export class Rational {
  /** The numerator (carries the sign). */
  readonly num: bigint;
  /** The denominator, always positive. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** Zero. */
  static readonly ZERO: Rational = new Rational(0n, 1n);
  /** One. */
  static readonly ONE: Rational = new Rational(1n, 1n);

  /** The fraction `num / den`, reduced; throws DecimalError (`division-by-zero`) if `den` is zero. */
  static fraction(num: bigint, den: bigint): Rational {
    assertNonZero(den);
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den);
    return new Rational((sign * num) / g, (sign * den) / g);
  }

  /** The exact value of a Rational, a Decimal or a safe integer (other numbers throw DecimalError). */
  static of(value: RationalInput): Rational {
    if (value instanceof Rational) return value;
    const d = typeof value === 'number' ? Decimal.from(value) : value;
    // Not reduced: operations reduce their results; comparisons do not need it.
    return new Rational(d.units, pow10(d.scale));
  }

  /** `a / b` exactly; throws DecimalError (`division-by-zero`) if `b` is zero. */
  static ratio(a: RationalInput, b: RationalInput): Rational {
    return Rational.of(a).div(b);
  }

  /** The exact sum. */
  add(other: RationalInput): Rational {
    const o = Rational.of(other);
    return Rational.fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  /** The exact difference. */
  sub(other: RationalInput): Rational {
    const o = Rational.of(other);
    return Rational.fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  /** The exact product. */
  mul(other: RationalInput): Rational {
    const o = Rational.of(other);
    return Rational.fraction(this.num * o.num, this.den * o.den);
  }

  /** The exact quotient; throws DecimalError (`division-by-zero`) if `other` is zero. */
  div(other: RationalInput): Rational {
    const o = Rational.of(other);
    assertNonZero(o.num);
    return Rational.fraction(this.num * o.den, this.den * o.num);
  }

  /** The negation. */
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** The absolute value. */
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.num > 0n ? 1 : this.num < 0n ? -1 : 0;
  }

  /** Whether the value is zero. */
  isZero(): boolean {
    return this.num === 0n;
  }

  /** -1 if this < other, 0 if equal, 1 if greater. */
  cmp(other: RationalInput): -1 | 0 | 1 {
    const o = Rational.of(other);
    const a = this.num * o.den;
    const b = o.num * this.den;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Whether this < other. */
  lt(other: RationalInput): boolean {
    return this.cmp(other) < 0;
  }

  /** Whether this ≥ other. */
  gte(other: RationalInput): boolean {
    return this.cmp(other) >= 0;
  }

  /** The smaller of the two (`this` on a tie). */
  min(other: RationalInput): Rational {
    const o = Rational.of(other);
    return o.cmp(this) < 0 ? o : this;
  }

  /** The larger of the two (`this` on a tie). */
  max(other: RationalInput): Rational {
    const o = Rational.of(other);
    return o.cmp(this) > 0 ? o : this;
  }

  /** The value rounded once, with `mode`, to exactly `scale` fraction digits. */
  round(scale: number, mode: RoundingMode): Decimal {
    return Decimal.fromUnits(divRound(this.num * pow10(scale), this.den, mode), scale);
  }

  /** The value rounded once, with `mode`, to a whole multiple of `step` (> 0); carries the step's scale. */
  roundToStep(step: Decimal, mode: RoundingMode): Decimal {
    if (step.units <= 0n) return Decimal.ONE.roundToStep(step, mode); // throws DecimalError (`invalid-step`)
    const k = divRound(this.num * pow10(step.scale), this.den * step.units, mode);
    return Decimal.fromUnits(k * step.units, step.scale);
  }
}
