/**
 * Request parameters of the USD-M account endpoints (§5.2) and the account-configuration
 * endpoints of §5.3 (leverage, margin type, position mode, multi-assets, position margin). All
 * SIGNED; conventions: `params/common.ts`. `account` (v2/v3), `balance` (v2/v3), `accountConfig`,
 * GET `positionSide/dual`, GET `multiAssetsMargin` and `rateLimit/order` take no parameters.
 */
import type { BooleanString } from '../common.js';
import type { IncomeType, MarginType, PositionMarginAction, PositionSide } from '../enums.js';
import type { TimeRangeParams } from './common.js';

/** `GET /fapi/v1/symbolConfig`. */
export interface GetSymbolConfigParams {
  /** Symbol; all symbols when omitted. */
  symbol?: string;
}

/** `GET /fapi/v2/positionRisk` and `GET /fapi/v3/positionRisk`. */
export interface GetPositionRiskParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/leverageBracket`: with `symbol` a single object. */
export interface GetLeverageBracketParams {
  /** Symbol. */
  symbol?: string;
}

/** `GET /fapi/v1/commissionRate`. */
export interface GetCommissionRateParams {
  /** Symbol. */
  symbol: string;
}

/** `GET /fapi/v1/income`: no range → last 7 days; 3-month retention. */
export interface GetIncomeParams extends TimeRangeParams {
  /** Symbol. */
  symbol?: string;
  /** Income type filter. */
  incomeType?: IncomeType;
  /** Page number. */
  page?: number;
  /** Default 100, max 1000. */
  limit?: number;
}

/** `GET /fapi/v1/adlQuantile`. */
export interface GetAdlQuantileParams {
  /** Symbol. */
  symbol?: string;
}

/** `POST /fapi/v1/leverage`. */
export interface ChangeLeverageParams {
  /** Symbol. */
  symbol: string;
  /** Target initial leverage, 1–125, capped by the bracket. */
  leverage: number;
}

/** `POST /fapi/v1/marginType`. */
export interface ChangeMarginTypeParams {
  /** Symbol. */
  symbol: string;
  /** New margin type. */
  marginType: MarginType;
}

/** `POST /fapi/v1/positionSide/dual`: applies to every symbol (and, from 2026, to COIN-M too). */
export interface ChangePositionModeParams {
  /** "true" = hedge mode, "false" = one-way mode. */
  dualSidePosition: BooleanString;
}

/** `POST /fapi/v1/multiAssetsMargin`. */
export interface ChangeMultiAssetsModeParams {
  /** "true" = multi-assets mode, "false" = single-asset mode. */
  multiAssetsMargin: BooleanString;
}

/** `POST /fapi/v1/positionMargin`: isolated positions only. */
export interface ModifyPositionMarginParams {
  /** Symbol. */
  symbol: string;
  /** Position side; BOTH by default, LONG/SHORT in hedge mode. */
  positionSide?: PositionSide;
  /** Amount to move. */
  amount: string;
  /** 1 = add margin, 2 = reduce margin. */
  type: PositionMarginAction;
}

/** `GET /fapi/v1/positionMargin/history`: window ≤ 30 days. */
export interface GetPositionMarginHistoryParams extends TimeRangeParams {
  /** Symbol. */
  symbol: string;
  /** 1 = add, 2 = reduce. */
  type?: PositionMarginAction;
  /** Default 500. */
  limit?: number;
}
