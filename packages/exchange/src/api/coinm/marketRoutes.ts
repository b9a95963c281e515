import type { RouteTable } from '../endpoint.js';
import { ping } from '../market/ping.js';
import { time } from '../market/time.js';

/** COIN-M market-data routes (`/dapi/v1`); the endpoints USD-M shares unchanged are reused. */
export const coinmMarketRoutes = {
  'GET /dapi/v1/ping': ping,
  'GET /dapi/v1/time': time,
} as const satisfies RouteTable;
