// The USD-M trade actions (reference §5.3): a subpath entry. COIN-M's are under coinm/.

export type {
  BatchOrderInput,
  BatchOrdersErrorType,
  BatchOrdersParameters,
  BatchOrdersReturnType,
} from './batchOrders.js';
export { batchOrders, MAX_BATCH_ORDERS } from './batchOrders.js';
export type {
  CancelAllOpenOrdersErrorType,
  CancelAllOpenOrdersParameters,
  CancelAllOpenOrdersReturnType,
} from './cancelAllOpenOrders.js';
export { cancelAllOpenOrders } from './cancelAllOpenOrders.js';
export type {
  CancelBatchOrdersErrorType,
  CancelBatchOrdersParameters,
  CancelBatchOrdersReturnType,
} from './cancelBatchOrders.js';
export { cancelBatchOrders, MAX_BATCH_CANCELS } from './cancelBatchOrders.js';
export type { CancelOrderErrorType, CancelOrderParameters, CancelOrderReturnType } from './cancelOrder.js';
export { cancelOrder } from './cancelOrder.js';
export type {
  CancelCoinmAllOpenOrdersErrorType,
  CancelCoinmAllOpenOrdersParameters,
  CancelCoinmAllOpenOrdersReturnType,
} from './coinm/cancelCoinmAllOpenOrders.js';
export { cancelCoinmAllOpenOrders } from './coinm/cancelCoinmAllOpenOrders.js';
export type {
  CancelCoinmBatchOrdersErrorType,
  CancelCoinmBatchOrdersParameters,
  CancelCoinmBatchOrdersReturnType,
} from './coinm/cancelCoinmBatchOrders.js';
export { cancelCoinmBatchOrders } from './coinm/cancelCoinmBatchOrders.js';
export type {
  CancelCoinmOrderErrorType,
  CancelCoinmOrderParameters,
  CancelCoinmOrderReturnType,
} from './coinm/cancelCoinmOrder.js';
export { cancelCoinmOrder } from './coinm/cancelCoinmOrder.js';
export type {
  CoinmBatchOrdersErrorType,
  CoinmBatchOrdersParameters,
  CoinmBatchOrdersReturnType,
} from './coinm/coinmBatchOrders.js';
export { coinmBatchOrders } from './coinm/coinmBatchOrders.js';
export type {
  CoinmCountdownCancelAllErrorType,
  CoinmCountdownCancelAllParameters,
  CoinmCountdownCancelAllReturnType,
} from './coinm/coinmCountdownCancelAll.js';
export { coinmCountdownCancelAll } from './coinm/coinmCountdownCancelAll.js';
export type {
  GetCoinmAllOrdersErrorType,
  GetCoinmAllOrdersParameters,
  GetCoinmAllOrdersReturnType,
} from './coinm/getCoinmAllOrders.js';
export { getCoinmAllOrders } from './coinm/getCoinmAllOrders.js';
export type {
  GetCoinmForceOrdersErrorType,
  GetCoinmForceOrdersParameters,
  GetCoinmForceOrdersReturnType,
} from './coinm/getCoinmForceOrders.js';
export { getCoinmForceOrders } from './coinm/getCoinmForceOrders.js';
export type {
  GetCoinmOpenOrderErrorType,
  GetCoinmOpenOrderParameters,
  GetCoinmOpenOrderReturnType,
} from './coinm/getCoinmOpenOrder.js';
export { getCoinmOpenOrder } from './coinm/getCoinmOpenOrder.js';
export type {
  GetCoinmOpenOrdersErrorType,
  GetCoinmOpenOrdersParameters,
  GetCoinmOpenOrdersReturnType,
} from './coinm/getCoinmOpenOrders.js';
export { getCoinmOpenOrders } from './coinm/getCoinmOpenOrders.js';
export type {
  GetCoinmOrderErrorType,
  GetCoinmOrderParameters,
  GetCoinmOrderReturnType,
} from './coinm/getCoinmOrder.js';
export { getCoinmOrder } from './coinm/getCoinmOrder.js';
export type {
  GetCoinmOrderAmendmentErrorType,
  GetCoinmOrderAmendmentParameters,
  GetCoinmOrderAmendmentReturnType,
} from './coinm/getCoinmOrderAmendment.js';
export { getCoinmOrderAmendment } from './coinm/getCoinmOrderAmendment.js';
export type {
  ModifyCoinmBatchOrderInput,
  ModifyCoinmBatchOrdersErrorType,
  ModifyCoinmBatchOrdersParameters,
  ModifyCoinmBatchOrdersReturnType,
} from './coinm/modifyCoinmBatchOrders.js';
export { modifyCoinmBatchOrders } from './coinm/modifyCoinmBatchOrders.js';
export type {
  ModifyCoinmOrderErrorType,
  ModifyCoinmOrderParameters,
  ModifyCoinmOrderReturnType,
} from './coinm/modifyCoinmOrder.js';
export { modifyCoinmOrder } from './coinm/modifyCoinmOrder.js';
export type {
  CoinmOrderInput,
  NewCoinmOrderErrorType,
  NewCoinmOrderParameters,
  NewCoinmOrderReturnType,
  PlacedCoinmOrder,
} from './coinm/newCoinmOrder.js';
export { newCoinmOrder } from './coinm/newCoinmOrder.js';
export type {
  CountdownCancelAllErrorType,
  CountdownCancelAllParameters,
  CountdownCancelAllReturnType,
} from './countdownCancelAll.js';
export { countdownCancelAll } from './countdownCancelAll.js';
export type {
  GetAllOrdersErrorType,
  GetAllOrdersParameters,
  GetAllOrdersReturnType,
} from './getAllOrders.js';
export { getAllOrders } from './getAllOrders.js';
export type {
  GetForceOrdersErrorType,
  GetForceOrdersParameters,
  GetForceOrdersReturnType,
} from './getForceOrders.js';
export { getForceOrders } from './getForceOrders.js';
export type {
  GetOpenOrderErrorType,
  GetOpenOrderParameters,
  GetOpenOrderReturnType,
} from './getOpenOrder.js';
export { getOpenOrder } from './getOpenOrder.js';
export type {
  GetOpenOrdersErrorType,
  GetOpenOrdersParameters,
  GetOpenOrdersReturnType,
} from './getOpenOrders.js';
export { getOpenOrders } from './getOpenOrders.js';
export type { GetOrderErrorType, GetOrderParameters, GetOrderReturnType } from './getOrder.js';
export { getOrder } from './getOrder.js';
export type {
  GetOrderAmendmentErrorType,
  GetOrderAmendmentParameters,
  GetOrderAmendmentReturnType,
} from './getOrderAmendment.js';
export { getOrderAmendment } from './getOrderAmendment.js';
export type {
  ModifyBatchOrderInput,
  ModifyBatchOrdersErrorType,
  ModifyBatchOrdersParameters,
  ModifyBatchOrdersReturnType,
} from './modifyBatchOrders.js';
export { modifyBatchOrders } from './modifyBatchOrders.js';
export type { ModifyOrderErrorType, ModifyOrderParameters, ModifyOrderReturnType } from './modifyOrder.js';
export { modifyOrder } from './modifyOrder.js';
export type {
  NewOrderErrorType,
  NewOrderParameters,
  NewOrderReturnType,
  PlacedAlgoOrder,
  PlacedOrder,
} from './newOrder.js';
export { newOrder } from './newOrder.js';
export type { TestOrderErrorType, TestOrderParameters, TestOrderReturnType } from './testOrder.js';
export { testOrder } from './testOrder.js';
