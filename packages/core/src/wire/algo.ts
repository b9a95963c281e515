/**
 * USD-M algo (conditional) order responses (§5.4), mandatory for STOP*, TAKE_PROFIT* and
 * TRAILING_STOP_MARKET since 2025-12-09.
 */
import type { Id } from './common.js';
import type {
  AlgoOrderType,
  AlgoStatus,
  AlgoType,
  OrderSide,
  PositionSide,
  PriceMatch,
  ResponseTimeInForce,
  SelfTradePreventionMode,
  WorkingType,
} from './enums.js';

/** `POST /fapi/v1/algoOrder` response: the algo order as placed. */
export interface AlgoOrder {
  /** Algo id; increments per symbol. */
  algoId: Id;
  /** Client algo id (same rules as newClientOrderId). */
  clientAlgoId: string;
  /** Always CONDITIONAL. */
  algoType: AlgoType;
  /** Conditional order type. */
  orderType: AlgoOrderType;
  /** Symbol. */
  symbol: string;
  /** Side. */
  side: OrderSide;
  /** Position side. */
  positionSide: PositionSide;
  /** Time in force (GTE_GTC possible for close-position orders). */
  timeInForce: ResponseTimeInForce;
  /** Quantity ("" or "0" with closePosition [U]). */
  quantity: string;
  /** Algo status. */
  algoStatus: AlgoStatus;
  /** Trigger price. */
  triggerPrice: string;
  /** Limit price for STOP/TAKE_PROFIT. */
  price: string;
  /** Always null on futures. */
  icebergQuantity: string | null;
  /** Self-trade prevention mode. */
  selfTradePreventionMode: SelfTradePreventionMode;
  /** Trigger price source. */
  workingType: WorkingType;
  /** Price match mode. */
  priceMatch: PriceMatch;
  /** Close-all flag. */
  closePosition: boolean;
  /** Price protection flag. */
  priceProtect: boolean;
  /** Reduce-only flag. */
  reduceOnly: boolean;
  /** Trailing activation price; "" when not trailing. */
  activatePrice: string;
  /** Trailing callback rate; "" when not trailing. */
  callbackRate: string;
  /** Creation time, ms. */
  createTime: number;
  /** Last update time, ms. */
  updateTime: number;
  /** Trigger time, ms; 0 until triggered. */
  triggerTime: number;
  /** GTD cancel time, ms; 0 if none. */
  goodTillDate: number;
}

/**
 * `GET /fapi/v1/algoOrder`, `openAlgoOrders`, `allAlgoOrders` rows: the algo order plus its
 * matching-engine outcome. The docs example omits `activatePrice`/`callbackRate` and adds TP/SL fields.
 */
export type AlgoOrderDetail = Omit<AlgoOrder, 'activatePrice' | 'callbackRate'> & {
  /** Trailing activation price (absent from the docs example). */
  activatePrice?: string;
  /** Trailing callback rate (absent from the docs example). */
  callbackRate?: string;
  /** Matching-engine orderId as a string once triggered; "" before. */
  actualOrderId: string;
  /** Average fill price; "0" until filled. */
  actualPrice: string;
  /** Order type used in the matching engine; present once triggered. */
  actualType?: string;
  /** Executed quantity; present once (partially) filled (2026-06). */
  actualQty?: string;
  /** Attached take-profit order type; "" if none. */
  tpOrderType: string;
  /** Attached take-profit trigger price (docs example only). */
  tpTriggerPrice?: string;
  /** Attached take-profit price (docs example only). */
  tpPrice?: string;
  /** Attached stop-loss trigger price (docs example only). */
  slTriggerPrice?: string;
  /** Attached stop-loss price (docs example only). */
  slPrice?: string;
};

/** `DELETE /fapi/v1/algoOrder` and WS API `algoOrder.cancel` result; note `code` is a string. */
export interface CancelAlgoOrderResponse {
  /** Algo id. */
  algoId: Id;
  /** Client algo id. */
  clientAlgoId: string;
  /** "200" on success (a string, unlike other acks). */
  code: string;
  /** "success". */
  msg: string;
}
