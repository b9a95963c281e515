// The market-data actions (USD-M, the market-aware ones, and COIN-M under coinm/): a subpath entry.

export type {
  GetCoinmBookTickerErrorType,
  GetCoinmBookTickerParameters,
  GetCoinmBookTickerReturnType,
} from './coinm/getCoinmBookTicker.js';
export { getCoinmBookTicker } from './coinm/getCoinmBookTicker.js';
export type {
  GetCoinmContinuousKlinesErrorType,
  GetCoinmContinuousKlinesParameters,
  GetCoinmContinuousKlinesReturnType,
} from './coinm/getCoinmContinuousKlines.js';
export { getCoinmContinuousKlines } from './coinm/getCoinmContinuousKlines.js';
export type {
  GetCoinmDepthErrorType,
  GetCoinmDepthParameters,
  GetCoinmDepthReturnType,
} from './coinm/getCoinmDepth.js';
export { getCoinmDepth } from './coinm/getCoinmDepth.js';
export type {
  GetCoinmExchangeInfoErrorType,
  GetCoinmExchangeInfoParameters,
  GetCoinmExchangeInfoReturnType,
} from './coinm/getCoinmExchangeInfo.js';
export { getCoinmExchangeInfo } from './coinm/getCoinmExchangeInfo.js';
export type {
  GetCoinmFundingRateErrorType,
  GetCoinmFundingRateParameters,
  GetCoinmFundingRateReturnType,
} from './coinm/getCoinmFundingRate.js';
export { getCoinmFundingRate } from './coinm/getCoinmFundingRate.js';
export type {
  GetCoinmHistoricalTradesErrorType,
  GetCoinmHistoricalTradesParameters,
  GetCoinmHistoricalTradesReturnType,
} from './coinm/getCoinmHistoricalTrades.js';
export { getCoinmHistoricalTrades } from './coinm/getCoinmHistoricalTrades.js';
export type {
  GetCoinmKlinesErrorType,
  GetCoinmKlinesParameters,
  GetCoinmKlinesReturnType,
} from './coinm/getCoinmKlines.js';
export { getCoinmKlines } from './coinm/getCoinmKlines.js';
export type {
  GetCoinmOpenInterestErrorType,
  GetCoinmOpenInterestParameters,
  GetCoinmOpenInterestReturnType,
} from './coinm/getCoinmOpenInterest.js';
export { getCoinmOpenInterest } from './coinm/getCoinmOpenInterest.js';
export type {
  GetCoinmPremiumIndexErrorType,
  GetCoinmPremiumIndexParameters,
  GetCoinmPremiumIndexReturnType,
} from './coinm/getCoinmPremiumIndex.js';
export { getCoinmPremiumIndex } from './coinm/getCoinmPremiumIndex.js';
export type {
  GetCoinmTicker24hrErrorType,
  GetCoinmTicker24hrParameters,
  GetCoinmTicker24hrReturnType,
} from './coinm/getCoinmTicker24hr.js';
export { getCoinmTicker24hr } from './coinm/getCoinmTicker24hr.js';
export type {
  GetCoinmTickerPriceErrorType,
  GetCoinmTickerPriceParameters,
  GetCoinmTickerPriceReturnType,
} from './coinm/getCoinmTickerPrice.js';
export { getCoinmTickerPrice } from './coinm/getCoinmTickerPrice.js';
export type {
  GetCoinmTradesErrorType,
  GetCoinmTradesParameters,
  GetCoinmTradesReturnType,
} from './coinm/getCoinmTrades.js';
export { getCoinmTrades } from './coinm/getCoinmTrades.js';
export type { FuturesDataParameters, FuturesDataPeriod, LongShortRatio } from './futuresData.js';
export { futuresDataPeriods } from './futuresData.js';
export type {
  GetAggTradesErrorType,
  GetAggTradesParameters,
  GetAggTradesReturnType,
} from './getAggTrades.js';
export { getAggTrades } from './getAggTrades.js';
export type {
  AssetIndex,
  GetAssetIndexErrorType,
  GetAssetIndexParameters,
  GetAssetIndexReturnType,
} from './getAssetIndex.js';
export { getAssetIndex } from './getAssetIndex.js';
export type {
  Basis,
  BasisContractType,
  GetBasisErrorType,
  GetBasisParameters,
  GetBasisReturnType,
} from './getBasis.js';
export { getBasis } from './getBasis.js';
export type {
  GetBookTickerErrorType,
  GetBookTickerParameters,
  GetBookTickerReturnType,
} from './getBookTicker.js';
export { getBookTicker } from './getBookTicker.js';
export type {
  GetContinuousKlinesErrorType,
  GetContinuousKlinesParameters,
  GetContinuousKlinesReturnType,
} from './getContinuousKlines.js';
export { getContinuousKlines } from './getContinuousKlines.js';
export type {
  DeliveryPrice,
  GetDeliveryPriceErrorType,
  GetDeliveryPriceParameters,
  GetDeliveryPriceReturnType,
} from './getDeliveryPrice.js';
export { getDeliveryPrice } from './getDeliveryPrice.js';
export type { GetDepthErrorType, GetDepthParameters, GetDepthReturnType } from './getDepth.js';
export { getDepth } from './getDepth.js';
export type {
  GetExchangeInfoErrorType,
  GetExchangeInfoParameters,
  GetExchangeInfoReturnType,
} from './getExchangeInfo.js';
export { getExchangeInfo } from './getExchangeInfo.js';
export type {
  GetFundingInfoErrorType,
  GetFundingInfoParameters,
  GetFundingInfoReturnType,
} from './getFundingInfo.js';
export { getFundingInfo } from './getFundingInfo.js';
export type {
  GetFundingRateErrorType,
  GetFundingRateParameters,
  GetFundingRateReturnType,
} from './getFundingRate.js';
export { getFundingRate } from './getFundingRate.js';
export type {
  GetGlobalLongShortAccountRatioErrorType,
  GetGlobalLongShortAccountRatioParameters,
  GetGlobalLongShortAccountRatioReturnType,
} from './getGlobalLongShortAccountRatio.js';
export { getGlobalLongShortAccountRatio } from './getGlobalLongShortAccountRatio.js';
export type {
  GetHistoricalTradesErrorType,
  GetHistoricalTradesParameters,
  GetHistoricalTradesReturnType,
} from './getHistoricalTrades.js';
export { getHistoricalTrades } from './getHistoricalTrades.js';
export type {
  GetIndexConstituentsErrorType,
  GetIndexConstituentsParameters,
  GetIndexConstituentsReturnType,
  IndexConstituents,
} from './getIndexConstituents.js';
export { getIndexConstituents } from './getIndexConstituents.js';
export type {
  GetIndexInfoErrorType,
  GetIndexInfoParameters,
  GetIndexInfoReturnType,
  IndexInfo,
} from './getIndexInfo.js';
export { getIndexInfo } from './getIndexInfo.js';
export type {
  GetIndexPriceKlinesErrorType,
  GetIndexPriceKlinesParameters,
  GetIndexPriceKlinesReturnType,
} from './getIndexPriceKlines.js';
export { getIndexPriceKlines } from './getIndexPriceKlines.js';
export type {
  GetInsuranceBalanceErrorType,
  GetInsuranceBalanceParameters,
  GetInsuranceBalanceReturnType,
  InsuranceBalance,
} from './getInsuranceBalance.js';
export { getInsuranceBalance } from './getInsuranceBalance.js';
export type { GetKlinesErrorType, GetKlinesParameters, GetKlinesReturnType } from './getKlines.js';
export { getKlines } from './getKlines.js';
export type {
  GetMarkPriceKlinesErrorType,
  GetMarkPriceKlinesParameters,
  GetMarkPriceKlinesReturnType,
} from './getMarkPriceKlines.js';
export { getMarkPriceKlines } from './getMarkPriceKlines.js';
export type {
  GetOpenInterestErrorType,
  GetOpenInterestParameters,
  GetOpenInterestReturnType,
} from './getOpenInterest.js';
export { getOpenInterest } from './getOpenInterest.js';
export type {
  GetOpenInterestHistoryErrorType,
  GetOpenInterestHistoryParameters,
  GetOpenInterestHistoryReturnType,
  OpenInterestHist,
} from './getOpenInterestHistory.js';
export { getOpenInterestHistory } from './getOpenInterestHistory.js';
export type {
  GetPremiumIndexErrorType,
  GetPremiumIndexParameters,
  GetPremiumIndexReturnType,
} from './getPremiumIndex.js';
export { getPremiumIndex } from './getPremiumIndex.js';
export type {
  GetPremiumIndexKlinesErrorType,
  GetPremiumIndexKlinesParameters,
  GetPremiumIndexKlinesReturnType,
} from './getPremiumIndexKlines.js';
export { getPremiumIndexKlines } from './getPremiumIndexKlines.js';
export type { GetRpiDepthErrorType, GetRpiDepthParameters, GetRpiDepthReturnType } from './getRpiDepth.js';
export { getRpiDepth } from './getRpiDepth.js';
export type {
  GetServerTimeErrorType,
  GetServerTimeParameters,
  GetServerTimeReturnType,
} from './getServerTime.js';
export { getServerTime } from './getServerTime.js';
export type {
  GetSymbolAdlRiskErrorType,
  GetSymbolAdlRiskParameters,
  GetSymbolAdlRiskReturnType,
} from './getSymbolAdlRisk.js';
export { getSymbolAdlRisk } from './getSymbolAdlRisk.js';
export type {
  GetTakerLongShortRatioErrorType,
  GetTakerLongShortRatioParameters,
  GetTakerLongShortRatioReturnType,
  TakerLongShortRatio,
} from './getTakerLongShortRatio.js';
export { getTakerLongShortRatio } from './getTakerLongShortRatio.js';
export type {
  GetTicker24hrErrorType,
  GetTicker24hrParameters,
  GetTicker24hrReturnType,
} from './getTicker24hr.js';
export { getTicker24hr } from './getTicker24hr.js';
export type {
  GetTickerPriceErrorType,
  GetTickerPriceParameters,
  GetTickerPriceReturnType,
} from './getTickerPrice.js';
export { getTickerPrice } from './getTickerPrice.js';
export type {
  GetTickerPriceV1ErrorType,
  GetTickerPriceV1Parameters,
  GetTickerPriceV1ReturnType,
} from './getTickerPriceV1.js';
export { getTickerPriceV1 } from './getTickerPriceV1.js';
export type {
  GetTopLongShortAccountRatioErrorType,
  GetTopLongShortAccountRatioParameters,
  GetTopLongShortAccountRatioReturnType,
} from './getTopLongShortAccountRatio.js';
export { getTopLongShortAccountRatio } from './getTopLongShortAccountRatio.js';
export type {
  GetTopLongShortPositionRatioErrorType,
  GetTopLongShortPositionRatioParameters,
  GetTopLongShortPositionRatioReturnType,
} from './getTopLongShortPositionRatio.js';
export { getTopLongShortPositionRatio } from './getTopLongShortPositionRatio.js';
export type { GetTradesErrorType, GetTradesParameters, GetTradesReturnType } from './getTrades.js';
export { getTrades } from './getTrades.js';
export type {
  GetTradingScheduleErrorType,
  GetTradingScheduleParameters,
  GetTradingScheduleReturnType,
  TradingSchedule,
  TradingSession,
} from './getTradingSchedule.js';
export { getTradingSchedule } from './getTradingSchedule.js';
export type { NoSymbol, OneOrAll } from './oneOrAll.js';
export type { ParsedCoinmKline, ParsedKline } from './parseKline.js';
export { parseCoinmKline, parseKline } from './parseKline.js';
export type { PingErrorType, PingParameters, PingReturnType } from './ping.js';
export { ping } from './ping.js';
