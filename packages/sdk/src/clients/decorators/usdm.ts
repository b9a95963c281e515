import {
  type GetAccountV3Parameters,
  type GetAccountV3ReturnType,
  getAccountV3,
} from '../../actions/account/getAccountV3.js';
import {
  type GetAccountConfigParameters,
  type GetAccountConfigReturnType,
  type GetAccountV2Parameters,
  type GetAccountV2ReturnType,
  type GetAdlQuantileParameters,
  type GetAdlQuantileReturnType,
  type GetBalanceV2Parameters,
  type GetBalanceV2ReturnType,
  type GetBalanceV3Parameters,
  type GetBalanceV3ReturnType,
  type GetCommissionRateParameters,
  type GetCommissionRateReturnType,
  type GetFeeBurnParameters,
  type GetFeeBurnReturnType,
  type GetIncomeHistoryParameters,
  type GetIncomeHistoryReturnType,
  type GetLeverageBracketsParameters,
  type GetLeverageBracketsReturnType,
  type GetMultiAssetsModeParameters,
  type GetMultiAssetsModeReturnType,
  type GetOrderRateLimitParameters,
  type GetOrderRateLimitReturnType,
  type GetPositionMarginHistoryParameters,
  type GetPositionMarginHistoryReturnType,
  type GetPositionModeParameters,
  type GetPositionModeReturnType,
  type GetPositionRiskV2Parameters,
  type GetPositionRiskV2ReturnType,
  type GetPositionRiskV3Parameters,
  type GetPositionRiskV3ReturnType,
  type GetSymbolConfigParameters,
  type GetSymbolConfigReturnType,
  type GetUserTradesParameters,
  type GetUserTradesReturnType,
  getAccountConfig,
  getAccountV2,
  getAdlQuantile,
  getBalanceV2,
  getBalanceV3,
  getCommissionRate,
  getFeeBurn,
  getIncomeHistory,
  getLeverageBrackets,
  getMultiAssetsMode,
  getOrderRateLimit,
  getPositionMarginHistory,
  getPositionMode,
  getPositionRiskV2,
  getPositionRiskV3,
  getSymbolConfig,
  getUserTrades,
  type ModifyPositionMarginParameters,
  type ModifyPositionMarginReturnType,
  modifyPositionMargin,
  type SetLeverageParameters,
  type SetLeverageReturnType,
  type SetMarginTypeParameters,
  type SetMarginTypeReturnType,
  type SetMultiAssetsModeParameters,
  type SetMultiAssetsModeReturnType,
  type SetPositionModeParameters,
  type SetPositionModeReturnType,
  setLeverage,
  setMarginType,
  setMultiAssetsMode,
  setPositionMode,
} from '../../actions/account/index.js';
import {
  type CancelAlgoOrderParameters,
  type CancelAlgoOrderReturnType,
  type CancelAllAlgoOpenOrdersParameters,
  type CancelAllAlgoOpenOrdersReturnType,
  cancelAlgoOrder,
  cancelAllAlgoOpenOrders,
  type GetAlgoOrderParameters,
  type GetAlgoOrderReturnType,
  type GetAllAlgoOrdersParameters,
  type GetAllAlgoOrdersReturnType,
  type GetOpenAlgoOrdersParameters,
  type GetOpenAlgoOrdersReturnType,
  getAlgoOrder,
  getAllAlgoOrders,
  getOpenAlgoOrders,
  type NewAlgoOrderParameters,
  type NewAlgoOrderReturnType,
  newAlgoOrder,
} from '../../actions/algo/index.js';
import {
  type GetExchangeInfoParameters,
  type GetExchangeInfoReturnType,
  getExchangeInfo,
} from '../../actions/market/getExchangeInfo.js';
import {
  type GetServerTimeParameters,
  type GetServerTimeReturnType,
  getServerTime,
} from '../../actions/market/getServerTime.js';
import {
  type GetAggTradesParameters,
  type GetAggTradesReturnType,
  type GetAssetIndexParameters,
  type GetAssetIndexReturnType,
  type GetBasisParameters,
  type GetBasisReturnType,
  type GetBookTickerParameters,
  type GetBookTickerReturnType,
  type GetContinuousKlinesParameters,
  type GetContinuousKlinesReturnType,
  type GetDeliveryPriceParameters,
  type GetDeliveryPriceReturnType,
  type GetDepthParameters,
  type GetDepthReturnType,
  type GetFundingInfoParameters,
  type GetFundingInfoReturnType,
  type GetFundingRateParameters,
  type GetFundingRateReturnType,
  type GetGlobalLongShortAccountRatioParameters,
  type GetGlobalLongShortAccountRatioReturnType,
  type GetHistoricalTradesParameters,
  type GetHistoricalTradesReturnType,
  type GetIndexConstituentsParameters,
  type GetIndexConstituentsReturnType,
  type GetIndexInfoParameters,
  type GetIndexInfoReturnType,
  type GetIndexPriceKlinesParameters,
  type GetIndexPriceKlinesReturnType,
  type GetInsuranceBalanceParameters,
  type GetInsuranceBalanceReturnType,
  type GetKlinesParameters,
  type GetKlinesReturnType,
  type GetMarkPriceKlinesParameters,
  type GetMarkPriceKlinesReturnType,
  type GetOpenInterestHistoryParameters,
  type GetOpenInterestHistoryReturnType,
  type GetOpenInterestParameters,
  type GetOpenInterestReturnType,
  type GetPremiumIndexKlinesParameters,
  type GetPremiumIndexKlinesReturnType,
  type GetPremiumIndexParameters,
  type GetPremiumIndexReturnType,
  type GetRpiDepthParameters,
  type GetRpiDepthReturnType,
  type GetSymbolAdlRiskParameters,
  type GetSymbolAdlRiskReturnType,
  type GetTakerLongShortRatioParameters,
  type GetTakerLongShortRatioReturnType,
  type GetTicker24hrParameters,
  type GetTicker24hrReturnType,
  type GetTickerPriceParameters,
  type GetTickerPriceReturnType,
  type GetTickerPriceV1Parameters,
  type GetTickerPriceV1ReturnType,
  type GetTopLongShortAccountRatioParameters,
  type GetTopLongShortAccountRatioReturnType,
  type GetTopLongShortPositionRatioParameters,
  type GetTopLongShortPositionRatioReturnType,
  type GetTradesParameters,
  type GetTradesReturnType,
  type GetTradingScheduleParameters,
  type GetTradingScheduleReturnType,
  getAggTrades,
  getAssetIndex,
  getBasis,
  getBookTicker,
  getContinuousKlines,
  getDeliveryPrice,
  getDepth,
  getFundingInfo,
  getFundingRate,
  getGlobalLongShortAccountRatio,
  getHistoricalTrades,
  getIndexConstituents,
  getIndexInfo,
  getIndexPriceKlines,
  getInsuranceBalance,
  getKlines,
  getMarkPriceKlines,
  getOpenInterest,
  getOpenInterestHistory,
  getPremiumIndex,
  getPremiumIndexKlines,
  getRpiDepth,
  getSymbolAdlRisk,
  getTakerLongShortRatio,
  getTicker24hr,
  getTickerPrice,
  getTickerPriceV1,
  getTopLongShortAccountRatio,
  getTopLongShortPositionRatio,
  getTrades,
  getTradingSchedule,
  type NoSymbol,
  type PingParameters,
  type PingReturnType,
  ping,
} from '../../actions/market/index.js';
import {
  type BatchOrdersParameters,
  type BatchOrdersReturnType,
  batchOrders,
  type CancelAllOpenOrdersParameters,
  type CancelAllOpenOrdersReturnType,
  type CancelBatchOrdersParameters,
  type CancelBatchOrdersReturnType,
  type CancelOrderParameters,
  type CancelOrderReturnType,
  type CountdownCancelAllParameters,
  type CountdownCancelAllReturnType,
  cancelAllOpenOrders,
  cancelBatchOrders,
  cancelOrder,
  countdownCancelAll,
  type GetAllOrdersParameters,
  type GetAllOrdersReturnType,
  type GetForceOrdersParameters,
  type GetForceOrdersReturnType,
  type GetOpenOrderParameters,
  type GetOpenOrderReturnType,
  type GetOpenOrdersParameters,
  type GetOpenOrdersReturnType,
  type GetOrderAmendmentParameters,
  type GetOrderAmendmentReturnType,
  type GetOrderParameters,
  type GetOrderReturnType,
  getAllOrders,
  getForceOrders,
  getOpenOrder,
  getOpenOrders,
  getOrder,
  getOrderAmendment,
  type ModifyBatchOrdersParameters,
  type ModifyBatchOrdersReturnType,
  type ModifyOrderParameters,
  type ModifyOrderReturnType,
  modifyBatchOrders,
  modifyOrder,
  type NewOrderParameters,
  type NewOrderReturnType,
  newOrder,
  type TestOrderParameters,
  type TestOrderReturnType,
  testOrder,
} from '../../actions/trade/index.js';
import {
  type CloseUserDataStreamParameters,
  type CloseUserDataStreamReturnType,
  closeUserDataStream,
  type KeepAliveUserDataStreamParameters,
  type KeepAliveUserDataStreamReturnType,
  keepAliveUserDataStream,
  type StartUserDataStreamParameters,
  type StartUserDataStreamReturnType,
  startUserDataStream,
} from '../../actions/userData/index.js';
import type { Client } from '../createClient.js';

