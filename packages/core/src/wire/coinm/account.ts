/**
 * COIN-M account responses (§13.3): coin-denominated balances, positions with `maxQty` and
 * `notionalValue`, brackets in base quantity.
 */
import type { AccountAssetV3, CommissionRate, PositionRiskV2 } from '../account.js';
import type { PositionSide } from '../enums.js';

/** `GET /dapi/v1/account` `assets[]` (coin balances). */
export type CoinmAccountAsset = AccountAssetV3;

/** `GET /dapi/v1/account` `positions[]`: BOTH, LONG and SHORT rows in hedge mode. */
export interface CoinmAccountPosition {
  /** Symbol. */
  symbol: string;
  /** Signed position amount in contracts. */
  positionAmt: string;
  /** Initial margin. */
  initialMargin: string;
  /** Maintenance margin. */
  maintMargin: string;
  /** Unrealized profit (coin). */
  unrealizedProfit: string;
  /** Initial margin of the position. */
  positionInitialMargin: string;
  /** Initial margin of open orders. */
  openOrderInitialMargin: string;
  /** Leverage, as a string. */
  leverage: string;
  /** Whether isolated. */
  isolated: boolean;
  /** Position side. */
  positionSide: PositionSide;
  /** Entry price. */
  entryPrice: string;
  /** Break-even price. */
  breakEvenPrice: string;
  /** Largest position at this leverage, in coin (the bracket `qtyCap`); replaces `maxNotional`. */
  maxQty: string;
  /** Notional value (coin); replaces `notional`; absent on some rows of the docs example. */
  notionalValue?: string;
  /** Last update time, ms. */
  updateTime: number;
}

/** `GET /dapi/v1/account` (v1 only). */
export interface CoinmAccount {
  /** Per-coin balances. */
  assets: CoinmAccountAsset[];
  /** Position rows. */
  positions: CoinmAccountPosition[];
  /** Whether transfer in is enabled. */
  canDeposit: boolean;
  /** Whether trading is enabled. */
  canTrade: boolean;
  /** Whether transfer out is enabled. */
  canWithdraw: boolean;
  /** Fee tier. */
  feeTier: number;
  /** Reserved; 0. */
  updateTime: number;
}

/** One row of `GET /dapi/v1/balance`. */
export interface CoinmBalance {
  /** Unique account code. */
  accountAlias: string;
  /** Asset (coin). */
  asset: string;
  /** Wallet balance. */
  balance: string;
  /** Amount available for withdrawal. */
  withdrawAvailable: string;
  /** Cross wallet balance. */
  crossWalletBalance: string;
  /** Unrealized profit of cross positions. */
  crossUnPnl: string;
  /** Available balance. */
  availableBalance: string;
  /** Last update time, ms. */
  updateTime: number;
}

/**
 * One row of `GET /dapi/v1/positionRisk`: `maxQty` instead of `maxNotionalValue`, `notionalValue`
 * instead of `notional`. The docs example omits `notionalValue` and `isolatedWallet`; live answers
 * (as ccxt records them, and reads them) carry both.
 */
export type CoinmPositionRisk = Omit<PositionRiskV2, 'maxNotionalValue' | 'notional' | 'isolatedWallet'> & {
  /** Largest position at this leverage, in coin (the bracket `qtyCap`). */
  maxQty: string;
  /** Signed notional value at the mark price, in coin. */
  notionalValue?: string;
  /** Wallet of an isolated position, in coin ("0" for cross). */
  isolatedWallet?: string;
};

/** One tier of a v1 (per-pair) COIN-M bracket, in base-asset quantity. */
export interface CoinmQtyBracketTier {
  /** Tier number. */
  bracket: number;
  /** Maximum leverage. */
  initialLeverage: number;
  /** Upper base-asset quantity bound. */
  qtyCap: number;
  /** Lower base-asset quantity bound (Binance's spelling, sic). */
  qtylFloor: number;
  /** Maintenance margin ratio. */
  maintMarginRatio: number;
  /** Auxiliary number for quick calculation. */
  cum: number;
}

/** `GET /dapi/v1/leverageBracket` row (per pair; not recommended, use v2). */
export interface CoinmLeverageBracketV1 {
  /** Pair. */
  pair: string;
  /** Tiers. */
  brackets: CoinmQtyBracketTier[];
}

/** `GET /dapi/v2/leverageBracket` row (per symbol). */
export interface CoinmLeverageBracketV2 {
  /** Symbol. */
  symbol: string;
  /** User bracket multiplier; only when the user's brackets were adjusted. */
  notionalCoef?: number;
  /** Tiers. */
  brackets: CoinmQtyBracketTierV2[];
}

/** One tier of a v2 (per-symbol) COIN-M bracket: as v1, but `qtyFloor` spelt right. */
export type CoinmQtyBracketTierV2 = Omit<CoinmQtyBracketTier, 'qtylFloor'> & {
  /** Lower base-asset quantity bound. */
  qtyFloor: number;
};

/** `POST /dapi/v1/leverage`. */
export interface CoinmLeverageResponse {
  /** New leverage (shared by LONG and SHORT in hedge mode). */
  leverage: number;
  /** Largest position at this leverage, in coin (the bracket `qtyCap`). */
  maxQty: string;
  /** Symbol. */
  symbol: string;
}

/** `GET /dapi/v1/commissionRate` (no RPI rate documented). */
export type CoinmCommissionRate = Omit<CommissionRate, 'rpiCommissionRate'>;
