import { Decimal } from '@basis/core';
import { apiError } from './apiError.js';

/** Request parameters after the transport merged query and body (the query wins) and removed `signature`. */
export type RawParams = Readonly<Record<string, string>>;

const DECIMAL_PATTERN = /^-?(0|[1-9]\d{0,19}|0\d{0,19})(\.\d{1,20})?$/;
const DECIMAL_RANGE = '^([0-9]{1,20})(\\.[0-9]{1,20})?$';
const INTEGER_PATTERN = /^-?\d{1,20}$/;
const INTEGER_RANGE = '^-?[0-9]{1,20}$';

/** The enums whose invalid values Binance reports with a dedicated code instead of -1130. */
const ENUM_ERRORS: Readonly<Record<string, number>> = {
  side: -1117,
  type: -1116,
  timeInForce: -1115,
  interval: -1120,
  newOrderRespType: -1136,
};

/**
 * Reads typed values out of raw parameters with Binance's validation and error codes: a missing
 * mandatory parameter is -1102, a malformed number -1100, an invalid enum -1115/-1116/-1117/-1120
 * (or -1130 "Data sent for parameter '%s' is not valid.").
 */
export class ParamReader {
  readonly raw: RawParams;

  constructor(raw: RawParams) {
    this.raw = raw;
  }

  has(name: string): boolean {
    const value = this.raw[name];
    return value !== undefined && value !== '';
  }

  /** The raw string, or undefined when absent or empty. */
  string(name: string): string | undefined {
    const value = this.raw[name];
    return value === undefined || value === '' ? undefined : value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  /** A decimal parameter (price, quantity, amount), exact. */
  decimal(name: string): Decimal | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!DECIMAL_PATTERN.test(value)) throw apiError(-1100, [name, DECIMAL_RANGE]);
    return Decimal.parse(value);
  }

  requiredDecimal(name: string): Decimal {
    const value = this.decimal(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  /** An INT/LONG parameter as a safe JS integer. */
  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!INTEGER_PATTERN.test(value)) throw apiError(-1100, [name, INTEGER_RANGE]);
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw apiError(-1130, [name]);
    return n;
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  /** A LONG id that may exceed 2^53 (orderId, fromId): kept exact as a bigint. */
  id(name: string): bigint | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!INTEGER_PATTERN.test(value)) throw apiError(-1100, [name, INTEGER_RANGE]);
    return BigInt(value);
  }

  /** A boolean sent as "true"/"false" (Binance accepts any case). */
  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw apiError(-1130, [name]);
  }

  /** One of `values`, with Binance's error code for that parameter when invalid. */
  enumOf<const T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    const code = ENUM_ERRORS[name];
    throw code === undefined ? apiError(-1130, [name]) : apiError(code);
  }

  requiredEnumOf<const T extends string>(name: string, values: readonly T[]): T {
    const value = this.enumOf(name, values);
    if (value === undefined) throw missing(name);
    return value;
  }

  /**
   * A JSON list parameter (`batchOrders`, `orderIdList`, `origClientOrderIdList`): a strict JSON
   * array. Binance rejects escaped quotes, nested JSON strings and stray whitespace; so do we.
   */
  jsonList(name: string): unknown[] | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (/\s/.test(value) || value.includes('\\x22')) throw apiError(-1130, [name]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw apiError(-1130, [name]);
    }
    if (!Array.isArray(parsed)) throw apiError(-1130, [name]);
    return parsed;
  }
}

/** -1102 for a mandatory parameter that was not sent. */
export function missing(name: string): ReturnType<typeof apiError> {
  return apiError(-1102, [name]);
}

/** -1102 in its "one of two" form: `Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!` */
export function missingEither(a: string, b: string): ReturnType<typeof apiError> {
  return apiError(-1102, [a, b], { template: 1 });
}

/** -1106: a parameter sent where it is not allowed, in Binance's lower-case wording. */
export function notRequired(name: string): ReturnType<typeof apiError> {
  return apiError(-1106, [name.toLowerCase()]);
}
