// The USD-M algo (conditional) order actions (reference §5.4): a subpath entry.

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
