import { Decimal } from '@basis/core';
import { type Bracket, bracketIndexForNotional } from './brackets.js';
import { type ContractKind, exactNotional, priceOfUnitValue, unitValue, unitValueSign } from './contract.js';
import { API_PRICE, type PriceRounding, toMoney, toPrice } from './precision.js';
import { Rational } from './rational.js';

/**
 * A position on one side of one symbol: the signed size (base quantity for USD-M, contracts for COIN-M;
 * negative is short; hedge-mode LONG rows are ≥ 0 and SHORT rows ≤ 0) and its entry price (0 when flat).
 */
export interface Position {
  readonly amount: Decimal;
  readonly entryPrice: Decimal;
}

/** A flat position: amount 0, entry price 0 (what Binance prints for a symbol without a position). */
export const FLAT: Position = Object.freeze({ amount: Decimal.ZERO, entryPrice: Decimal.ZERO });

/** The exact unrealized PnL of `position` valued at `price`: `Q × (u(price) − u(EP))`. */
export function exactUnrealizedPnl(contract: ContractKind, position: Position, price: Decimal): Rational {
  if (position.amount.isZero()) return Rational.ZERO;
  return unitValue(contract, price).sub(unitValue(contract, position.entryPrice)).mul(position.amount);
}

/**
 * Unrealized PnL at the mark price (§2.5): `side × |Q| × (MP − EP)` for linear, in the quote asset;
 * `side × |Q| × CS × (1/EP − 1/MP)` for inverse, in coin. Money: 8 decimals, cut toward zero.
 * @example unrealizedPnl(inverse(d('100')), { amount: d('100'), entryPrice: d('50000') }, d('55000')) // 0.01818181
 */
export function unrealizedPnl(contract: ContractKind, position: Position, markPrice: Decimal): Decimal {
  return toMoney(exactUnrealizedPnl(contract, position, markPrice));
}

/**
 * The realized PnL of closing `closedQty` (unsigned, at most `|amount|`) of `position` at `fillPrice`:
 * `side × closedQty × (fill − EP)` for linear, `side × closedQty × CS × (1/EP − 1/fill)` for inverse.
 * This is the `rp` / `realizedPnl` of the fill; it excludes the commission, which is reported apart.
 * Money: 8 decimals, cut toward zero.
 */
export function realizedPnl(
  contract: ContractKind,
  position: Position,
  closedQty: Decimal,
  fillPrice: Decimal,
): Decimal {
  const side = position.amount.sign();
  if (side === 0) return toMoney(Rational.ZERO);
  const perUnit = unitValue(contract, fillPrice).sub(unitValue(contract, position.entryPrice));
  return toMoney(perUnit.mul(closedQty.abs()).mul(side));
}

/**
 * The entry price after adding `addQty` (unsigned) at `fillPrice` to a position on the same side:
 * linear `(|Q|×EP + q×P) / (|Q|+q)` (quantity-weighted), inverse `(|Q|+q) / (|Q|/EP + q/P)` (harmonic).
 * Both are the mean of {@link unitValue} weighted by size. A flat position takes `fillPrice` as is.
 * Rounded once with `rounding` (default 8 decimals, half-up), so an average that fits in 8 decimals is exact.
 */
export function entryPriceAfterAdd(
  contract: ContractKind,
  position: Position,
  addQty: Decimal,
  fillPrice: Decimal,
  rounding: PriceRounding = API_PRICE,
): Decimal {
  const held = position.amount.abs();
  if (held.isZero()) return fillPrice;
  const q = addQty.abs();
  const mean = unitValue(contract, position.entryPrice)
    .mul(held)
    .add(unitValue(contract, fillPrice).mul(q))
    .div(held.add(q));
  // A size-weighted mean of unit values of positive prices is the unit value of a positive price.
  return toPrice(priceOfUnitValue(contract, mean)!, rounding);
}

/**
 * The break-even price: where closing the whole position would return exactly the commission paid to
 * open it plus the fee to close it. Solves `side×|Q|×(u(B) − u(EP)) = openingCommission +
 * closeFeeRate × |Q|×|u(B)|`:
 * linear `B = (|Q|×EP + side×C) / (|Q|×(1 − side×r))`, inverse `B = S×EP×(1 + side×r) / (S − side×C×EP)` with `S = |Q|×CS`.
 *
 * Binance's `breakEvenPrice` (`positionRisk`, `bep` in ACCOUNT_UPDATE) matches `closeFeeRate = 0`: a
 * BTCUSDT long of 0.003 @ 37140.0 opened with a 0.02% maker fee (0.022284 USDT) reported 37147.428 =
 * 37140 + 0.022284/0.003, and a position whose fee was paid in BNB reports its entry price. Funding is
 * not included (Binance FAQ 8a2bc34f…). `openingCommission` is the commission in the margin asset
 * attributed to the open size (the venue decides how a partial close reduces it).
 * `undefined` when flat or when no positive price breaks even. Rounded with `rounding` (default 8 decimals, half-up).
 */
