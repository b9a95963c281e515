// The account actions (USD-M, the market-aware ones, and COIN-M under coinm/): a subpath entry.

export type {
  GetCoinmAccountErrorType,
  GetCoinmAccountParameters,
  GetCoinmAccountReturnType,
} from './coinm/getCoinmAccount.js';
export { getCoinmAccount } from './coinm/getCoinmAccount.js';
export type {
  GetCoinmBalanceErrorType,
  GetCoinmBalanceParameters,
  GetCoinmBalanceReturnType,
} from './coinm/getCoinmBalance.js';
export { getCoinmBalance } from './coinm/getCoinmBalance.js';
export type {
  GetCoinmCommissionRateErrorType,
  GetCoinmCommissionRateParameters,
  GetCoinmCommissionRateReturnType,
} from './coinm/getCoinmCommissionRate.js';
export { getCoinmCommissionRate } from './coinm/getCoinmCommissionRate.js';
export type {
  GetCoinmIncomeHistoryErrorType,
  GetCoinmIncomeHistoryParameters,
  GetCoinmIncomeHistoryReturnType,
} from './coinm/getCoinmIncomeHistory.js';
export { getCoinmIncomeHistory } from './coinm/getCoinmIncomeHistory.js';
export type {
  GetCoinmLeverageBracketsV1ErrorType,
  GetCoinmLeverageBracketsV1Parameters,
  GetCoinmLeverageBracketsV1ReturnType,
} from './coinm/getCoinmLeverageBracketsV1.js';
export { getCoinmLeverageBracketsV1 } from './coinm/getCoinmLeverageBracketsV1.js';
export type {
  GetCoinmLeverageBracketsV2ErrorType,
  GetCoinmLeverageBracketsV2Parameters,
  GetCoinmLeverageBracketsV2ReturnType,
} from './coinm/getCoinmLeverageBracketsV2.js';
export { getCoinmLeverageBracketsV2 } from './coinm/getCoinmLeverageBracketsV2.js';
export type {
  CoinmPositionMarginHistoryEntry,
  GetCoinmPositionMarginHistoryErrorType,
  GetCoinmPositionMarginHistoryParameters,
  GetCoinmPositionMarginHistoryReturnType,
} from './coinm/getCoinmPositionMarginHistory.js';
export { getCoinmPositionMarginHistory } from './coinm/getCoinmPositionMarginHistory.js';
export type {
  GetCoinmPositionRiskErrorType,
  GetCoinmPositionRiskParameters,
  GetCoinmPositionRiskReturnType,
} from './coinm/getCoinmPositionRisk.js';
export { getCoinmPositionRisk } from './coinm/getCoinmPositionRisk.js';
export type {
  GetCoinmUserTradesErrorType,
  GetCoinmUserTradesParameters,
  GetCoinmUserTradesReturnType,
} from './coinm/getCoinmUserTrades.js';
export { getCoinmUserTrades } from './coinm/getCoinmUserTrades.js';
export type {
  SetCoinmLeverageErrorType,
  SetCoinmLeverageParameters,
  SetCoinmLeverageReturnType,
} from './coinm/setCoinmLeverage.js';
export { setCoinmLeverage } from './coinm/setCoinmLeverage.js';
export type {
  GetAccountConfigErrorType,
  GetAccountConfigParameters,
  GetAccountConfigReturnType,
} from './getAccountConfig.js';
export { getAccountConfig } from './getAccountConfig.js';
export type {
  GetAccountV2ErrorType,
  GetAccountV2Parameters,
  GetAccountV2ReturnType,
} from './getAccountV2.js';
export { getAccountV2 } from './getAccountV2.js';
export type {
  GetAccountV3ErrorType,
  GetAccountV3Parameters,
  GetAccountV3ReturnType,
} from './getAccountV3.js';
export { getAccountV3 } from './getAccountV3.js';
export type {
  GetAdlQuantileErrorType,
  GetAdlQuantileParameters,
  GetAdlQuantileReturnType,
} from './getAdlQuantile.js';
export { getAdlQuantile } from './getAdlQuantile.js';
export type {
  GetBalanceV2ErrorType,
  GetBalanceV2Parameters,
  GetBalanceV2ReturnType,
} from './getBalanceV2.js';
export { getBalanceV2 } from './getBalanceV2.js';
export type {
  GetBalanceV3ErrorType,
  GetBalanceV3Parameters,
  GetBalanceV3ReturnType,
} from './getBalanceV3.js';
export { getBalanceV3 } from './getBalanceV3.js';
export type {
  GetCommissionRateErrorType,
  GetCommissionRateParameters,
  GetCommissionRateReturnType,
} from './getCommissionRate.js';
export { getCommissionRate } from './getCommissionRate.js';
export type {
  FeeBurnResponse,
  GetFeeBurnErrorType,
  GetFeeBurnParameters,
  GetFeeBurnReturnType,
} from './getFeeBurn.js';
export { getFeeBurn } from './getFeeBurn.js';
export type {
  GetIncomeHistoryErrorType,
  GetIncomeHistoryParameters,
  GetIncomeHistoryReturnType,
} from './getIncomeHistory.js';
export { getIncomeHistory } from './getIncomeHistory.js';
export type {
  GetLeverageBracketsErrorType,
  GetLeverageBracketsParameters,
  GetLeverageBracketsReturnType,
} from './getLeverageBrackets.js';
export { getLeverageBrackets } from './getLeverageBrackets.js';
export type {
  GetMultiAssetsModeErrorType,
  GetMultiAssetsModeParameters,
  GetMultiAssetsModeReturnType,
} from './getMultiAssetsMode.js';
export { getMultiAssetsMode } from './getMultiAssetsMode.js';
export type {
  GetOrderRateLimitErrorType,
  GetOrderRateLimitParameters,
  GetOrderRateLimitReturnType,
} from './getOrderRateLimit.js';
export { getOrderRateLimit } from './getOrderRateLimit.js';
export type {
  GetPositionMarginHistoryErrorType,
  GetPositionMarginHistoryParameters,
  GetPositionMarginHistoryReturnType,
} from './getPositionMarginHistory.js';
export { getPositionMarginHistory } from './getPositionMarginHistory.js';
export type {
  GetPositionModeErrorType,
  GetPositionModeParameters,
  GetPositionModeReturnType,
} from './getPositionMode.js';
export { getPositionMode } from './getPositionMode.js';
export type {
  GetPositionRiskV2ErrorType,
  GetPositionRiskV2Parameters,
  GetPositionRiskV2ReturnType,
} from './getPositionRiskV2.js';
export { getPositionRiskV2 } from './getPositionRiskV2.js';
export type {
  GetPositionRiskV3ErrorType,
  GetPositionRiskV3Parameters,
  GetPositionRiskV3ReturnType,
} from './getPositionRiskV3.js';
export { getPositionRiskV3 } from './getPositionRiskV3.js';
export type {
  GetSymbolConfigErrorType,
  GetSymbolConfigParameters,
  GetSymbolConfigReturnType,
} from './getSymbolConfig.js';
export { getSymbolConfig } from './getSymbolConfig.js';
export type {
  GetUserTradesErrorType,
  GetUserTradesParameters,
  GetUserTradesReturnType,
} from './getUserTrades.js';
export { getUserTrades } from './getUserTrades.js';
export type {
  ModifyPositionMarginErrorType,
  ModifyPositionMarginParameters,
  ModifyPositionMarginReturnType,
} from './modifyPositionMargin.js';
export { modifyPositionMargin } from './modifyPositionMargin.js';
export type { SetLeverageErrorType, SetLeverageParameters, SetLeverageReturnType } from './setLeverage.js';
export { setLeverage } from './setLeverage.js';
export type {
  SetMarginTypeErrorType,
  SetMarginTypeParameters,
  SetMarginTypeReturnType,
} from './setMarginType.js';
export { setMarginType } from './setMarginType.js';
export type {
  SetMultiAssetsModeErrorType,
  SetMultiAssetsModeParameters,
  SetMultiAssetsModeReturnType,
} from './setMultiAssetsMode.js';
export { setMultiAssetsMode } from './setMultiAssetsMode.js';
export type {
  SetPositionModeErrorType,
  SetPositionModeParameters,
  SetPositionModeReturnType,
} from './setPositionMode.js';
export { setPositionMode } from './setPositionMode.js';
export type { SettingChangeResult } from './settingChange.js';
export type { SignedParameters } from './signed.js';
