import type { Decimal } from '@basis/core';
import { toMoney } from './precision.js';
import { Rational, type RationalInput } from './rational.js';

/**
 * The two kinds of Binance futures contract.
 * - `linear` (USD-M): size is a base quantity (BTC), money is the quote/margin asset (USDT).
 * - `inverse` (COIN-M): size is a number of contracts worth `contractSize` USD each (100 for BTCUSD,
 *   10 for most others), money is the coin.
 */
export type ContractKind =
  | { readonly kind: 'linear' }
  | { readonly kind: 'inverse'; readonly contractSize: Decimal };

/** The USD-M contract kind. */
export const LINEAR: ContractKind = Object.freeze({ kind: 'linear' });

/** A COIN-M contract kind with `contractSize` USD per contract (`exchangeInfo` `contractSize`). */
export function inverse(contractSize: Decimal): ContractKind {
  return Object.freeze({ kind: 'inverse', contractSize });
}

/**
 * The value of one unit of size at `price`, signed so that it rises with the price:
 * `P` for linear (quote per base unit) and `−CS/P` for inverse (coin per contract, negated).
 *
 * Every margin formula is written once in terms of `u`, for both kinds:
 * PnL of a signed amount `Q` from price `A` to `B` is `Q × (u(B) − u(A))`, notional is `|Q| × |u(P)|`,
 * and averaging `u` over fills gives the linear weighted mean and the inverse harmonic mean.
 * `price` must be positive.
 */
export function unitValue(contract: ContractKind, price: RationalInput): Rational {
  return contract.kind === 'linear'
    ? Rational.of(price)
    : Rational.of(contract.contractSize).div(price).neg();
}

/** `+1` for linear, `−1` for inverse: `|u(P)| = unitValueSign × u(P)` for every positive price. */
export function unitValueSign(contract: ContractKind): 1 | -1 {
  return contract.kind === 'linear' ? 1 : -1;
}

/**
 * The price whose {@link unitValue} is `u`, or `undefined` if no positive price has it
 * (linear `u ≤ 0`, inverse `u ≥ 0`). Exact.
 */
export function priceOfUnitValue(contract: ContractKind, u: Rational): Rational | undefined {
  if (u.sign() !== unitValueSign(contract)) return undefined;
  return contract.kind === 'linear' ? u : Rational.of(contract.contractSize).div(u).neg();
}

/** The exact notional `|qty| × |u(price)|`: `|Q|×P` (linear, quote) or `|Q|×CS/P` (inverse, coin). */
export function exactNotional(contract: ContractKind, qty: RationalInput, price: RationalInput): Rational {
  return Rational.of(qty).abs().mul(unitValue(contract, price)).mul(unitValueSign(contract));
}

/**
 * The notional value of `qty` (sign ignored) at `price`: `|Q| × P` for linear (quote asset) and
 * `|Q| × CS / P` for inverse (coin), as §2.1. Also the value of an order at its limit price.
 * Money: 8 decimals, cut toward zero.
 */
export function notional(contract: ContractKind, qty: Decimal, price: Decimal): Decimal {
  return toMoney(exactNotional(contract, qty, price));
}
