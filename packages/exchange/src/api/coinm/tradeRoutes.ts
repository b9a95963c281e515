import type { RouteTable } from '../endpoint.js';
import { cancelAllOpenOrders } from '../trade/cancelAllOpenOrders.js';
import { countdownCancelAll } from '../trade/countdownCancelAll.js';
import { getOrderAmendments } from '../trade/getOrderAmendments.js';
import { batchOrders } from './trade/batchOrders.js';
import { cancelBatchOrders } from './trade/cancelBatchOrders.js';
import { cancelOrder } from './trade/cancelOrder.js';
import { getAllOrders } from './trade/getAllOrders.js';
import { getForceOrders } from './trade/getForceOrders.js';
import { getOpenOrder } from './trade/getOpenOrder.js';
import { getOpenOrders } from './trade/getOpenOrders.js';
import { getOrder } from './trade/getOrder.js';
import { modifyBatchOrders } from './trade/modifyBatchOrders.js';
import { modifyOrder } from './trade/modifyOrder.js';
import { newOrder } from './trade/newOrder.js';

/**
 * COIN-M order routes (`/dapi/v1`, reference §13.3): orders show `cumBase` and `pair`; no
 * `order/test`. Conditional orders have their Algo Service routes (`coinmAlgoRoutes`) since the CM/UM
 * integration of 2026-06-30, but `POST /dapi/v1/order` still accepts them in the form the reference
 * documents, as orders with an orderId (no primary source says whether Binance now rejects them; see
 * docs/exchange.md). The endpoints whose shape is USD-M's are reused (on COIN-M, canceling all open
 * orders and the countdown also cancel those conditional orders, not the algo orders).
 */
export const coinmTradeRoutes = {
  'POST /dapi/v1/order': newOrder,
  'PUT /dapi/v1/order': modifyOrder,
  'DELETE /dapi/v1/order': cancelOrder,
  'GET /dapi/v1/order': getOrder,
  'POST /dapi/v1/batchOrders': batchOrders,
  'PUT /dapi/v1/batchOrders': modifyBatchOrders,
  'DELETE /dapi/v1/batchOrders': cancelBatchOrders,
  'DELETE /dapi/v1/allOpenOrders': cancelAllOpenOrders,
  'POST /dapi/v1/countdownCancelAll': countdownCancelAll,
  'GET /dapi/v1/openOrder': getOpenOrder,
  'GET /dapi/v1/openOrders': getOpenOrders,
  'GET /dapi/v1/allOrders': getAllOrders,
  'GET /dapi/v1/orderAmendment': getOrderAmendments,
  'GET /dapi/v1/forceOrders': getForceOrders,
} as const satisfies RouteTable;
