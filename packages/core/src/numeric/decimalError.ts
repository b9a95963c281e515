import { BasisError } from '../errors/baseError.js';
/** What a {@link DecimalError} objects to; one machine-readable rule per distinct mistake. */
export const DECIMAL_ERROR_RULES = [
  'empty',
  'syntax',
  'whitespace',
  'plus-sign',
  'leading-zero',
  'missing-integer-digits',
  'missing-fraction-digits',
  'missing-exponent-digits',
  'exponent-range',
  'not-finite',
  'not-a-safe-integer',
  'invalid-type',
  'invalid-scale',
  'invalid-step',
  'invalid-rounding-mode',
  'division-by-zero',
  'precision-loss',
  'not-a-multiple',
  'implicit-conversion',
] as const;

/** One of {@link DECIMAL_ERROR_RULES}. */
export type DecimalErrorRule = (typeof DECIMAL_ERROR_RULES)[number];

// Spelled out here rather than imported from rounding.ts, which imports this file.
const ROUNDING_MODE_LIST = 'down, up, floor, ceil, half-up, half-down, half-even';

const DESCRIPTIONS: Readonly<Record<DecimalErrorRule, string>> = {
  empty: 'a decimal cannot be empty',
  syntax: 'not a decimal number',
  whitespace: 'whitespace is not allowed in a decimal',
  'plus-sign': 'a leading "+" is not allowed',
  'leading-zero': 'leading zeros are not allowed',
  'missing-integer-digits': 'digits are required before the decimal point',
  'missing-fraction-digits': 'digits are required after the decimal point',
  'missing-exponent-digits': 'digits are required after the exponent marker',
  'exponent-range': 'the exponent is out of range (at most 1000 in magnitude)',
  'not-finite': 'NaN and Infinity are not decimals',
  'not-a-safe-integer': 'a number input must be a safe integer; pass fractional values as strings',
  'invalid-type': 'expected a Decimal, a decimal string, a bigint or a safe integer',
  'invalid-scale': 'a scale must be a non-negative safe integer',
  'invalid-step': 'a step must be greater than zero',
  'invalid-rounding-mode': `a rounding mode must be one of ${ROUNDING_MODE_LIST}`,
  'division-by-zero': 'division by zero',
  'precision-loss': 'the value has more fraction digits than the requested scale',
  'not-a-multiple': 'the value is not a whole multiple of the step',
  'implicit-conversion':
    'a Decimal cannot be implicitly converted to a number; use its methods or toNumber()',
};

const MAX_SHOWN = 64;

/** Parameters of {@link DecimalError}. */
export type DecimalErrorParameters = {
  /** Which rule was broken. */
  rule: DecimalErrorRule;
  /** The offending input, as text. */
  value: string;
  /** Extra detail, for example the position of an unexpected character. */
  detail?: string | undefined;
};

/**
 * Thrown when a decimal cannot be parsed or an operation would be inexact or undefined.
 * `rule` says what was wrong; `value` is the offending input as text.
 */
export class DecimalError extends BasisError {
  override readonly name = 'DecimalError' as const;
  /** Which rule was broken. */
  readonly rule: DecimalErrorRule;
  /** The offending input, as text (never truncated; the message shows at most 64 characters). */
  readonly value: string;

  constructor({ rule, value, detail }: DecimalErrorParameters) {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    super(`${DESCRIPTIONS[rule]}: "${shown}"${detail === undefined ? '' : ` (${detail})`} [${rule}]`, {
      docsPath: 'core/numeric#errors',
    });
    this.rule = rule;
    this.value = value;
  }
}

/** The type of errors thrown by `core/numeric`. */
export type DecimalErrorType = DecimalError;
