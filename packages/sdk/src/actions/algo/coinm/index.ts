// The COIN-M algo (conditional) order actions (`/dapi/v1`, since the CM/UM integration of 2026-06-30): a subpath entry.

export type {
  CancelCoinmAlgoOrderErrorType,
  CancelCoinmAlgoOrderParameters,
  CancelCoinmAlgoOrderReturnType,
} from './cancelCoinmAlgoOrder.js';
export { cancelCoinmAlgoOrder } from './cancelCoinmAlgoOrder.js';
export type {
  CancelCoinmAllAlgoOpenOrdersErrorType,
  CancelCoinmAllAlgoOpenOrdersParameters,
  CancelCoinmAllAlgoOpenOrdersReturnType,
} from './cancelCoinmAllAlgoOpenOrders.js';
export { cancelCoinmAllAlgoOpenOrders } from './cancelCoinmAllAlgoOpenOrders.js';
export type {
  GetCoinmAlgoOrderErrorType,
  GetCoinmAlgoOrderParameters,
  GetCoinmAlgoOrderReturnType,
} from './getCoinmAlgoOrder.js';
export { getCoinmAlgoOrder } from './getCoinmAlgoOrder.js';
export type {
  GetCoinmAllAlgoOrdersErrorType,
  GetCoinmAllAlgoOrdersParameters,
  GetCoinmAllAlgoOrdersReturnType,
} from './getCoinmAllAlgoOrders.js';
export { getCoinmAllAlgoOrders } from './getCoinmAllAlgoOrders.js';
export type {
  GetCoinmOpenAlgoOrdersErrorType,
  GetCoinmOpenAlgoOrdersParameters,
  GetCoinmOpenAlgoOrdersReturnType,
} from './getCoinmOpenAlgoOrders.js';
export { getCoinmOpenAlgoOrders } from './getCoinmOpenAlgoOrders.js';
export type {
  NewCoinmAlgoOrderErrorType,
  NewCoinmAlgoOrderParameters,
  NewCoinmAlgoOrderReturnType,
} from './newCoinmAlgoOrder.js';
export { newCoinmAlgoOrder } from './newCoinmAlgoOrder.js';
