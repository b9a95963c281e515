import { accountRoutes } from './account/routes.js';
import { algoRoutes } from './algo/routes.js';
import type { RouteTable } from './endpoint.js';
import { marketRoutes } from './market/routes.js';
import { tradeRoutes } from './trade/routes.js';
import { userDataRoutes } from './userData/routes.js';

/** Every USD-M REST endpoint the exchange serves, by `'METHOD /path'`. */
export const ROUTES: RouteTable = {
  ...marketRoutes,
  ...accountRoutes,
  ...tradeRoutes,
  ...algoRoutes,
  ...userDataRoutes,
};
