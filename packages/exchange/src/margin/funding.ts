import { Decimal } from '@basis/core';
import { type ContractKind, exactNotional, priceOfUnitValue, unitValue, unitValueSign } from './contract.js';
import {
  API_PRICE,
  type PriceRounding,
  RATE_ROUNDING,
  RATE_SCALE,
  toMoney,
  toPrice,
  toRate,
} from './precision.js';
import { Rational } from './rational.js';

/** One price level of a book side, best first. */
export interface BookLevel {
  readonly price: Decimal;
  readonly qty: Decimal;
}

/** The margin behind the impact notional: 200 USDT (USD-M). */
export const IMPACT_MARGIN: Decimal = Decimal.parse('200');

/**
 * The impact margin notional (§2.9): `IMN = 200 USDT / IMR at maximum leverage = 200 × maxLeverage`
 * (BTC at 125×: 25,000 USDT). `margin` overrides the 200 (e.g. for a COIN-M symbol, in coin). Exact.
 */
export function impactMarginNotional(maxLeverage: number, margin: Decimal = IMPACT_MARGIN): Decimal {
  return margin.mul(Decimal.from(maxLeverage));
}

/**
 * The impact bid or ask price: the average fill price of a market order worth `impactNotional`, walking
 * `levels` (one book side, best first; read only as far as the walk goes), the last level taken partially. The average is the
 * size-weighted mean of unit values (VWAP for linear, harmonic for inverse). `undefined` when the side
 * holds less than `impactNotional`. Rounded with `rounding` (default 8 decimals, half-up).
 */
export function impactPrice(
  contract: ContractKind,
  levels: Iterable<BookLevel>,
  impactNotional: Decimal,
  rounding: PriceRounding = API_PRICE,
): Decimal | undefined {
  if (!impactNotional.isPositive()) return undefined;
  if (contract.kind === 'linear') return linearImpactPrice(levels, impactNotional, rounding);
  const s = unitValueSign(contract);
  let remaining = Rational.of(impactNotional);
  let size = Rational.ZERO;
  let value = Rational.ZERO; // Σ qty × u(price)
  for (const level of levels) {
    const u = unitValue(contract, level.price);
    const perUnit = u.mul(s); // notional of one unit of size
    const qty = perUnit.mul(level.qty).gte(remaining) ? remaining.div(perUnit) : Rational.of(level.qty);
    size = size.add(qty);
    value = value.add(u.mul(qty));
    remaining = remaining.sub(perUnit.mul(qty));
    if (remaining.isZero()) return toPrice(priceOfUnitValue(contract, value.div(size))!, rounding);
  }
  return undefined;
}

/**
 * {@link impactPrice} of a linear contract in decimals, one exact quotient at the end (sampled every
 * 5 s per market): the walk takes whole levels until one holds the remaining notional `r`, so with
 * `Q` the whole levels' size and `p` that level's price, the average is `N / (Q + r/p) = N×p / (Q×p + r)`.
 */
function linearImpactPrice(
  levels: Iterable<BookLevel>,
  impactNotional: Decimal,
  rounding: PriceRounding,
): Decimal | undefined {
  let remaining = impactNotional;
  let size = Decimal.ZERO;
  for (const level of levels) {
    const value = level.price.mul(level.qty);
    if (value.gte(remaining)) {
      const denominator = size.mul(level.price).add(remaining);
      return toPrice(Rational.ratio(impactNotional.mul(level.price), denominator), rounding);
    }
    size = size.add(level.qty);
    remaining = remaining.sub(value);
  }
  return undefined;
}

/**
 * The impact notional in units of one tick times one step of a linear market (25,000 USDT at tick 0.10
 * and step 0.001: 250,000,000), for {@link linearImpactPriceOfTicks}; `undefined` when it is not a
 * whole number of them or not a safe integer.
 */
