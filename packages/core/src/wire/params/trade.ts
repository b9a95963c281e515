/**
 * Request parameters of the USD-M order endpoints (§5.3). All SIGNED; conventions:
 * `params/common.ts`.
 */
import type { BooleanString, Id } from '../common.js';
import type {
  AutoCloseType,
  NewOrderRespType,
  NewOrderType,
  OrderSide,
  OrderType,
  PositionSide,
  RequestPriceMatch,
  SelfTradePreventionMode,
  TimeInForce,
  WorkingType,
} from '../enums.js';
import type { OrderRef, TimeRangeParams } from './common.js';

/**
 * `POST /fapi/v1/order`. Since 2025-12-09 only LIMIT and MARKET are accepted here (conditional
 * types answer `-4120`; use `NewAlgoOrderParams`). Conditionally mandatory: LIMIT needs
 * `timeInForce`, `quantity` and `price` (or `priceMatch`); MARKET needs `quantity`.
 */
export interface NewOrderParams {
  /** Symbol. */
  symbol: string;
  /** Side. */
  side: OrderSide;
  /** BOTH (default, one-way mode); LONG or SHORT mandatory in hedge mode. */
  positionSide?: PositionSide;
  /** LIMIT or MARKET. */
  type: NewOrderType;
  /** Mandatory for LIMIT. */
  timeInForce?: TimeInForce;
  /** Mandatory for LIMIT and MARKET. */
  quantity?: string;
  /** Default "false"; must not be sent in hedge mode (`-1106`). */
  reduceOnly?: BooleanString;
  /** Mandatory for LIMIT unless `priceMatch` is sent; never together with it. */
  price?: string;
  /** Client order id, `^[\.A-Z\:/a-z0-9_-]{1,36}$`, unique among open orders; generated when absent. */
  newClientOrderId?: string;
  /** ACK (default) or RESULT. */
  newOrderRespType?: NewOrderRespType;
  /** LIMIT only here; OPPONENT_10/20 disabled since 2025-10-23. */
  priceMatch?: RequestPriceMatch;
  /** Effective for GTC/IOC/GTD only. */
  selfTradePreventionMode?: SelfTradePreventionMode;
  /** Mandatory with GTD: ms epoch (second precision), > now + 600 s and < 253402300799000. */
  goodTillDate?: number;
}

/**
 * `POST /fapi/v1/order/test`: validated, never matched. Takes the pre-2025-12 parameter set with
 * all seven order types and the conditional fields.
 */
export interface TestOrderParams extends Omit<NewOrderParams, 'type'> {
  /** Any order type. */
  type: OrderType;
  /** Trigger price; mandatory for STOP/STOP_MARKET/TAKE_PROFIT/TAKE_PROFIT_MARKET. */
  stopPrice?: string;
  /** "true" closes the whole position (STOP_MARKET/TAKE_PROFIT_MARKET only; no quantity). */
  closePosition?: BooleanString;
  /** Trailing activation price; defaults to the latest price. */
  activationPrice?: string;
  /** Trailing callback rate in percent (0.1–5 per the test-order text); mandatory for TRAILING_STOP_MARKET. */
  callbackRate?: string;
  /** Trigger price source; default CONTRACT_PRICE. */
  workingType?: WorkingType;
  /** "true" enables trigger price protection. */
  priceProtect?: BooleanString;
}

/** One item of `POST /fapi/v1/batchOrders`: the new-order keys (`quantity` required per item). */
export type BatchOrderItem = NewOrderParams & {
  /** Mandatory for every batch item. */
  quantity: string;
};

/** `POST /fapi/v1/batchOrders`: at most 5 items (`-4082` otherwise); results in request order. */
export interface BatchOrdersParams {
  /** Orders; sent as a JSON array whose item values are strings. */
  batchOrders: BatchOrderItem[];
}

/**
 * `PUT /fapi/v1/order` (modify; LIMIT only). UM requires both `quantity` and `price` (the docs also
 * list `priceMatch`, "not together with price" — contradictory as documented).
 */