export function breakEvenPrice(
  contract: ContractKind,
  position: Position,
  openingCommission: Decimal,
  closeFeeRate: Decimal = Decimal.ZERO,
  rounding: PriceRounding = API_PRICE,
): Decimal | undefined {
  const side = position.amount.sign();
  if (side === 0) return undefined;
  const q = position.amount.abs();
  const denominator = Rational.of(closeFeeRate).mul(-unitValueSign(contract)).add(side).mul(q);
  if (denominator.isZero()) return undefined;
  const u = unitValue(contract, position.entryPrice)
    .mul(position.amount)
    .add(openingCommission)
    .div(denominator);
  const price = priceOfUnitValue(contract, u);
  return price === undefined ? undefined : toPrice(price, rounding);
}

/**
 * The signed notional of a position at `markPrice`: `amount × |u(MP)|` (negative for shorts), as
 * `positionRisk` `notional`. Money: 8 decimals, cut toward zero.
 */
export function positionNotional(contract: ContractKind, amount: Decimal, markPrice: Decimal): Decimal {
  return toMoney(exactNotional(contract, amount, markPrice).mul(amount.sign()));
}

/**
 * Position initial margin (§2.3): `notional at mark / leverage`, i.e. `|Q|×MP/L` (linear) or
 * `|Q|×CS/MP/L` (inverse); Binance's `positionInitialMargin` ("based on latest mark price").
 * Money: 8 decimals, cut toward zero.
 */
export function positionInitialMargin(
  contract: ContractKind,
  amount: Decimal,
  markPrice: Decimal,
  leverage: number,
): Decimal {
  return toMoney(exactNotional(contract, amount, markPrice).div(leverage));
}

/** The exact maintenance margin `max(0, notional × MMR − cum)` at `price`, tier chosen by that notional. */
export function exactMaintenanceMargin(
  contract: ContractKind,
  amount: Decimal,
  price: Decimal,
  brackets: readonly Bracket[],
): Rational {
  const n = exactNotional(contract, amount, price);
  if (n.isZero()) return Rational.ZERO;
  const b = brackets[bracketIndexForNotional(brackets, n)]!;
  return n.mul(b.maintMarginRatio).sub(b.cum).max(Rational.ZERO);
}

/**
 * Maintenance margin (§2.4): `notional × MMR − cum` of the bracket chosen by the notional at mark price,
 * never negative; in coin for inverse (`|Q|×CS/MP × MMR − cum`). `brackets` must not be empty.
 * Money: 8 decimals, cut toward zero (from the exact value).
 */
export function maintenanceMargin(
  contract: ContractKind,
  amount: Decimal,
  markPrice: Decimal,
  brackets: readonly Bracket[],
): Decimal {
  return toMoney(exactMaintenanceMargin(contract, amount, markPrice, brackets));
}

/** What {@link applyFill} returns. */
export interface FillResult {
  /** The position after the fill (entry price 0 when flat). */
  readonly position: Position;
  /** The size closed by the fill (unsigned). */
  readonly closedQty: Decimal;
  /** The size opened or added by the fill (unsigned). */
  readonly openedQty: Decimal;
  /** Realized PnL of the closed part (see {@link realizedPnl}); zero when nothing closed. */
  readonly realizedPnl: Decimal;
}

/**
 * Applies a fill of signed size `fillQty` (+ buy, − sell) at `fillPrice`:
 * - same side (or flat): adds, with {@link entryPriceAfterAdd};
 * - opposite side, smaller: reduces, entry unchanged, realizes PnL on the closed size;
 * - opposite side, equal: closes (entry 0);
 * - opposite side, larger: a flip closes the whole position, then opens the rest at `fillPrice`.
 * `rounding` applies to the averaged entry price (default 8 decimals, half-up).
 */
export function applyFill(
  contract: ContractKind,
  position: Position,
  fillQty: Decimal,
  fillPrice: Decimal,
  rounding: PriceRounding = API_PRICE,
): FillResult {
  const nothing = toMoney(Rational.ZERO);
  if (fillQty.isZero())
    return { position, closedQty: Decimal.ZERO, openedQty: Decimal.ZERO, realizedPnl: nothing };
  const amount = position.amount.add(fillQty);
  if (position.amount.isZero() || position.amount.sign() === fillQty.sign()) {
    return {
      position: { amount, entryPrice: entryPriceAfterAdd(contract, position, fillQty, fillPrice, rounding) },
      closedQty: Decimal.ZERO,
      openedQty: fillQty.abs(),
      realizedPnl: nothing,
    };
  }
  const held = position.amount.abs();
  const closedQty = fillQty.abs().min(held);
  const openedQty = fillQty.abs().sub(closedQty);
  const entryPrice = amount.isZero() ? Decimal.ZERO : openedQty.isZero() ? position.entryPrice : fillPrice;
  return {
    position: { amount, entryPrice },
    closedQty,
    openedQty,
    realizedPnl: realizedPnl(contract, position, closedQty, fillPrice),
  };
}