export function impactNotionalUnits(
  impactNotional: Decimal,
  tickSize: Decimal,
  stepSize: Decimal,
): number | undefined {
  const unit = tickSize.mul(stepSize);
  if (!impactNotional.isPositive() || !unit.isPositive()) return undefined;
  const units = impactNotional.div(unit, 0, 'down');
  if (!units.mul(unit).eq(impactNotional)) return undefined;
  const value = Number(units.units);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * {@link impactPrice} of a linear contract from depth levels as integer ticks and steps (`[tick, steps,
 * tick, steps, …]`, best first), the walk in safe integers (sampled every 5 s per market, where the
 * decimal walk made an object per level). The same result: with `N` the impact notional and `Q` the
 * whole levels' size in these units, the average at the level `p` that holds the rest `r` is
 * `N×p / (Q×p + r)` ticks, rounded once. `'short'` when the levels hold less than `N`; `undefined`
 * when a sum would leave the safe integers (the caller walks in decimals then).
 */
export function linearImpactPriceOfTicks(
  depth: readonly number[],
  tickSize: Decimal,
  notionalUnits: number,
  rounding: PriceRounding = API_PRICE,
): Decimal | 'short' | undefined {
  let remaining = notionalUnits;
  let sizeSteps = 0;
  for (let i = 0; i + 1 < depth.length; i += 2) {
    const tick = depth[i]!;
    const steps = depth[i + 1]!;
    const value = tick * steps;
    if (!Number.isSafeInteger(value)) return undefined;
    if (value >= remaining) {
      const numerator = notionalUnits * tick;
      const denominator = sizeSteps * tick + remaining;
      if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) return undefined;
      // N×p ticks as a price: N×p × tickSize, over Q×p + r.
      const price = Decimal.fromUnits(BigInt(numerator) * tickSize.units, tickSize.scale);
      const quotient = Decimal.from(denominator);
      return rounding.step.units === 1n
        ? price.div(quotient, rounding.step.scale, rounding.mode)
        : toPrice(Rational.ratio(price, quotient), rounding);
    }
    sizeSteps += steps;
    remaining -= value;
    if (!Number.isSafeInteger(sizeSteps)) return undefined;
  }
  return 'short';
}

/**
 * The premium index of one sample (§2.9):
 * `P = [max(0, impactBid − index) − max(0, index − impactAsk)] / index`. Rate: 8 decimals, half-up.
 */
export function premiumIndex(impactBidPrice: Decimal, impactAskPrice: Decimal, indexPrice: Decimal): Decimal {
  const up = impactBidPrice.sub(indexPrice).max(Decimal.ZERO);
  const down = indexPrice.sub(impactAskPrice).max(Decimal.ZERO);
  // One exact quotient rounded once, as toRate of the fraction, without reducing the fraction first.
  return up.sub(down).div(indexPrice, RATE_SCALE, RATE_ROUNDING);
}

/**
 * The interval's average premium index `P̄ = Σ i×Pᵢ / Σ i` (i = 1…n, oldest first): a time-weighted
 * average with linearly increasing weights, so recent samples count more (one sample every 5 s, about
 * 5,760 per 8 h). 0 without samples. Rate: 8 decimals, half-up.
 */
export function averagePremiumIndex(samples: readonly Decimal[]): Decimal {
  let weighted = Decimal.ZERO;
  samples.forEach((p, i) => {
    weighted = weighted.add(p.mul(Decimal.from(i + 1)));
  });
  return averagePremiumIndexOf(weighted, samples.length);
}

/**
 * {@link averagePremiumIndex} from a running `Σ i×Pᵢ` over `count` samples: a caller that adds
 * `count × P` with each new sample gets the same rate without re-summing the interval.
 */
export function averagePremiumIndexOf(weightedSum: Decimal, count: number): Decimal {
  if (count === 0) return toRate(Rational.ZERO);
  return weightedSum.div(Decimal.from((count * (count + 1)) / 2), RATE_SCALE, RATE_ROUNDING);
}

/** The interest rate per 8 hours: 0.01% (0.03% a day). */
export const INTEREST_RATE_8H: Decimal = Decimal.parse('0.0001');

/** The bound of `clamp(I − P̄, …)` per 8 hours: ±0.05%. */
export const PREMIUM_CLAMP_8H: Decimal = Decimal.parse('0.0005');

