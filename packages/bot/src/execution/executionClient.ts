import type { Decimal, MarginType } from '@basis/core';
import type { FeedHealth } from '../data/feedHealth.js';
import type {
  AlgoUpdate,
  BalanceChange,
  Fill,
  FundingPayment,
  OrderRejected,
  OrderUpdate,
  PositionChange,
} from '../strategy/events.js';

/** One order as the execution client sends it: decimals already exact and on the symbol's grid. */
export interface NormalizedOrder {
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: 'LIMIT' | 'MARKET';
  readonly quantity: Decimal;
  readonly price: Decimal | undefined;
  readonly timeInForce: 'GTC' | 'IOC' | 'FOK' | 'GTX' | undefined;
  readonly reduceOnly: boolean;
  readonly clientOrderId: string;
}

export interface NormalizedModify {
  readonly symbol: string;
  readonly clientOrderId: string;
  readonly side: 'BUY' | 'SELL';
  readonly quantity: Decimal;
  readonly price: Decimal;
}

export interface NormalizedAlgoOrder {
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: string;
  readonly quantity: Decimal | undefined;
  readonly price: Decimal | undefined;
  readonly triggerPrice: Decimal | undefined;
  readonly closePosition: boolean;
  readonly reduceOnly: boolean;
  readonly workingType: string | undefined;
  readonly callbackRate: Decimal | undefined;
  readonly activatePrice: Decimal | undefined;
  readonly clientAlgoId: string;
}

/** The account as the execution client finds it when it starts. */
export interface AccountSnapshot {
  readonly time: number;
  readonly wallets: ReadonlyMap<string, Decimal>;
  readonly positions: readonly {
    readonly symbol: string;
    readonly amount: Decimal;
    readonly entryPrice: Decimal;
  }[];
  readonly leverage: ReadonlyMap<string, number>;
  readonly openOrders: readonly OrderUpdate[];
  /** Conditional (algo) orders open at start, in the strategy's state before `onStart`. */
  readonly openAlgoOrders?: readonly AlgoUpdate[];
}

/** What an execution client reports, in the order it happened. */
export type ExecutionEvent =
  | { readonly kind: 'order'; readonly update: OrderUpdate }
  | { readonly kind: 'fill'; readonly fill: Fill }
  | { readonly kind: 'position'; readonly change: PositionChange }
  | { readonly kind: 'balance'; readonly change: BalanceChange }
  | { readonly kind: 'funding'; readonly payment: FundingPayment }
  | { readonly kind: 'algo'; readonly update: AlgoUpdate }
  | { readonly kind: 'rejected'; readonly rejection: OrderRejected }
  | { readonly kind: 'leverage'; readonly symbol: string; readonly leverage: number; readonly time: number };

export type ExecutionSink = (event: ExecutionEvent) => void;

/**
 * The kernel's one door to an account on a venue. Commands are fire-and-forget: each outcome
 * (acceptance, fill, rejection with Binance's code) comes back through the sink, never as a return
 * value, so a synchronous in-process venue (backtest, paper) and an asynchronous one (the SDK, live)
 * look the same to the kernel and the strategy.
 *
 * Implementations: `LocalExecutionClient` (the embedded exchange, in-process). A live adapter over
 * `@basis/sdk` (REST/WS API orders + the user-data stream) implements the same interface.
 */
export interface ExecutionClient {
  /** Connects (user-data stream, ...) and answers the account as it is. */
  start(sink: ExecutionSink): Promise<AccountSnapshot>;
  stop(): Promise<void>;
  /**
   * Resolves once every command sent so far has its outcome and the account has been read back from
   * the venue, each change reported through the sink: the kernel's state is then the venue's (before
   * a run's exit policy acts on it). In-process venues answer at once.
   */
  sync(): Promise<void>;
  submitOrder(order: NormalizedOrder): void;
  modifyOrder(modify: NormalizedModify): void;
  cancelOrder(symbol: string, clientOrderId: string): void;
  cancelAllOrders(symbol: string): void;
  submitAlgoOrder(order: NormalizedAlgoOrder): void;
  cancelAlgoOrder(symbol: string, clientAlgoId: string): void;
  cancelAllAlgoOrders(symbol: string): void;
  setLeverage(symbol: string, leverage: number): void;
  setMarginType(symbol: string, marginType: MarginType): void;
  /** The account feed's state (user-data stream), for the live view. */
  health(): FeedHealth;
}
