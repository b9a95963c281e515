import type { RouteTable } from '../endpoint.js';
import { changeLeverage } from './changeLeverage.js';
import { changeMarginType } from './changeMarginType.js';
import { changeMultiAssetsMode } from './changeMultiAssetsMode.js';
import { changePositionMode } from './changePositionMode.js';
import { getAccountConfig } from './getAccountConfig.js';
import { getAccountV2 } from './getAccountV2.js';
import { getAccountV3 } from './getAccountV3.js';
import { getAdlQuantile } from './getAdlQuantile.js';
import { getBalanceV2 } from './getBalanceV2.js';
import { getBalanceV3 } from './getBalanceV3.js';
import { getCommissionRate } from './getCommissionRate.js';
import { getFeeBurn } from './getFeeBurn.js';
import { getIncome } from './getIncome.js';
import { getLeverageBracket } from './getLeverageBracket.js';
import { getMultiAssetsMode } from './getMultiAssetsMode.js';
import { getOrderRateLimit } from './getOrderRateLimit.js';
import { getPositionMarginHistory } from './getPositionMarginHistory.js';
import { getPositionMode } from './getPositionMode.js';
import { getPositionRiskV2 } from './getPositionRiskV2.js';
import { getPositionRiskV3 } from './getPositionRiskV3.js';
import { getSymbolConfig } from './getSymbolConfig.js';
import { getUserTrades } from './getUserTrades.js';
import { modifyPositionMargin } from './modifyPositionMargin.js';

/** The account routes (§5.2, and the account side of §5.3). */
export const accountRoutes = {
  'GET /fapi/v2/account': getAccountV2,
  'GET /fapi/v3/account': getAccountV3,
  'GET /fapi/v2/balance': getBalanceV2,
  'GET /fapi/v3/balance': getBalanceV3,
  'GET /fapi/v2/positionRisk': getPositionRiskV2,
  'GET /fapi/v3/positionRisk': getPositionRiskV3,
  'GET /fapi/v1/accountConfig': getAccountConfig,
  'GET /fapi/v1/symbolConfig': getSymbolConfig,
  'GET /fapi/v1/leverageBracket': getLeverageBracket,
  'GET /fapi/v1/commissionRate': getCommissionRate,
  'GET /fapi/v1/income': getIncome,
  'GET /fapi/v1/userTrades': getUserTrades,
  'GET /fapi/v1/positionSide/dual': getPositionMode,
  'POST /fapi/v1/positionSide/dual': changePositionMode,
  'GET /fapi/v1/multiAssetsMargin': getMultiAssetsMode,
  'POST /fapi/v1/multiAssetsMargin': changeMultiAssetsMode,
  'POST /fapi/v1/leverage': changeLeverage,
  'POST /fapi/v1/marginType': changeMarginType,
  'POST /fapi/v1/positionMargin': modifyPositionMargin,
  'GET /fapi/v1/positionMargin/history': getPositionMarginHistory,
  'GET /fapi/v1/rateLimit/order': getOrderRateLimit,
  'GET /fapi/v1/adlQuantile': getAdlQuantile,
  'GET /fapi/v1/feeBurn': getFeeBurn,
} as const satisfies RouteTable;
