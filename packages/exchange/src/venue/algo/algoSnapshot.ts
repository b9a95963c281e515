import {
  type AlgoOrderType,
  type AlgoStatus,
  BasisError,
  Decimal,
  type OrderSide,
  type PositionSide,
  type PriceMatch,
  type ResponseTimeInForce,
  type SelfTradePreventionMode,
  type WorkingType,
} from '@basis/core';
import { toId } from '../idSequence.js';
import type { AlgoOrderRecord } from './algoRecord.js';

/** The `version` of the algo book's snapshot format. */
export const ALGO_SNAPSHOT_VERSION = 1 as const;

/** One algo order in a snapshot: plain JSON, ids and decimals as strings. */
export interface AlgoOrderSnapshot {
  readonly algoId: string;
  /** COIN-M: the orderId of the order it is (absent for USD-M algo orders and in older snapshots). */
  readonly orderId?: string;
  readonly clientAlgoId: string;
  readonly accountId: number;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly positionSide: PositionSide;
  readonly orderType: AlgoOrderType;
  readonly timeInForce: ResponseTimeInForce;
  readonly qtySteps: number;
  readonly triggerTick: number;
  readonly priceTick: number;
  readonly priceMatch: PriceMatch;
  readonly workingType: WorkingType;
  readonly priceProtect: boolean;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  readonly activateTick: number;
  readonly callbackRate: string | null;
  readonly activated: boolean;
  readonly watermarkTick: number;
  readonly selfTradePreventionMode: SelfTradePreventionMode;
  readonly goodTillDate: number;
  readonly createTime: number;
  readonly status: AlgoStatus;
  readonly updateTime: number;
  readonly triggerTime: number;
  readonly actualOrderId: string | null;
  readonly actualType: AlgoOrderRecord['actualType'];
  readonly actualQtySteps: number;
  readonly actualCumQuote: string | null;
  /** Inverse markets, once filled: the exact filled value (absent from older snapshots). */
  readonly actualFillValue?: readonly [num: string, den: string];
  readonly reason: string;
}

/**
 * The algo book's state as plain JSON: every retained algo order (by algoId), the triggers waiting
 * to fire, the triggers held back by price protection, and the counters that order them. The
 * trigger indexes are rebuilt from the orders.
 */
export interface AlgoBookSnapshot {
  readonly version: typeof ALGO_SNAPSHOT_VERSION;
  readonly eventSeq: number;
  readonly nextPrune: number;
  readonly orders: readonly AlgoOrderSnapshot[];
  readonly due: readonly { readonly algoId: string; readonly time: number; readonly seq: number }[];
  readonly blocked: readonly string[];
  /**
   * The trigger indexes that exist (`symbol|workingType`, in creation order), also those no open
   * order uses any more: a price change of their symbol counts as a price event (`eventSeq`).
   * Absent in older snapshots: then the indexes of the open orders.
   */
  readonly indexes?: readonly string[];
}

/** An algo order as snapshot JSON. */
export function algoToSnapshot(algo: AlgoOrderRecord): AlgoOrderSnapshot {
  const fillValue = algo.actualOrder?.fillValue ?? algo.actualFillValue;
  return {
    algoId: String(algo.algoId),
    ...(algo.orderId === undefined ? {} : { orderId: String(algo.orderId) }),
    clientAlgoId: algo.clientAlgoId,
    accountId: algo.accountId,
    symbol: algo.symbol,
    side: algo.side,
    positionSide: algo.positionSide,
    orderType: algo.orderType,
    timeInForce: algo.timeInForce,
    qtySteps: algo.qtySteps,
    triggerTick: algo.triggerTick,
    priceTick: algo.priceTick,
    priceMatch: algo.priceMatch,
    workingType: algo.workingType,
    priceProtect: algo.priceProtect,
    reduceOnly: algo.reduceOnly,
    closePosition: algo.closePosition,
    activateTick: algo.activateTick,
    callbackRate: algo.callbackRate === undefined ? null : algo.callbackRate.toString(),
    activated: algo.activated,
    watermarkTick: algo.watermarkTick,
    selfTradePreventionMode: algo.selfTradePreventionMode,
    goodTillDate: algo.goodTillDate,
    createTime: algo.createTime,
    status: algo.status,
    updateTime: algo.updateTime,
    triggerTime: algo.triggerTime,
    actualOrderId: algo.actualOrderId === undefined ? null : String(algo.actualOrderId),
    actualType: algo.actualType,
    actualQtySteps: algo.actualOrder?.executedQty ?? algo.actualQtySteps,
    actualCumQuote: (algo.actualOrder?.cumQuote ?? algo.actualCumQuote)?.toString() ?? null,
    ...(fillValue === undefined
      ? {}
      : { actualFillValue: [fillValue.num.toString(), fillValue.den.toString()] }),
    reason: algo.reason,
  };
}

/** An algo order from snapshot JSON (its placed order is attached by the book). */
export function algoFromSnapshot(row: AlgoOrderSnapshot): AlgoOrderRecord {
  return {
    algoId: toId(BigInt(row.algoId)),
    orderId: row.orderId === undefined ? undefined : toId(BigInt(row.orderId)),
    clientAlgoId: row.clientAlgoId,
    accountId: row.accountId,
    symbol: row.symbol,
    side: row.side,
    positionSide: row.positionSide,
    orderType: row.orderType,
    timeInForce: row.timeInForce,
    qtySteps: row.qtySteps,
    triggerTick: row.triggerTick,
    priceTick: row.priceTick,
    priceMatch: row.priceMatch,
    workingType: row.workingType,
    priceProtect: row.priceProtect,
    reduceOnly: row.reduceOnly,
    closePosition: row.closePosition,
    activateTick: row.activateTick,
    callbackRate: row.callbackRate === null ? undefined : Decimal.parse(row.callbackRate),
    activated: row.activated,
    watermarkTick: row.watermarkTick,
    selfTradePreventionMode: row.selfTradePreventionMode,
    goodTillDate: row.goodTillDate,
    createTime: row.createTime,
    status: row.status,
    updateTime: row.updateTime,
    triggerTime: row.triggerTime,
    actualOrderId: row.actualOrderId === null ? undefined : toId(BigInt(row.actualOrderId)),
    actualOrder: undefined,
    actualType: row.actualType,
    actualQtySteps: row.actualQtySteps,
    actualCumQuote: row.actualCumQuote === null ? undefined : Decimal.parse(row.actualCumQuote),
    actualFillValue:
      row.actualFillValue === undefined
        ? undefined
        : { num: BigInt(row.actualFillValue[0]), den: BigInt(row.actualFillValue[1]) },
    reason: row.reason,
    version: 0,
  };
}

/** Checks the envelope of snapshot data before it is restored. */
export function asAlgoBookSnapshot(data: unknown): AlgoBookSnapshot {
  const s = data as Partial<AlgoBookSnapshot> | null;
  if (
    s === null ||
    typeof s !== 'object' ||
    s.version !== ALGO_SNAPSHOT_VERSION ||
    !Array.isArray(s.orders) ||
    !Array.isArray(s.due) ||
    !Array.isArray(s.blocked)
  ) {
    throw new BasisError('Not an algo book snapshot of a known version.');
  }
  return s as AlgoBookSnapshot;
}
