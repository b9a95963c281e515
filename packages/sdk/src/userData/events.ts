import type { AccountUpdateReason, UserDataEvent } from '@basis/core';
import type { AlgoOrderView, BalanceView, OrderView, PositionView, TradeView } from './views.js';

/**
 * A change of the account, reported once: `reconciled: false` when it came over the stream,
 * `reconciled: true` when the stream missed it (a reconnect, an expired or rotated listen key) and
 * REST showed it afterwards. An event arriving over the stream for a change already reported is
 * not reported again.
 */
export type AccountChange =
  | {
      readonly type: 'order';
      readonly reconciled: boolean;
      /** The order after the change. */
      readonly order: OrderView;
      /** The stream event (live changes only). */
      readonly wire?: UserDataEvent;
    }
  | {
      readonly type: 'trade';
      readonly reconciled: boolean;
      readonly trade: TradeView;
      readonly wire?: UserDataEvent;
    }
  | {
      readonly type: 'algoOrder';
      readonly reconciled: boolean;
      readonly algoOrder: AlgoOrderView;
      readonly wire?: UserDataEvent;
    }
  | {
      readonly type: 'position';
      readonly reconciled: boolean;
      /** The position after the change; a zero amount means it was closed. */
      readonly position: PositionView;
      /** ACCOUNT_UPDATE's reason (`ORDER`, `FUNDING_FEE`, …); live changes only. */
      readonly reason?: AccountUpdateReason;
      readonly wire?: UserDataEvent;
    }
  | {
      readonly type: 'balance';
      readonly reconciled: boolean;
      readonly balance: BalanceView;
      /** ACCOUNT_UPDATE's reason (`ORDER`, `FUNDING_FEE`, `DEPOSIT`, …); live changes only. */
      readonly reason?: AccountUpdateReason;
      readonly wire?: UserDataEvent;
    };

/** Why the stream had a gap. */
export type GapReason =
  /** The socket closed or failed (including Binance's 24 h cut). */
  | 'disconnected'
  /** Nothing arrived, not even a pong, within the heartbeat time limit. */
  | 'silent'
  /** `listenKeyExpired` arrived, or a keepalive answered -1125. */
  | 'listenKeyExpired'
  /** A keepalive returned a different key. */
  | 'listenKeyRotated'
  /** Too many events arrived during a reconciliation: they were dropped and REST is read again. */
  | 'overflow';

/** What a user-data stream reports: account changes, the events as received, and its own life cycle. */
export type UserDataStreamEvent =
  | AccountChange
  /** Every event as received, before deduplication (including TRADE_LITE, MARGIN_CALL, ACCOUNT_CONFIG_UPDATE). */
  | { readonly type: 'wire'; readonly event: UserDataEvent }
  | {
      readonly type: 'listenKey';
      readonly action: 'created' | 'keptAlive' | 'renewed' | 'closed';
      readonly listenKey: string;
    }
  | { readonly type: 'connected'; readonly url: string }
  | {
      readonly type: 'gap';
      readonly reason: GapReason /** Server time the gap started, ms. */;
      readonly since: number;
    }
  | {
      readonly type: 'reconciled';
      /** Start of the window read back from REST, server time ms. */
      readonly since: number;
      /** Changes REST showed that the stream had not. */
      readonly changes: number;
      /** Stream events dropped as already reported. */
      readonly duplicates: number;
    }
  | {
      readonly type: 'error';
      readonly error: unknown;
      readonly during: 'keepAlive' | 'reconcile' | 'connect' | 'close' | 'message';
    };