/** The USD-M actions as client methods. */
export interface UsdmActions {
  /** {@inheritDoc getServerTime} */
  getServerTime(parameters?: GetServerTimeParameters): Promise<GetServerTimeReturnType>;
  /** {@inheritDoc getExchangeInfo} */
  getExchangeInfo(parameters?: GetExchangeInfoParameters): Promise<GetExchangeInfoReturnType>;
  /** {@inheritDoc getAccountV3} */
  getAccountV3(parameters?: GetAccountV3Parameters): Promise<GetAccountV3ReturnType>;
  // market, account and user-data actions
  /** {@inheritDoc ping} */
  ping(parameters?: PingParameters): Promise<PingReturnType>;
  /** {@inheritDoc getDepth} */
  getDepth(parameters: GetDepthParameters): Promise<GetDepthReturnType>;
  /** {@inheritDoc getRpiDepth} */
  getRpiDepth(parameters: GetRpiDepthParameters): Promise<GetRpiDepthReturnType>;
  /** {@inheritDoc getTrades} */
  getTrades(parameters: GetTradesParameters): Promise<GetTradesReturnType>;
  /** {@inheritDoc getHistoricalTrades} */
  getHistoricalTrades(parameters: GetHistoricalTradesParameters): Promise<GetHistoricalTradesReturnType>;
  /** {@inheritDoc getAggTrades} */
  getAggTrades(parameters: GetAggTradesParameters): Promise<GetAggTradesReturnType>;
  /** {@inheritDoc getKlines} */
  getKlines(parameters: GetKlinesParameters): Promise<GetKlinesReturnType>;
  /** {@inheritDoc getContinuousKlines} */
  getContinuousKlines(parameters: GetContinuousKlinesParameters): Promise<GetContinuousKlinesReturnType>;
  /** {@inheritDoc getMarkPriceKlines} */
  getMarkPriceKlines(parameters: GetMarkPriceKlinesParameters): Promise<GetMarkPriceKlinesReturnType>;
  /** {@inheritDoc getIndexPriceKlines} */
  getIndexPriceKlines(parameters: GetIndexPriceKlinesParameters): Promise<GetIndexPriceKlinesReturnType>;
  /** {@inheritDoc getPremiumIndexKlines} */
  getPremiumIndexKlines(
    parameters: GetPremiumIndexKlinesParameters,
  ): Promise<GetPremiumIndexKlinesReturnType>;
  /** {@inheritDoc getPremiumIndex} */
  getPremiumIndex<Parameters extends GetPremiumIndexParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetPremiumIndexReturnType<Parameters>>;
  /** {@inheritDoc getFundingRate} */
  getFundingRate(parameters?: GetFundingRateParameters): Promise<GetFundingRateReturnType>;
  /** {@inheritDoc getFundingInfo} */
  getFundingInfo(parameters?: GetFundingInfoParameters): Promise<GetFundingInfoReturnType>;
  /** {@inheritDoc getTicker24hr} */
  getTicker24hr<Parameters extends GetTicker24hrParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetTicker24hrReturnType<Parameters>>;
  /** {@inheritDoc getTickerPrice} */
  getTickerPrice<Parameters extends GetTickerPriceParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetTickerPriceReturnType<Parameters>>;
  /** {@inheritDoc getTickerPriceV1} */
  getTickerPriceV1<Parameters extends GetTickerPriceV1Parameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetTickerPriceV1ReturnType<Parameters>>;
  /** {@inheritDoc getBookTicker} */
  getBookTicker<Parameters extends GetBookTickerParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetBookTickerReturnType<Parameters>>;
  /** {@inheritDoc getOpenInterest} */
  getOpenInterest(parameters: GetOpenInterestParameters): Promise<GetOpenInterestReturnType>;
  /** {@inheritDoc getSymbolAdlRisk} */
  getSymbolAdlRisk<Parameters extends GetSymbolAdlRiskParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetSymbolAdlRiskReturnType<Parameters>>;
  /** {@inheritDoc getIndexInfo} */
  getIndexInfo(parameters?: GetIndexInfoParameters): Promise<GetIndexInfoReturnType>;
  /** {@inheritDoc getTakerLongShortRatio} */
  getTakerLongShortRatio(
    parameters: GetTakerLongShortRatioParameters,
  ): Promise<GetTakerLongShortRatioReturnType>;
  /** {@inheritDoc getIndexConstituents} */
  getIndexConstituents(parameters: GetIndexConstituentsParameters): Promise<GetIndexConstituentsReturnType>;
  /** {@inheritDoc getAssetIndex} */
  getAssetIndex<Parameters extends GetAssetIndexParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetAssetIndexReturnType<Parameters>>;
  /** {@inheritDoc getInsuranceBalance} */
  getInsuranceBalance<Parameters extends GetInsuranceBalanceParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetInsuranceBalanceReturnType<Parameters>>;
  /** {@inheritDoc getOpenInterestHistory} */
  getOpenInterestHistory(
    parameters: GetOpenInterestHistoryParameters,
  ): Promise<GetOpenInterestHistoryReturnType>;
  /** {@inheritDoc getTopLongShortAccountRatio} */
  getTopLongShortAccountRatio(
    parameters: GetTopLongShortAccountRatioParameters,
  ): Promise<GetTopLongShortAccountRatioReturnType>;
  /** {@inheritDoc getTopLongShortPositionRatio} */
  getTopLongShortPositionRatio(
    parameters: GetTopLongShortPositionRatioParameters,
  ): Promise<GetTopLongShortPositionRatioReturnType>;
  /** {@inheritDoc getGlobalLongShortAccountRatio} */
  getGlobalLongShortAccountRatio(
    parameters: GetGlobalLongShortAccountRatioParameters,
  ): Promise<GetGlobalLongShortAccountRatioReturnType>;
  /** {@inheritDoc getBasis} */
  getBasis(parameters: GetBasisParameters): Promise<GetBasisReturnType>;
  /** {@inheritDoc getDeliveryPrice} */
  getDeliveryPrice(parameters: GetDeliveryPriceParameters): Promise<GetDeliveryPriceReturnType>;
  /** {@inheritDoc getTradingSchedule} */
  getTradingSchedule(parameters?: GetTradingScheduleParameters): Promise<GetTradingScheduleReturnType>;
  /** {@inheritDoc getAccountV2} */
  getAccountV2(parameters?: GetAccountV2Parameters): Promise<GetAccountV2ReturnType>;
  /** {@inheritDoc getBalanceV2} */
  getBalanceV2(parameters?: GetBalanceV2Parameters): Promise<GetBalanceV2ReturnType>;
  /** {@inheritDoc getBalanceV3} */
  getBalanceV3(parameters?: GetBalanceV3Parameters): Promise<GetBalanceV3ReturnType>;
  /** {@inheritDoc getPositionRiskV2} */
  getPositionRiskV2(parameters?: GetPositionRiskV2Parameters): Promise<GetPositionRiskV2ReturnType>;
  /** {@inheritDoc getPositionRiskV3} */
  getPositionRiskV3(parameters?: GetPositionRiskV3Parameters): Promise<GetPositionRiskV3ReturnType>;
  /** {@inheritDoc getAccountConfig} */
  getAccountConfig(parameters?: GetAccountConfigParameters): Promise<GetAccountConfigReturnType>;
  /** {@inheritDoc getSymbolConfig} */
  getSymbolConfig(parameters?: GetSymbolConfigParameters): Promise<GetSymbolConfigReturnType>;
  /** {@inheritDoc getLeverageBrackets} */
  getLeverageBrackets<Parameters extends GetLeverageBracketsParameters = NoSymbol>(
    parameters?: Parameters,
  ): Promise<GetLeverageBracketsReturnType<Parameters>>;
  /** {@inheritDoc getCommissionRate} */
  getCommissionRate(parameters: GetCommissionRateParameters): Promise<GetCommissionRateReturnType>;
  /** {@inheritDoc getIncomeHistory} */
  getIncomeHistory(parameters?: GetIncomeHistoryParameters): Promise<GetIncomeHistoryReturnType>;
  /** {@inheritDoc getUserTrades} */
  getUserTrades(parameters: GetUserTradesParameters): Promise<GetUserTradesReturnType>;
  /** {@inheritDoc getPositionMode} */
  getPositionMode(parameters?: GetPositionModeParameters): Promise<GetPositionModeReturnType>;
  /** {@inheritDoc setPositionMode} */
  setPositionMode(parameters: SetPositionModeParameters): Promise<SetPositionModeReturnType>;
  /** {@inheritDoc getMultiAssetsMode} */
  getMultiAssetsMode(parameters?: GetMultiAssetsModeParameters): Promise<GetMultiAssetsModeReturnType>;
  /** {@inheritDoc setMultiAssetsMode} */
  setMultiAssetsMode(parameters: SetMultiAssetsModeParameters): Promise<SetMultiAssetsModeReturnType>;
  /** {@inheritDoc setLeverage} */
  setLeverage(parameters: SetLeverageParameters): Promise<SetLeverageReturnType>;
  /** {@inheritDoc setMarginType} */
  setMarginType(parameters: SetMarginTypeParameters): Promise<SetMarginTypeReturnType>;
  /** {@inheritDoc modifyPositionMargin} */
  modifyPositionMargin(parameters: ModifyPositionMarginParameters): Promise<ModifyPositionMarginReturnType>;
  /** {@inheritDoc getPositionMarginHistory} */
  getPositionMarginHistory(
    parameters: GetPositionMarginHistoryParameters,
  ): Promise<GetPositionMarginHistoryReturnType>;
  /** {@inheritDoc getOrderRateLimit} */
  getOrderRateLimit(parameters?: GetOrderRateLimitParameters): Promise<GetOrderRateLimitReturnType>;
  /** {@inheritDoc getAdlQuantile} */
  getAdlQuantile(parameters?: GetAdlQuantileParameters): Promise<GetAdlQuantileReturnType>;
  /** {@inheritDoc getFeeBurn} */
  getFeeBurn(parameters?: GetFeeBurnParameters): Promise<GetFeeBurnReturnType>;
  /** {@inheritDoc startUserDataStream} */
  startUserDataStream(parameters?: StartUserDataStreamParameters): Promise<StartUserDataStreamReturnType>;
  /** {@inheritDoc keepAliveUserDataStream} */
  keepAliveUserDataStream(
    parameters?: KeepAliveUserDataStreamParameters,
  ): Promise<KeepAliveUserDataStreamReturnType>;
  /** {@inheritDoc closeUserDataStream} */
  closeUserDataStream(parameters?: CloseUserDataStreamParameters): Promise<CloseUserDataStreamReturnType>;
  // end of market, account and user-data actions
  // trade and algo actions
  /** {@inheritDoc batchOrders} */
  batchOrders(parameters: BatchOrdersParameters): Promise<BatchOrdersReturnType>;
  /** {@inheritDoc cancelAllOpenOrders} */
  cancelAllOpenOrders(parameters: CancelAllOpenOrdersParameters): Promise<CancelAllOpenOrdersReturnType>;
  /** {@inheritDoc cancelBatchOrders} */
  cancelBatchOrders(parameters: CancelBatchOrdersParameters): Promise<CancelBatchOrdersReturnType>;
  /** {@inheritDoc cancelOrder} */
  cancelOrder(parameters: CancelOrderParameters): Promise<CancelOrderReturnType>;
  /** {@inheritDoc countdownCancelAll} */
  countdownCancelAll(parameters: CountdownCancelAllParameters): Promise<CountdownCancelAllReturnType>;
  /** {@inheritDoc getAllOrders} */
  getAllOrders(parameters: GetAllOrdersParameters): Promise<GetAllOrdersReturnType>;
  /** {@inheritDoc getForceOrders} */
  getForceOrders(parameters?: GetForceOrdersParameters): Promise<GetForceOrdersReturnType>;
  /** {@inheritDoc getOpenOrder} */
  getOpenOrder(parameters: GetOpenOrderParameters): Promise<GetOpenOrderReturnType>;
  /** {@inheritDoc getOpenOrders} */
  getOpenOrders(parameters?: GetOpenOrdersParameters): Promise<GetOpenOrdersReturnType>;
  /** {@inheritDoc getOrder} */
  getOrder(parameters: GetOrderParameters): Promise<GetOrderReturnType>;
  /** {@inheritDoc getOrderAmendment} */
  getOrderAmendment(parameters: GetOrderAmendmentParameters): Promise<GetOrderAmendmentReturnType>;
  /** {@inheritDoc modifyBatchOrders} */
  modifyBatchOrders(parameters: ModifyBatchOrdersParameters): Promise<ModifyBatchOrdersReturnType>;
  /** {@inheritDoc modifyOrder} */
  modifyOrder(parameters: ModifyOrderParameters): Promise<ModifyOrderReturnType>;
  /** {@inheritDoc newOrder} */
  newOrder<const Parameters extends NewOrderParameters>(
    parameters: Parameters,
  ): Promise<NewOrderReturnType<Parameters['type']>>;
  /** {@inheritDoc testOrder} */
  testOrder(parameters: TestOrderParameters): Promise<TestOrderReturnType>;
  /** {@inheritDoc cancelAlgoOrder} */
  cancelAlgoOrder(parameters: CancelAlgoOrderParameters): Promise<CancelAlgoOrderReturnType>;
  /** {@inheritDoc cancelAllAlgoOpenOrders} */
  cancelAllAlgoOpenOrders(
    parameters: CancelAllAlgoOpenOrdersParameters,
  ): Promise<CancelAllAlgoOpenOrdersReturnType>;
  /** {@inheritDoc getAlgoOrder} */
  getAlgoOrder(parameters: GetAlgoOrderParameters): Promise<GetAlgoOrderReturnType>;
  /** {@inheritDoc getAllAlgoOrders} */
  getAllAlgoOrders(parameters: GetAllAlgoOrdersParameters): Promise<GetAllAlgoOrdersReturnType>;
  /** {@inheritDoc getOpenAlgoOrders} */
  getOpenAlgoOrders(parameters?: GetOpenAlgoOrdersParameters): Promise<GetOpenAlgoOrdersReturnType>;
  /** {@inheritDoc newAlgoOrder} */
  newAlgoOrder(parameters: NewAlgoOrderParameters): Promise<NewAlgoOrderReturnType>;
  // end of trade and algo actions
}

