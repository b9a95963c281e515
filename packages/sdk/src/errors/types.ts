import type {
  ApiKeyErrorType,
  BinanceApiErrorType,
  FilterErrorType,
  InsufficientMarginErrorType,
  InvalidRequestErrorType,
  InvalidSignatureErrorType,
  InvalidTimestampErrorType,
  LotSizeErrorType,
  MaxOrdersErrorType,
  MinNotionalErrorType,
  OrderRejectedErrorType,
  PercentPriceErrorType,
  PrecisionErrorType,
  PriceFilterErrorType,
  ServerErrorType,
  UnknownOrderErrorType,
} from './api.js';
import type { ClientConfigErrorType } from './config.js';
import type { IpBannedErrorType, RateLimitedErrorType } from './rateLimit.js';
import type {
  ClientClosedErrorType,
  MissingCredentialsErrorType,
  UnknownOutcomeErrorType,
} from './request.js';
import type {
  ConnectionRefusedErrorType,
  ConnectionResetErrorType,
  HttpResponseErrorType,
  InvalidResponseErrorType,
  NetworkErrorType,
  TimeoutErrorType,
} from './transport.js';

/** Every Binance API error class, narrowable on `name`. */
export type BinanceApiErrorTypes =
  | BinanceApiErrorType
  | InsufficientMarginErrorType
  | InvalidTimestampErrorType
  | InvalidSignatureErrorType
  | ApiKeyErrorType
  | UnknownOrderErrorType
  | OrderRejectedErrorType
  | InvalidRequestErrorType
  | ServerErrorType
  | FilterErrorType
  | PriceFilterErrorType
  | LotSizeErrorType
  | MinNotionalErrorType
  | PercentPriceErrorType
  | MaxOrdersErrorType
  | PrecisionErrorType
  | RateLimitedErrorType
  | IpBannedErrorType;

/**
 * What `client.request` (so every action) may reject with, narrowable on `name`:
 *
 * @example
 * try {
 *   await getAccountV3(client);
 * } catch (e) {
 *   const error = e as RequestErrorType;
 *   if (error.name === 'IpBannedError') console.log(error.bannedUntil);
 * }
 */
export type RequestErrorType =
  | BinanceApiErrorTypes
  | TimeoutErrorType
  | NetworkErrorType
  | ConnectionRefusedErrorType
  | ConnectionResetErrorType
  | HttpResponseErrorType
  | InvalidResponseErrorType
  | UnknownOutcomeErrorType
  | MissingCredentialsErrorType
  | ClientClosedErrorType
  | ClientConfigErrorType;
