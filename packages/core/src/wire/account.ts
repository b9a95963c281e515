/**
 * USD-M account responses (§5.2) and account-configuration results from §5.3 (leverage, margin
 * type, position mode, position margin). All SIGNED.
 */
import type { CodeMsgAck, Id } from './common.js';
import type {
  AdlQuantile,
  IncomeType,
  MarginType,
  PositionMarginAction,
  PositionMarginType,
  PositionSide,
} from './enums.js';

/** Account totals shared by v2 and v3 `account` (single-asset mode: USDT; multi-assets: USD value). */
export interface AccountTotals {
  /** Total initial margin required at mark price. */
  totalInitialMargin: string;
  /** Total maintenance margin. */
  totalMaintMargin: string;
  /** Total wallet balance. */
  totalWalletBalance: string;
  /** Total unrealized profit. */
  totalUnrealizedProfit: string;
  /** Wallet balance + unrealized profit. */
  totalMarginBalance: string;
  /** Initial margin of positions. */
  totalPositionInitialMargin: string;
  /** Initial margin of open orders. */
  totalOpenOrderInitialMargin: string;
  /** Cross wallet balance. */
  totalCrossWalletBalance: string;
  /** Unrealized PnL of cross positions. */
  totalCrossUnPnl: string;
  /** Available balance. */
  availableBalance: string;
  /** Maximum amount for transfer out. */
  maxWithdrawAmount: string;
}

/** `GET /fapi/v3/account` `assets[]` (2025-08 dropped `marginAvailable`). */
export interface AccountAssetV3 {
  /** Asset. */
  asset: string;
  /** Wallet balance. */
  walletBalance: string;
  /** Unrealized profit. */
  unrealizedProfit: string;
  /** Wallet balance + unrealized profit (ccxt's `total`). */
  marginBalance: string;
  /** Maintenance margin required. */
  maintMargin: string;
  /** Initial margin required at mark price (ccxt's `used`). */
  initialMargin: string;
  /** Initial margin of positions. */
  positionInitialMargin: string;
  /** Initial margin of open orders. */
  openOrderInitialMargin: string;
  /** Cross wallet balance. */
  crossWalletBalance: string;
  /** Unrealized profit of cross positions. */
  crossUnPnl: string;
  /** Available balance (ccxt's `free`). */
  availableBalance: string;
  /** Maximum amount for transfer out. */
  maxWithdrawAmount: string;
  /** Last update time, ms. */
  updateTime: number;
}

/** `GET /fapi/v2/account` `assets[]`. */
export interface AccountAssetV2 extends AccountAssetV3 {
  /** Whether the asset can be used as margin in multi-assets mode. */
  marginAvailable: boolean;
}

/** `GET /fapi/v2/account` `positions[]`: every symbol (BOTH in one-way, LONG+SHORT in hedge mode). */
export interface AccountPositionV2 {
  /** Symbol. */
  symbol: string;
  /** Initial margin required at mark price. */
  initialMargin: string;
  /** Maintenance margin required. */
  maintMargin: string;
  /** Unrealized profit. */
  unrealizedProfit: string;
  /** Initial margin of the position. */
  positionInitialMargin: string;
  /** Initial margin of open orders. */
  openOrderInitialMargin: string;
  /** Current initial leverage (a string here). */
  leverage: string;
  /** Whether the position is isolated. */
  isolated: boolean;
  /** Average entry price. */
  entryPrice: string;
  /** Maximum notional at current leverage. */
  maxNotional: string;
  /** Bid notional (ignore). */
  bidNotional: string;
  /** Ask notional (ignore). */
  askNotional: string;
  /** Position side. */
  positionSide: PositionSide;
  /** Signed position amount. */
  positionAmt: string;
  /** Last update time, ms. */
  updateTime: number;
}

/** `GET /fapi/v3/account` `positions[]`: only symbols with a position or open orders. */
export interface AccountPositionV3 {
  /** Symbol. */
  symbol: string;
  /** Position side. */
  positionSide: PositionSide;
  /** Signed position amount. */
  positionAmt: string;
  /** Unrealized profit. */
  unrealizedProfit: string;
  /** Isolated margin. */
  isolatedMargin: string;
  /** Signed notional at mark price. */
  notional: string;
  /** Isolated wallet. */
  isolatedWallet: string;
  /** Initial margin required at mark price. */
  initialMargin: string;
  /** Maintenance margin required. */
  maintMargin: string;
  /** Last update time, ms. */
  updateTime: number;
}

