/**
 * Request parameters of the USD-M algo (conditional) order endpoints (§5.4). All SIGNED;
 * conventions: `params/common.ts`.
 */
import type { BooleanString, Id } from '../common.js';
import type {
  AlgoOrderType,
  AlgoType,
  NewOrderRespType,
  OrderSide,
  PositionSide,
  RequestPriceMatch,
  SelfTradePreventionMode,
  TimeInForce,
  WorkingType,
} from '../enums.js';
import type { TimeRangeParams } from './common.js';

/** Identify an algo order by `algoId` or `clientAlgoId`. */
export type AlgoOrderRef =
  | {
      /** Algo id. */
      algoId: Id;
      /** Client algo id. */
      clientAlgoId?: string;
    }
  | {
      /** Algo id. */
      algoId?: Id;
      /** Client algo id. */
      clientAlgoId: string;
    };

/**
 * `POST /fapi/v1/algoOrder`. Conditionally mandatory: STOP/TAKE_PROFIT need `quantity`, `price`
 * (or `priceMatch`) and `triggerPrice`; STOP_MARKET/TAKE_PROFIT_MARKET need `triggerPrice` (and
 * `quantity` unless `closePosition`); TRAILING_STOP_MARKET needs `callbackRate`.
 */
export interface NewAlgoOrderParams {
  /** Always CONDITIONAL. */
  algoType: AlgoType;
  /** Symbol. */
  symbol: string;
  /** Side. */
  side: OrderSide;
  /** BOTH by default; LONG/SHORT in hedge mode. */
  positionSide?: PositionSide;
  /** Conditional order type. */
  type: AlgoOrderType;
  /** GTC by default; IOC, FOK, GTX per the REST docs (the WS spec dropped GTX/GTD/RPI). */
  timeInForce?: TimeInForce;
  /** Quantity; not with closePosition=true. */
  quantity?: string;
  /** Limit price for STOP/TAKE_PROFIT. */
  price?: string;
  /** Trigger price. */
  triggerPrice?: string;
  /** Trigger price source; default CONTRACT_PRICE. */
  workingType?: WorkingType;
  /** Price match instead of a price. */
  priceMatch?: RequestPriceMatch;
  /** "true" closes the whole position; STOP_MARKET/TAKE_PROFIT_MARKET only. */
  closePosition?: BooleanString;
  /** "true" enables trigger price protection (uses the symbol's `triggerProtect`). */
  priceProtect?: BooleanString;
  /** Reduce-only; not in hedge mode. */
  reduceOnly?: BooleanString;
  /** Trailing activation price (default latest price); renamed from `activationPrice` 2025-12. */
  activatePrice?: string;
  /** Trailing callback rate, 0.1–10 (1 = 1%). */
  callbackRate?: string;
  /** Client algo id; same rules as newClientOrderId. */
  clientAlgoId?: string;
  /** ACK or RESULT (2026-01). */
  newOrderRespType?: NewOrderRespType;
  /** Self-trade prevention mode. */
  selfTradePreventionMode?: SelfTradePreventionMode;
  /** GTD cancel time, ms. */
  goodTillDate?: number;
}

/** `DELETE /fapi/v1/algoOrder`. */
export type CancelAlgoOrderParams = AlgoOrderRef;

/** `DELETE /fapi/v1/algoOpenOrders`. */
export interface CancelAllAlgoOpenOrdersParams {
  /** Symbol. */
  symbol: string;
}

/** `GET /fapi/v1/algoOrder`: 3-day/90-day retention like regular orders. */
export type GetAlgoOrderParams = AlgoOrderRef;

/** `GET /fapi/v1/openAlgoOrders`: all symbols when `symbol` is omitted (weight 40). */
export interface GetOpenAlgoOrdersParams {
  /** Algo type. */
  algoType?: AlgoType;
  /** Symbol. */
  symbol?: string;
  /** Algo id. */
  algoId?: Id;
}

/** `GET /fapi/v1/allAlgoOrders`: window < 7 days. */
export interface GetAllAlgoOrdersParams extends TimeRangeParams {
  /** Symbol. */
  symbol: string;
  /** Return algo orders with id ≥ this. */
  algoId?: Id;
  /** Default 500, max 1000. */
  limit?: number;
}
