import { changeMarginType } from '../account/changeMarginType.js';
import { changePositionMode } from '../account/changePositionMode.js';
import { getAdlQuantile } from '../account/getAdlQuantile.js';
import { getPositionMode } from '../account/getPositionMode.js';
import { modifyPositionMargin } from '../account/modifyPositionMargin.js';
import type { RouteTable } from '../endpoint.js';
import { changeLeverage } from './account/changeLeverage.js';
import { getAccount } from './account/getAccount.js';
import { getBalance } from './account/getBalance.js';
import { getCommissionRate } from './account/getCommissionRate.js';
import { getIncome } from './account/getIncome.js';
import { getLeverageBracketV1 } from './account/getLeverageBracketV1.js';
import { getLeverageBracketV2 } from './account/getLeverageBracketV2.js';
import { getPositionMarginHistory } from './account/getPositionMarginHistory.js';
import { getPositionRisk } from './account/getPositionRisk.js';
import { getUserTrades } from './account/getUserTrades.js';

/**
 * COIN-M account routes (`/dapi`, §13.3): COIN-M's own shapes where they differ, the USD-M endpoints
 * reused where the shape is the same (position mode, margin type, isolated margin, ADL quantiles).
 */
export const coinmAccountRoutes = {
  'GET /dapi/v1/account': getAccount,
  'GET /dapi/v1/balance': getBalance,
  'GET /dapi/v1/positionRisk': getPositionRisk,
  'GET /dapi/v1/leverageBracket': getLeverageBracketV1,
  'GET /dapi/v2/leverageBracket': getLeverageBracketV2,
  'GET /dapi/v1/commissionRate': getCommissionRate,
  'GET /dapi/v1/income': getIncome,
  'GET /dapi/v1/userTrades': getUserTrades,
  'GET /dapi/v1/positionSide/dual': getPositionMode,
  'POST /dapi/v1/positionSide/dual': changePositionMode,
  'POST /dapi/v1/leverage': changeLeverage,
  'POST /dapi/v1/marginType': changeMarginType,
  'POST /dapi/v1/positionMargin': modifyPositionMargin,
  'GET /dapi/v1/positionMargin/history': getPositionMarginHistory,
  'GET /dapi/v1/adlQuantile': getAdlQuantile,
} as const satisfies RouteTable;
