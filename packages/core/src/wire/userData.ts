/**
 * USD-M user-data stream events (§11.2), a union discriminated on `e`. Within one connection,
 * events of one type are ordered by `T`/`E`; across types compare `E`.
 */
import type { Id } from './common.js';
import type {
  AccountUpdateReason,
  AlgoOrderType,
  AlgoStatus,
  AlgoType,
  ExecutionType,
  ExpiryReason,
  MarginType,
  OrderSide,
  OrderStatus,
  PositionMarginType,
  PositionSide,
  PriceMatch,
  ResponseOrderType,
  ResponseTimeInForce,
  SelfTradePreventionMode,
  StrategyOpCode,
  StrategyStatus,
  WorkingType,
} from './enums.js';

/** ACCOUNT_UPDATE `a.B[]`: one changed balance. */
export interface AccountUpdateBalance {
  /** Asset. */
  a: string;
  /** Wallet balance (ccxt's total). */
  wb: string;
  /** Cross wallet balance. */
  cw: string;
  /** Balance change except PnL and commission. */
  bc: string;
}

/** ACCOUNT_UPDATE `a.P[]`: one changed position. */
export interface AccountUpdatePosition {
  /** Symbol. */
  s: string;
  /** Signed position amount. */
  pa: string;
  /** Entry price. */
  ep: string;
  /** Break-even price. */
  bep: string;
  /** (Pre-fee) accumulated realized PnL. */
  cr: string;
  /** Unrealized PnL. */
  up: string;
  /** Margin type, lower-case. */
  mt: PositionMarginType;
  /** Isolated wallet (isolated positions). */
  iw: string;
  /** Position side. */
  ps: PositionSide;
}

/** ACCOUNT_UPDATE `a`. */
export interface AccountUpdateData<R = AccountUpdateReason> {
  /** Reason for the update. */
  m: R;
  /** Changed balances only. */
  B: AccountUpdateBalance[];
  /** Changed positions only (may be empty, e.g. a cross-margin funding fee). */
  P: AccountUpdatePosition[];
}

/** `ACCOUNT_UPDATE`: balances/positions/margin type changed (not pushed for unfilled orders). */
export interface AccountUpdateEvent {
  e: 'ACCOUNT_UPDATE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Update data. */
  a: AccountUpdateData;
}

/** ORDER_TRADE_UPDATE `o`: the order after this execution. */
export interface OrderTradeUpdate {
  /** Symbol. */
  s: string;
  /** Client order id (`autoclose-…`, `adl_autoclose`, `settlement_autoclose-…` for system orders). */
  c: string;
  /** Side. */
  S: OrderSide;
  /** Order type (LIQUIDATION for liquidation executions). */
  o: ResponseOrderType;
  /** Time in force. */
  f: ResponseTimeInForce;
  /** Original quantity. */
  q: string;
  /** Original price. */
  p: string;
  /** Average price. */
  ap: string;
  /** Stop price (ignore for trailing stops). */
  sp: string;
  /** Execution type of this event. */
  x: ExecutionType;
  /** Order status after this event. */
  X: OrderStatus;
  /** Order id. */
  i: Id;
  /** modifyId; AMENDMENT events only (2026-07) [U type]. */
  M?: Id;
  /** Last filled quantity. */
  l: string;
  /** Cumulative filled quantity. */
  z: string;
  /** Last filled price. */
  L: string;
  /** Commission asset; omitted when no commission [U]. */
  N?: string;
  /** Commission of this fill; omitted when no commission [U]. */
  n?: string;
  /** Order trade time, ms. */
  T: number;
  /** Trade id (0 if none). */
  t: Id;
  /** Bids notional (COIN-M: bid quantity of base asset). */
  b: string;
  /** Asks notional (COIN-M: ask quantity of base asset). */
  a: string;
  /** Whether this fill was the maker side. */
  m: boolean;
  /** Reduce-only flag. */
  R: boolean;
  /** Stop price working type. */
  wt: WorkingType;
  /** Original order type. */
  ot: ResponseOrderType;
  /** Position side. */
  ps: PositionSide;
  /** Close-all flag (conditional orders). */
  cp: boolean;
  /** Activation price; meaningful for trailing stops only. */
  AP: string;
  /** Callback rate; meaningful for trailing stops only. */
  cr: string;
  /** Price protection flag. */
  pP: boolean;
  /** Ignore. */
  si: number;
  /** Ignore. */
  ss: number;
  /** Realized profit of this trade. */
  rp: string;
  /** Self-trade prevention mode. */
  V: SelfTradePreventionMode;
  /** Price match mode. */
  pm: PriceMatch;
  /** GTD auto-cancel time, ms; 0 if none. */
  gtd: number;
  /** Expiry reason (2025-10-23); the docs example sends it as a string ("0"). */
  er: ExpiryReason | `${ExpiryReason}`;
}