/** `GET /fapi/v2/account`. */
export interface AccountV2 extends AccountTotals {
  /** Fee tier. */
  feeTier: number;
  /** Whether BNB fee discount is on. */
  feeBurn: boolean;
  /** Whether trading is enabled. */
  canTrade: boolean;
  /** Whether transfer in is enabled. */
  canDeposit: boolean;
  /** Whether transfer out is enabled. */
  canWithdraw: boolean;
  /** Reserved; always 0. */
  updateTime: number;
  /** Whether multi-assets mode is on. */
  multiAssetsMargin: boolean;
  /** Trade group id; -1 if none (STP across accounts of the group). */
  tradeGroupId: number;
  /** Per-asset balances. */
  assets: AccountAssetV2[];
  /** Every symbol's position rows. */
  positions: AccountPositionV2[];
}

/** `GET /fapi/v3/account`: totals without fee/permission/config fields (those live in accountConfig). */
export interface AccountV3 extends AccountTotals {
  /** Per-asset balances. */
  assets: AccountAssetV3[];
  /** Positions with an amount or open orders only. */
  positions: AccountPositionV3[];
}

/** One row of `GET /fapi/v2/balance` (and v3). */
export interface BalanceV2 {
  /** Unique account code. */
  accountAlias: string;
  /** Asset. */
  asset: string;
  /** Wallet balance. */
  balance: string;
  /** Cross wallet balance. */
  crossWalletBalance: string;
  /** Unrealized profit of cross positions. */
  crossUnPnl: string;
  /** Available balance. */
  availableBalance: string;
  /** Maximum amount for transfer out. */
  maxWithdrawAmount: string;
  /** Whether the asset can be used as margin in multi-assets mode. */
  marginAvailable: boolean;
  /** Last update time, ms. */
  updateTime: number;
}

/** One row of `GET /fapi/v3/balance` (same shape as v2). */
export type BalanceV3 = BalanceV2;

/** `GET /fapi/v1/accountConfig`. */
export interface AccountConfig {
  /** Fee tier. */
  feeTier: number;
  /** Whether trading is enabled. */
  canTrade: boolean;
  /** Whether transfer in is enabled. */
  canDeposit: boolean;
  /** Whether transfer out is enabled. */
  canWithdraw: boolean;
  /** Hedge mode (true) or one-way mode (false). */
  dualSidePosition: boolean;
  /** Reserved; 0. */
  updateTime: number;
  /** Whether multi-assets mode is on. */
  multiAssetsMargin: boolean;
  /** Trade group id; -1 if none. */
  tradeGroupId: number;
}

/** One row of `GET /fapi/v1/symbolConfig`. */
export interface SymbolConfig {
  /** Symbol. */
  symbol: string;
  /** Margin type, upper-case here. */
  marginType: MarginType;
  /** Whether isolated margin is auto-added. */
  isAutoAddMargin: boolean;
  /** Initial leverage. */
  leverage: number;
  /** Maximum notional at this leverage. */
  maxNotionalValue: string;
}

/**
 * One row of `GET /fapi/v2/positionRisk`: all symbols, BOTH rows in one-way and LONG/SHORT rows
 * in hedge mode. `leverage`, `maxNotionalValue` and `isAutoAddMargin` are strings here.
 */
export interface PositionRiskV2 {
  /** Symbol. */
  symbol: string;
  /** Signed position amount. */
  positionAmt: string;
  /** Average entry price. */
  entryPrice: string;
  /** Break-even price. */
  breakEvenPrice: string;
  /** Mark price. */
  markPrice: string;
  /** Unrealized profit. */
  unRealizedProfit: string;
  /** Liquidation price ("0" when none). */
  liquidationPrice: string;
  /** Initial leverage, as a string. */
  leverage: string;
  /** Maximum notional at this leverage. */
  maxNotionalValue: string;
  /** Margin type, lower-case here. */
  marginType: PositionMarginType;
  /** Isolated margin. */
  isolatedMargin: string;
  /** Auto-add margin flag as the string "true"/"false". */
  isAutoAddMargin: string;
  /** Position side. */
  positionSide: PositionSide;
  /** Signed notional at mark price. */
  notional: string;
  /** Isolated wallet. */
  isolatedWallet: string;
  /** Last update time, ms. */
  updateTime: number;
}

