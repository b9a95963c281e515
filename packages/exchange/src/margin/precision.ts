import type { RoundingMode } from '@basis/core';
import { Decimal } from '@basis/core';
import { Rational, type RationalInput } from './rational.js';

/**
 * Fraction digits of every money amount (wallet, margin, PnL, notional, fees, funding): Binance prints 8.
 */
export const MONEY_SCALE = 8;

/**
 * How computed money amounts are cut to {@link MONEY_SCALE}: toward zero. Binance's own responses show
 * truncation: a BTCUSDT long of 0.003 @ 37140.0 at mark 37113.25148824 has the exact UPnL
 * −0.08024553528 and notional 111.33975446472, and `positionRisk` printed `-0.08024553` and
 * `111.33975446`; a COIN-M fill of 1 contract (100 USD) at 11661.2 printed `cumBase` 0.00857544
 * (exact 0.0085754467…). Commissions are the exception (see `fees.ts`).
 */
export const MONEY_ROUNDING: RoundingMode = 'down';

/** How a computed rate (premium index, funding rate, ADL score) is rounded: 8 decimals, half-up. */
export const RATE_SCALE = 8;

/** Rounding mode for {@link RATE_SCALE}. */
export const RATE_ROUNDING: RoundingMode = 'half-up';

/**
 * How a computed price (entry, break-even, liquidation, bankruptcy, impact, mark) is rounded: to a
 * multiple of `step` with `mode`.
 */
export interface PriceRounding {
  /** The grid: `0.00000001` for the API's 8 decimals, `0.01` for the UI's cents, or the symbol's tick size. */
  readonly step: Decimal;
  readonly mode: RoundingMode;
}

/**
 * The default for computed prices: 8 decimals, half-up. Binance's `positionRisk` printed
 * `liquidationPrice` 36549.03942102 for a position whose exact liquidation price is 36549.0394210174…,
 * so it rounds to nearest (truncation would print …101); the FAQ's short example B (exact 62736.3184…)
 * is displayed as 62,736.32, also nearest.
 */
export const API_PRICE: PriceRounding = { step: Decimal.parse('0.00000001'), mode: 'half-up' };

/** A money amount: the exact value cut to {@link MONEY_SCALE} decimals with {@link MONEY_ROUNDING}. */
export function toMoney(value: RationalInput): Decimal {
  return Rational.of(value).round(MONEY_SCALE, MONEY_ROUNDING);
}

/** A rate: the exact value rounded to {@link RATE_SCALE} decimals with {@link RATE_ROUNDING}. */
export function toRate(value: RationalInput): Decimal {
  return Rational.of(value).round(RATE_SCALE, RATE_ROUNDING);
}

/** A price: the exact value rounded with `rounding` (default {@link API_PRICE}). */
export function toPrice(value: RationalInput, rounding: PriceRounding = API_PRICE): Decimal {
  return Rational.of(value).roundToStep(rounding.step, rounding.mode);
}
