import type { RouteTable } from '../endpoint.js';
import { batchOrders } from './batchOrders.js';
import { cancelAllOpenOrders } from './cancelAllOpenOrders.js';
import { cancelBatchOrders } from './cancelBatchOrders.js';
import { cancelOrder } from './cancelOrder.js';
import { countdownCancelAll } from './countdownCancelAll.js';
import { getAllOrders } from './getAllOrders.js';
import { getForceOrders } from './getForceOrders.js';
import { getOpenOrder } from './getOpenOrder.js';
import { getOpenOrders } from './getOpenOrders.js';
import { getOrder } from './getOrder.js';
import { getOrderAmendments } from './getOrderAmendments.js';
import { modifyBatchOrders } from './modifyBatchOrders.js';
import { modifyOrder } from './modifyOrder.js';
import { newOrder } from './newOrder.js';
import { testOrder } from './testOrder.js';

/** The USD-M trade endpoints (§5.3 of the protocol reference). */
export const tradeRoutes = {
  'POST /fapi/v1/order': newOrder,
  'POST /fapi/v1/order/test': testOrder,
  'PUT /fapi/v1/order': modifyOrder,
  'DELETE /fapi/v1/order': cancelOrder,
  'GET /fapi/v1/order': getOrder,
  'POST /fapi/v1/batchOrders': batchOrders,
  'PUT /fapi/v1/batchOrders': modifyBatchOrders,
  'DELETE /fapi/v1/batchOrders': cancelBatchOrders,
  'DELETE /fapi/v1/allOpenOrders': cancelAllOpenOrders,
  'POST /fapi/v1/countdownCancelAll': countdownCancelAll,
  'GET /fapi/v1/openOrder': getOpenOrder,
  'GET /fapi/v1/openOrders': getOpenOrders,
  'GET /fapi/v1/allOrders': getAllOrders,
  'GET /fapi/v1/orderAmendment': getOrderAmendments,
  'GET /fapi/v1/forceOrders': getForceOrders,
} as const satisfies RouteTable;
