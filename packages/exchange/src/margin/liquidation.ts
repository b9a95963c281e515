import { Decimal } from '@basis/core';
import type { Bracket } from './brackets.js';
import { type ContractKind, exactNotional, priceOfUnitValue, unitValue, unitValueSign } from './contract.js';
import {
  exactUnrealizedPnl,
  maintenanceMargin,
  type Position,
  positionInitialMargin,
  unrealizedPnl,
} from './position.js';
import { API_PRICE, type PriceRounding, toPrice, toRate } from './precision.js';
import { Rational } from './rational.js';

/** Inputs of {@link liquidationPrice}: the positions of one symbol that share one margin balance. */
export interface LiquidationInput {
  readonly contract: ContractKind;
  readonly brackets: readonly Bracket[];
  /**
   * The positions of the symbol behind this margin: `[BOTH]` in one-way mode, `[LONG, SHORT]` in hedge
   * mode under cross margin (they share one liquidation price), or the single isolated position.
   */
  readonly positions: readonly Position[];
  /** `WB`: `crossWalletBalance` (cross) or the position's `isolatedWallet` (isolated). */
  readonly walletBalance: Decimal;
  /** `TMM₁`: Σ maintenance margin of all other cross positions (other symbols); 0 for isolated. */
  readonly otherMaintMargin?: Decimal;
  /** `UPNL₁`: Σ unrealized PnL of all other cross positions (other symbols); 0 for isolated. */
  readonly otherUnrealizedPnl?: Decimal;
  /**
   * The current mark price. Only needed when several prices solve the equation (a nearly balanced hedge
   * can be liquidated both below and above the mark): the one nearest to the mark is returned.
   */
  readonly markPrice?: Decimal;
  /** Default {@link API_PRICE} (8 decimals, half-up); `{ step: 0.01, mode: 'half-up' }` gives the UI's cents. */
  readonly rounding?: PriceRounding;
}

interface Leg {
  readonly amount: Decimal;
  /** `u(EP)`. */
  readonly entryUnit: Rational;
  readonly mmr: Decimal;
  readonly cum: Decimal;
}

/**
 * Solves `C + Σ amount_i × (u(P) − u(EP_i)) = Σ (|amount_i| × |u(P)| × MMR_i − cum_i)` for P, i.e.
 * `u(P) = (C + Σ cum_i − Σ amount_i × u(EP_i)) / Σ (|amount_i| × s × MMR_i − amount_i)` with `s` the
 * {@link unitValueSign}. For linear legs this is Binance's closed form (FAQ b3c689c1…), for inverse legs
 * its COIN-M counterpart; with MMR = cum = 0 it is the bankruptcy price.
 */
function solve(contract: ContractKind, constant: Rational, legs: readonly Leg[]): Rational | undefined {
  const s = unitValueSign(contract);
  let numerator = constant;
  let denominator = Rational.ZERO;
  for (const leg of legs) {
    numerator = numerator.add(leg.cum).sub(leg.entryUnit.mul(leg.amount));
    denominator = denominator.add(Rational.of(leg.amount).abs().mul(leg.mmr).mul(s).sub(leg.amount));
  }
  if (denominator.isZero()) return undefined;
  return priceOfUnitValue(contract, numerator.div(denominator));
}

// Whether `notional` falls in tier `i` in the sense of bracketIndexForNotional.
function inTier(brackets: readonly Bracket[], i: number, notional: Rational): boolean {
  const next = brackets[i + 1];
  return (
    (i === 0 || notional.gte(brackets[i]!.notionalFloor)) &&
    (next === undefined || notional.lt(next.notionalFloor))
  );
}

/**
 * The exact liquidation price, or `undefined` when there is none; see {@link liquidationPrice}.
 */
export function exactLiquidationPrice(input: LiquidationInput): Rational | undefined {
  const { contract, brackets } = input;
  const held = input.positions
    .filter((p) => !p.amount.isZero())
    .map((p) => ({ amount: p.amount, entryUnit: unitValue(contract, p.entryPrice) }));
  if (held.length === 0 || brackets.length === 0) return undefined;
  const constant = Rational.of(input.walletBalance)
    .sub(input.otherMaintMargin ?? Decimal.ZERO)
    .add(input.otherUnrealizedPnl ?? Decimal.ZERO);
  // One position: balance − MM is strictly monotonic in the price, so the first consistent root is the root.
  const unique = held.length === 1;
  const mark = input.markPrice;
  let best: Rational | undefined;
  // Every combination of one bracket per position (one-way: up to ~12; hedge: ~144); keep the prices
  // at which each position's notional really falls in the bracket assumed for it.
  const choice = held.map(() => 0);
  for (;;) {
    const legs = held.map((p, i) => {
      const b = brackets[choice[i]!]!;
      return { ...p, mmr: b.maintMarginRatio, cum: b.cum };
    });
    const price = solve(contract, constant, legs);
    if (
      price !== undefined &&
      held.every((p, i) => inTier(brackets, choice[i]!, exactNotional(contract, p.amount, price)))
    ) {
      if (unique || mark === undefined) return price;
      if (best === undefined || price.sub(mark).abs().lt(best.sub(mark).abs())) best = price;
    }
    let k = 0;
    while (k < choice.length && choice[k] === brackets.length - 1) choice[k++] = 0;
    if (k === choice.length) break;
    choice[k]! += 1;
  }
  return best;
}