/** One row of `GET /fapi/v3/positionRisk`: only symbols with a position or open orders. */
export interface PositionRiskV3 {
  /** Symbol. */
  symbol: string;
  /** Position side. */
  positionSide: PositionSide;
  /** Signed position amount. */
  positionAmt: string;
  /** Average entry price (ccxt drops rows where it is 0). */
  entryPrice: string;
  /** Break-even price. */
  breakEvenPrice: string;
  /** Mark price. */
  markPrice: string;
  /** Unrealized profit. */
  unRealizedProfit: string;
  /** Liquidation price. */
  liquidationPrice: string;
  /** Isolated margin. */
  isolatedMargin: string;
  /** Signed notional at mark price (ccxt derives the side from its sign). */
  notional: string;
  /** Margin asset. */
  marginAsset: string;
  /** Isolated wallet. */
  isolatedWallet: string;
  /** Initial margin required at mark price. */
  initialMargin: string;
  /** Maintenance margin required. */
  maintMargin: string;
  /** Initial margin of the position. */
  positionInitialMargin: string;
  /** Initial margin of open orders. */
  openOrderInitialMargin: string;
  /** ADL quantile 0–4. */
  adl: AdlQuantile;
  /** Bid notional. */
  bidNotional: string;
  /** Ask notional. */
  askNotional: string;
  /** Last update time, ms. */
  updateTime: number;
}

/** One tier of a leverage bracket (numbers, not strings). */
export interface LeverageBracketTier {
  /** Tier number, from 1. */
  bracket: number;
  /** Maximum leverage in this tier. */
  initialLeverage: number;
  /** Upper notional bound. */
  notionalCap: number;
  /** Lower notional bound. */
  notionalFloor: number;
  /** Maintenance margin ratio. */
  maintMarginRatio: number;
  /** Maintenance amount: MM = notional × maintMarginRatio − cum. */
  cum: number;
}

/** `GET /fapi/v1/leverageBracket` row (a single object when `symbol` is sent). */
export interface LeverageBracket {
  /** Symbol. */
  symbol: string;
  /** User bracket multiplier; only present when the user's brackets were scaled. */
  notionalCoef?: number;
  /** Tiers, ascending. */
  brackets: LeverageBracketTier[];
}

/** `GET /fapi/v1/commissionRate`. */
export interface CommissionRate {
  /** Symbol. */
  symbol: string;
  /** Maker rate, e.g. "0.0002" (0.02%). */
  makerCommissionRate: string;
  /** Taker rate. */
  takerCommissionRate: string;
  /** Rate for retail-price-improvement fills. */
  rpiCommissionRate: string;
}

/** One row of `GET /fapi/v1/income`. */
export interface Income {
  /** Symbol; "" for non-symbol income such as transfers. */
  symbol: string;
  /** Income type. */
  incomeType: IncomeType;
  /** Signed amount. */
  income: string;
  /** Asset. */
  asset: string;
  /** Extra information (e.g. "TRANSFER"). */
  info: string;
  /** Time, ms. */
  time: number;
  /** Transaction id (unique per user and income type). */
  tranId: Id;
  /** Trade id as a string; "" when not trade-related. */
  tradeId: string;
}

/** `GET /fapi/v1/positionSide/dual`. */
export interface PositionModeResponse {
  /** true = hedge mode, false = one-way mode. */
  dualSidePosition: boolean;
}

/** `GET /fapi/v1/multiAssetsMargin`. */
export interface MultiAssetsModeResponse {
  /** true = multi-assets mode. */
  multiAssetsMargin: boolean;
}

/** `POST /fapi/v1/leverage`. */
export interface LeverageResponse {
  /** New initial leverage. */
  leverage: number;
  /** Maximum notional at this leverage. */
  maxNotionalValue: string;
  /** Symbol. */
  symbol: string;
}

/** `POST /fapi/v1/positionMargin`: `{"amount":100.0,"code":200,"msg":"Successfully modify position margin.","type":1}`. */
export interface PositionMarginResponse extends CodeMsgAck {
  /** Amount moved (a JSON number here). */
  amount: number;
  /** 1 = added, 2 = reduced. */
  type: PositionMarginAction;
}

/** One row of `GET /fapi/v1/positionMargin/history`. */
export interface PositionMarginHistoryEntry {
  /** Symbol. */
  symbol: string;
  /** 1 = add, 2 = reduce. */
  type: PositionMarginAction;
  /** Origin of the change, e.g. "USER_ADJUST". */
  deltaType: string;
  /** Amount. */
  amount: string;
  /** Asset. */
  asset: string;
  /** Time, ms. */
  time: number;
  /** Position side. */
  positionSide: PositionSide;
}

/** One row of `GET /fapi/v1/adlQuantile`; `HEDGE` replaces `BOTH` for cross hedge-mode symbols. */
export interface AdlQuantileEntry {
  /** Symbol. */
  symbol: string;
  /** Quantile per position side (0 lowest … 4 highest ADL priority). */
  adlQuantile: {
    LONG?: AdlQuantile;
    SHORT?: AdlQuantile;
    BOTH?: AdlQuantile;
    /** Only a marker (value 0) for cross hedge-mode positions. */
    HEDGE?: AdlQuantile;
  };
}
