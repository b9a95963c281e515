import { DecimalError } from './decimalError.js';
import { splitExponential, syntaxError } from './grammar.js';
import { pow10 } from './pow10.js';
import { assertRoundingMode, divRound, type RoundingMode } from './rounding.js';

/**
 * Anything a `Decimal` operation accepts: a `Decimal`, a decimal string (parsed with `Decimal.parse`),
 * a bigint, or a number that is a safe integer (fractional numbers are refused: they are floats).
 */
export type DecimalInput = Decimal | string | bigint | number;

// 10^0 … 10^22 as doubles: every one is exact, so `toNumber` can divide once and round once.
const POW10_NUMBER: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, i) => Number(`1e${i}`)));
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
// Up to 15 digits, the value accumulated while scanning is an exact double (15 nines < 2^53).
const EXACT_DIGITS = 15;

/**
 * An immutable exact decimal: `units / 10^scale` with a bigint `units` and a non-negative integer `scale`
 * (the number of fraction digits). Parsing keeps the scale of its input, so Binance's strings print back
 * unchanged; arithmetic never rounds except where a method takes a rounding mode.
 *
 * Comparisons (`cmp`, `eq`, `lt`, …) are numeric and ignore scale: `'1.0'` equals `'1'`. Implicit
 * conversion to a number (`a < b`, `a + 1`, `'x' + a`) throws, so a Decimal never silently turns into a
 * float or a string comparison; template literals and `String(a)` print it.
 *
 * @example
 * const price = Decimal.parse('63123.40');
 * const notional = price.mul('0.003'); // 189.37020 (scale 2 + 3)
 * notional.round(2, 'half-even').toString(); // '189.37'
 * price.roundToStep('0.50', 'down').toString(); // '63123.00'
 * price.div(3, 8, 'half-up').toString(); // '21041.13333333'
 */
