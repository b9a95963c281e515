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
  | 'invalidOrder';