/** `ORDER_TRADE_UPDATE`: order created, modified, filled, canceled or expired. */
export interface OrderTradeUpdateEvent {
  e: 'ORDER_TRADE_UPDATE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** The order. */
  o: OrderTradeUpdate;
}

/** `TRADE_LITE` (2024-09): lower-latency trade executions only, fewer fields. */
export interface TradeLiteEvent {
  e: 'TRADE_LITE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Symbol. */
  s: string;
  /** Original quantity. */
  q: string;
  /** Original price. */
  p: string;
  /** Whether this trade was the maker side. */
  m: boolean;
  /** Client order id. */
  c: string;
  /** Side. */
  S: OrderSide;
  /** Last filled price. */
  L: string;
  /** Last filled quantity. */
  l: string;
  /** Trade id. */
  t: Id;
  /** Order id. */
  i: Id;
}

/** `ACCOUNT_CONFIG_UPDATE` for a leverage change: `ac: {s, l}`. */
export interface AccountConfigLeverageUpdateEvent {
  e: 'ACCOUNT_CONFIG_UPDATE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Symbol configuration. */
  ac: {
    /** Symbol. */
    s: string;
    /** New leverage. */
    l: number;
  };
}

/** `ACCOUNT_CONFIG_UPDATE` for a multi-assets mode toggle: `ai: {j}`. */
export interface AccountConfigMultiAssetsUpdateEvent {
  e: 'ACCOUNT_CONFIG_UPDATE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Account configuration. */
  ai: {
    /** Multi-assets mode on. */
    j: boolean;
  };
}

/** `ACCOUNT_CONFIG_UPDATE`: either the `ac` (leverage) or the `ai` (multi-assets) variant. */
export type AccountConfigUpdateEvent = AccountConfigLeverageUpdateEvent | AccountConfigMultiAssetsUpdateEvent;

/** MARGIN_CALL `p[]`: one position at risk. */
export interface MarginCallPosition {
  /** Symbol. */
  s: string;
  /** Position side. */
  ps: PositionSide;
  /** Position amount. */
  pa: string;
  /** Margin type, upper-case here. */
  mt: MarginType;
  /** Isolated wallet (isolated positions). */
  iw: string;
  /** Mark price. */
  mp: string;
  /** Unrealized PnL. */
  up: string;
  /** Maintenance margin required. */
  mm: string;
}

/** `MARGIN_CALL`: risk ratio too high; informational only. */
export interface MarginCallEvent {
  e: 'MARGIN_CALL';
  /** Event time, ms. */
  E: number;
  /** Cross wallet balance; only for crossed positions. */
  cw?: string;
  /** Positions at risk. */
  p: MarginCallPosition[];
}

