import type {
  AlgoOrderType,
  AlgoStatus,
  Decimal,
  OrderSide,
  PositionSide,
  PriceMatch,
  ResponseTimeInForce,
  SelfTradePreventionMode,
  WorkingType,
} from '@basis/core';
import type { ExactValue } from '../../margin/fillValue.js';
import type { Id } from '../idSequence.js';
import type { OrderRecord } from '../orderRecord.js';

/**
 * One conditional order of the Algo Service, from placement to its final status. Prices are integer
 * ticks and quantities integer steps of its market. The trailing fields move while it waits; the
 * outcome fields are set when it triggers.
 */
export interface AlgoOrderRecord {
  readonly algoId: Id;
  /**
   * COIN-M, where conditional orders are ordinary orders: the orderId of the order it is (from its
   * market's order ids; kept when it triggers). Undefined for USD-M algo orders.
   */
  readonly orderId: Id | undefined;
  readonly clientAlgoId: string;
  readonly accountId: number;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly positionSide: PositionSide;
  readonly orderType: AlgoOrderType;
  /** As Binance prints it: GTE_GTC for close-position orders, otherwise the one sent (GTC default). */
  readonly timeInForce: ResponseTimeInForce;
  /** Quantity in steps; 0 with closePosition (the position at trigger time is closed). */
  readonly qtySteps: number;
  /**
   * Trigger price in ticks. For TRAILING_STOP_MARKET it is the current stop level derived from the
   * watermark (0 until activated).
   */
  triggerTick: number;
  /** Limit price in ticks for STOP and TAKE_PROFIT (0 with priceMatch and for the market types). */
  readonly priceTick: number;
  readonly priceMatch: PriceMatch;
  readonly workingType: WorkingType;
  readonly priceProtect: boolean;
  /** Reduce-only as Binance reports it (true for closePosition orders). */
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  /** Trailing: activation price in ticks (the price at placement when none was sent); 0 otherwise. */
  readonly activateTick: number;
  /** Trailing: callback rate in percent; undefined for the other types. */
  readonly callbackRate: Decimal | undefined;
  /** Trailing: whether the activation price was reached. */
  activated: boolean;
  /** Trailing: highest (SELL) or lowest (BUY) price in ticks since activation; 0 before. */
  watermarkTick: number;
  readonly selfTradePreventionMode: SelfTradePreventionMode;
  /** GTD expiry time (ms, whole seconds), 0 when none. */
  readonly goodTillDate: number;
  readonly createTime: number;
  status: AlgoStatus;
  updateTime: number;
  /** When the trigger condition held, ms; 0 until then. */
  triggerTime: number;
  /** The matching-engine order it placed when triggered. */
  actualOrderId: Id | undefined;
  /** That order while the venue keeps it (absent after a restore if it was pruned). */
  actualOrder: OrderRecord | undefined;
  /** The matching-engine order type it placed: LIMIT or MARKET ("" until triggered). */
  actualType: '' | 'LIMIT' | 'MARKET';
  /** Filled steps and quote of the placed order as last seen (kept when it finishes). */
  actualQtySteps: number;
  actualCumQuote: Decimal | undefined;
  /** Inverse markets: the placed order's exact filled value as last seen (see `OrderRecord.fillValue`). */
  actualFillValue: ExactValue | undefined;
  /** Why it was rejected or expired by the system ("" otherwise): ALGO_UPDATE `rm`. */
  reason: string;
  /**
   * Bumped whenever its entries in the trigger indexes are replaced, so older entries are ignored.
   * Bookkeeping of the algo book; not part of snapshots.
   */
  version: number;
}

/** Whether the algo order still waits for its trigger (the statuses GET openAlgoOrders lists). */
export function isOpenAlgo(algo: AlgoOrderRecord): boolean {
  return algo.status === 'NEW';
}

/** Whether the trigger condition of `type`/`side` is "price ≥ trigger" (else "price ≤ trigger"). */
export function firesUpward(type: AlgoOrderType, side: OrderSide): boolean {
  switch (type) {
    case 'STOP':
    case 'STOP_MARKET':
      return side === 'BUY';
    case 'TAKE_PROFIT':
    case 'TAKE_PROFIT_MARKET':
      return side === 'SELL';
    case 'TRAILING_STOP_MARKET':
      // A trailing SELL fires when the price falls back from its high; a BUY when it rises from its low.
      return side === 'BUY';
  }
}

/** The order type the trigger sends to the matching engine. */
export function childType(type: AlgoOrderType): 'LIMIT' | 'MARKET' {
  return type === 'STOP' || type === 'TAKE_PROFIT' ? 'LIMIT' : 'MARKET';
}
