import { DecimalError } from './decimalError.js';

/** `scanPlain` result for a valid decimal without a point. @internal */
export const NO_POINT = -1;
/** `scanPlain` result for text that is not a plain decimal. @internal */
export const INVALID = -2;
/** Largest exponent magnitude `parse` accepts, so untrusted input cannot request a gigantic bigint. */
export const MAX_EXPONENT = 1000;

/**
 * Checks the plain grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?` in one pass and returns the index of the
 * point, {@link NO_POINT} or {@link INVALID}.
 * @internal
 */
export function scanPlain(text: string): number {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 45) c = text.charCodeAt(++i);
  if (c === 48) i++;
  else if (c >= 49 && c <= 57) {
    i++;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
  } else return INVALID;
  if (i === n) return NO_POINT;
  if (text.charCodeAt(i) !== 46 || i + 1 === n) return INVALID;
  const point = i++;
  while (i < n) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) return INVALID;
    i++;
  }
  return point;
}

/**
 * Whether `text` is a decimal in Binance's wire form: optional `-`, no leading zeros, digits on both
 * sides of an optional point, no exponent, no whitespace. Everything `Decimal#toString` prints passes.
 * @example isDecimalString('60000.10') // true; isDecimalString('1e-8') // false
 */
export function isDecimalString(text: string): boolean {
  return typeof text === 'string' && scanPlain(text) !== INVALID;
}

/**
 * The number of fraction digits of a decimal string, trailing zeros included (`'0.0010'` → 4): the
 * scale `Decimal.parse` would give, without building the value. Throws {@link DecimalError} if invalid.
 * @example countDecimals('122607.35137903') // 8
 */
export function countDecimals(text: string): number {
  if (typeof text !== 'string') throw new DecimalError({ rule: 'invalid-type', value: String(text) });
  const point = scanPlain(text);
  if (point >= 0) return text.length - point - 1;
  if (point === NO_POINT) return 0;
  const parts = splitExponential(text);
  if (parts === undefined) throw syntaxError(text);
  return parts.scale;
}

/** A decimal in exponent form, as the digits of its plain value. @internal */
export type ExponentialParts = {
  /** Sign and digits of the mantissa, point removed (`'-15'` for `'-1.5e3'`). */
  digits: string;
  /** Fraction digits of the plain value, never negative. */
  scale: number;
  /** How many zeros to append to `digits` (when the exponent exceeds the fraction digits). */
  zeros: number;
};

/** Splits `mantissa[eE][+-]?digits` with a plain mantissa; `undefined` if `text` is not that. @internal */
export function splitExponential(text: string): ExponentialParts | undefined {
  const n = text.length;
  let e = 1;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === 101 || c === 69) break;
    e++;
  }
  if (e >= n - 1) return undefined;
  const mantissa = text.slice(0, e);
  const point = scanPlain(mantissa);
  if (point === INVALID) return undefined;
  let j = e + 1;
  const sign = text.charCodeAt(j);
  if (sign === 43 || sign === 45) j++;
  if (j === n) return undefined;
  for (let k = j; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
  }
  const exponent = Number(text.slice(j)) * (sign === 45 ? -1 : 1);
  if (!(Math.abs(exponent) <= MAX_EXPONENT)) return undefined;
  const fraction = point === NO_POINT ? 0 : e - point - 1;
  const digits = point === NO_POINT ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const scale = fraction - exponent;
  return scale >= 0 ? { digits, scale, zeros: 0 } : { digits, scale: 0, zeros: -scale };
}

const NOT_FINITE = /^(?:nan|inf|infinity)$/i;
const WHITESPACE = /\s/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The error for text that neither grammar accepts, naming the first rule it breaks. Slow on purpose:
 * it only runs once parsing has already failed.
 * @internal
 */
export function syntaxError(text: string): DecimalError {
  const fail = (rule: DecimalError['rule'], detail?: string) =>
    new DecimalError({ rule, value: text, detail });
  if (text.length === 0) return fail('empty');
  if (WHITESPACE.test(text)) return fail('whitespace');
  if (text.charCodeAt(0) === 43) return fail('plus-sign');
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (NOT_FINITE.test(text.slice(i))) return fail('not-finite');
  if (i === n || text.charCodeAt(i) === 46) return fail('missing-integer-digits');
  if (text.charCodeAt(i) === 48 && isDigit(text.charCodeAt(i + 1))) return fail('leading-zero');
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return fail('missing-fraction-digits');
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const c = text.charCodeAt(i);
  if (i > 0 && (c === 101 || c === 69)) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    if (!isDigit(text.charCodeAt(i))) return fail('missing-exponent-digits');
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === n) return fail('exponent-range');
  }
  return fail('syntax', `unexpected "${text.charAt(i)}" at index ${i}`);
}
