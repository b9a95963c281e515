import type { Decimal, DecimalInput, KlineInterval, MarginType, RoundingMode } from '@basis/core';
import type { Instrument, OrderBookView } from '../data/dataClient.js';
import type { AlgoOrderRequest, ModifyRequest, OrderRequest, SubmitResult } from '../execution/requests.js';
import type { RiskLimits } from '../risk/limits.js';
import type {
  AlgoUpdate,
  BalanceChange,
  Bar,
  BookTicker,
  DepthUpdate,
  Fill,
  FundingPayment,
  FundingRateEvent,
  MarkPriceUpdate,
  OrderDenied,
  OrderRejected,
  OrderUpdate,
  PositionChange,
  RiskHalt,
  TimerEvent,
  TradeTick,
} from './events.js';

/** Where a strategy runs. The same strategy runs unchanged in each. */
export type RunMode = 'backtest' | 'paper' | 'live';

export interface PositionView {
  readonly symbol: string;
  /** Signed: positive long, negative short, zero flat. */
  readonly amount: Decimal;
  readonly entryPrice: Decimal;
  /** At the latest mark price. */
  readonly unrealizedPnl: Decimal;
}

export interface OpenOrderView {
  readonly symbol: string;
  readonly clientOrderId: string;
  readonly orderId: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: string;
  readonly price: Decimal;
  readonly quantity: Decimal;
  readonly filledQty: Decimal;
  readonly reduceOnly: boolean;
}

export interface OpenAlgoView {
  readonly symbol: string;
  readonly clientAlgoId: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: string;
  readonly triggerPrice: Decimal;
  readonly closePosition: boolean;
  readonly reduceOnly: boolean;
}

/**
 * Everything a strategy can read and do. Reads are the bot's cache (kept up to date from the
 * exchange's events before each handler runs); actions go through the risk engine, then the
 * execution client. Actions never throw for exchange errors: a refusal comes back as
 * `onOrderDenied` (risk) or `onOrderRejected` (exchange).
 */
export interface StrategyContext {
  readonly mode: RunMode;
  readonly symbols: readonly string[];
  now(): number;
  log(message: string): void;

  // State ------------------------------------------------------------------------------------------
  instrument(symbol: string): Instrument;
  position(symbol: string): PositionView;
  positions(): readonly PositionView[];
  /** Wallet balance of `asset` (default: the run's quote asset). */
  balance(asset?: string): Decimal;
  /** Wallet plus unrealized PnL, in the quote asset. */
  equity(): Decimal;
  openOrders(symbol?: string): readonly OpenOrderView[];
  openAlgoOrders(symbol?: string): readonly OpenAlgoView[];
  book(symbol: string, limit?: number): OrderBookView | undefined;
  bookTicker(symbol: string): BookTicker | undefined;
  markPrice(symbol: string): Decimal | undefined;
  /** Closed bars, oldest first (history loaded at start, then every bar the run closed). */
  bars(symbol: string, interval: KlineInterval, limit?: number): readonly Bar[];
  /** Whether the kill switch has tripped (only reducing orders pass). */
  halted(): boolean;

  // Actions ----------------------------------------------------------------------------------------
  submitOrder(order: OrderRequest): SubmitResult;
  modifyOrder(modify: ModifyRequest): SubmitResult;
  cancelOrder(symbol: string, clientOrderId: string): void;
  cancelAllOrders(symbol?: string): void;
  submitAlgoOrder(order: AlgoOrderRequest): SubmitResult;
  cancelAlgoOrder(symbol: string, clientAlgoId: string): void;
  cancelAllAlgoOrders(symbol?: string): void;
  setLeverage(symbol: string, leverage: number): SubmitResult;
  setMarginType(symbol: string, marginType: MarginType): void;

  // Timers (virtual in a backtest) ---------------------------------------------------------------------
  /** Fires `onTimer({ name })` once after `delayMs`; replaces a timer of the same name. */
  setTimer(name: string, delayMs: number): void;
  /** Fires `onTimer({ name })` every `everyMs`; replaces a timer of the same name. */
  setInterval(name: string, everyMs: number): void;
  cancelTimer(name: string): void;

  // Helpers ------------------------------------------------------------------------------------------
  /** A price on the symbol's tick grid. */
  roundPrice(symbol: string, price: DecimalInput, mode?: RoundingMode): Decimal;
  /** A quantity on the symbol's step grid (default: rounded down). */
  roundQty(symbol: string, qty: DecimalInput, mode?: RoundingMode): Decimal;
}

type Handler<E> = (ctx: StrategyContext, event: E) => void | Promise<void>;

/**
 * A strategy: a name, what it trades, and handlers. Every handler is optional; the bot only produces
 * the data a strategy has handlers for (plus what its reads need). Handlers may be async; the
 * backtest waits for them before time moves on.
 */
export interface Strategy {
  readonly name: string;
  /** Symbols it trades (default: the run's). */
  readonly symbols?: readonly string[];
  /** Bar intervals it wants `onBar` for (and `ctx.bars` history of). */
  readonly bars?: readonly KlineInterval[];
  /** Bars of history loaded at start per symbol and interval (default 100). */
  readonly barHistory?: number;
  /**
   * The strategy's own risk limits (its author knows its sizing): the risk engine and kill switch
   * apply them in every mode; a run's limits (`risk` of a runtime, the CLI's `--max-*` flags) override
   * them field by field.
   */
  readonly risk?: RiskLimits;

  onStart?(ctx: StrategyContext): void | Promise<void>;
  onStop?(ctx: StrategyContext): void | Promise<void>;
  onBookTicker?: Handler<BookTicker>;
  onTrade?: Handler<TradeTick>;
  onBar?: Handler<Bar>;
  onMarkPrice?: Handler<MarkPriceUpdate>;
  onFundingRate?: Handler<FundingRateEvent>;
  onDepth?: Handler<DepthUpdate>;
  onTimer?: Handler<TimerEvent>;
  onOrderUpdate?: Handler<OrderUpdate>;
  /**
   * A fill of one of the strategy's orders. `ctx.position` and `ctx.balance` already include it
   * (the account update that follows the fill is read first); in live mode, when that update has not
   * arrived yet, they include it once it does (`onPositionChange`, `onBalanceChange`).
   */
  onFill?: Handler<Fill>;
  onPositionChange?: Handler<PositionChange>;
  onBalanceChange?: Handler<BalanceChange>;
  onFunding?: Handler<FundingPayment>;
  onAlgoUpdate?: Handler<AlgoUpdate>;
  onOrderDenied?: Handler<OrderDenied>;
  onOrderRejected?: Handler<OrderRejected>;
  onRiskHalt?: Handler<RiskHalt>;
}

/**
 * How a strategy module exports itself: a factory, so every run gets fresh state (two backtests in
 * one process never share a strategy's variables).
 */
export type StrategyFactory<P = Record<string, unknown>> = (params: Partial<P>) => Strategy;

/**
 * Declares a strategy factory with typed parameters. The identity function: it only gives the
 * factory its type.
 *
 * @example
 * export default defineStrategy<{ size: string }>((params) => {
 *   const size = params.size ?? '0.01';
 *   return { name: 'hello', onStart(ctx) { ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: size }); } };
 * });
 */
export function defineStrategy<P = Record<string, unknown>>(factory: StrategyFactory<P>): StrategyFactory<P> {
  return factory;
}

/** Whether `strategy` handles book changes (`onBookTicker` or `onDepth`): the data it subscribes to. */
export function watchesBooks(strategy: Strategy): boolean {
  return strategy.onBookTicker !== undefined || strategy.onDepth !== undefined;
}
