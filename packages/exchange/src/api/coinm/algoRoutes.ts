import { allAlgoOrders } from '../algo/allAlgoOrders.js';
import { cancelAlgoOrder } from '../algo/cancelAlgoOrder.js';
import { cancelAllAlgoOpenOrders } from '../algo/cancelAllAlgoOpenOrders.js';
import { openAlgoOrders } from '../algo/openAlgoOrders.js';
import { queryAlgoOrder } from '../algo/queryAlgoOrder.js';
import type { RouteTable } from '../endpoint.js';
import { newAlgoOrder } from './algo/newAlgoOrder.js';

/**
 * COIN-M's Algo Service routes (`/dapi/v1`, since the CM/UM integration of 2026-06-30): USD-M's
 * endpoints over the COIN-M venue (the answers have USD-M's shape; quantities are contracts), but for
 * placement, which has COIN-M's time-in-force values and order counter.
 */
export const coinmAlgoRoutes = {
  'POST /dapi/v1/algoOrder': newAlgoOrder,
  'DELETE /dapi/v1/algoOrder': cancelAlgoOrder,
  'DELETE /dapi/v1/algoOpenOrders': cancelAllAlgoOpenOrders,
  'GET /dapi/v1/algoOrder': queryAlgoOrder,
  'GET /dapi/v1/openAlgoOrders': openAlgoOrders,
  'GET /dapi/v1/allAlgoOrders': allAlgoOrders,
} as const satisfies RouteTable;
