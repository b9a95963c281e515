// @basis/exchange: a Binance USD-M Futures exchange on your machine.

export type { AdminCommand, AdminResult, IssuedKey, KeySpec } from './admin/adminCommands.js';
export { AdminError } from './admin/adminCommands.js';
export { ApiError, apiError } from './api/apiError.js';
export type { Endpoint, RequestContext, RouteTable, Security } from './api/endpoint.js';
export { ROUTES } from './api/routes.js';
export { DEFAULT_SYMBOLS } from './config/defaultSymbols.js';
export type { SymbolSpec, SyntheticSpec, TierSpec } from './config/symbolSpec.js';
export type {
  DefaultAccount,
  Exchange,
  ExchangeEndpoints,
  ExchangeOptions,
} from './createExchange.js';
export { createExchange } from './createExchange.js';
export type { RestHandler, RestRequest, RestResponse } from './rest/handler.js';
export type { RateLimitConfig } from './rest/rateLimit.js';
export { DEFAULT_RATE_LIMITS } from './rest/rateLimit.js';
export type { VenueListener } from './venue/events.js';
export { Venue, type VenueOptions } from './venue/venue.js';
