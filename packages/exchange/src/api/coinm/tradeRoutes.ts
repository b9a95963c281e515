import type { RouteTable } from '../endpoint.js';

/** COIN-M order routes (`/dapi/v1`). */
export const coinmTradeRoutes = {} as const satisfies RouteTable;
