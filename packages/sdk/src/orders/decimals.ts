import { Decimal } from '@basis/core';

/**
 * An exact decimal as order parameters take it: Binance's decimal string (`'0.001'`) or core's
 * `Decimal`. Never a `number`: a binary float cannot hold `0.1`, and `String(1e-7)` is `'1e-7'`,
 * which Binance refuses (-1111, -1100).
 */
export type DecimalLike = string | Decimal;

/** `V` with `string` replaced by {@link DecimalLike} (distributes over unions; `undefined` stays). */
export type DecimalOf<V> = V extends string ? DecimalLike : V;

/**
 * `T` whose properties named in `K` take {@link DecimalLike} instead of `string`, optionality kept.
 * Distributes over unions (the "orderId or origClientOrderId" shapes).
 */
export type WithDecimals<T, K extends PropertyKey> = T extends unknown
  ? { [P in keyof T]: P extends K ? DecimalOf<T[P]> : T[P] }
  : never;

/** Order parameters that are exact decimals on the wire. */
export type DecimalField =
  | 'price'
  | 'quantity'
  | 'stopPrice'
  | 'triggerPrice'
  | 'activationPrice'
  | 'activatePrice'
  | 'callbackRate';

/**
 * Parses a {@link DecimalLike}; `undefined` when the value is not an exact decimal (a number, an
 * empty string, `'abc'`). Exponent forms (`'1e-7'`) are accepted and later printed in plain form.
 */
export function parseDecimalLike(value: unknown): Decimal | undefined {
  if (value instanceof Decimal) return value;
  if (typeof value === 'string') return Decimal.tryParse(value);
  if (typeof value === 'object' && value !== null && 'units' in value && 'scale' in value) {
    try {
      return Decimal.from(value as Decimal);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Binance's plain decimal form of a {@link DecimalLike} (`Decimal` keeps its scale; exponents are expanded). */
export function wireDecimal(value: DecimalLike): string {
  return typeof value === 'string' && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(value)
    ? value
    : Decimal.from(value).toString();
}