export class Decimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  /** Number of fraction digits (non-negative integer). */
  readonly scale: number;

  private constructor(units: bigint, scale: number) {
    this.units = units;
    this.scale = scale;
  }

  /** Zero, scale 0. */
  static readonly ZERO: Decimal = new Decimal(0n, 0);
  /** One, scale 0. */
  static readonly ONE: Decimal = new Decimal(1n, 0);

  /**
   * Parses a decimal string, keeping its scale (`'60000.10'` has scale 2). Accepts the plain form
   * `-?(0|[1-9][0-9]*)(\.[0-9]+)?` and an exponent (`'1e-8'`, `'1.5E+3'`, |exponent| ≤ 1000), which is
   * converted to plain form with scale `max(0, fractionDigits - exponent)`. `'-0.00'` is zero with scale 2.
   * Throws {@link DecimalError} naming the broken rule (no `+`, whitespace, `'.5'`, `'1.'`, `'01'`, NaN, …).
   */
  static parse(text: string): Decimal {
    const value = Decimal.tryParse(text);
    if (value !== undefined) return value;
    throw typeof text === 'string'
      ? syntaxError(text)
      : new DecimalError({ rule: 'invalid-type', value: String(text) });
  }

  /** Like {@link Decimal.parse}, but returns `undefined` instead of throwing. */
  static tryParse(text: string): Decimal | undefined {
    if (typeof text !== 'string') return undefined;
    return Decimal.parsePlain(text) ?? Decimal.parseExponential(text);
  }

  /**
   * Converts any {@link DecimalInput}; a `Decimal` is returned as is. Numbers must be safe integers.
   * Also accepts a `{ units, scale }` object, so Decimals from another copy of this package work.
   */
  static from(value: DecimalInput): Decimal {
    if (value instanceof Decimal) return value;
    switch (typeof value) {
      case 'string':
        return Decimal.parse(value);
      case 'bigint':
        return new Decimal(value, 0);
      case 'number':
        if (Number.isSafeInteger(value)) return new Decimal(BigInt(value), 0);
        throw new DecimalError({
          rule: Number.isFinite(value) ? 'not-a-safe-integer' : 'not-finite',
          value: String(value),
        });
      default: {
        const other: unknown = value;
        if (typeof other === 'object' && other !== null && 'units' in other && 'scale' in other) {
          const { units, scale } = other;
          if (typeof units === 'bigint' && typeof scale === 'number') return Decimal.fromUnits(units, scale);
        }
        throw new DecimalError({ rule: 'invalid-type', value: String(other) });
      }
    }
  }

  /** The decimal `units / 10^scale`; `scale` must be a non-negative safe integer. */
  static fromUnits(units: bigint, scale: number): Decimal {
    if (typeof units !== 'bigint') throw new DecimalError({ rule: 'invalid-type', value: String(units) });
    checkScale(scale);
    return new Decimal(units, scale);
  }

  /** The sum; its scale is the larger of the two scales. */
  add(other: DecimalInput): Decimal {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    const a = this.scale;
    const b = o.scale;
    if (a === b) return new Decimal(this.units + o.units, a);
    return a > b
      ? new Decimal(this.units + o.units * pow10(a - b), a)
      : new Decimal(this.units * pow10(b - a) + o.units, b);
  }

  /** The difference; its scale is the larger of the two scales. */
  sub(other: DecimalInput): Decimal {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    const a = this.scale;
    const b = o.scale;
    if (a === b) return new Decimal(this.units - o.units, a);
    return a > b
      ? new Decimal(this.units - o.units * pow10(a - b), a)
      : new Decimal(this.units * pow10(b - a) - o.units, b);
  }

  /** The exact product; its scale is the sum of the two scales (round it afterwards if needed). */
  mul(other: DecimalInput): Decimal {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    return new Decimal(this.units * o.units, this.scale + o.scale);
  }

  /**
   * The quotient rounded to `scale` fraction digits with `mode`, computed exactly before that one rounding.
   * Throws {@link DecimalError} (`division-by-zero`) if `other` is zero.
   */
  div(other: DecimalInput, scale: number, mode: RoundingMode): Decimal {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    checkScale(scale);
    if (o.units === 0n) {
      throw new DecimalError({ rule: 'division-by-zero', value: o.toString(), detail: `dividend ${this}` });
    }
    // this / o * 10^scale = this.units * 10^(o.scale + scale - this.scale) / o.units
    const e = o.scale + scale - this.scale;
    const units =
      e >= 0
        ? divRound(this.units * pow10(e), o.units, mode)
        : divRound(this.units, o.units * pow10(-e), mode);
    return new Decimal(units, scale);
  }

  /** The negation, same scale. */
  neg(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  /** The absolute value, same scale. */
  abs(): Decimal {
    return this.units < 0n ? new Decimal(-this.units, this.scale) : this;
  }

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.units > 0n ? 1 : this.units < 0n ? -1 : 0;
  }

  /** Whether the value is zero (at any scale). */
  isZero(): boolean {
    return this.units === 0n;
  }

  /** Whether the value is below zero. */
  isNegative(): boolean {
    return this.units < 0n;
  }

  /** Whether the value is above zero. */
  isPositive(): boolean {
    return this.units > 0n;
  }

  /** Numeric comparison ignoring scale: -1 if this < other, 0 if equal, 1 if greater. */
  cmp(other: DecimalInput): -1 | 0 | 1 {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    const a = this.units;
    const b = o.units;
    const sa = this.scale;
    const sb = o.scale;
    if (sa === sb) return a < b ? -1 : a > b ? 1 : 0;
    // Different signs (or zeros) decide without scaling, which would allocate.
    const ga = a > 0n ? 1 : a < 0n ? -1 : 0;
    const gb = b > 0n ? 1 : b < 0n ? -1 : 0;
    if (ga !== gb) return ga > gb ? 1 : -1;
    if (ga === 0) return 0;
    const x = sa > sb ? a : a * pow10(sb - sa);
    const y = sa > sb ? b * pow10(sa - sb) : b;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /** Numeric equality ignoring scale (`'1.0'` equals `'1'`). */
  eq(other: DecimalInput): boolean {
    return this.cmp(other) === 0;
  }

  /** Whether this < other. */
  lt(other: DecimalInput): boolean {
    return this.cmp(other) < 0;
  }

  /** Whether this ≤ other. */
  lte(other: DecimalInput): boolean {
    return this.cmp(other) <= 0;
  }

  /** Whether this > other. */
  gt(other: DecimalInput): boolean {
    return this.cmp(other) > 0;
  }

  /** Whether this ≥ other. */
  gte(other: DecimalInput): boolean {
    return this.cmp(other) >= 0;
  }

  /** The smaller of this and `other` (as a Decimal, with its own scale); `this` on a tie. */
  min(other: DecimalInput): Decimal {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    return o.cmp(this) < 0 ? o : this;
  }

  /** The larger of this and `other` (as a Decimal, with its own scale); `this` on a tie. */
  max(other: DecimalInput): Decimal {
    const o = other instanceof Decimal ? other : Decimal.from(other);
    return o.cmp(this) > 0 ? o : this;
  }

  /** Rounded to exactly `scale` fraction digits with `mode` (a larger scale appends zeros). */
  round(scale: number, mode: RoundingMode): Decimal {
    checkScale(scale);
    const s = this.scale;
    if (scale < s) return new Decimal(divRound(this.units, pow10(s - scale), mode), scale);
    assertRoundingMode(mode);
    return scale === s ? this : new Decimal(this.units * pow10(scale - s), scale);
  }

  /**
   * Rounded with `mode` to a whole multiple of `step` (a tick or step size, > 0); the result carries the
   * step's scale: `'0.12345'` to step `'0.001'` is `'0.123'`, `'63123.40'` to step `'25'` (down) is `'63100'`.
   */
  roundToStep(step: DecimalInput, mode: RoundingMode): Decimal {
    const st = positiveStep(step);
    const sa = this.scale;
    const ss = st.scale;
    const k =
      sa === ss
        ? divRound(this.units, st.units, mode)
        : sa > ss
          ? divRound(this.units, st.units * pow10(sa - ss), mode)
          : divRound(this.units * pow10(ss - sa), st.units, mode);
    return new Decimal(k * st.units, ss);
  }

  /** Whether the value is a whole multiple of `step` (> 0), for tick and step size filters. */
  isMultipleOf(step: DecimalInput): boolean {
    const st = positiveStep(step);
    const sa = this.scale;
    const ss = st.scale;
    if (sa === ss) return this.units % st.units === 0n;
    return sa > ss
      ? this.units % (st.units * pow10(sa - ss)) === 0n
      : (this.units * pow10(ss - sa)) % st.units === 0n;
  }

  /**
   * The same value with `scale` fraction digits: adds trailing zeros, or removes them when they are zeros.
   * Throws {@link DecimalError} (`precision-loss`) if a removed digit is not zero; use `round` for that.
   */
  rescale(scale: number): Decimal {
    checkScale(scale);
    const s = this.scale;
    if (scale >= s) return scale === s ? this : new Decimal(this.units * pow10(scale - s), scale);
    const p = pow10(s - scale);
    if (this.units % p !== 0n) {
      throw new DecimalError({ rule: 'precision-loss', value: this.toString(), detail: `to scale ${scale}` });
    }
    return new Decimal(this.units / p, scale);
  }

  /** The same value without trailing fraction zeros (`'1.500'` → `'1.5'`, `'0.00'` → `'0'`). */
  normalize(): Decimal {
    let u = this.units;
    let s = this.scale;
    if (s === 0) return this;
    if (u === 0n) return Decimal.ZERO;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s--;
    }
    return s === this.scale ? this : new Decimal(u, s);
  }

  /** The number of fraction digits, i.e. `scale`. */
  decimals(): number {
    return this.scale;
  }

  /**
   * The value with exactly `scale` fraction digits, rounded with `mode`, which defaults to `'down'`
   * (toward zero) so a printed price or quantity is never larger in magnitude than the value.
   */
  toFixed(scale: number, mode: RoundingMode = 'down'): string {
    return this.round(scale, mode).toString();
  }

  /** The exact value in plain notation with `scale` fraction digits; never an exponent, never `-0`. */
  toString(): string {
    const s = this.scale;
    const digits = this.units.toString();
    if (s === 0) return digits;
    const start = this.units < 0n ? 1 : 0;
    const cut = digits.length - s;
    if (cut > start) return `${digits.slice(0, cut)}.${digits.slice(cut)}`;
    const fraction = '0'.repeat(start - cut) + (start === 0 ? digits : digits.slice(1));
    return start === 0 ? `0.${fraction}` : `-0.${fraction}`;
  }

  /** Same as `toString`, so JSON carries the exact string. */
  toJSON(): string {
    return this.toString();
  }

  /**
   * The nearest double. Lossy: for display and metrics only, never for money arithmetic.
   */
  toNumber(): number {
    const u = this.units;
    const s = this.scale;
    if (s === 0) return Number(u);
    // Both operands are exact doubles, so the single division is correctly rounded.
    if (s <= 22 && u <= MAX_SAFE && u >= -MAX_SAFE) return Number(u) / POW10_NUMBER[s]!;
    return Number(this.toString());
  }

  /** Prints for template literals and `String()`; any numeric or default conversion throws. */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'string') return this.toString();
    throw new DecimalError({ rule: 'implicit-conversion', value: this.toString(), detail: `hint "${hint}"` });
  }

  private static parsePlain(text: string): Decimal | undefined {
    const n = text.length;
    let i = 0;
    let c = text.charCodeAt(0);
    const negative = c === 45;
    if (negative) c = text.charCodeAt(++i);
    let acc = 0;
    if (c === 48) i++;
    else if (c >= 49 && c <= 57) {
      acc = c - 48;
      i++;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        acc = acc * 10 + (c - 48);
        i++;
      }
    } else return undefined;
    const signs = negative ? 1 : 0;
    if (i === n)
      return new Decimal(n - signs <= EXACT_DIGITS ? BigInt(negative ? -acc : acc) : BigInt(text), 0);
    if (text.charCodeAt(i) !== 46 || i + 1 === n) return undefined;
    const point = i++;
    do {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      acc = acc * 10 + (c - 48);
    } while (++i < n);
    const units =
      n - 1 - signs <= EXACT_DIGITS
        ? BigInt(negative ? -acc : acc)
        : BigInt(text.slice(0, point) + text.slice(point + 1));
    return new Decimal(units, n - point - 1);
  }

  private static parseExponential(text: string): Decimal | undefined {
    const parts = splitExponential(text);
    if (parts === undefined) return undefined;
    const units = BigInt(parts.digits);
    return new Decimal(parts.zeros === 0 ? units : units * pow10(parts.zeros), parts.scale);
  }
}

function checkScale(scale: number): void {
  if (!Number.isSafeInteger(scale) || scale < 0) {
    throw new DecimalError({ rule: 'invalid-scale', value: String(scale) });
  }
}

function positiveStep(step: DecimalInput): Decimal {
  const st = step instanceof Decimal ? step : Decimal.from(step);
  if (st.units <= 0n) throw new DecimalError({ rule: 'invalid-step', value: st.toString() });
  return st;
}
