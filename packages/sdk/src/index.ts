// @basis/sdk: a typed client for Binance USD-M and COIN-M futures. Entry module: nothing here does
// work at import time; undici (HTTP) and ws (WebSocket) are loaded on first use.

export * from './actions/account/index.js';
export * from './actions/algo/index.js';
export * from './actions/market/index.js';
export * from './actions/trade/index.js';
export * from './actions/userData/index.js';
export type { BasisEnv } from './clients/clientFromEnv.js';
export { clientFromEnv, configFromEnv, environmentFromEnv } from './clients/clientFromEnv.js';
export type {
  BaseClient,
  Client,
  ClientConfig,
  ClientCredentials,
  ClientTime,
  TimeSyncConfig,
} from './clients/createClient.js';
export { createClient } from './clients/createClient.js';
export type { CoinmActions } from './clients/decorators/coinm.js';
export { coinmActions } from './clients/decorators/coinm.js';
export type { UsdmActions } from './clients/decorators/usdm.js';
export { usdmActions } from './clients/decorators/usdm.js';
export type { Environment, EnvironmentUrls, Market } from './clients/environments.js';
export {
  apiPrefix,
  environments,
  environmentUrls,
  isProductionUrl,
  localUrls,
  markets,
} from './clients/environments.js';
export type {
  ApiKeyErrorType,
  BinanceApiErrorParameters,
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
} from './errors/api.js';
export {
  ApiKeyError,
  BinanceApiError,
  FilterError,
  InsufficientMarginError,
  InvalidRequestError,
  InvalidSignatureError,
  InvalidTimestampError,
  LotSizeError,
  MaxOrdersError,
  MinNotionalError,
  OrderRejectedError,
  PercentPriceError,
  PrecisionError,
  PriceFilterError,
  ServerError,
  UnknownOrderError,
} from './errors/api.js';
export type { ClientConfigErrorType, InvalidEnvironmentErrorType } from './errors/config.js';
export { ClientConfigError, InvalidEnvironmentError } from './errors/config.js';
export type { ApiErrorContext } from './errors/fromResponse.js';
export { createBinanceApiError } from './errors/fromResponse.js';
export type {
  IpBannedErrorType,
  RateLimitedErrorType,
  RateLimitSource,
} from './errors/rateLimit.js';
export { IpBannedError, RateLimitedError } from './errors/rateLimit.js';
export type {
  ClientClosedErrorType,
  MissingCredentialsErrorType,
  SentRequest,
  UnknownOutcomeErrorType,
} from './errors/request.js';
export { ClientClosedError, MissingCredentialsError, UnknownOutcomeError } from './errors/request.js';
export type {
  ConnectionRefusedErrorType,
  ConnectionResetErrorType,
  HttpResponseErrorType,
  InvalidResponseErrorType,
  NetworkErrorType,
  TimeoutErrorType,
} from './errors/transport.js';
export {
  ConnectionRefusedError,
  ConnectionResetError,
  HttpResponseError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from './errors/transport.js';
export type { BinanceApiErrorTypes, RequestErrorType } from './errors/types.js';
export * from './orderBook/index.js';
export * from './orders/index.js';
export type {
  OrderCount,
  RateAcquired,
  RateGovernor,
  RateGovernorOptions,
  RateObservation,
  RateRequest,
  RateUsage,
  RateUsageEntry,
} from './rateLimit/governor.js';
export { createRateGovernor } from './rateLimit/governor.js';
export type { RateBudget, RateLimits, RatePool } from './rateLimit/limits.js';
export { COINM_RATE_LIMITS, ratePools, USDM_RATE_LIMITS } from './rateLimit/limits.js';
export type {
  MaybePromise,
  RateAcquireResult,
  RateBlockSnapshot,
  RateCharge,
  RateCounterSnapshot,
  RateRefusal,
  RateStore,
  RateStoreSnapshot,
} from './rateLimit/store.js';
export { createMemoryRateStore } from './rateLimit/store.js';
export type { ClientEvent, Logger } from './request/events.js';
export type { RetryOptions } from './request/retryPolicy.js';
export type { PerformedRequest, RequestCall, RequestKind, Security } from './request/types.js';
export { requestKinds, securityTypes } from './request/types.js';
export * from './streams/index.js';
export type { TimeDrift, TimeSyncResult } from './time/timeSync.js';
export type {
  HttpDispatcher,
  HttpDispatchHandler,
  HttpDispatchOptions,
  RawHeader,
} from './transports/dispatcher.js';
export type { HttpTransport, HttpTransportOptions } from './transports/http.js';
export { http } from './transports/http.js';
export type {
  InProcessHandler,
  InProcessRequest,
  InProcessResponse,
  InProcessTransport,
  InProcessTransportOptions,
} from './transports/inProcess.js';
export { inProcess } from './transports/inProcess.js';
export { redactProxyUrl } from './transports/proxyTunnel.js';
export type { HttpMethod, Transport, WireRequest, WireResponse } from './transports/transport.js';
export * from './userData/index.js';
export * from './wsApi/index.js';
