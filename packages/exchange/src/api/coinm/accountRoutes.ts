import { changeMarginType } from '../account/changeMarginType.js';
import { changePositionMode } from '../account/changePositionMode.js';
import { getPositionMode } from '../account/getPositionMode.js';
import type { RouteTable } from '../endpoint.js';

/** COIN-M account routes (`/dapi/v1`); the endpoints USD-M shares unchanged are reused. */
export const coinmAccountRoutes = {
  'GET /dapi/v1/positionSide/dual': getPositionMode,
  'POST /dapi/v1/positionSide/dual': changePositionMode,
  'POST /dapi/v1/marginType': changeMarginType,
} as const satisfies RouteTable;
