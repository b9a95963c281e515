import {
  type GetAdlQuantileParameters,
  type GetAdlQuantileReturnType,
  type GetCoinmAccountParameters,
  type GetCoinmAccountReturnType,
  type GetCoinmBalanceParameters,
  type GetCoinmBalanceReturnType,
  type GetCoinmCommissionRateParameters,
  type GetCoinmCommissionRateReturnType,
  type GetCoinmIncomeHistoryParameters,
  type GetCoinmIncomeHistoryReturnType,
  type GetCoinmLeverageBracketsV1Parameters,
  type GetCoinmLeverageBracketsV1ReturnType,
  type GetCoinmLeverageBracketsV2Parameters,
  type GetCoinmLeverageBracketsV2ReturnType,
  type GetCoinmPositionMarginHistoryParameters,
  type GetCoinmPositionMarginHistoryReturnType,
  type GetCoinmPositionRiskParameters,
  type GetCoinmPositionRiskReturnType,
  type GetCoinmUserTradesParameters,
  type GetCoinmUserTradesReturnType,
  type GetPositionModeParameters,
  type GetPositionModeReturnType,
  getAdlQuantile,
  getCoinmAccount,
  getCoinmBalance,
  getCoinmCommissionRate,
  getCoinmIncomeHistory,
  getCoinmLeverageBracketsV1,
  getCoinmLeverageBracketsV2,
  getCoinmPositionMarginHistory,
  getCoinmPositionRisk,
  getCoinmUserTrades,
  getPositionMode,
  type ModifyPositionMarginParameters,
  type ModifyPositionMarginReturnType,
  modifyPositionMargin,
  type SetCoinmLeverageParameters,
  type SetCoinmLeverageReturnType,
  type SetMarginTypeParameters,
  type SetMarginTypeReturnType,
  type SetPositionModeParameters,
  type SetPositionModeReturnType,
  setCoinmLeverage,
  setMarginType,
  setPositionMode,
} from '../../actions/account/index.js';
import {
  type CancelCoinmAlgoOrderParameters,
  type CancelCoinmAlgoOrderReturnType,
  type CancelCoinmAllAlgoOpenOrdersParameters,
  type CancelCoinmAllAlgoOpenOrdersReturnType,
  cancelCoinmAlgoOrder,
  cancelCoinmAllAlgoOpenOrders,
  type GetCoinmAlgoOrderParameters,
  type GetCoinmAlgoOrderReturnType,
  type GetCoinmAllAlgoOrdersParameters,
  type GetCoinmAllAlgoOrdersReturnType,
  type GetCoinmOpenAlgoOrdersParameters,
  type GetCoinmOpenAlgoOrdersReturnType,
  getCoinmAlgoOrder,
  getCoinmAllAlgoOrders,
  getCoinmOpenAlgoOrders,
  type NewCoinmAlgoOrderParameters,
  type NewCoinmAlgoOrderReturnType,
  newCoinmAlgoOrder,
} from '../../actions/algo/coinm/index.js';
import {
  type GetAggTradesParameters,
  type GetAggTradesReturnType,
  type GetCoinmBookTickerParameters,
  type GetCoinmBookTickerReturnType,
  type GetCoinmContinuousKlinesParameters,
  type GetCoinmContinuousKlinesReturnType,
  type GetCoinmDepthParameters,
  type GetCoinmDepthReturnType,
  type GetCoinmExchangeInfoParameters,
  type GetCoinmExchangeInfoReturnType,
  type GetCoinmFundingRateParameters,
  type GetCoinmFundingRateReturnType,
  type GetCoinmHistoricalTradesParameters,
  type GetCoinmHistoricalTradesReturnType,
  type GetCoinmKlinesParameters,
  type GetCoinmKlinesReturnType,
  type GetCoinmOpenInterestParameters,
  type GetCoinmOpenInterestReturnType,
  type GetCoinmPremiumIndexParameters,
  type GetCoinmPremiumIndexReturnType,
  type GetCoinmTicker24hrParameters,
  type GetCoinmTicker24hrReturnType,
  type GetCoinmTickerPriceParameters,
  type GetCoinmTickerPriceReturnType,
  type GetCoinmTradesParameters,
  type GetCoinmTradesReturnType,
  type GetFundingInfoParameters,
  type GetFundingInfoReturnType,
  type GetIndexPriceKlinesParameters,
  type GetIndexPriceKlinesReturnType,
  type GetMarkPriceKlinesParameters,
  type GetMarkPriceKlinesReturnType,
  type GetPremiumIndexKlinesParameters,
  type GetPremiumIndexKlinesReturnType,
  type GetServerTimeParameters,
  type GetServerTimeReturnType,
  getAggTrades,
  getCoinmBookTicker,
  getCoinmContinuousKlines,
  getCoinmDepth,
  getCoinmExchangeInfo,
  getCoinmFundingRate,
  getCoinmHistoricalTrades,
  getCoinmKlines,
  getCoinmOpenInterest,
  getCoinmPremiumIndex,
  getCoinmTicker24hr,
  getCoinmTickerPrice,
  getCoinmTrades,
  getFundingInfo,
  getIndexPriceKlines,
  getMarkPriceKlines,
  getPremiumIndexKlines,
  getServerTime,
  type PingParameters,
  type PingReturnType,
  ping,
} from '../../actions/market/index.js';
import {
  type CancelCoinmAllOpenOrdersParameters,
  type CancelCoinmAllOpenOrdersReturnType,
  type CancelCoinmBatchOrdersParameters,
  type CancelCoinmBatchOrdersReturnType,
  type CancelCoinmOrderParameters,
  type CancelCoinmOrderReturnType,
  type CoinmBatchOrdersParameters,
  type CoinmBatchOrdersReturnType,
  type CoinmCountdownCancelAllParameters,
  type CoinmCountdownCancelAllReturnType,
  cancelCoinmAllOpenOrders,
  cancelCoinmBatchOrders,
  cancelCoinmOrder,
  coinmBatchOrders,
  coinmCountdownCancelAll,
  type GetCoinmAllOrdersParameters,
  type GetCoinmAllOrdersReturnType,
  type GetCoinmForceOrdersParameters,
  type GetCoinmForceOrdersReturnType,
  type GetCoinmOpenOrderParameters,
  type GetCoinmOpenOrderReturnType,
  type GetCoinmOpenOrdersParameters,
  type GetCoinmOpenOrdersReturnType,
  type GetCoinmOrderAmendmentParameters,
  type GetCoinmOrderAmendmentReturnType,
  type GetCoinmOrderParameters,
  type GetCoinmOrderReturnType,
  getCoinmAllOrders,
  getCoinmForceOrders,
  getCoinmOpenOrder,
  getCoinmOpenOrders,
  getCoinmOrder,
  getCoinmOrderAmendment,
  type ModifyCoinmBatchOrdersParameters,
  type ModifyCoinmBatchOrdersReturnType,
  type ModifyCoinmOrderParameters,
  type ModifyCoinmOrderReturnType,
  modifyCoinmBatchOrders,
  modifyCoinmOrder,
  type NewCoinmOrderParameters,
  type NewCoinmOrderReturnType,
  newCoinmOrder,
} from '../../actions/trade/coinm/index.js';
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