export type ModifyOrderParams = OrderRef & {
  /** Symbol. */
  symbol: string;
  /** Side (must match the order). */
  side: OrderSide;
  /** New quantity; ≤ executedQty cancels a partially filled order. */
  quantity: string;
  /** New price. */
  price: string;
  /** Price match instead of a price. */
  priceMatch?: RequestPriceMatch;
  /** Modification id echoed in the response and in ORDER_TRADE_UPDATE `o.M` (2026-07) [U type]. */
  modifyId?: Id;
};

/** One item of `PUT /fapi/v1/batchOrders`; the docs list per-item `recvWindow`/`timestamp` too. */
export type ModifyBatchOrderItem = ModifyOrderParams & {
  /** Per-item validity window, ms. */
  recvWindow?: number;
  /** Per-item timestamp, ms. */
  timestamp?: number;
};

/** `PUT /fapi/v1/batchOrders`: at most 5 modify items. */
export interface ModifyBatchOrdersParams {
  /** Modifications; sent as a JSON array whose item values are strings. */
  batchOrders: ModifyBatchOrderItem[];
}

/** `GET /fapi/v1/orderAmendment`: 3-month retention. */
export type GetOrderAmendmentParams = Partial<OrderRef> &
  TimeRangeParams & {
    /** Symbol. */
    symbol: string;
    /** Default 50, max 100. */
    limit?: number;
  };

/** `DELETE /fapi/v1/order`: unknown or closed order → `-2011`. */
export type CancelOrderParams = OrderRef & {
  /** Symbol. */
  symbol: string;
};

/** `DELETE /fapi/v1/batchOrders`: up to 10 ids, either kind. */
export type CancelBatchOrdersParams = {
  /** Symbol. */
  symbol: string;
} & (
  | {
      /** Order ids (JSON LIST<LONG>, max 10). */
      orderIdList: Id[];
      /** Client order ids (JSON LIST<STRING>, max 10). */
      origClientOrderIdList?: string[];
    }
  | {
      /** Order ids (JSON LIST<LONG>, max 10). */
      orderIdList?: Id[];
      /** Client order ids (JSON LIST<STRING>, max 10). */
      origClientOrderIdList: string[];
    }
);

/** `DELETE /fapi/v1/allOpenOrders`: regular orders only (algo orders: `algoOpenOrders`). */
export interface CancelAllOpenOrdersParams {
  /** Symbol. */
  symbol: string;
}

/** `POST /fapi/v1/countdownCancelAll`: dead-man switch; each call resets the timer. */
export interface CountdownCancelAllParams {
  /** Symbol. */
  symbol: string;
  /** Countdown in ms; 0 disables. */
  countdownTime: number;
}

/** `GET /fapi/v1/order`: not found → `-2013`. */
export type GetOrderParams = OrderRef & {
  /** Symbol. */
  symbol: string;
};

/** `GET /fapi/v1/openOrder`: filled or canceled → `-2013`. */
export type GetOpenOrderParams = GetOrderParams;

/** `GET /fapi/v1/openOrders`: all symbols when `symbol` is omitted (weight 40). */
export interface GetOpenOrdersParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/allOrders`: window < 7 days (default last 7 days). */
export interface GetAllOrdersParams extends TimeRangeParams {
  /** Symbol. */
  symbol: string;
  /** Return orders with id ≥ this. */
  orderId?: Id;
  /** Default 500, max 1000. */
  limit?: number;
}

/** `GET /fapi/v1/userTrades`: window ≤ 7 days; `fromId` not with times. */
export interface GetUserTradesParams extends TimeRangeParams {
  /** Symbol. */
  symbol: string;
  /** Only trades of this order. */
  orderId?: Id;
  /** Trade id to fetch from. */
  fromId?: Id;
  /** Default 500, max 1000. */
  limit?: number;
}

/** `GET /fapi/v1/forceOrders`: 90-day retention; without startTime, 7 days before endTime. */
export interface GetForceOrdersParams extends TimeRangeParams {
  /** Symbol. */
  symbol?: string;
  /** LIQUIDATION or ADL; both when omitted. */
  autoCloseType?: AutoCloseType;
  /** Default 50, max 100. */
  limit?: number;
}
