/**
 * `core/wire`: TypeScript types for Binance Futures' wire protocol (USD-M `fapi` and COIN-M
 * `dapi`), field names verbatim. The SDK and the local exchange agree only through these types.
 * The only runtime values are the `as const` enum arrays.
 */

export type * from './account.js';
export type * from './algo.js';
export type * from './coinm/account.js';
export type * from './coinm/exchangeInfo.js';
export type * from './coinm/market.js';
export type * from './coinm/params.js';
export type * from './coinm/streams.js';
export type * from './coinm/trade.js';
export type * from './coinm/userData.js';
export * from './coinm/wsApi.js';
export type * from './common.js';
export * from './enums.js';
export type * from './exchangeInfo.js';
export type * from './market.js';
export type * from './params/account.js';
export type * from './params/algo.js';
export type * from './params/common.js';
export type * from './params/market.js';
export type * from './params/trade.js';
export type * from './streamControl.js';
export type * from './streams.js';
export type * from './trade.js';
export type * from './userData.js';
export * from './wsApi.js';
