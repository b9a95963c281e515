/**
 * COIN-M request parameters (§13.3) where they differ from USD-M; conventions:
 * `params/common.ts`. Endpoints with identical parameters reuse the USD-M types (depth, trades,
 * historicalTrades, aggTrades, klines, markPriceKlines, indexPriceKlines, premiumIndexKlines,
 * cancel order/batch/all, countdownCancelAll, get order/openOrder, leverage, marginType,
 * positionSide/dual, positionMargin and its history, commissionRate, income, forceOrders,
 * orderAmendment). COIN-M has no algo endpoints, no `/order/test`, no multi-assets endpoints.
 */
import type { BooleanString, Id } from '../common.js';
import type {
  CoinmContinuousContractType,
  CoinmTimeInForce,
  NewOrderRespType,
  OrderSide,
  OrderType,
  PositionSide,
  RequestPriceMatch,
  SelfTradePreventionMode,
  WorkingType,
} from '../enums.js';
import type { OrderRef, TimeRangeParams } from '../params/common.js';
import type { KlineWindowParams } from '../params/market.js';

/** Either `symbol` or `pair` (never both). */
export type SymbolOrPair =
  | {
      /** Symbol, e.g. BTCUSD_PERP. */
      symbol: string;
      /** Pair, e.g. BTCUSD. */
      pair?: never;
    }
  | {
      /** Symbol. */
      symbol?: never;
      /** Pair: every symbol of the pair. */
      pair: string;
    };

/** `GET /dapi/v1/continuousKlines`. */
export interface CoinmGetContinuousKlinesParams extends KlineWindowParams {
  /** Pair, e.g. BTCUSD. */
  pair: string;
  /** Contract type. */
  contractType: CoinmContinuousContractType;
}

/** `GET /dapi/v1/premiumIndex` (weight 10, always an array). */
export interface CoinmGetPremiumIndexParams {
  /** Symbol. */
  symbol?: string;
  /** Pair. */
  pair?: string;
}

/** `GET /dapi/v1/fundingRate`: `symbol` is mandatory on COIN-M. */
export interface CoinmGetFundingRateParams extends TimeRangeParams {
  /** Symbol (perpetual; delivery symbols return []). */
  symbol: string;
  /** Default 100, max 1000. */
  limit?: number;
}

/** `GET /dapi/v1/ticker/24hr`, `ticker/price`, `ticker/bookTicker`: `symbol` or `pair`, or neither for all. */
export interface CoinmGetTickerParams {
  /** Symbol; not with `pair`. */
  symbol?: string;
  /** Pair: tickers of every symbol of the pair. */
  pair?: string;
}

/**
 * `POST /dapi/v1/order`: all seven order types (conditional orders stay here on COIN-M), no GTD.
 * STOP/TAKE_PROFIT need `price` and `stopPrice`; STOP_MARKET/TAKE_PROFIT_MARKET need `stopPrice`;
 * TRAILING_STOP_MARKET needs `callbackRate`; `quantity` (contracts) unless `closePosition`.
 */
export interface CoinmNewOrderParams {
  /** Symbol. */
  symbol: string;
  /** Side. */
  side: OrderSide;
  /** BOTH by default; LONG/SHORT in hedge mode. */
  positionSide?: PositionSide;
  /** Order type. */
  type: OrderType;
  /** Mandatory for LIMIT; GTC default for STOP/TAKE_PROFIT. */
  timeInForce?: CoinmTimeInForce;
  /** Quantity in contracts. */
  quantity?: string;
  /** Not in hedge mode. */
  reduceOnly?: BooleanString;
  /** Limit price. */
  price?: string;
  /** Client order id. */
  newClientOrderId?: string;
  /** Trigger price for STOP*, TAKE_PROFIT*. */
  stopPrice?: string;
  /** "true" closes the whole position (STOP_MARKET/TAKE_PROFIT_MARKET). */
  closePosition?: BooleanString;
  /** Trailing activation price (COIN-M keeps the old name). */
  activationPrice?: string;
  /** Trailing callback rate, 0.1–10. */
  callbackRate?: string;
  /** Trigger price source; default CONTRACT_PRICE. */
  workingType?: WorkingType;
  /** "true" enables trigger price protection. */
  priceProtect?: BooleanString;
  /** ACK (default) or RESULT. */
  newOrderRespType?: NewOrderRespType;
  /** Price match instead of a price. */
  priceMatch?: RequestPriceMatch;
  /** Self-trade prevention mode. */
  selfTradePreventionMode?: SelfTradePreventionMode;
}

/** `POST /dapi/v1/batchOrders`: at most 5 items. */
export interface CoinmBatchOrdersParams {
  /** Orders; sent as a JSON array whose item values are strings. */
  batchOrders: CoinmNewOrderParams[];
}

/** `PUT /dapi/v1/order`: either `quantity` or `price` is enough (UM needs both). */
export type CoinmModifyOrderParams = OrderRef & {
  /** Symbol. */
  symbol: string;
  /** Side. */
  side: OrderSide;
  /** New quantity (contracts). */
  quantity?: string;
  /** New price. */
  price?: string;
  /** Price match instead of a price. */
  priceMatch?: RequestPriceMatch;
};

/** `PUT /dapi/v1/batchOrders`: at most 5 modify items. */
export interface CoinmModifyBatchOrdersParams {
  /** Modifications; sent as a JSON array whose item values are strings. */
  batchOrders: CoinmModifyOrderParams[];
}

/** `GET /dapi/v1/openOrders`: `symbol` or `pair`, or neither for all. */
export interface CoinmGetOpenOrdersParams {
  /** Symbol. */
  symbol?: string;
  /** Pair. */
  pair?: string;
}

/** `GET /dapi/v1/allOrders`: `symbol` or `pair` (weight 20/40). */
export type CoinmGetAllOrdersParams = SymbolOrPair &
  TimeRangeParams & {
    /** Return orders with id ≥ this (with `symbol`). */
    orderId?: Id;
    /** Default 50, max 100 [U]. */
    limit?: number;
  };

/** `GET /dapi/v1/userTrades`: `symbol` or `pair`; `orderId` only with `symbol`; `fromId` not with `pair` or times. */
export type CoinmGetUserTradesParams = SymbolOrPair &
  TimeRangeParams & {
    /** Only trades of this order (with `symbol`). */
    orderId?: Id;
    /** Trade id to fetch from. */
    fromId?: Id;
    /** Default 50, max 1000. */
    limit?: number;
  };

/** `GET /dapi/v1/positionRisk`: neither → every TRADING symbol. */
export interface CoinmGetPositionRiskParams {
  /** Margin asset filter. */
  marginAsset?: string;
  /** Pair filter. */
  pair?: string;
}

/** `GET /dapi/v1/leverageBracket` (per pair). */
export interface CoinmGetLeverageBracketV1Params {
  /** Pair. */
  pair?: string;
}

/** `GET /dapi/v2/leverageBracket` (per symbol). */
export interface CoinmGetLeverageBracketV2Params {
  /** Symbol. */
  symbol?: string;
}
