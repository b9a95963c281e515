/**
 * COIN-M user-data events (§13.4): a top-level `i` (account alias) on ACCOUNT_UPDATE,
 * ORDER_TRADE_UPDATE and MARGIN_CALL; `o.ma` (margin asset); no TRADE_LITE or
 * CONDITIONAL_ORDER_TRIGGER_REJECT; ALGO_UPDATE (as USD-M's) since the CM/UM integration of
 * 2026-06-30. ACCOUNT_UPDATE pushes positions of all symbols [U in practice].
 */
import type { CoinmAccountUpdateReason } from '../enums.js';
import type {
  AccountConfigLeverageUpdateEvent,
  AccountUpdateData,
  AlgoUpdateEvent,
  GridUpdateEvent,
  ListenKeyExpiredEvent,
  MarginCallEvent,
  OrderTradeUpdate,
  StrategyUpdateEvent,
} from '../userData.js';

/** COIN-M `ACCOUNT_UPDATE`. */
export interface CoinmAccountUpdateEvent {
  e: 'ACCOUNT_UPDATE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Account alias. */
  i: string;
  /** Update data (COIN-M reasons). */
  a: AccountUpdateData<CoinmAccountUpdateReason>;
}

/**
 * COIN-M ORDER_TRADE_UPDATE `o`: adds `ma`; `b`/`a` are bid/ask quantities of base asset; the
 * docs example has no `si`, `ss` or `gtd`.
 */
export type CoinmOrderTradeUpdate = Omit<OrderTradeUpdate, 'si' | 'ss' | 'gtd'> & {
  /** Margin asset. */
  ma: string;
  /** Ignore. */
  si?: number;
  /** Ignore. */
  ss?: number;
  /** GTD cancel time [U on COIN-M]. */
  gtd?: number;
};

/** COIN-M `ORDER_TRADE_UPDATE`. */
export interface CoinmOrderTradeUpdateEvent {
  e: 'ORDER_TRADE_UPDATE';
  /** Event time, ms. */
  E: number;
  /** Transaction time, ms. */
  T: number;
  /** Account alias. */
  i: string;
  /** The order. */
  o: CoinmOrderTradeUpdate;
}

/** COIN-M `MARGIN_CALL`: adds the account alias. */
export interface CoinmMarginCallEvent extends MarginCallEvent {
  /** Account alias. */
  i: string;
}

/** COIN-M `ACCOUNT_CONFIG_UPDATE`: leverage changes only (no multi-assets mode). */
export type CoinmAccountConfigUpdateEvent = AccountConfigLeverageUpdateEvent;

/** Any COIN-M user-data event, discriminated on `e`. */
export type CoinmUserDataEvent =
  | CoinmAccountUpdateEvent
  | CoinmOrderTradeUpdateEvent
  | AlgoUpdateEvent
  | CoinmAccountConfigUpdateEvent
  | CoinmMarginCallEvent
  | StrategyUpdateEvent
  | GridUpdateEvent
  | ListenKeyExpiredEvent;
