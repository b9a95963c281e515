import type { RouteTable } from '../endpoint.js';
import { allAlgoOrders } from './allAlgoOrders.js';
import { cancelAlgoOrder } from './cancelAlgoOrder.js';
import { cancelAllAlgoOpenOrders } from './cancelAllAlgoOpenOrders.js';
import { newAlgoOrder } from './newAlgoOrder.js';
import { openAlgoOrders } from './openAlgoOrders.js';
import { queryAlgoOrder } from './queryAlgoOrder.js';

/** The Algo Service's REST routes (§5.4): conditional orders on USD-M since 2025-12-09. */
export const algoRoutes = {
  'POST /fapi/v1/algoOrder': newAlgoOrder,
  'DELETE /fapi/v1/algoOrder': cancelAlgoOrder,
  'DELETE /fapi/v1/algoOpenOrders': cancelAllAlgoOpenOrders,
  'GET /fapi/v1/algoOrder': queryAlgoOrder,
  'GET /fapi/v1/openAlgoOrders': openAlgoOrders,
  'GET /fapi/v1/allAlgoOrders': allAlgoOrders,
} as const satisfies RouteTable;
