import {
  BasisError,
  type BinanceErrorCategory,
  type BinanceErrorInfo,
  type BinanceErrorRetry,
  type BinanceMarket,
  getBinanceError,
} from '@basis/core';

/** What a {@link BinanceApiError} is built from: Binance's answer and the request it answered. */
export interface BinanceApiErrorParameters {
  /** Binance's numeric code, e.g. `-2019`. */
  readonly code: number;
  /** Binance's `msg`, as received. */
  readonly msg: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The request's method. */
  readonly method: string;
  /** The endpoint path, without the query (`/fapi/v1/order`). */
  readonly path: string;
  /** The market whose catalog names the code (default `usdm`). */
  readonly market?: BinanceMarket;
  readonly cause?: unknown;
  /** Values to keep out of every printed form (the API key, the request's signature). */
  readonly secrets?: readonly string[];
}

/** The `BasisError` options every API error passes on. */
interface ApiErrorOptions {
  readonly shortMessage?: string;
  readonly docsPath: string;
  readonly metaMessages?: readonly string[];
}

/**
 * Binance answered with an error body `{"code": <negative int>, "msg": "..."}`.
 *
 * Every subclass keeps Binance's `code` and `msg`, the HTTP `status`, the endpoint `method` and
 * `path` (never the query: a signed query carries the signature), and the catalog's view of the
 * code (`binanceName`, `category`, `retry`). The message is redacted like every `BasisError`: no API
 * key, secret or signature is ever printed.
 *
 * Which class is thrown is decided by {@link createBinanceApiError} from the HTTP status, the code
 * and core's catalog category; a code the catalog does not know is a plain `BinanceApiError`.
 */
export class BinanceApiError extends BasisError {
  override name: string = 'BinanceApiError';
  /** Binance's numeric error code. */
  readonly code: number;
  /** Binance's message, verbatim except for redacted secrets. */
  readonly msg: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The request's method. */
  readonly method: string;
  /** The endpoint path (no query string). */
  readonly path: string;
  /** Binance's constant for the code (`MARGIN_NOT_SUFFICIEN`), when the catalog knows it. */
  readonly binanceName: string | undefined;
  /** The catalog's category for the code, when known. */
  readonly category: BinanceErrorCategory | undefined;
  /**
   * Whether the same request may be sent again, per the catalog: `never`, `safe` (after waiting,
   * with a fresh timestamp) or `after-reconcile` (the outcome is unknown). Undefined for unknown codes.
   */
  readonly retry: BinanceErrorRetry | undefined;

  constructor(parameters: BinanceApiErrorParameters, options?: ApiErrorOptions) {
    const info = getBinanceError(parameters.code, parameters.market ?? 'usdm');
    const described = info === undefined ? String(parameters.code) : `${parameters.code} ${info.name}`;
    super(options?.shortMessage ?? `Binance rejected the request: ${parameters.msg}`, {
      cause: parameters.cause,
      docsPath: options?.docsPath ?? 'sdk/errors#binanceapierror',
      metaMessages: [
        `Code: ${described}`,
        `Request: ${parameters.method} ${parameters.path} (HTTP ${parameters.status})`,
        ...(options?.metaMessages ?? []),
      ],
      ...(parameters.secrets === undefined ? {} : { secrets: parameters.secrets }),
    });
    this.code = parameters.code;
    this.msg = this.redactString(parameters.msg);
    this.status = parameters.status;
    this.method = parameters.method;
    this.path = this.redactString(parameters.path);
    this.binanceName = info?.name;
    this.category = info?.category;
    this.retry = info?.retry;
  }
}

/** Narrows a caught error to {@link BinanceApiError}. */
export type BinanceApiErrorType = BinanceApiError & { name: 'BinanceApiError' };

/** Margin or balance is insufficient (-2019, -2018, -4050, -4051) or a leverage bracket limit (-2027, -2028). */
export class InsufficientMarginError extends BinanceApiError {
  override name = 'InsufficientMarginError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#insufficientmarginerror' });
  }
}
export type InsufficientMarginErrorType = InsufficientMarginError & { name: 'InsufficientMarginError' };

