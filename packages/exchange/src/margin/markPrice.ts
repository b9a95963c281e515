import { Decimal } from '@basis/core';
import { API_PRICE, type PriceRounding, toPrice } from './precision.js';
import { pow10, Rational, type RationalInput } from './rational.js';

function median<T>(a: T, b: T, c: T, cmp: (x: T, y: T) => number): T {
  const [lo, hi] = cmp(a, b) <= 0 ? [a, b] : [b, a];
  if (cmp(c, lo) <= 0) return lo;
  return cmp(c, hi) >= 0 ? hi : c;
}

/** The middle one of three prices: the middle value wins, e.g. P1 < P2 < Last gives P2. */
export function medianOfThree(a: Decimal, b: Decimal, c: Decimal): Decimal {
  return median(a, b, c, (x, y) => x.cmp(y));
}

/**
 * One sample of the basis for Price2: `(bid₁ + ask₁) / 2 − index`. Exact.
 */
export function basisSample(bestBid: Decimal, bestAsk: Decimal, indexPrice: Decimal): Decimal {
  return bestBid.add(bestAsk).mul(HALF).sub(indexPrice);
}

const HALF = Decimal.parse('0.5');

/** Inputs of {@link markPrice}. */
export interface MarkPriceInput {
  readonly indexPrice: Decimal;
  /** The funding rate of the running interval (`lastFundingRate`). */
  readonly lastFundingRate: Decimal;
  /** Milliseconds until the next funding time. */
  readonly msUntilNextFunding: number;
  /** The funding interval in milliseconds. */
  readonly fundingIntervalMs: number;
  /**
   * The basis samples of the moving average ({@link basisSample}), in any order (it is their mean);
   * USD-M: 5 minutes, COIN-M: 30 samples every 5 s. Without samples the basis counts as 0.
   */
  readonly basisSamples: readonly Decimal[];
  /**
   * The exact sum of `basisSamples`, when the caller keeps it running (add the new sample, subtract the
   * one that leaves the window): the average then costs one division instead of a sum per update.
   */
  readonly basisSum?: Decimal;
  /** The last traded price (USD-M) or contract price (COIN-M). */
  readonly lastPrice: Decimal;
  /** Default {@link API_PRICE} (8 decimals, half-up). */
  readonly rounding?: PriceRounding;
}

/**
 * The perpetual mark price (§2.8): `median(Price1, Price2, last)` with
 * `Price1 = index × (1 + lastFundingRate × timeUntilNextFunding / fundingInterval)` and
 * `Price2 = index + moving average of (mid − index)`. The caller keeps the samples. Computed exactly,
 * rounded once with `rounding` (default 8 decimals, half-up).
 */
export function markPrice(input: MarkPriceInput): Decimal {
  const rounding = input.rounding ?? API_PRICE;
  return decimalMarkPrice(input, rounding) ?? exactMarkPrice(input, rounding);
}

/**
 * {@link markPrice} in integer units when it is rounded half-up to a power of ten (the API's 8 decimals,
 * every second per market): each candidate floored to one digit more, and their median rounded. The
 * same result: flooring is monotone, so it commutes with the median, and for a value ≥ 0 that extra
 * digit alone decides half-up. `undefined` where that does not hold (another rounding, an index with
 * more digits, a negative median), for the exact path.
 */
function decimalMarkPrice(input: MarkPriceInput, rounding: PriceRounding): Decimal | undefined {
  if (rounding.mode !== 'half-up' || rounding.step.units !== 1n) return undefined;
  const digits = rounding.step.scale + 1;
  const index = input.indexPrice;
  // Adding the index commutes with flooring only when the index is on the finer grid.
  if (index.scale > digits) return undefined;
  // In units of 10^-digits: this runs every second per market, and plain bigints took about a quarter
  // of the time of the same sums in Decimals (one object per step) in the backtest's profile.
  const indexUnits = index.units * pow10(digits - index.scale);
  const rate = input.lastFundingRate;
  const price1 =
    indexUnits +
    scaledFloorDiv(
      index.units * rate.units * BigInt(input.msUntilNextFunding),
      digits - index.scale - rate.scale,
      BigInt(input.fundingIntervalMs),
    );
  const samples = input.basisSamples;
  let price2 = indexUnits;
  if (samples.length > 0) {
    const total = input.basisSum ?? sumDecimals(samples);
    price2 += scaledFloorDiv(total.units, digits - total.scale, BigInt(samples.length));
  }
  const last = input.lastPrice;
  const lastUnits = scaledFloorDiv(last.units, digits - last.scale, 1n);
  const middle = median(price1, price2, lastUnits, compareUnits);
  // Half-up of a non-negative count: the extra digit alone decides.
  return middle < 0n ? undefined : Decimal.fromUnits((middle + 5n) / 10n, digits - 1);
}

/** ⌊units × 10^shift / divisor⌋ for a positive divisor (a negative shift divides by 10^-shift too). */
function scaledFloorDiv(units: bigint, shift: number, divisor: bigint): bigint {
  const numerator = shift >= 0 ? units * pow10(shift) : units;
  const denominator = shift >= 0 ? divisor : divisor * pow10(-shift);
  const quotient = numerator / denominator;
  // bigint division truncates toward zero: step down once for a negative inexact quotient.
  return numerator < 0n && quotient * denominator !== numerator ? quotient - 1n : quotient;
}

function compareUnits(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function sumDecimals(values: readonly Decimal[]): Decimal {
  let total = values[0]!;
  for (let i = 1; i < values.length; i++) total = total.add(values[i]!);
  return total;
}

function exactMarkPrice(input: MarkPriceInput, rounding: PriceRounding): Decimal {
  const index = Rational.of(input.indexPrice);
  const share = Rational.ratio(input.msUntilNextFunding, input.fundingIntervalMs);
  const price1 = index.mul(share.mul(input.lastFundingRate).add(Rational.ONE));
  const samples = input.basisSamples;
  const total = input.basisSum ?? (samples.length === 0 ? undefined : sum(samples));
  const basis = samples.length === 0 ? Rational.ZERO : Rational.ratio(total!, samples.length);
  const price2 = index.add(basis);
  return toPrice(
    median(price1, price2, Rational.of(input.lastPrice), (x, y) => x.cmp(y)),
    rounding,
  );
}

function sum(values: readonly RationalInput[]): Rational {
  let total = Rational.ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