/**
 * The liquidation price (§2.7): the mark price at which the margin balance equals the maintenance
 * margin. USD-M, Binance's closed form:
 * `LP = (WB − TMM₁ + UPNL₁ + cumB + cumL + cumS − sideB×|QB|×EPB − |QL|×EPL + |QS|×EPS)
 *       / (|QB|×MMRB + |QL|×MMRL + |QS|×MMRS − sideB×|QB| − |QL| + |QS|)`;
 * COIN-M, the same equation in coin (one position: `LP = S×(MMR + side) / (WB + cum + side×S/EP)`,
 * `S = |Q|×CS`). Each position's MMR and cum are those of the bracket its notional has *at LP*: every
 * bracket is tried and the self-consistent solution kept (Binance: "re-solve with that bracket").
 * `undefined` when there is none (LP ≤ 0; the UI shows "--", `positionRisk` prints 0).
 * Rounded with `input.rounding` (default 8 decimals, half-up, as `positionRisk` prints it).
 * @example Example A: isolated long 1 BTC @ 60,000, 20× (WB 3,000), BTCUSDT brackets → 57,236.18 (cents)
 */
export function liquidationPrice(input: LiquidationInput): Decimal | undefined {
  const price = exactLiquidationPrice(input);
  return price === undefined ? undefined : toPrice(price, input.rounding ?? API_PRICE);
}

/** Inputs of {@link bankruptcyPrice}. */
export interface BankruptcyInput {
  readonly contract: ContractKind;
  /** As for {@link LiquidationInput.positions}. */
  readonly positions: readonly Position[];
  /** `crossWalletBalance` (cross) or the position's `isolatedWallet` (isolated). */
  readonly walletBalance: Decimal;
  /** Σ UPnL of all other cross positions; 0 for isolated. */
  readonly otherUnrealizedPnl?: Decimal;
  /** Default {@link API_PRICE}. A liquidation order needs the symbol's tick: pass `{ step: tickSize, mode }`. */
  readonly rounding?: PriceRounding;
}

/** The exact bankruptcy price, or `undefined`; see {@link bankruptcyPrice}. */
export function exactBankruptcyPrice(input: BankruptcyInput): Rational | undefined {
  const held = input.positions.filter((p) => !p.amount.isZero());
  if (held.length === 0) return undefined;
  const constant = Rational.of(input.walletBalance).add(input.otherUnrealizedPnl ?? Decimal.ZERO);
  const legs = held.map((p) => ({
    amount: p.amount,
    entryUnit: unitValue(input.contract, p.entryPrice),
    mmr: Decimal.ZERO,
    cum: Decimal.ZERO,
  }));
  return solve(input.contract, constant, legs);
}

/**
 * The bankruptcy price: the mark price at which the margin balance is zero, `WB + UPNL₁ +
 * Σ UPnL(P) = 0`, the liquidation formula with no maintenance margin. Liquidation orders are sent at
 * this price (§2.10). Example A's long: 57,000; example B's short: 63,000. `undefined` when no positive
 * price bankrupts the positions. Rounded with `input.rounding` (default 8 decimals, half-up).
 */
export function bankruptcyPrice(input: BankruptcyInput): Decimal | undefined {
  const price = exactBankruptcyPrice(input);
  return price === undefined ? undefined : toPrice(price, input.rounding ?? API_PRICE);
}

/** Inputs of {@link isLiquidatable}. */
export interface LiquidationCheck {
  /** Cross: `crossWalletBalance`. Isolated: the position's `isolatedWallet`. */
  readonly walletBalance: Decimal;
  /** Cross: Σ UPnL of cross positions (`crossUnPnl`). Isolated: the position's UPnL. */
  readonly unrealizedPnl: Decimal;
  /** Cross: Σ MM of cross positions. Isolated: the position's MM. */
  readonly maintMargin: Decimal;
}