/**
 * The COIN-M actions as client methods. Endpoints whose answer has the USD-M shape (time, ping,
 * aggTrades, mark/index/premium-index klines, fundingInfo, position mode, margin type, position
 * margin, ADL quantiles, listen keys) bind the market-aware actions, which choose `/dapi` from `client.market`; the
 * others bind the `getCoinm*` / `setCoinm*` actions, typed with core's COIN-M wire types, under the
 * same method names as on USD-M (`client.getDepth()` is `getCoinmDepth(client)`), so code written
 * against either decorator reads alike.
 */
export interface CoinmActions {
  /** {@inheritDoc getServerTime} */
  getServerTime(parameters?: GetServerTimeParameters): Promise<GetServerTimeReturnType>;
  /** {@inheritDoc ping} */
  ping(parameters?: PingParameters): Promise<PingReturnType>;
  /** {@inheritDoc getAggTrades} */
  getAggTrades(parameters: GetAggTradesParameters): Promise<GetAggTradesReturnType>;
  /** {@inheritDoc getMarkPriceKlines} */
  getMarkPriceKlines(parameters: GetMarkPriceKlinesParameters): Promise<GetMarkPriceKlinesReturnType>;
  /** {@inheritDoc getIndexPriceKlines} */
  getIndexPriceKlines(parameters: GetIndexPriceKlinesParameters): Promise<GetIndexPriceKlinesReturnType>;
  /** {@inheritDoc getPremiumIndexKlines} */
  getPremiumIndexKlines(
    parameters: GetPremiumIndexKlinesParameters,
  ): Promise<GetPremiumIndexKlinesReturnType>;
  /** {@inheritDoc getFundingInfo} */
  getFundingInfo(parameters?: GetFundingInfoParameters): Promise<GetFundingInfoReturnType>;
  /** {@inheritDoc getCoinmExchangeInfo} */
  getExchangeInfo(parameters?: GetCoinmExchangeInfoParameters): Promise<GetCoinmExchangeInfoReturnType>;
  /** {@inheritDoc getCoinmDepth} */
  getDepth(parameters: GetCoinmDepthParameters): Promise<GetCoinmDepthReturnType>;
  /** {@inheritDoc getCoinmTrades} */
  getTrades(parameters: GetCoinmTradesParameters): Promise<GetCoinmTradesReturnType>;
  /** {@inheritDoc getCoinmHistoricalTrades} */
  getHistoricalTrades(
    parameters: GetCoinmHistoricalTradesParameters,
  ): Promise<GetCoinmHistoricalTradesReturnType>;
  /** {@inheritDoc getCoinmKlines} */
  getKlines(parameters: GetCoinmKlinesParameters): Promise<GetCoinmKlinesReturnType>;
  /** {@inheritDoc getCoinmContinuousKlines} */
  getContinuousKlines(
    parameters: GetCoinmContinuousKlinesParameters,
  ): Promise<GetCoinmContinuousKlinesReturnType>;
  /** {@inheritDoc getCoinmPremiumIndex} */
  getPremiumIndex(parameters?: GetCoinmPremiumIndexParameters): Promise<GetCoinmPremiumIndexReturnType>;
  /** {@inheritDoc getCoinmFundingRate} */
  getFundingRate(parameters: GetCoinmFundingRateParameters): Promise<GetCoinmFundingRateReturnType>;
  /** {@inheritDoc getCoinmTicker24hr} */
  getTicker24hr(parameters?: GetCoinmTicker24hrParameters): Promise<GetCoinmTicker24hrReturnType>;
  /** {@inheritDoc getCoinmTickerPrice} */
  getTickerPrice(parameters?: GetCoinmTickerPriceParameters): Promise<GetCoinmTickerPriceReturnType>;
  /** {@inheritDoc getCoinmBookTicker} */
  getBookTicker(parameters?: GetCoinmBookTickerParameters): Promise<GetCoinmBookTickerReturnType>;
  /** {@inheritDoc getCoinmOpenInterest} */
  getOpenInterest(parameters: GetCoinmOpenInterestParameters): Promise<GetCoinmOpenInterestReturnType>;
  /** {@inheritDoc getPositionMode} */
  getPositionMode(parameters?: GetPositionModeParameters): Promise<GetPositionModeReturnType>;
  /** {@inheritDoc setPositionMode} */
  setPositionMode(parameters: SetPositionModeParameters): Promise<SetPositionModeReturnType>;
  /** {@inheritDoc setMarginType} */
  setMarginType(parameters: SetMarginTypeParameters): Promise<SetMarginTypeReturnType>;
  /** {@inheritDoc modifyPositionMargin} */
  modifyPositionMargin(parameters: ModifyPositionMarginParameters): Promise<ModifyPositionMarginReturnType>;
  /** {@inheritDoc getCoinmAccount} */
  getAccount(parameters?: GetCoinmAccountParameters): Promise<GetCoinmAccountReturnType>;
  /** {@inheritDoc getCoinmBalance} */
  getBalance(parameters?: GetCoinmBalanceParameters): Promise<GetCoinmBalanceReturnType>;
  /** {@inheritDoc getCoinmPositionRisk} */
  getPositionRisk(parameters?: GetCoinmPositionRiskParameters): Promise<GetCoinmPositionRiskReturnType>;
  /** {@inheritDoc getCoinmLeverageBracketsV1} */
  getLeverageBracketsV1(
    parameters?: GetCoinmLeverageBracketsV1Parameters,
  ): Promise<GetCoinmLeverageBracketsV1ReturnType>;
  /** {@inheritDoc getCoinmLeverageBracketsV2} */
  getLeverageBracketsV2(
    parameters?: GetCoinmLeverageBracketsV2Parameters,
  ): Promise<GetCoinmLeverageBracketsV2ReturnType>;
  /** {@inheritDoc setCoinmLeverage} */
  setLeverage(parameters: SetCoinmLeverageParameters): Promise<SetCoinmLeverageReturnType>;
  /** {@inheritDoc getCoinmCommissionRate} */
  getCommissionRate(parameters: GetCoinmCommissionRateParameters): Promise<GetCoinmCommissionRateReturnType>;
  /** {@inheritDoc getCoinmIncomeHistory} */
  getIncomeHistory(parameters?: GetCoinmIncomeHistoryParameters): Promise<GetCoinmIncomeHistoryReturnType>;
  /** {@inheritDoc getCoinmUserTrades} */
  getUserTrades(parameters: GetCoinmUserTradesParameters): Promise<GetCoinmUserTradesReturnType>;
  /** {@inheritDoc getAdlQuantile} */
  getAdlQuantile(parameters?: GetAdlQuantileParameters): Promise<GetAdlQuantileReturnType>;
  /** {@inheritDoc getCoinmPositionMarginHistory} */
  getPositionMarginHistory(
    parameters: GetCoinmPositionMarginHistoryParameters,
  ): Promise<GetCoinmPositionMarginHistoryReturnType>;
  /** {@inheritDoc startUserDataStream} */
  startUserDataStream(parameters?: StartUserDataStreamParameters): Promise<StartUserDataStreamReturnType>;
  /** {@inheritDoc keepAliveUserDataStream} */
  keepAliveUserDataStream(
    parameters?: KeepAliveUserDataStreamParameters,
  ): Promise<KeepAliveUserDataStreamReturnType>;
  /** {@inheritDoc closeUserDataStream} */
  closeUserDataStream(parameters?: CloseUserDataStreamParameters): Promise<CloseUserDataStreamReturnType>;
  // trade actions
  /** {@inheritDoc newCoinmOrder} */
  newOrder<const Parameters extends NewCoinmOrderParameters>(
    parameters: Parameters,
  ): Promise<NewCoinmOrderReturnType<Parameters['type']>>;
  /** {@inheritDoc coinmBatchOrders} */
  batchOrders(parameters: CoinmBatchOrdersParameters): Promise<CoinmBatchOrdersReturnType>;
  /** {@inheritDoc modifyCoinmOrder} */
  modifyOrder(parameters: ModifyCoinmOrderParameters): Promise<ModifyCoinmOrderReturnType>;
  /** {@inheritDoc modifyCoinmBatchOrders} */
  modifyBatchOrders(parameters: ModifyCoinmBatchOrdersParameters): Promise<ModifyCoinmBatchOrdersReturnType>;
  /** {@inheritDoc getCoinmOrder} */
  getOrder(parameters: GetCoinmOrderParameters): Promise<GetCoinmOrderReturnType>;
  /** {@inheritDoc getCoinmOpenOrder} */
  getOpenOrder(parameters: GetCoinmOpenOrderParameters): Promise<GetCoinmOpenOrderReturnType>;
  /** {@inheritDoc getCoinmOpenOrders} */
  getOpenOrders(parameters?: GetCoinmOpenOrdersParameters): Promise<GetCoinmOpenOrdersReturnType>;
  /** {@inheritDoc getCoinmAllOrders} */
  getAllOrders(parameters: GetCoinmAllOrdersParameters): Promise<GetCoinmAllOrdersReturnType>;
  /** {@inheritDoc getCoinmForceOrders} */
  getForceOrders(parameters?: GetCoinmForceOrdersParameters): Promise<GetCoinmForceOrdersReturnType>;
  /** {@inheritDoc getCoinmOrderAmendment} */
  getOrderAmendment(parameters: GetCoinmOrderAmendmentParameters): Promise<GetCoinmOrderAmendmentReturnType>;
  /** {@inheritDoc cancelCoinmOrder} */
  cancelOrder(parameters: CancelCoinmOrderParameters): Promise<CancelCoinmOrderReturnType>;
  /** {@inheritDoc cancelCoinmBatchOrders} */
  cancelBatchOrders(parameters: CancelCoinmBatchOrdersParameters): Promise<CancelCoinmBatchOrdersReturnType>;
  /** {@inheritDoc cancelCoinmAllOpenOrders} */
  cancelAllOpenOrders(
    parameters: CancelCoinmAllOpenOrdersParameters,
  ): Promise<CancelCoinmAllOpenOrdersReturnType>;
  /** {@inheritDoc coinmCountdownCancelAll} */
  countdownCancelAll(
    parameters: CoinmCountdownCancelAllParameters,
  ): Promise<CoinmCountdownCancelAllReturnType>;
  // end of trade actions
  // algo actions
  /** {@inheritDoc newCoinmAlgoOrder} */
  newAlgoOrder(parameters: NewCoinmAlgoOrderParameters): Promise<NewCoinmAlgoOrderReturnType>;
  /** {@inheritDoc cancelCoinmAlgoOrder} */
  cancelAlgoOrder(parameters: CancelCoinmAlgoOrderParameters): Promise<CancelCoinmAlgoOrderReturnType>;
  /** {@inheritDoc cancelCoinmAllAlgoOpenOrders} */
  cancelAllAlgoOpenOrders(
    parameters: CancelCoinmAllAlgoOpenOrdersParameters,
  ): Promise<CancelCoinmAllAlgoOpenOrdersReturnType>;
  /** {@inheritDoc getCoinmAlgoOrder} */
  getAlgoOrder(parameters: GetCoinmAlgoOrderParameters): Promise<GetCoinmAlgoOrderReturnType>;
  /** {@inheritDoc getCoinmOpenAlgoOrders} */
  getOpenAlgoOrders(parameters?: GetCoinmOpenAlgoOrdersParameters): Promise<GetCoinmOpenAlgoOrdersReturnType>;
  /** {@inheritDoc getCoinmAllAlgoOrders} */
  getAllAlgoOrders(parameters: GetCoinmAllAlgoOrdersParameters): Promise<GetCoinmAllAlgoOrdersReturnType>;
  // end of algo actions
}

