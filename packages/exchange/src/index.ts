// @basis/exchange: a Binance USD-M Futures exchange on your machine.

export type { AdminCommand, AdminResult, IssuedKey, KeySpec } from './admin/adminCommands.js';
export { AdminError } from './admin/adminCommands.js';
export { ApiError, apiError } from './api/apiError.js';
export { toCoinmError } from './api/coinm/coinmErrors.js';
export { COINM_ROUTES } from './api/coinm/routes.js';
export type { Endpoint, RequestContext, RouteTable, Security } from './api/endpoint.js';
export { ROUTES } from './api/routes.js';
export { coinmSymbols } from './config/coinmSymbols.js';
export { DEFAULT_SYMBOLS } from './config/defaultSymbols.js';
export type { SymbolSpec, SyntheticSpec, TierSpec } from './config/symbolSpec.js';
export type {
  DefaultAccount,
  Exchange,
  ExchangeEndpoints,
  ExchangeOptions,
  ExchangeRecovery,
} from './createExchange.js';
export { createExchange, DEFAULT_SNAPSHOT_INTERVAL_MS } from './createExchange.js';
export { FAULT_FLAGS, type FaultFlags, parseFaultFlag, parseFaultFlags } from './faults/cliFlags.js';
export { FaultInjector, type FaultInjectorOptions } from './faults/faultInjector.js';
export {
  FAULT_KINDS,
  FaultError,
  type FaultKind,
  type FaultRuleSpec,
  type FaultRuleStatus,
  type FaultScope,
} from './faults/faultModel.js';
export type { PrintReadThread } from './marketData/replay/printSource.js';
export { ReplayError } from './marketData/replay/replayError.js';
// For the CLI's `basis data import`, which looks into archives before copying them.
export {
  readZipEntries,
  readZipEntryHead,
  singleCsvEntry,
  type ZipEntry,
} from './marketData/replay/zip.js';
export type { RestHandler, RestRequest, RestResponse } from './rest/handler.js';
export type { RateLimitConfig } from './rest/rateLimit.js';
export { DEFAULT_RATE_LIMITS } from './rest/rateLimit.js';
export { DEFAULT_ACCOUNT_RECORDS, MIN_ACCOUNT_RECORDS } from './venue/account.js';
export type { VenueListener } from './venue/events.js';
export type { HistoryLimits } from './venue/market.js';
export {
  REPLAY_ALIGNMENTS,
  REPLAY_PRINT_PATHS,
  type ReplayAlign,
  ReplayMarket,
  type ReplayMarketOptions,
  type ReplayPrintPath,
  type ReplayStatus,
  replayEndTime,
  replayStartTime,
} from './venue/replayMarket.js';
export { Venue, type VenueOptions } from './venue/venue.js';
export { VenueSnapshotError } from './venue/venueSnapshot.js';
export type { WebSocketConnectionInfo, WebSockets } from './ws/attachWebSockets.js';
export type { WebSocketLimits } from './ws/limits.js';
