import type { RouteTable } from '../endpoint.js';
import { coinmAccountRoutes } from './accountRoutes.js';
import { coinmAlgoRoutes } from './algoRoutes.js';
import { coinmMarketRoutes } from './marketRoutes.js';
import { coinmTradeRoutes } from './tradeRoutes.js';
import { coinmUserDataRoutes } from './userDataRoutes.js';

/** Every COIN-M REST endpoint the exchange serves (`/dapi`), by `'METHOD /path'`. */
export const COINM_ROUTES: RouteTable = {
  ...coinmMarketRoutes,
  ...coinmAccountRoutes,
  ...coinmTradeRoutes,
  ...coinmAlgoRoutes,
  ...coinmUserDataRoutes,
};
