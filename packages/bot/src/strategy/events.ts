import type {
  AlgoOrderType,
  AlgoStatus,
  Decimal,
  ExecutionType,
  KlineInterval,
  OrderSide,
  OrderStatus,
  ResponseOrderType,
} from '@basis/core';

/**
 * What a strategy is told. Every value is exact (`Decimal`), every time is epoch ms, and every event
 * is delivered after the bot's state (positions, balances, open orders, books, bars) reflects it.
 */

/** The best bid and ask of a symbol (changed since the last one). */
export interface BookTicker {
  readonly symbol: string;
  readonly bidPrice: Decimal;
  readonly bidQty: Decimal;
  readonly askPrice: Decimal;
  readonly askQty: Decimal;
  readonly time: number;
}

/** One public trade. */
export interface TradeTick {
  readonly symbol: string;
  readonly tradeId: string;
  readonly price: Decimal;
  readonly qty: Decimal;
  /** True when the buyer was the maker (the taker sold). */
  readonly isBuyerMaker: boolean;
  readonly time: number;
}

/** One closed candle of trades. */
export interface Bar {
  readonly symbol: string;
  readonly interval: KlineInterval;
  readonly openTime: number;
  /** `openTime` of the next bar minus 1 ms. */
  readonly closeTime: number;
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly close: Decimal;
  readonly volume: Decimal;
  readonly trades: number;
}

/** A mark price update, with the funding rate the next settlement would apply now. */
export interface MarkPriceUpdate {
  readonly symbol: string;
  readonly markPrice: Decimal;
  readonly indexPrice: Decimal;
  readonly fundingRate: Decimal;
  readonly nextFundingTime: number;
  readonly time: number;
}

/** A funding settlement of the market (whether or not the account held a position). */
export interface FundingRateEvent {
  readonly symbol: string;
  readonly fundingRate: Decimal;
  readonly markPrice: Decimal;
  readonly fundingTime: number;
}

/** The order book of a symbol changed; read it with `ctx.book(symbol)`. */
export interface DepthUpdate {
  readonly symbol: string;
  readonly time: number;
}

/** A timer set with `ctx.setTimer` / `ctx.setInterval` fired. */
export interface TimerEvent {
  readonly name: string;
  readonly time: number;
}

/** An order changed on the exchange (accepted, filled, canceled, expired, amended). */
export interface OrderUpdate {
  readonly symbol: string;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly side: OrderSide;
  readonly type: ResponseOrderType;
  readonly status: OrderStatus;
  readonly execution: ExecutionType;
  readonly price: Decimal;
  readonly quantity: Decimal;
  readonly filledQty: Decimal;
  readonly avgPrice: Decimal;
  readonly reduceOnly: boolean;
  readonly time: number;
}

/** One execution of one of the account's orders. */
export interface Fill {
  readonly symbol: string;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly tradeId: string;
  readonly side: OrderSide;
  readonly price: Decimal;
  readonly qty: Decimal;
  /** Commission of this fill (positive: paid). */
  readonly fee: Decimal;
  readonly feeAsset: string;
  /** Realized profit of this fill, before the fee. */
  readonly realizedPnl: Decimal;
  readonly maker: boolean;
  readonly time: number;
}

/** The account's position in a symbol changed. */
export interface PositionChange {
  readonly symbol: string;
  /** Signed: positive long, negative short. */
  readonly amount: Decimal;
  readonly entryPrice: Decimal;
  readonly reason: string;
  readonly time: number;
}

/** A wallet balance changed. */
export interface BalanceChange {
  readonly asset: string;
  readonly wallet: Decimal;
  /** The change except realized PnL and commission (deposits, funding). */
  readonly change: Decimal;
  readonly reason: string;
  readonly time: number;
}

/** Funding paid (negative) or received (positive) on a position. */
export interface FundingPayment {
  readonly symbol: string;
  readonly amount: Decimal;
  readonly asset: string;
  readonly time: number;
}

/** A conditional (algo) order changed: NEW, TRIGGERED, FINISHED, CANCELED, EXPIRED, REJECTED... */
export interface AlgoUpdate {
  readonly symbol: string;
  readonly algoId: string;
  readonly clientAlgoId: string;
  readonly type: AlgoOrderType;
  readonly side: OrderSide;
  readonly status: AlgoStatus;
  readonly triggerPrice: Decimal;
  readonly quantity: Decimal;
  readonly closePosition: boolean;
  /** Whether it can only reduce a position once triggered. */
  readonly reduceOnly: boolean;
  /** The matching-engine order id once triggered; "" before. */
  readonly orderId: string;
  readonly time: number;
}

/** The risk engine refused an action: it never reached the exchange. */
export interface OrderDenied {
  readonly symbol: string;
  /** The client id the order would have had. */
  readonly clientId: string;
  readonly rule: string;
  readonly message: string;
  readonly time: number;
}

/** The exchange refused an action (Binance's error code and message). */
export interface OrderRejected {
  readonly symbol: string;
  readonly clientId: string;
  readonly action: 'submit' | 'modify' | 'cancel' | 'submitAlgo' | 'cancelAlgo' | 'leverage' | 'marginType';
  readonly code: number;
  readonly message: string;
  readonly time: number;
}

/** The kill switch tripped: everything was canceled and flattened; only reducing orders pass now. */
export interface RiskHalt {
  readonly rule: 'maxDrawdown' | 'maxDailyLoss' | 'manual';
  readonly message: string;
  readonly time: number;
}
