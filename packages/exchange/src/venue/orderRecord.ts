import type {
  Decimal,
  OrderSide,
  OrderStatus,
  PositionSide,
  PriceMatch,
  ResponseOrderType,
  ResponseTimeInForce,
  SelfTradePreventionMode,
  WorkingType,
} from '@basis/core';
import type { ExactValue } from '../margin/fillValue.js';
import type { Id } from './idSequence.js';

/**
 * One order, as the venue keeps it from acceptance to its final state. Prices and quantities are
 * integer ticks and steps of its market; quote value is exact.
 */
export interface OrderRecord {
  readonly orderId: Id;
  /** The matching engine's handle (unique per market). */
  readonly ref: number;
  readonly symbol: string;
  readonly accountId: number;
  readonly clientOrderId: string;
  readonly side: OrderSide;
  readonly positionSide: PositionSide;
  /** The order type in the matching engine: LIMIT, MARKET or LIQUIDATION. */
  readonly type: ResponseOrderType;
  /** The type the client asked for (for a triggered algo order, its conditional type). */
  readonly origType: ResponseOrderType;
  readonly timeInForce: ResponseTimeInForce;
  /** Limit price in ticks; 0 for MARKET orders. */
  priceTick: number;
  /** Original quantity in steps. */
  origQty: number;
  /** Filled quantity in steps. */
  executedQty: number;
  /**
   * Filled value: Σ price × qty (quote, exact) on a linear market; on an inverse one Σ qty ×
   * contractSize / price in coin, each fill's value cut to 8 decimals (`cumBase`).
   */
  cumQuote: Decimal;
  /**
   * Inverse markets: the exact filled value, for the average price (absent before the first fill,
   * and on orders restored from snapshots that predate it, whose `cumQuote` stands in).
   */
  fillValue?: ExactValue;
  status: OrderStatus;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  /** Trigger price for orders created by an algo order, as Binance prints it; "0" otherwise. */
  readonly stopPrice: string;
  readonly workingType: WorkingType;
  readonly priceProtect: boolean;
  readonly priceMatch: PriceMatch;
  readonly selfTradePreventionMode: SelfTradePreventionMode;
  readonly goodTillDate: number;
  readonly time: number;
  updateTime: number;
  /** How many times the order was modified (Binance allows 10,000). */
  modifyCount: number;
  /** Binance's expiry reason (`er`): 0 none, 1 STP, 2 IOC remainder, ... */
  expireReason: number;
  /** Remaining value reserved in the account's open-order exposure (price × remaining qty). */
  reserved: Decimal;
  /** COIN-M TRAILING_STOP_MARKET orders (also once triggered): the terms Binance prints with them. */
  readonly trailing?: TrailingTerms;
}

/** A trailing stop's `activatePrice` and `priceRate` (callback rate in percent), as Binance prints them. */
export interface TrailingTerms {
  readonly activatePrice: string;
  readonly priceRate: string;
}

/** True while the order rests on the book (or is waiting to). */
export function isOpen(order: OrderRecord): boolean {
  return order.status === 'NEW' || order.status === 'PARTIALLY_FILLED';
}
