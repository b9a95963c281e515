import { Decimal } from '@basis/core';
import { Rational } from './rational.js';

/**
 * One leverage bracket, as `GET /fapi/v1/leverageBracket` reports it. For COIN-M the floor and cap are
 * Binance's `qtyFloor`/`qtyCap`: notional in coin.
 */
export interface Bracket {
  /** 1-based tier number. */
  readonly bracket: number;
  /** The maximum leverage allowed in this tier. */
  readonly initialLeverage: number;
  /** Lowest notional of the tier (inclusive). */
  readonly notionalFloor: Decimal;
  /** Highest notional of the tier (exclusive, except for the last tier, which also takes anything above). */
  readonly notionalCap: Decimal;
  /** Maintenance margin ratio (MMR). */
  readonly maintMarginRatio: Decimal;
  /** Maintenance amount: `MM = notional × MMR − cum` within the tier. */
  readonly cum: Decimal;
}

/** A tier as configured: `[notionalFloor, notionalCap, maintMarginRatio, maxLeverage]` (decimal strings). */
export type Tier = readonly [floor: string, cap: string, mmr: string, maxLeverage: number];

/**
 * Brackets from tiers, with Binance's maintenance amount
 * `cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1}`, `cum_1 = 0`, which makes the maintenance margin
 * continuous across tiers (the MMR works like a tax bracket). Exact, without trailing zeros (`50`, not `50.000`).
 * The tiers should pass {@link tierProblems}; this function does not check them.
 * @example deriveBrackets([['0', '50000', '0.004', 125], ['50000', '600000', '0.005', 100]])[1].cum // 50
 */
export function deriveBrackets(tiers: readonly Tier[]): Bracket[] {
  const brackets: Bracket[] = [];
  let previousMmr = Decimal.ZERO;
  let cum = Decimal.ZERO;
  tiers.forEach(([floor, cap, mmr, maxLeverage], i) => {
    const notionalFloor = Decimal.parse(floor);
    const maintMarginRatio = Decimal.parse(mmr);
    if (i > 0) cum = notionalFloor.mul(maintMarginRatio.sub(previousMmr)).add(cum).normalize();
    previousMmr = maintMarginRatio;
    brackets.push({
      bracket: i + 1,
      initialLeverage: maxLeverage,
      notionalFloor,
      notionalCap: Decimal.parse(cap),
      maintMarginRatio,
      cum,
    });
  });
  return brackets;
}

/**
 * What is wrong with a tier list, one message per problem (empty when it is usable): at least one tier;
 * the first floor is 0; each floor equals the previous cap; caps above floors; MMR in (0, 1) and not
 * decreasing; max leverage a positive integer, not increasing.
 */
export function tierProblems(tiers: readonly Tier[]): string[] {
  const problems: string[] = [];
  if (tiers.length === 0) return ['no tiers'];
  let previous: Tier | undefined;
  tiers.forEach((tier, i) => {
    const [floor, cap, mmr, leverage] = tier;
    const f = Decimal.tryParse(floor);
    const c = Decimal.tryParse(cap);
    const m = Decimal.tryParse(mmr);
    const n = i + 1;
    if (f === undefined || c === undefined || m === undefined) {
      problems.push(`tier ${n}: floor, cap and MMR must be decimal strings`);
      previous = tier;
      return;
    }
    if (i === 0 && !f.isZero()) problems.push(`tier 1: floor must be 0, got ${floor}`);
    if (previous !== undefined && !f.eq(Decimal.tryParse(previous[1]) ?? Decimal.ZERO)) {
      problems.push(`tier ${n}: floor ${floor} must equal the previous cap ${previous[1]}`);
    }
    if (!c.gt(f)) problems.push(`tier ${n}: cap ${cap} must be above floor ${floor}`);
    if (!m.isPositive() || !m.lt(Decimal.ONE)) problems.push(`tier ${n}: MMR ${mmr} must be in (0, 1)`);
    if (!Number.isSafeInteger(leverage) || leverage < 1) {
      problems.push(`tier ${n}: max leverage ${leverage} must be a positive integer`);
    }
    if (previous !== undefined) {
      const pm = Decimal.tryParse(previous[2]);
      if (pm !== undefined && m.lt(pm))
        problems.push(`tier ${n}: MMR ${mmr} is below the previous ${previous[2]}`);
      if (leverage > previous[3])
        problems.push(`tier ${n}: max leverage ${leverage} is above the previous ${previous[3]}`);
    }
    previous = tier;
  });
  return problems;
}

/**
 * Index of the tier a notional falls in: the last tier whose floor ≤ notional (floors inclusive, caps
 * exclusive); anything above the last cap stays in the last tier, anything below the first floor in the
 * first. `brackets` must not be empty. Exact.
 */
export function bracketIndexForNotional(brackets: readonly Bracket[], notional: Rational | Decimal): number {
  const n = Rational.of(notional).abs();
  for (let i = brackets.length - 1; i > 0; i--) {
    if (n.gte(brackets[i]!.notionalFloor)) return i;
  }
  return 0;
}

/**
 * The tier a position with this notional (at mark price; sign ignored) falls in; see
 * {@link bracketIndexForNotional}. At a boundary it returns the upper tier, which gives the same
 * maintenance margin because `cum` makes MM continuous. `brackets` must not be empty.
 */
export function bracketForNotional(brackets: readonly Bracket[], notional: Decimal): Bracket {
  return brackets[bracketIndexForNotional(brackets, notional)]!;
}

/** The symbol's maximum leverage: the largest `initialLeverage` (tier 1's); 0 for no brackets. */
export function maxLeverage(brackets: readonly Bracket[]): number {
  let max = 0;
  for (const b of brackets) if (b.initialLeverage > max) max = b.initialLeverage;
  return max;
}

/**
 * The largest position notional allowed at `leverage`: the `notionalCap` of the highest tier whose
 * `initialLeverage ≥ leverage`. This is `maxNotionalValue` in `positionRisk`/`symbolConfig` and the
 * limit behind `-2027`. `undefined` when the leverage exceeds every tier's maximum.
 */
export function maxNotionalForLeverage(brackets: readonly Bracket[], leverage: number): Decimal | undefined {
  let cap: Decimal | undefined;
  for (const b of brackets) if (b.initialLeverage >= leverage) cap = b.notionalCap;
  return cap;
}

/**
 * Whether `leverage` can be set on the symbol: an integer from 1 to {@link maxLeverage}. The venue
 * answers `-4028` when it cannot.
 */
export function isValidLeverage(brackets: readonly Bracket[], leverage: number): boolean {
  return Number.isSafeInteger(leverage) && leverage >= 1 && leverage <= maxLeverage(brackets);
}
