import type { RiskLimits } from '../risk/limits.js';
import type { ExposureState } from './exposureSweep.js';
import type { OpenTradeState } from './roundTrips.js';
import type { TradeTallyState } from './tradeTally.js';

/**
 * Everything a bot run leaves behind, in a form that can be written to JSON as is.
 *
 * Decimal values are strings (exact, as `Decimal#toString()` prints them); times are epoch ms.
 * The kernel builds one `RunRecord` per run; `summarize`, `renderHtmlReport` and `writeRunReport`
 * read it.
 */
export interface RunRecord {
  readonly meta: RunMeta;
  /** Account equity samples, in time order (the sample period is whatever the kernel chose). */
  readonly equity: readonly EquityPoint[];
  /** Mark/close price samples per symbol, in time order. */
  readonly prices: Readonly<Record<string, readonly PricePoint[]>>;
  /** Signed position amount per symbol (positive long, negative short), sampled on change. */
  readonly positions: Readonly<Record<string, readonly PositionPoint[]>>;
  readonly fills: readonly FillRecord[];
  readonly funding: readonly FundingRecord[];
  readonly denials: readonly DenialRecord[];
  /**
   * What the record no longer lists: a long run's oldest fills, position changes and denials,
   * folded into the totals the summary goes on from. Absent while the record lists everything.
   */
  readonly earlier?: EarlierActivity;
}

/**
 * A long run's fills, position changes and denials up to and including `until`, folded: the record
 * keeps the recent ones (the recorder's capacity) so a run of weeks keeps bounded memory, and its
 * summary is the same as if it had kept them all (except the round-trip list, which starts later).
 */
export interface EarlierActivity {
  readonly until: number;
  readonly fills: number;
  readonly realizedPnl: string;
  readonly feesByAsset: Readonly<Record<string, string>>;
  readonly tradedNotional: string;
  /** Round trips closed by `until`. */
  readonly closedTrades: TradeTallyState;
  /** Round trips open at `until`, which the listed fills continue. */
  readonly openTrades: readonly OpenTradeState[];
  /** Time in market and notional over time, swept to `until`. */
  readonly exposure: ExposureState;
  readonly denials: number;
  readonly denialsByRule: Readonly<Record<string, number>>;
}

export interface RunMeta {
  readonly strategy: string;
  readonly mode: 'backtest' | 'paper' | 'live';
  readonly env: string;
  readonly seed?: number | string;
  /**
   * Backtests only: the loop's time step, ms. A strategy sees an event at the end of the step it
   * happened in and its orders reach the exchange then: a reaction takes up to one step.
   */
  readonly stepMs?: number;
  readonly symbols: readonly string[];
  readonly startTime: number;
  readonly endTime: number;
  /**
   * The asset of every money figure of the record (PnL, fees, funding, equity): the quote asset on
   * USDⓈ-M (USDT), the margin coin on COIN-M (BTC for BTCUSD_PERP).
   */
  readonly quoteAsset: string;
  readonly startingEquity: string;
  /**
   * COIN-M runs only: each symbol's contract size in USD. Quantities are then contracts, and a
   * notional is qty × contractSize / price in coin.
   */
  readonly contractSizes?: Readonly<Record<string, string>>;
  /** Each symbol's price tick (`0.10`): the report's price axis shows its decimals. */
  readonly tickSizes?: Readonly<Record<string, string>>;
  /** The risk limits in force (the strategy's and the run's), when any were set. */
  readonly risk?: RiskLimits;
}

export interface EquityPoint {
  readonly time: number;
  /** wallet + unrealizedPnl */
  readonly equity: string;
  readonly wallet: string;
  readonly unrealizedPnl: string;
  /**
   * COIN-M runs only (when an index price is known): the coin's USD index price at the sample and
   * the equity's USD value, equity × usdPrice.
   */
  readonly usdPrice?: string;
  readonly usdValue?: string;
}

export interface PricePoint {
  readonly time: number;
  readonly price: string;
}

export interface PositionPoint {
  readonly time: number;
  readonly amount: string;
}

export interface FillRecord {
  readonly time: number;
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly price: string;
  readonly qty: string;
  readonly fee: string;
  readonly feeAsset: string;
  readonly realizedPnl: string;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly maker: boolean;
}

export interface FundingRecord {
  readonly time: number;
  readonly symbol: string;
  /** Signed: positive received, negative paid. */
  readonly amount: string;
  readonly asset: string;
}

export interface DenialRecord {
  readonly time: number;
  readonly rule: string;
  readonly message: string;
  readonly symbol: string;
}
