import type { Decimal, RoundingMode } from '@basis/core';
import { type ContractKind, exactNotional } from './contract.js';
import { MONEY_SCALE } from './precision.js';
import { Rational } from './rational.js';

/** A user's commission rates for a symbol (`GET /fapi/v1/commissionRate`). */
export interface CommissionRates {
  /** `makerCommissionRate`, e.g. 0.0002 (may be negative for a rebate). */
  readonly maker: Decimal;
  /** `takerCommissionRate`, e.g. 0.0005. */
  readonly taker: Decimal;
}

/**
 * How a fee is cut to 8 decimals: toward +∞, so the exchange never undercharges (and a maker rebate,
 * a negative fee, is never overpaid). No public Binance sample settles it: with default rates most
 * fills are exact in 8 decimals already (BTCUSDT: tick 0.10 × step 0.001 × 0.0005 has 8 digits);
 * rounding only shows with finer ticks or BNB-discounted rates (0.00045). Verify against Demo Trading.
 */
export const FEE_ROUNDING: RoundingMode = 'ceil';

/** The rate that applies to a fill: maker if it came from a resting order, taker otherwise (§2.11). */
export function commissionRate(rates: CommissionRates, isMaker: boolean): Decimal {
  return isMaker ? rates.maker : rates.taker;
}

/**
 * The commission of a fill (§2.11): `fill notional × rate`, with fill notional `qty × price` (USD-M, in the
 * margin asset) or `qty × CS / price` (COIN-M, in coin). Positive is charged. Money: 8 decimals,
 * {@link FEE_ROUNDING} (toward +∞).
 * @example commission(LINEAR, d('1'), d('60000'), d('0.0005')) // 30 (taker); 0.0002 → 12 (maker)
 */
export function commission(contract: ContractKind, qty: Decimal, price: Decimal, rate: Decimal): Decimal {
  return exactNotional(contract, qty, price).mul(rate).round(MONEY_SCALE, FEE_ROUNDING);
}

/**
 * The clearance fee of a liquidation fill (§2.10): `liquidationFee × filled notional`, never more than
 * the margin left (`remainingMargin`, floored at 0); the rest of the margin goes to the insurance fund.
 * The notional is the fill's (qty at fill price); Binance does not say whether it is valued at the
 * bankruptcy price or the fill price (§2.16 item 5). Money: 8 decimals, {@link FEE_ROUNDING}.
 */
export function liquidationClearanceFee(
  contract: ContractKind,
  qty: Decimal,
  price: Decimal,
  liquidationFeeRate: Decimal,
  remainingMargin: Decimal,
): Decimal {
  const fee = exactNotional(contract, qty, price).mul(liquidationFeeRate);
  return fee.min(Rational.of(remainingMargin).max(Rational.ZERO)).round(MONEY_SCALE, FEE_ROUNDING);
}
