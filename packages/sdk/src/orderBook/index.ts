// Local order books: REST snapshot + diff stream (reference §10), resyncs, verification, exact queries.
// A subpath entry; the SDK's index re-exports it.

export type { DepthDiffSourceOptions } from './depthDiffSource.js';
export { depthDiffSource } from './depthDiffSource.js';
export type { ApplyResult, LocalOrderBookOptions } from './localOrderBook.js';
export { LocalOrderBook } from './localOrderBook.js';
export type {
  BookMismatch,
  OrderBook,
  OrderBookEvents,
  OrderBookOptions,
  OrderBookStats,
  OrderBookStatus,
  ResyncReason,
  VerifyResult,
} from './orderBook.js';
export { createOrderBook } from './orderBook.js';
export { type StreamDepthSourceOptions, streamDepthSource } from './streamDepthSource.js';
export type {
  BookLevel,
  BookSideName,
  DepthDiff,
  DepthDiffSource,
  DepthSnapshot,
  DepthSummary,
  FillEstimate,
  OrderBookQueries,
  PriceBand,
} from './types.js';
