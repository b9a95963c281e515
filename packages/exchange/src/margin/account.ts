import { Decimal } from '@basis/core';
import type { Bracket } from './brackets.js';
import type { ContractKind } from './contract.js';
import { marginRequirement } from './orderMargin.js';
import {
  maintenanceMargin,
  type Position,
  positionInitialMargin,
  positionNotional,
  unrealizedPnl,
} from './position.js';

/** Margin mode of a position, as `positionRisk` `marginType` spells it. */
export type MarginType = 'cross' | 'isolated';

/** One position row of an account (BOTH in one-way mode; LONG or SHORT in hedge mode) with its context. */
export interface AccountPosition extends Position {
  readonly contract: ContractKind;
  readonly marginType: MarginType;
  readonly markPrice: Decimal;
  readonly leverage: number;
  readonly brackets: readonly Bracket[];
  /** The isolated wallet (`isolatedWallet`); ignored for cross positions. */
  readonly isolatedWallet: Decimal;
  /** Σ `orderValue` of resting BUY orders on this row (`bidNotional`). */
  readonly bidValue: Decimal;
  /** Σ `orderValue` of resting SELL orders on this row (`askNotional`). */
  readonly askValue: Decimal;
}

/** Per-position figures of `/fapi/v2|v3/account` and `positionRisk`. Money: 8 decimals. */
export interface PositionMargins {
  /** UPnL at mark (`unrealizedProfit` / `unRealizedProfit`). */
  readonly unrealizedProfit: Decimal;
  /** Signed notional at mark (`notional`). */
  readonly notional: Decimal;
  /** `notional / leverage` (`positionInitialMargin`). */
  readonly positionInitialMargin: Decimal;
  /** Requirement with resting orders minus the position's own (`openOrderInitialMargin`). */
  readonly openOrderInitialMargin: Decimal;
  /** `positionInitialMargin + openOrderInitialMargin` (`initialMargin`). */
  readonly initialMargin: Decimal;
  /** `maintMargin`. */
  readonly maintMargin: Decimal;
  /** `isolatedWallet` (0 for cross). */
  readonly isolatedWallet: Decimal;
  /** `isolatedWallet + unrealizedProfit` for isolated, 0 for cross (`isolatedMargin`). */
  readonly isolatedMargin: Decimal;
}

/**
 * The margin figures of one position row. Each value is computed from exact inputs and cut once to
 * 8 decimals toward zero; `openOrderInitialMargin = marginRequirement − positionInitialMargin` with
 * the one-side netting rule (§2.14.1); `initialMargin` and `isolatedMargin` are exact sums of those.
 */
export function positionMargins(p: AccountPosition): PositionMargins {
  const notional = positionNotional(p.contract, p.amount, p.markPrice);
  const unrealizedProfit = unrealizedPnl(p.contract, p, p.markPrice);
  const positionIm = positionInitialMargin(p.contract, p.amount, p.markPrice, p.leverage);
  const requirement = marginRequirement(
    [{ positionNotional: notional, bidValue: p.bidValue, askValue: p.askValue }],
    p.leverage,
  );
  const openOrderInitialMargin = requirement.sub(positionIm).max(Decimal.ZERO);
  const isolated = p.marginType === 'isolated';
  const isolatedWallet = isolated ? p.isolatedWallet : Decimal.ZERO;
  return {
    unrealizedProfit,
    notional,
    positionInitialMargin: positionIm,
    openOrderInitialMargin,
    initialMargin: positionIm.add(openOrderInitialMargin),
    maintMargin: maintenanceMargin(p.contract, p.amount, p.markPrice, p.brackets),
    isolatedWallet,
    isolatedMargin: isolated ? isolatedWallet.add(unrealizedProfit) : Decimal.ZERO,
  };
}

/** Inputs of {@link accountMargins}: one margin asset in single-asset mode. */
export interface AccountInput {
  /** `walletBalance` of the asset: transfers + realized PnL + funding − commissions (isolated wallets included). */
  readonly walletBalance: Decimal;
  /** Every position row margined in this asset, including flat rows that have resting orders. */
  readonly positions: readonly AccountPosition[];
}

/**
 * The asset-level figures of `/fapi/v2/account`, `/fapi/v3/account`, `/fapi/v2/balance` (§2.13), plus
 * the per-position figures in the order given. All money, 8 decimals; sums of per-position values are exact.
 */
