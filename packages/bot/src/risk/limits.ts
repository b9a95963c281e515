import { BasisError, Decimal } from '@basis/core';

/**
 * The risk engine's limits. Every limit is optional (absent: no limit). Decimals are strings in the
 * run's accounting asset (notional, losses: the quote asset, the coin on COIN-M) or in quantity
 * units (positions: base units, contracts on COIN-M).
 */
export interface RiskLimits {
  /**
   * Largest notional of one order (quantity × price; on COIN-M quantity × contractSize / price, in
   * coin; MARKET orders at the mark price).
   */
  readonly maxOrderNotional?: string;
  /** Largest absolute position per symbol after an order fills, base units; `'*'` for every symbol. */
  readonly maxPosition?: Readonly<Record<string, string>>;
  /** Largest leverage `setLeverage` may set. */
  readonly maxLeverage?: number;
  /** Most open orders (regular and algo) at once, over all symbols. */
  readonly maxOpenOrders?: number;
  /** Most order actions (submit, modify, algo) within `perMs`. */
  readonly orderRate?: { readonly count: number; readonly perMs: number };
  /** The kill switch: trips when equity falls this fraction below its peak (e.g. "0.1"). */
  readonly maxDrawdown?: string;
  /** The kill switch: trips when equity falls this much below its value at the UTC day's start. */
  readonly maxDailyLoss?: string;
}

/** The rules a denial names. */
export type RiskRule =
  | 'maxOrderNotional'
  | 'maxPosition'
  | 'maxLeverage'
  | 'maxOpenOrders'
  | 'orderRate'
  | 'halted'
  /** The run is stopping and its exit policy is acting: no new order or change. */
  | 'stopping'
  | 'invalidOrder';

/** Risk limits that break a rule: the field, the rule and the value, e.g. `maxDrawdown`. */
export class RiskLimitsError extends BasisError {
  override name = 'RiskLimitsError' as const;
  /** The offending field: `maxDrawdown`, `maxPosition.BTCUSDT`, `orderRate.count`, ... */
  readonly field: string;
  /** What the field must be: `must be a positive decimal string like "1000"`. */
  readonly rule: string;
  readonly value: unknown;

  constructor(field: string, rule: string, value: unknown) {
    super(`risk limit ${field} ${rule}; got ${JSON.stringify(value) ?? String(value)}`, {
      metaMessages: [`Field: ${field}`],
    });
    this.field = field;
    this.rule = rule;
    this.value = value;
  }
}

/** Narrows a caught error to {@link RiskLimitsError} by its `name`. */
export type RiskLimitsErrorType = RiskLimitsError & { name: 'RiskLimitsError' };

/**
 * The limits in force: the strategy's own (`Strategy.risk`, its author's sizing) with the run's on top,
 * field by field (`maxPosition` symbol by symbol), so a run can tighten or loosen one limit and keep
 * the others.
 */
export function mergeRiskLimits(base: RiskLimits | undefined, run: RiskLimits | undefined): RiskLimits {
  if (base === undefined) return run ?? {};
  if (run === undefined) return base;
  const maxPosition =
    base.maxPosition === undefined && run.maxPosition === undefined
      ? undefined
      : { ...base.maxPosition, ...run.maxPosition };
  return { ...base, ...run, ...(maxPosition === undefined ? {} : { maxPosition }) };
}

/**
 * Checks every limit before a run starts, so a typo never runs unguarded: amounts are positive decimals,
 * `maxDrawdown` a fraction in (0, 1), counts and leverage positive integers.
 *
 * @throws RiskLimitsError naming the field and the rule.
 */
export function checkRiskLimits(limits: RiskLimits): RiskLimits {
  const decimal = (value: unknown) => (typeof value === 'string' ? Decimal.tryParse(value) : undefined);
  const positive = (field: string, value: unknown): void => {
    if (!decimal(value)?.isPositive())
      throw new RiskLimitsError(field, 'must be a positive decimal string like "1000"', value);
  };
  const count = (field: string, value: unknown, max = Number.MAX_SAFE_INTEGER): void => {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max)
      throw new RiskLimitsError(field, `must be a whole number from 1 to ${max}`, value);
  };
  if (limits.maxOrderNotional !== undefined) positive('maxOrderNotional', limits.maxOrderNotional);
  for (const [symbol, max] of Object.entries(limits.maxPosition ?? {}))
    positive(`maxPosition.${symbol}`, max);
  if (limits.maxLeverage !== undefined) count('maxLeverage', limits.maxLeverage, 125);
  if (limits.maxOpenOrders !== undefined) count('maxOpenOrders', limits.maxOpenOrders);
  if (limits.orderRate !== undefined) {
    count('orderRate.count', limits.orderRate.count);
    count('orderRate.perMs', limits.orderRate.perMs);
  }
  if (limits.maxDrawdown !== undefined) {
    const fraction = decimal(limits.maxDrawdown);
    if (fraction === undefined || !fraction.isPositive() || !fraction.lt(Decimal.ONE))
      throw new RiskLimitsError(
        'maxDrawdown',
        'must be a fraction above 0 and below 1, like "0.1"',
        limits.maxDrawdown,
      );
  }
  if (limits.maxDailyLoss !== undefined) positive('maxDailyLoss', limits.maxDailyLoss);
  return limits;
}
