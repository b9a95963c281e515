// The user-data stream: listen-key life cycle, gap reconciliation and a live account state.

export type { AccountReader, TradePage } from './accountReader.js';
export type { AccountStateView } from './accountState.js';
export { AccountState } from './accountState.js';
export type { AccountChange, GapReason, UserDataStreamEvent } from './events.js';
export type { ListenKeyManager, ListenKeyManagerOptions } from './listenKey.js';
export { createListenKeyManager, LISTEN_KEY_NOT_FOUND } from './listenKey.js';
export type {
  UserDataStream,
  UserDataStreamOptions,
  UserDataStreamStats,
} from './userDataStream.js';
export { createUserDataStream } from './userDataStream.js';
export type { AlgoOrderView, BalanceView, OrderView, PositionView, TradeView } from './views.js';