export interface AccountMargins {
  readonly walletBalance: Decimal;
  /** Σ UPnL of all positions. */
  readonly unrealizedProfit: Decimal;
  /** `walletBalance + unrealizedProfit`. */
  readonly marginBalance: Decimal;
  /** Σ `positionInitialMargin`. */
  readonly positionInitialMargin: Decimal;
  /** Σ `openOrderInitialMargin`. */
  readonly openOrderInitialMargin: Decimal;
  /** `positionInitialMargin + openOrderInitialMargin` (Binance: "useless with isolated positions"). */
  readonly initialMargin: Decimal;
  /** Σ `maintMargin` of all positions. */
  readonly maintMargin: Decimal;
  /** `walletBalance − Σ isolatedWallet`. */
  readonly crossWalletBalance: Decimal;
  /** Σ UPnL of cross positions. */
  readonly crossUnPnl: Decimal;
  /** `max(0, crossWalletBalance + crossUnPnl − (Σ cross initialMargin + Σ isolated openOrderInitialMargin))`. */
  readonly availableBalance: Decimal;
  /** `max(0, min(term₁, term₂, term₃))`; see {@link accountMargins}. */
  readonly maxWithdrawAmount: Decimal;
  /** Per-position figures, in input order. */
  readonly positions: readonly PositionMargins[];
}

/**
 * Aggregates an account's margin figures (§2.13):
 * - `availableBalance` ("Available for Order") = `max(0, crossWallet + crossUnPnl − (Σ cross IM +
 *   Σ isolated open-order IM))`: isolated positions hold their own wallet, but their resting orders
 *   draw on the cross wallet.
 * - `maxWithdrawAmount` = `max(0, min(term₁, term₂, term₃))` from Binance FAQ 421499824684903916:
 *   term₁ = `walletBalance − Σ isolated open-order IM − Σ cross MM`, term₂ = the same with
 *   `crossWalletBalance`, term₃ = `crossWalletBalance + crossUnPnl − Σ cross IM − Σ isolated
 *   open-order IM` (borrowing/interest terms are 0 here). The FAQ's term₄ was cut off in every
 *   retrieved copy; it is not modelled (to verify against Demo Trading).
 * @example Worked example of §2.13: wallet 10,000, long 1 BTC @ 60,000, mark 61,000, 20×, bid 0.5 @ 59,000
 *   → availableBalance 6,475, openOrderInitialMargin 1,475, maintMargin 255, maxWithdrawAmount 6,475.
 */
export function accountMargins(input: AccountInput): AccountMargins {
  const positions = input.positions.map(positionMargins);
  let unrealizedProfit = Decimal.ZERO;
  let positionIm = Decimal.ZERO;
  let openOrderIm = Decimal.ZERO;
  let maintMargin = Decimal.ZERO;
  let isolatedWallets = Decimal.ZERO;
  let crossUnPnl = Decimal.ZERO;
  let crossIm = Decimal.ZERO;
  let crossMm = Decimal.ZERO;
  let isolatedOpenOrderIm = Decimal.ZERO;
  input.positions.forEach((p, i) => {
    const m = positions[i]!;
    unrealizedProfit = unrealizedProfit.add(m.unrealizedProfit);
    positionIm = positionIm.add(m.positionInitialMargin);
    openOrderIm = openOrderIm.add(m.openOrderInitialMargin);
    maintMargin = maintMargin.add(m.maintMargin);
    if (p.marginType === 'isolated') {
      isolatedWallets = isolatedWallets.add(m.isolatedWallet);
      isolatedOpenOrderIm = isolatedOpenOrderIm.add(m.openOrderInitialMargin);
    } else {
      crossUnPnl = crossUnPnl.add(m.unrealizedProfit);
      crossIm = crossIm.add(m.initialMargin);
      crossMm = crossMm.add(m.maintMargin);
    }
  });
  const walletBalance = input.walletBalance;
  const crossWalletBalance = walletBalance.sub(isolatedWallets);
  const term3 = crossWalletBalance.add(crossUnPnl).sub(crossIm).sub(isolatedOpenOrderIm);
  const term1 = walletBalance.sub(isolatedOpenOrderIm).sub(crossMm);
  const term2 = crossWalletBalance.sub(isolatedOpenOrderIm).sub(crossMm);
  return {
    walletBalance,
    unrealizedProfit,
    marginBalance: walletBalance.add(unrealizedProfit),
    positionInitialMargin: positionIm,
    openOrderInitialMargin: openOrderIm,
    initialMargin: positionIm.add(openOrderIm),
    maintMargin,
    crossWalletBalance,
    crossUnPnl,
    availableBalance: term3.max(Decimal.ZERO),
    maxWithdrawAmount: term1.min(term2).min(term3).max(Decimal.ZERO),
    positions,
  };
}