/**
 * Binds the COIN-M actions to a COIN-M client, one line each.
 *
 * @example
 * const client = createClient({ env: 'testnet', market: 'coinm' }).extend(coinmActions);
 * const book = await client.getDepth({ symbol: 'BTCUSD_PERP', limit: 5 }); // CoinmDepth
 */
export function coinmActions(client: Client): CoinmActions {
  return {
    getServerTime: (parameters) => getServerTime(client, parameters),
    ping: (parameters) => ping(client, parameters),
    getAggTrades: (parameters) => getAggTrades(client, parameters),
    getMarkPriceKlines: (parameters) => getMarkPriceKlines(client, parameters),
    getIndexPriceKlines: (parameters) => getIndexPriceKlines(client, parameters),
    getPremiumIndexKlines: (parameters) => getPremiumIndexKlines(client, parameters),
    getFundingInfo: (parameters) => getFundingInfo(client, parameters),
    getExchangeInfo: (parameters) => getCoinmExchangeInfo(client, parameters),
    getDepth: (parameters) => getCoinmDepth(client, parameters),
    getTrades: (parameters) => getCoinmTrades(client, parameters),
    getHistoricalTrades: (parameters) => getCoinmHistoricalTrades(client, parameters),
    getKlines: (parameters) => getCoinmKlines(client, parameters),
    getContinuousKlines: (parameters) => getCoinmContinuousKlines(client, parameters),
    getPremiumIndex: (parameters) => getCoinmPremiumIndex(client, parameters),
    getFundingRate: (parameters) => getCoinmFundingRate(client, parameters),
    getTicker24hr: (parameters) => getCoinmTicker24hr(client, parameters),
    getTickerPrice: (parameters) => getCoinmTickerPrice(client, parameters),
    getBookTicker: (parameters) => getCoinmBookTicker(client, parameters),
    getOpenInterest: (parameters) => getCoinmOpenInterest(client, parameters),
    getPositionMode: (parameters) => getPositionMode(client, parameters),
    setPositionMode: (parameters) => setPositionMode(client, parameters),
    setMarginType: (parameters) => setMarginType(client, parameters),
    modifyPositionMargin: (parameters) => modifyPositionMargin(client, parameters),
    getAccount: (parameters) => getCoinmAccount(client, parameters),
    getBalance: (parameters) => getCoinmBalance(client, parameters),
    getPositionRisk: (parameters) => getCoinmPositionRisk(client, parameters),
    getLeverageBracketsV1: (parameters) => getCoinmLeverageBracketsV1(client, parameters),
    getLeverageBracketsV2: (parameters) => getCoinmLeverageBracketsV2(client, parameters),
    setLeverage: (parameters) => setCoinmLeverage(client, parameters),
    getCommissionRate: (parameters) => getCoinmCommissionRate(client, parameters),
    getIncomeHistory: (parameters) => getCoinmIncomeHistory(client, parameters),
    getUserTrades: (parameters) => getCoinmUserTrades(client, parameters),
    getAdlQuantile: (parameters) => getAdlQuantile(client, parameters),
    getPositionMarginHistory: (parameters) => getCoinmPositionMarginHistory(client, parameters),
    startUserDataStream: (parameters) => startUserDataStream(client, parameters),
    keepAliveUserDataStream: (parameters) => keepAliveUserDataStream(client, parameters),
    closeUserDataStream: (parameters) => closeUserDataStream(client, parameters),
    // trade actions
    newOrder: (parameters) => newCoinmOrder(client, parameters),
    batchOrders: (parameters) => coinmBatchOrders(client, parameters),
    modifyOrder: (parameters) => modifyCoinmOrder(client, parameters),
    modifyBatchOrders: (parameters) => modifyCoinmBatchOrders(client, parameters),
    getOrder: (parameters) => getCoinmOrder(client, parameters),
    getOpenOrder: (parameters) => getCoinmOpenOrder(client, parameters),
    getOpenOrders: (parameters) => getCoinmOpenOrders(client, parameters),
    getAllOrders: (parameters) => getCoinmAllOrders(client, parameters),
    getForceOrders: (parameters) => getCoinmForceOrders(client, parameters),
    getOrderAmendment: (parameters) => getCoinmOrderAmendment(client, parameters),
    cancelOrder: (parameters) => cancelCoinmOrder(client, parameters),
    cancelBatchOrders: (parameters) => cancelCoinmBatchOrders(client, parameters),
    cancelAllOpenOrders: (parameters) => cancelCoinmAllOpenOrders(client, parameters),
    countdownCancelAll: (parameters) => coinmCountdownCancelAll(client, parameters),
    // end of trade actions
    // algo actions
    newAlgoOrder: (parameters) => newCoinmAlgoOrder(client, parameters),
    cancelAlgoOrder: (parameters) => cancelCoinmAlgoOrder(client, parameters),
    cancelAllAlgoOpenOrders: (parameters) => cancelCoinmAllAlgoOpenOrders(client, parameters),
    getAlgoOrder: (parameters) => getCoinmAlgoOrder(client, parameters),
    getOpenAlgoOrders: (parameters) => getCoinmOpenAlgoOrders(client, parameters),
    getAllAlgoOrders: (parameters) => getCoinmAllAlgoOrders(client, parameters),
    // end of algo actions
  };
}
