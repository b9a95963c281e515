// The USD-M algo (conditional) order actions (reference §5.4): a subpath entry. COIN-M's are under coinm/.

export type {
  CancelAlgoOrderErrorType,
  CancelAlgoOrderParameters,
  CancelAlgoOrderReturnType,
} from './cancelAlgoOrder.js';
export { cancelAlgoOrder } from './cancelAlgoOrder.js';
export type {
  CancelAllAlgoOpenOrdersErrorType,
  CancelAllAlgoOpenOrdersParameters,
  CancelAllAlgoOpenOrdersReturnType,
} from './cancelAllAlgoOpenOrders.js';
export { cancelAllAlgoOpenOrders } from './cancelAllAlgoOpenOrders.js';
export type {
  CancelCoinmAlgoOrderErrorType,
  CancelCoinmAlgoOrderParameters,
  CancelCoinmAlgoOrderReturnType,
} from './coinm/cancelCoinmAlgoOrder.js';
export { cancelCoinmAlgoOrder } from './coinm/cancelCoinmAlgoOrder.js';
export type {
  CancelCoinmAllAlgoOpenOrdersErrorType,
  CancelCoinmAllAlgoOpenOrdersParameters,
  CancelCoinmAllAlgoOpenOrdersReturnType,
} from './coinm/cancelCoinmAllAlgoOpenOrders.js';
export { cancelCoinmAllAlgoOpenOrders } from './coinm/cancelCoinmAllAlgoOpenOrders.js';
export type {
  GetCoinmAlgoOrderErrorType,
  GetCoinmAlgoOrderParameters,
  GetCoinmAlgoOrderReturnType,
} from './coinm/getCoinmAlgoOrder.js';
export { getCoinmAlgoOrder } from './coinm/getCoinmAlgoOrder.js';
export type {
  GetCoinmAllAlgoOrdersErrorType,
  GetCoinmAllAlgoOrdersParameters,
  GetCoinmAllAlgoOrdersReturnType,
} from './coinm/getCoinmAllAlgoOrders.js';
export { getCoinmAllAlgoOrders } from './coinm/getCoinmAllAlgoOrders.js';
export type {
  GetCoinmOpenAlgoOrdersErrorType,
  GetCoinmOpenAlgoOrdersParameters,
  GetCoinmOpenAlgoOrdersReturnType,
} from './coinm/getCoinmOpenAlgoOrders.js';
export { getCoinmOpenAlgoOrders } from './coinm/getCoinmOpenAlgoOrders.js';
export type {
  NewCoinmAlgoOrderErrorType,
  NewCoinmAlgoOrderParameters,
  NewCoinmAlgoOrderReturnType,
} from './coinm/newCoinmAlgoOrder.js';
export { newCoinmAlgoOrder } from './coinm/newCoinmAlgoOrder.js';
export type {
  GetAlgoOrderErrorType,
  GetAlgoOrderParameters,
  GetAlgoOrderReturnType,
} from './getAlgoOrder.js';
export { getAlgoOrder } from './getAlgoOrder.js';
export type {
  GetAllAlgoOrdersErrorType,
  GetAllAlgoOrdersParameters,
  GetAllAlgoOrdersReturnType,
} from './getAllAlgoOrders.js';
export { getAllAlgoOrders } from './getAllAlgoOrders.js';
export type {
  GetOpenAlgoOrdersErrorType,
  GetOpenAlgoOrdersParameters,
  GetOpenAlgoOrdersReturnType,
} from './getOpenAlgoOrders.js';
export { getOpenAlgoOrders } from './getOpenAlgoOrders.js';
export type {
  NewAlgoOrderErrorType,
  NewAlgoOrderParameters,
  NewAlgoOrderReturnType,
} from './newAlgoOrder.js';
export { newAlgoOrder } from './newAlgoOrder.js';