/**
 * Whether the margin is liquidated (§2.6): `wallet + UPnL ≤ MM` at mark price, with something to
 * maintain (`MM > 0`). One rule for both modes: cross compares the cross wallet and Σ cross UPnL with
 * Σ cross MM (isolated wallets and positions excluded); isolated compares the isolated wallet and the
 * position's UPnL with its own MM.
 */
export function isLiquidatable(check: LiquidationCheck): boolean {
  return (
    check.maintMargin.isPositive() && check.walletBalance.add(check.unrealizedPnl).lte(check.maintMargin)
  );
}

/** Inputs of {@link maxRemovableIsolatedMargin}. */
export interface IsolatedMarginInput {
  readonly contract: ContractKind;
  readonly position: Position;
  readonly markPrice: Decimal;
  readonly leverage: number;
  readonly brackets: readonly Bracket[];
  readonly isolatedWallet: Decimal;
}

/**
 * How much margin `POST /fapi/v1/positionMargin` (type 2) may remove from an isolated position (§2.3,
 * FAQ 360038447311): `max(0, min(isoWallet − MM, isoWallet + UPnL − notional at mark / L))`, USD-M
 * `UPnL = Q×(MP − EP)`, COIN-M `Q×CS×(1/EP − 1/MP)`. Built from the 8-decimal MM, UPnL and IM the
 * account reports, so it is exact in those terms.
 */
export function maxRemovableIsolatedMargin(input: IsolatedMarginInput): Decimal {
  const { contract, position, markPrice } = input;
  const wallet = input.isolatedWallet;
  const mm = maintenanceMargin(contract, position.amount, markPrice, input.brackets);
  const im = positionInitialMargin(contract, position.amount, markPrice, input.leverage);
  const upnl = unrealizedPnl(contract, position, markPrice);
  return wallet.sub(mm).min(wallet.add(upnl).sub(im)).max(Decimal.ZERO);
}

/** Inputs of {@link adlScore}. */
export interface AdlInput {
  readonly contract: ContractKind;
  readonly position: Position;
  readonly markPrice: Decimal;
  /** The position's {@link bankruptcyPrice}; `undefined` (none) counts as a unit value of 0 (price 0 linear, ∞ inverse). */
  readonly bankruptcyPrice: Decimal | undefined;
}

/**
 * The ADL ranking score (§2.10; FAQ 360033525471, "LeveragePnL": unrealized PnL relative to the
 * collateral, scaled by leverage). The FAQ's closing formula, as exchanges that copied it publish it:
 * `PnL% × effective leverage` when `PnL% ≥ 0`, `PnL% / effective leverage` otherwise, with
 * `PnL% = UPnL / |entry notional|` and `effective leverage = |mark value| / (mark value − bankrupt value)`,
 * i.e. notional at mark over the margin left above bankruptcy. Higher scores are deleveraged first.
 * The page's formula image itself was not retrievable: verify against Demo Trading's `adlQuantile`.
 * `undefined` when flat or at/past bankruptcy. Rate: 8 decimals, half-up.
 */
export function adlScore(input: AdlInput): Decimal | undefined {
  const { contract, position, markPrice } = input;
  if (position.amount.isZero()) return undefined;
  const pnl = exactUnrealizedPnl(contract, position, markPrice);
  const pnlPercent = pnl.div(exactNotional(contract, position.amount, position.entryPrice));
  const bankruptUnit =
    input.bankruptcyPrice === undefined ? Rational.ZERO : unitValue(contract, input.bankruptcyPrice);
  const cushion = unitValue(contract, markPrice).sub(bankruptUnit).mul(position.amount);
  if (cushion.sign() <= 0) return undefined;
  const leverage = exactNotional(contract, position.amount, markPrice).div(cushion);
  return toRate(pnlPercent.sign() >= 0 ? pnlPercent.mul(leverage) : pnlPercent.div(leverage));
}

/**
 * ADL quantiles 0–4 (`adlQuantile`, `positionRisk` `adl`; 4 lights = first in the queue) for the
 * scores of all positions on one side of a symbol: ranked highest first, the top fifth gets 4, the
 * next fifth 3, and so on. `undefined` scores get 0. Ties share the better rank.
 */
export function adlQuantiles(scores: readonly (Decimal | undefined)[]): number[] {
  const ranked = scores
    .map((score, index) => ({ score, index }))
    .filter((e): e is { score: Decimal; index: number } => e.score !== undefined)
    .sort((a, b) => b.score.cmp(a.score));
  const quantiles = scores.map(() => 0);
  let rank = 0;
  ranked.forEach((e, i) => {
    if (i > 0 && !e.score.eq(ranked[i - 1]!.score)) rank = i;
    quantiles[e.index] = 4 - Math.floor((5 * rank) / ranked.length);
  });
  return quantiles;
}