/** A per-8-hour rate scaled to an interval of `intervalHours` (0.01% per 8 h → 0.005% per 4 h). Exact. */
export function perInterval(rate8h: Decimal, intervalHours: number): Decimal {
  return rate8h.mul(Decimal.from(intervalHours)).mul('0.125');
}

/** Inputs of {@link fundingRate}. */
export interface FundingRateInput {
  /** P̄ of the interval ({@link averagePremiumIndex}). */
  readonly averagePremiumIndex: Decimal;
  /** Funding interval in hours (8, 4, 2, 1…). */
  readonly intervalHours: number;
  /** Upper bound (`adjustedFundingRateCap`, e.g. 0.02). */
  readonly cap: Decimal;
  /** Lower bound (`adjustedFundingRateFloor`, e.g. −0.02). */
  readonly floor: Decimal;
  /** Interest rate per 8 hours; default {@link INTEREST_RATE_8H} (BNB pairs have used 0). */
  readonly interestRate8h?: Decimal;
  /** Premium clamp per 8 hours; default {@link PREMIUM_CLAMP_8H}. */
  readonly premiumClamp8h?: Decimal;
  /**
   * The interest rate and the clamp already scaled to the interval ({@link perInterval}), for a caller
   * that computes the rate every 5 s: they then need not be derived again each time.
   */
  readonly perInterval?: { readonly interest: Decimal; readonly clamp: Decimal };
}

/**
 * The funding rate (§2.9): `F = P̄ + clamp(I − P̄, −c, +c)`, then `clamp(F, floor, cap)`, with the
 * interest rate `I` and the clamp `c` scaled to the interval ({@link perInterval}). When the premium
 * stays within `c` of `I`, `F = I`. Rate: 8 decimals as Binance prints `fundingRate`, half-up (exact for
 * 8-decimal inputs and intervals of 1, 2, 4 or 8 hours).
 */
export function fundingRate(input: FundingRateInput): Decimal {
  const p = input.averagePremiumIndex;
  const i =
    input.perInterval?.interest ?? perInterval(input.interestRate8h ?? INTEREST_RATE_8H, input.intervalHours);
  const c =
    input.perInterval?.clamp ?? perInterval(input.premiumClamp8h ?? PREMIUM_CLAMP_8H, input.intervalHours);
  const f = p.add(i.sub(p).max(c.neg()).min(c));
  return toRate(f.max(input.floor).min(input.cap));
}

/**
 * The funding paid or received by a position at settlement (§2.9), signed as a wallet change:
 * `−sign(amount) × notional at mark × F`. Positive F: longs pay, shorts receive (Binance keeps no cut).
 * USD-M in the margin asset, COIN-M in coin. Money: 8 decimals, cut toward zero (both payer and receiver).
 * @example long 2 BTC, mark 60,000, F = 0.0001 → −12; the short of the same size → +12
 */
export function fundingPayment(
  contract: ContractKind,
  amount: Decimal,
  markPrice: Decimal,
  rate: Decimal,
): Decimal {
  return toMoney(exactNotional(contract, amount, markPrice).mul(rate).mul(-amount.sign()));
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The first funding time strictly after `nowMs`: funding happens every `intervalHours` counted from
 * 00:00 UTC each day (8 h: 00:00, 08:00, 16:00), and an interval that does not divide 24 restarts at
 * midnight. `intervalHours` is a positive integer.
 */
export function nextFundingTime(nowMs: number, intervalHours: number): number {
  const day = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const step = intervalHours * HOUR_MS;
  const next = day + (Math.floor((nowMs - day) / step) + 1) * step;
  return Math.min(next, day + DAY_MS);
}

/**
 * The funding times in `(fromMs, toMs]`, in order: what `advanceTo(toMs)` must settle after `fromMs`.
 */
export function fundingTimesBetween(fromMs: number, toMs: number, intervalHours: number): number[] {
  const times: number[] = [];
  for (let t = nextFundingTime(fromMs, intervalHours); t <= toMs; t = nextFundingTime(t, intervalHours)) {
    times.push(t);
  }
  return times;
}
