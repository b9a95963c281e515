// The COIN-M trade actions (reference §13.3): a subpath entry.

export type {
  CancelCoinmAllOpenOrdersErrorType,
  CancelCoinmAllOpenOrdersParameters,
  CancelCoinmAllOpenOrdersReturnType,
} from './cancelCoinmAllOpenOrders.js';
export { cancelCoinmAllOpenOrders } from './cancelCoinmAllOpenOrders.js';
export type {
  CancelCoinmBatchOrdersErrorType,
  CancelCoinmBatchOrdersParameters,
  CancelCoinmBatchOrdersReturnType,
} from './cancelCoinmBatchOrders.js';
export { cancelCoinmBatchOrders } from './cancelCoinmBatchOrders.js';
export type {
  CancelCoinmOrderErrorType,
  CancelCoinmOrderParameters,
  CancelCoinmOrderReturnType,
} from './cancelCoinmOrder.js';
export { cancelCoinmOrder } from './cancelCoinmOrder.js';
export type {
  CoinmBatchOrdersErrorType,
  CoinmBatchOrdersParameters,
  CoinmBatchOrdersReturnType,
} from './coinmBatchOrders.js';
export { coinmBatchOrders } from './coinmBatchOrders.js';
export type {
  CoinmCountdownCancelAllErrorType,
  CoinmCountdownCancelAllParameters,
  CoinmCountdownCancelAllReturnType,
} from './coinmCountdownCancelAll.js';
export { coinmCountdownCancelAll } from './coinmCountdownCancelAll.js';
export type {
  GetCoinmAllOrdersErrorType,
  GetCoinmAllOrdersParameters,
  GetCoinmAllOrdersReturnType,
} from './getCoinmAllOrders.js';
export { getCoinmAllOrders } from './getCoinmAllOrders.js';
export type {
  GetCoinmForceOrdersErrorType,
  GetCoinmForceOrdersParameters,
  GetCoinmForceOrdersReturnType,
} from './getCoinmForceOrders.js';
export { getCoinmForceOrders } from './getCoinmForceOrders.js';
export type {
  GetCoinmOpenOrderErrorType,
  GetCoinmOpenOrderParameters,
  GetCoinmOpenOrderReturnType,
} from './getCoinmOpenOrder.js';
export { getCoinmOpenOrder } from './getCoinmOpenOrder.js';
export type {
  GetCoinmOpenOrdersErrorType,
  GetCoinmOpenOrdersParameters,
  GetCoinmOpenOrdersReturnType,
} from './getCoinmOpenOrders.js';
export { getCoinmOpenOrders } from './getCoinmOpenOrders.js';
export type {
  GetCoinmOrderErrorType,
  GetCoinmOrderParameters,
  GetCoinmOrderReturnType,
} from './getCoinmOrder.js';
export { getCoinmOrder } from './getCoinmOrder.js';
export type {
  GetCoinmOrderAmendmentErrorType,
  GetCoinmOrderAmendmentParameters,
  GetCoinmOrderAmendmentReturnType,
} from './getCoinmOrderAmendment.js';
export { getCoinmOrderAmendment } from './getCoinmOrderAmendment.js';
export type {
  ModifyCoinmBatchOrderInput,
  ModifyCoinmBatchOrdersErrorType,
  ModifyCoinmBatchOrdersParameters,
  ModifyCoinmBatchOrdersReturnType,
} from './modifyCoinmBatchOrders.js';
export { modifyCoinmBatchOrders } from './modifyCoinmBatchOrders.js';
export type {
  ModifyCoinmOrderErrorType,
  ModifyCoinmOrderParameters,
  ModifyCoinmOrderReturnType,
} from './modifyCoinmOrder.js';
export { modifyCoinmOrder } from './modifyCoinmOrder.js';
export type {
  CoinmOrderInput,
  NewCoinmOrderErrorType,
  NewCoinmOrderParameters,
  NewCoinmOrderReturnType,
  PlacedCoinmOrder,
} from './newCoinmOrder.js';
export { newCoinmOrder } from './newCoinmOrder.js';
