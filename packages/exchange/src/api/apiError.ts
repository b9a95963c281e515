import type { BinanceErrorBody, BinanceMarket, BinanceMessageArg } from '@basis/core';
import { BasisError, formatBinanceTemplate, getBinanceError } from '@basis/core';

/**
 * A rejection the exchange answers exactly as Binance would: its numeric code, its message and its
 * HTTP status. Thrown anywhere below an endpoint; the REST and WebSocket API layers turn it into
 * `{"code": ..., "msg": ...}`.
 */
export class ApiError extends BasisError {
  override readonly name = 'ApiError' as const;
  /** Binance's error code, e.g. -2019. */
  readonly code: number;
  /** The message sent to the client, verbatim. */
  readonly msg: string;
  /** The HTTP status of the response. */
  readonly httpStatus: number;
  /** The values substituted into the catalog message, and which message (so COIN-M can re-word it). */
  readonly args: readonly BinanceMessageArg[];
  readonly template: number;

  constructor(
    code: number,
    msg: string,
    httpStatus: number,
    args: readonly BinanceMessageArg[] = [],
    template = 0,
  ) {
    super(msg, { metaMessages: [`Binance code: ${code}`], docsPath: 'exchange/errors' });
    this.code = code;
    this.msg = msg;
    this.httpStatus = httpStatus;
    this.args = args;
    this.template = template;
  }

  /** The JSON body Binance sends. */
  toBody(): BinanceErrorBody {
    return { code: this.code, msg: this.msg };
  }
}

/**
 * Builds the error for `code` from core's catalog: Binance's message with `args` substituted for its
 * `%s` placeholders, and the catalog's HTTP status. `template` picks one of the catalog's alternative
 * messages (by index, 0 = the main one).
 */
export function apiError(
  code: number,
  args: readonly BinanceMessageArg[] = [],
  options: { readonly market?: BinanceMarket; readonly template?: number; readonly httpStatus?: number } = {},
): ApiError {
  const info = getBinanceError(code, options.market ?? 'usdm');
  if (info === undefined) throw new BasisError(`Binance error code ${code} is not in the catalog.`);
  const templates = [info.message, ...(info.altMessages ?? [])];
  const template = templates[options.template ?? 0] ?? info.message;
  return new ApiError(
    code,
    formatBinanceTemplate(template, ...args),
    options.httpStatus ?? info.http,
    args,
    options.template ?? 0,
  );
}

/** An error with a message of our own wording under Binance's code (used where Binance's text varies). */
export function apiErrorWithMessage(code: number, msg: string, httpStatus?: number): ApiError {
  const info = getBinanceError(code);
  return new ApiError(code, msg, httpStatus ?? info?.http ?? 400);
}