/**
 * The request's `timestamp` was outside `recvWindow` (-1021), or the matching engine found it stale
 * (-5028 USD-M, -4188 COIN-M). A -1021 is refused before execution; see the request pipeline for the
 * resync-and-retry rule.
 */
export class InvalidTimestampError extends BinanceApiError {
  override name = 'InvalidTimestampError' as const;
  constructor(parameters: BinanceApiErrorParameters & { readonly offsetMs?: number }) {
    super(parameters, {
      docsPath: 'sdk/errors#invalidtimestamperror',
      metaMessages:
        parameters.offsetMs === undefined
          ? []
          : [`Estimated server clock offset: ${parameters.offsetMs} ms (after a resync).`],
    });
  }
}
export type InvalidTimestampErrorType = InvalidTimestampError & { name: 'InvalidTimestampError' };

/** The signature did not verify (-1022): wrong secret or key, or the signed bytes differ from those sent. */
export class InvalidSignatureError extends BinanceApiError {
  override name = 'InvalidSignatureError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#invalidsignatureerror' });
  }
}
export type InvalidSignatureErrorType = InvalidSignatureError & { name: 'InvalidSignatureError' };

/**
 * The API key was refused: malformed or missing (-2014), unknown, IP-restricted or without the
 * permission (-2015), or another key, IP or permission failure (-1002, -1004, -1005, -1011, -1099,
 * -2017, -4056, -4057).
 */
export class ApiKeyError extends BinanceApiError {
  override name = 'ApiKeyError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#apikeyerror' });
  }
}
export type ApiKeyErrorType = ApiKeyError & { name: 'ApiKeyError' };

/** The order or object does not exist: -2011 ("Unknown order sent."), -2013 ("Order does not exist."). */
export class UnknownOrderError extends BinanceApiError {
  override name = 'UnknownOrderError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#unknownordererror' });
  }
}
export type UnknownOrderErrorType = UnknownOrderError & { name: 'UnknownOrderError' };

/** The matching engine or order logic refused the order (FOK, post-only, reduce-only, triggers, duplicates). */
export class OrderRejectedError extends BinanceApiError {
  override name = 'OrderRejectedError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#orderrejectederror' });
  }
}
export type OrderRejectedErrorType = OrderRejectedError & { name: 'OrderRejectedError' };

/** The request is malformed or a value is invalid: missing, unknown or illegal parameters, bad symbol (-1121). */
export class InvalidRequestError extends BinanceApiError {
  override name = 'InvalidRequestError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#invalidrequesterror' });
  }
}
export type InvalidRequestErrorType = InvalidRequestError & { name: 'InvalidRequestError' };

/**
 * Binance failed to process the request (-1001, -1016, -1008 overload), or its outcome is unknown
 * (-1000, -1006, -1007): see `retry`. Also any 5xx answer carrying a Binance error body.
 */
export class ServerError extends BinanceApiError {
  override name = 'ServerError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, { docsPath: 'sdk/errors#servererror' });
  }
}
export type ServerErrorType = ServerError & { name: 'ServerError' };

// --- symbol filters ------------------------------------------------------------------------------

/**
 * A symbol filter refused the order. Leaves name the filter: {@link PriceFilterError},
 * {@link LotSizeError}, {@link MinNotionalError}, {@link PercentPriceError}, {@link MaxOrdersError},
 * {@link PrecisionError}; other filter codes are a plain `FilterError`.
 */
export class FilterError extends BinanceApiError {
  override name: string = 'FilterError';
  constructor(parameters: BinanceApiErrorParameters, docsPath = 'sdk/errors#filtererror') {
    super(parameters, { docsPath });
  }
}
export type FilterErrorType = FilterError & { name: 'FilterError' };

/** PRICE_FILTER: price or stop price below zero, out of range, or not a multiple of the tick size. */
export class PriceFilterError extends FilterError {
  override name = 'PriceFilterError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, 'sdk/errors#pricefiltererror');
  }
}
export type PriceFilterErrorType = PriceFilterError & { name: 'PriceFilterError' };

/** LOT_SIZE / MARKET_LOT_SIZE: quantity below zero, out of range, or not a multiple of the step size. */
export class LotSizeError extends FilterError {
  override name = 'LotSizeError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, 'sdk/errors#lotsizeerror');
  }
}
export type LotSizeErrorType = LotSizeError & { name: 'LotSizeError' };

