/**
 * USD-M order and trade responses (§5.3): the order object returned by new/modify/cancel/query,
 * batch results, amendments, user trades, force orders, countdown cancel.
 */
import type { BatchResult, Id } from './common.js';
import type {
  OrderSide,
  OrderStatus,
  PositionSide,
  PriceMatch,
  ResponseOrderType,
  ResponseTimeInForce,
  SelfTradePreventionMode,
  WorkingType,
} from './enums.js';

/**
 * The USD-M order object (`POST/PUT/DELETE/GET /fapi/v1/order`, `openOrders`, `allOrders`, batch
 * items). Connector-js dropped `avgPrice`/`cumQuote` from its 2026-07 schema but the docs still show
 * them and ccxt reads them, so they are required here.
 */
export interface Order {
  /** Client order id (`autoclose-…` liquidation, `adl_autoclose` ADL, `settlement_autoclose-…` settlement). */
  clientOrderId: string;
  /** Filled quantity; present on POST/PUT/DELETE responses, absent from GET order rows. */
  cumQty?: string;
  /** Filled quote value. */
  cumQuote: string;
  /** Filled quantity. */
  executedQty: string;
  /** Order id; increments per symbol. */
  orderId: Id;
  /** Average fill price ("0.00000" style before any fill). */
  avgPrice: string;
  /** Original quantity. */
  origQty: string;
  /** Limit price ("0" for MARKET). */
  price: string;
  /** Reduce-only flag. */
  reduceOnly: boolean;
  /** Side. */
  side: OrderSide;
  /** Position side. */
  positionSide: PositionSide;
  /** Status. */
  status: OrderStatus;
  /** Trigger price; ignore for TRAILING_STOP_MARKET. */
  stopPrice: string;
  /** Close-all flag (conditional orders). */
  closePosition: boolean;
  /** Symbol. */
  symbol: string;
  /** Creation time, ms; present on GET order/openOrders/allOrders rows. */
  time?: number;
  /** Time in force. */
  timeInForce: ResponseTimeInForce;
  /** Current order type. */
  type: ResponseOrderType;
  /** Order type at placement. */
  origType: ResponseOrderType;
  /** Trailing-stop activation price; trailing orders only. */
  activatePrice?: string;
  /** Trailing-stop callback rate in percent; trailing orders only. */
  priceRate?: string;
  /** Last update time, ms (ccxt's order timestamp). */
  updateTime: number;
  /** Trigger price source. */
  workingType: WorkingType;
  /** Price protection flag. */
  priceProtect: boolean;
  /** Price match mode; "NONE" when unused. */
  priceMatch: PriceMatch;
  /** Self-trade prevention mode. */
  selfTradePreventionMode: SelfTradePreventionMode;
  /** GTD auto-cancel time, ms; 0 unless timeInForce is GTD. */
  goodTillDate: number;
}

/**
 * `PUT /fapi/v1/order` response. The docs example carries COIN-M's `pair` and `cumBase` and no
 * `cumQuote` (apparently copied from dapi) [U]; this type accepts both forms.
 */
export type ModifyOrderResponse = Omit<Order, 'cumQuote'> & {
  /** Filled quote value (absent from the docs example). */
  cumQuote?: string;
  /** Pair, as in the docs example. */
  pair?: string;
  /** Filled base value, as in the docs example (sic). */
  cumBase?: string;
};

/** One item of `POST/PUT/DELETE /fapi/v1/batchOrders`, in request order. */
export type BatchOrderResult = BatchResult<Order>;

/** `POST /fapi/v1/order/test`: the order shape (with activatePrice/priceRate); exact real body [U]. */
export type TestOrderResponse = Order;

/** `POST /fapi/v1/countdownCancelAll`. */
export interface CountdownCancelAllResponse {
  /** Symbol. */
  symbol: string;
  /** Countdown in ms, as a string. */
  countdownTime: string;
}

/** One before/after pair in an order amendment. */
export interface AmendmentChange {
  /** Value before the modification. */
  before: string;
  /** Value after the modification. */
  after: string;
}

/** One row of `GET /fapi/v1/orderAmendment` (newest first in the example). */
export interface OrderAmendment {
  /** Amendment id. */
  amendmentId: Id;
  /** Symbol. */
  symbol: string;
  /** Pair. */
  pair: string;
  /** Order id. */
  orderId: Id;
  /** Client order id. */
  clientOrderId: string;
  /** Amendment time, ms. */
  time: number;
  /** What changed. */
  amendment: {
    /** Price change. */
    price: AmendmentChange;
    /** Quantity change. */
    origQty: AmendmentChange;
    /** Number of modifications of the order so far. */
    count: number;
  };
}

/** One row of `GET /fapi/v1/userTrades` (6-month retention). */
export interface UserTrade {
  /** True when this account was the buyer. */
  buyer: boolean;
  /** Commission charged. */
  commission: string;
  /** Commission asset. */
  commissionAsset: string;
  /** Trade id. */
  id: Id;
  /** True when this account was the maker. */
  maker: boolean;
  /** Order id. */
  orderId: Id;
  /** Price. */
  price: string;
  /** Quantity. */
  qty: string;
  /** Quote quantity. */
  quoteQty: string;
  /** Realized PnL of this fill. */
  realizedPnl: string;
  /** Side. */
  side: OrderSide;
  /** Position side. */
  positionSide: PositionSide;
  /** Symbol. */
  symbol: string;
  /** Trade time, ms. */
  time: number;
}

/**
 * One row of `GET /fapi/v1/forceOrders`: a liquidation (`autoclose-…`) or ADL (`adl_autoclose`)
 * order, without the priceProtect/priceMatch/STP/GTD fields.
 */
export type ForceOrder = Pick<
  Order,
  | 'orderId'
  | 'symbol'
  | 'status'
  | 'clientOrderId'
  | 'price'
  | 'avgPrice'
  | 'origQty'
  | 'executedQty'
  | 'cumQuote'
  | 'timeInForce'
  | 'type'
  | 'reduceOnly'
  | 'closePosition'
  | 'side'
  | 'positionSide'
  | 'stopPrice'
  | 'workingType'
  | 'origType'
  | 'updateTime'
> & {
  /** Creation time, ms. */
  time: number;
};