/** ALGO_UPDATE `o`: the algo order after this change. */
export interface AlgoUpdate {
  /** Client algo id. */
  caid: string;
  /** Algo id. */
  aid: Id;
  /** Algo type. */
  at: AlgoType;
  /** Order type. */
  o: AlgoOrderType;
  /** Symbol. */
  s: string;
  /** Side. */
  S: OrderSide;
  /** Position side. */
  ps: PositionSide;
  /** Time in force. */
  f: ResponseTimeInForce;
  /** Quantity. */
  q: string;
  /** Algo status. */
  X: AlgoStatus;
  /** Matching-engine order id once triggered, as a string; "" before. */
  ai: string;
  /** Average fill price in the matching engine. */
  ap: string;
  /** Executed quantity in the matching engine. */
  aq: string;
  /** Actual order type in the matching engine ("0" before triggering). */
  act: string;
  /** Trigger price. */
  tp: string;
  /** Order price. */
  p: string;
  /** Self-trade prevention mode. */
  V: SelfTradePreventionMode;
  /** Working type. */
  wt: WorkingType;
  /** Price match mode. */
  pm: PriceMatch;
  /** Close-all flag. */
  cp: boolean;
  /** Price protection flag. */
  pP: boolean;
  /** Reduce-only flag. */
  R: boolean;
  /** Trigger time, ms; 0 until triggered. */
  tt: number;
  /** GTD cancel time, ms; 0 if none. */
  gtd: number;
  /** Failure reason (replaced CONDITIONAL_ORDER_TRIGGER_REJECT); present on rejections. */
  rm?: string;
}

/** `ALGO_UPDATE` (UM algo service): NEW → (TRIGGERING → TRIGGERED → FINISHED) | CANCELED | REJECTED | EXPIRED. */
export interface AlgoUpdateEvent {
  e: 'ALGO_UPDATE';
  /** Transaction time, ms. */
  T: number;
  /** Event time, ms. */
  E: number;
  /** The algo order. */
  o: AlgoUpdate;
}

/** `CONDITIONAL_ORDER_TRIGGER_REJECT` (deprecated 2025-12-15; reason now in ALGO_UPDATE `o.rm`). */
export interface ConditionalOrderTriggerRejectEvent {
  e: 'CONDITIONAL_ORDER_TRIGGER_REJECT';
  /** Event time, ms. */
  E: number;
  /** Matching-engine send time, ms. */
  T: number;
  /** The rejected order. */
  or: {
    /** Symbol. */
    s: string;
    /** Order id. */
    i: Id;
    /** Reject reason text. */
    r: string;
  };
}

/** `STRATEGY_UPDATE`: a strategy (e.g. grid) was created, updated, cancelled or expired. */
export interface StrategyUpdateEvent {
  e: 'STRATEGY_UPDATE';
  /** Transaction time, ms. */
  T: number;
  /** Event time, ms. */
  E: number;
  /** Strategy update. */
  su: {
    /** Strategy id. */
    si: Id;
    /** Strategy type, e.g. "GRID". */
    st: string;
    /** Strategy status. */
    ss: StrategyStatus;
    /** Symbol. */
    s: string;
    /** Update time, ms. */
    ut: number;
    /** opCode 8001–8015. */
    c: StrategyOpCode;
  };
}

/** `GRID_UPDATE` (deprecated): a grid sub-order was (partially) filled. */
export interface GridUpdateEvent {
  e: 'GRID_UPDATE';
  /** Transaction time, ms. */
  T: number;
  /** Event time, ms. */
  E: number;
  /** Grid update. */
  gu: {
    /** Strategy id. */
    si: Id;
    /** Strategy type, e.g. "GRID". */
    st: string;
    /** Strategy status. */
    ss: StrategyStatus;
    /** Symbol. */
    s: string;
    /** Realized PnL. */
    r: string;
    /** Unmatched average price. */
    up: string;
    /** Unmatched quantity. */
    uq: string;
    /** Unmatched fee. */
    uf: string;
    /** Matched PnL. */
    mp: string;
    /** Update time, ms. */
    ut: number;
  };
}

/** `listenKeyExpired`: no more events until a valid key is used; the socket may stay open. */
export interface ListenKeyExpiredEvent {
  e: 'listenKeyExpired';
  /** Event time, ms (a number; old docs showed a string). */
  E: number;
  /** The expired key. */
  listenKey: string;
}

/** Any USD-M user-data event, discriminated on `e`. */
export type UserDataEvent =
  | AccountUpdateEvent
  | OrderTradeUpdateEvent
  | TradeLiteEvent
  | AccountConfigUpdateEvent
  | MarginCallEvent
  | AlgoUpdateEvent
  | ConditionalOrderTriggerRejectEvent
  | StrategyUpdateEvent
  | GridUpdateEvent
  | ListenKeyExpiredEvent;