/**
 * Binds the USD-M actions to a client, one line each, so `client.getServerTime()` is
 * `getServerTime(client)`. A new action is added here in one line, in alphabetical order.
 *
 * @example
 * const client = createClient({ env: 'testnet' }).extend(usdmActions);
 * await client.getExchangeInfo();
 */
export function usdmActions(client: Client): UsdmActions {
  return {
    getAccountV3: (parameters) => getAccountV3(client, parameters),
    getExchangeInfo: (parameters) => getExchangeInfo(client, parameters),
    getServerTime: (parameters) => getServerTime(client, parameters),
    // market, account and user-data actions
    ping: (parameters) => ping(client, parameters),
    getDepth: (parameters) => getDepth(client, parameters),
    getRpiDepth: (parameters) => getRpiDepth(client, parameters),
    getTrades: (parameters) => getTrades(client, parameters),
    getHistoricalTrades: (parameters) => getHistoricalTrades(client, parameters),
    getAggTrades: (parameters) => getAggTrades(client, parameters),
    getKlines: (parameters) => getKlines(client, parameters),
    getContinuousKlines: (parameters) => getContinuousKlines(client, parameters),
    getMarkPriceKlines: (parameters) => getMarkPriceKlines(client, parameters),
    getIndexPriceKlines: (parameters) => getIndexPriceKlines(client, parameters),
    getPremiumIndexKlines: (parameters) => getPremiumIndexKlines(client, parameters),
    getPremiumIndex: (parameters) => getPremiumIndex(client, parameters),
    getFundingRate: (parameters) => getFundingRate(client, parameters),
    getFundingInfo: (parameters) => getFundingInfo(client, parameters),
    getTicker24hr: (parameters) => getTicker24hr(client, parameters),
    getTickerPrice: (parameters) => getTickerPrice(client, parameters),
    getTickerPriceV1: (parameters) => getTickerPriceV1(client, parameters),
    getBookTicker: (parameters) => getBookTicker(client, parameters),
    getOpenInterest: (parameters) => getOpenInterest(client, parameters),
    getSymbolAdlRisk: (parameters) => getSymbolAdlRisk(client, parameters),
    getIndexInfo: (parameters) => getIndexInfo(client, parameters),
    getTakerLongShortRatio: (parameters) => getTakerLongShortRatio(client, parameters),
    getIndexConstituents: (parameters) => getIndexConstituents(client, parameters),
    getAssetIndex: (parameters) => getAssetIndex(client, parameters),
    getInsuranceBalance: (parameters) => getInsuranceBalance(client, parameters),
    getOpenInterestHistory: (parameters) => getOpenInterestHistory(client, parameters),
    getTopLongShortAccountRatio: (parameters) => getTopLongShortAccountRatio(client, parameters),
    getTopLongShortPositionRatio: (parameters) => getTopLongShortPositionRatio(client, parameters),
    getGlobalLongShortAccountRatio: (parameters) => getGlobalLongShortAccountRatio(client, parameters),
    getBasis: (parameters) => getBasis(client, parameters),
    getDeliveryPrice: (parameters) => getDeliveryPrice(client, parameters),
    getTradingSchedule: (parameters) => getTradingSchedule(client, parameters),
    getAccountV2: (parameters) => getAccountV2(client, parameters),
    getBalanceV2: (parameters) => getBalanceV2(client, parameters),
    getBalanceV3: (parameters) => getBalanceV3(client, parameters),
    getPositionRiskV2: (parameters) => getPositionRiskV2(client, parameters),
    getPositionRiskV3: (parameters) => getPositionRiskV3(client, parameters),
    getAccountConfig: (parameters) => getAccountConfig(client, parameters),
    getSymbolConfig: (parameters) => getSymbolConfig(client, parameters),
    getLeverageBrackets: (parameters) => getLeverageBrackets(client, parameters),
    getCommissionRate: (parameters) => getCommissionRate(client, parameters),
    getIncomeHistory: (parameters) => getIncomeHistory(client, parameters),
    getUserTrades: (parameters) => getUserTrades(client, parameters),
    getPositionMode: (parameters) => getPositionMode(client, parameters),
    setPositionMode: (parameters) => setPositionMode(client, parameters),
    getMultiAssetsMode: (parameters) => getMultiAssetsMode(client, parameters),
    setMultiAssetsMode: (parameters) => setMultiAssetsMode(client, parameters),
    setLeverage: (parameters) => setLeverage(client, parameters),
    setMarginType: (parameters) => setMarginType(client, parameters),
    modifyPositionMargin: (parameters) => modifyPositionMargin(client, parameters),
    getPositionMarginHistory: (parameters) => getPositionMarginHistory(client, parameters),
    getOrderRateLimit: (parameters) => getOrderRateLimit(client, parameters),
    getAdlQuantile: (parameters) => getAdlQuantile(client, parameters),
    getFeeBurn: (parameters) => getFeeBurn(client, parameters),
    startUserDataStream: (parameters) => startUserDataStream(client, parameters),
    keepAliveUserDataStream: (parameters) => keepAliveUserDataStream(client, parameters),
    closeUserDataStream: (parameters) => closeUserDataStream(client, parameters),
    // end of market, account and user-data actions
    // trade and algo actions
    batchOrders: (parameters) => batchOrders(client, parameters),
    cancelAllOpenOrders: (parameters) => cancelAllOpenOrders(client, parameters),
    cancelBatchOrders: (parameters) => cancelBatchOrders(client, parameters),
    cancelOrder: (parameters) => cancelOrder(client, parameters),
    countdownCancelAll: (parameters) => countdownCancelAll(client, parameters),
    getAllOrders: (parameters) => getAllOrders(client, parameters),
    getForceOrders: (parameters) => getForceOrders(client, parameters),
    getOpenOrder: (parameters) => getOpenOrder(client, parameters),
    getOpenOrders: (parameters) => getOpenOrders(client, parameters),
    getOrder: (parameters) => getOrder(client, parameters),
    getOrderAmendment: (parameters) => getOrderAmendment(client, parameters),
    modifyBatchOrders: (parameters) => modifyBatchOrders(client, parameters),
    modifyOrder: (parameters) => modifyOrder(client, parameters),
    newOrder: (parameters) => newOrder(client, parameters),
    testOrder: (parameters) => testOrder(client, parameters),
    cancelAlgoOrder: (parameters) => cancelAlgoOrder(client, parameters),
    cancelAllAlgoOpenOrders: (parameters) => cancelAllAlgoOpenOrders(client, parameters),
    getAlgoOrder: (parameters) => getAlgoOrder(client, parameters),
    getAllAlgoOrders: (parameters) => getAllAlgoOrders(client, parameters),
    getOpenAlgoOrders: (parameters) => getOpenAlgoOrders(client, parameters),
    newAlgoOrder: (parameters) => newAlgoOrder(client, parameters),
    // end of trade and algo actions
  };
}