/** MIN_NOTIONAL: the order's notional is too small (-4164 USD-M, -4178 COIN-M, -5029 on modify). */
export class MinNotionalError extends FilterError {
  override name = 'MinNotionalError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, 'sdk/errors#minnotionalerror');
  }
}
export type MinNotionalErrorType = MinNotionalError & { name: 'MinNotionalError' };

/** PERCENT_PRICE: the price (or a stop price) is outside the band around the mark price. */
export class PercentPriceError extends FilterError {
  override name = 'PercentPriceError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, 'sdk/errors#percentpriceerror');
  }
}
export type PercentPriceErrorType = PercentPriceError & { name: 'PercentPriceError' };

/** MAX_NUM_ORDERS / MAX_NUM_ALGO_ORDERS: too many open (or stop) orders on the symbol. */
export class MaxOrdersError extends FilterError {
  override name = 'MaxOrdersError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, 'sdk/errors#maxorderserror');
  }
}
export type MaxOrdersErrorType = MaxOrdersError & { name: 'MaxOrdersError' };

/** -1111: more decimals than the symbol allows (a float sent where a decimal string belonged). */
export class PrecisionError extends FilterError {
  override name = 'PrecisionError' as const;
  constructor(parameters: BinanceApiErrorParameters) {
    super(parameters, 'sdk/errors#precisionerror');
  }
}
export type PrecisionErrorType = PrecisionError & { name: 'PrecisionError' };

type ApiErrorClass = new (parameters: BinanceApiErrorParameters) => BinanceApiError;

/** Codes whose class is not their catalog category's (or that need a finer class). */
const BY_CODE: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [-1021, InvalidTimestampError],
  [-5028, InvalidTimestampError],
  [-4188, InvalidTimestampError],
  [-1022, InvalidSignatureError],
  [-2011, UnknownOrderError],
  [-2013, UnknownOrderError],
  [-1008, ServerError],
  [-1111, PrecisionError],
  ...[-4001, -4002, -4006, -4007, -4013, -4014].map((code) => [code, PriceFilterError] as const),
  ...[-4003, -4004, -4005, -4023].map((code) => [code, LotSizeError] as const),
  ...[-4164, -4178, -5029].map((code) => [code, MinNotionalError] as const),
  ...[-4016, -4024, -4113, -4131, -4151, -4152, -4154, -4155, -4183, -4184, -4210, -4211].map(
    (code) => [code, PercentPriceError] as const,
  ),
  ...[-2025, -4045].map((code) => [code, MaxOrdersError] as const),
]);

function classOf(info: BinanceErrorInfo | undefined, status: number): ApiErrorClass {
  switch (info?.category) {
    case 'margin':
      return InsufficientMarginError;
    case 'auth':
      return ApiKeyError;
    case 'filter':
      return FilterError;
    case 'order-rejected':
      return OrderRejectedError;
    case 'request':
    case 'validation':
      return InvalidRequestError;
    case 'not-found':
      return info.code === -1125 ? BinanceApiError : UnknownOrderError;
    case 'server':
    case 'unknown-outcome':
      return ServerError;
    default:
      return status >= 500 ? ServerError : BinanceApiError;
  }
}

/**
 * The class for a Binance error code outside the rate-limit family (see `createBinanceApiError`):
 * first by code ({@link InvalidTimestampError} -1021, {@link InvalidSignatureError} -1022,
 * {@link UnknownOrderError} -2011/-2013, the filter leaves), then by the catalog category; a code the
 * catalog does not know is a plain `BinanceApiError` (a `ServerError` on a 5xx).
 */
export function apiErrorClassOf(
  code: number,
  status: number,
  market: BinanceMarket = 'usdm',
): new (
  parameters: BinanceApiErrorParameters,
) => BinanceApiError {
  return BY_CODE.get(code) ?? classOf(getBinanceError(code, market), status);
}

/** Whether a parsed body is Binance's error shape `{"code": <number>, "msg": <string>}` with a negative code. */
export function isBinanceErrorBody(value: unknown): value is { code: number; msg: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { code, msg } = value as { code?: unknown; msg?: unknown };
  return typeof code === 'number' && code < 0 && typeof msg === 'string';
}
