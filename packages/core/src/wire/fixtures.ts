/**
 * Binance's documented example payloads, checked against the wire types with `satisfies`, so the
 * compiler proves the types accept what Binance prints. Sources: binance-futures-api.md (the
 * reference) where it prints JSON, otherwise the Binance developer-docs examples it was compiled
 * from (docs mirror, 2026-05-28); "constructed" marks bodies assembled from a field list.
 * Reusable by other packages' tests (e.g. exchange responses, SDK parsers); never mutate them.
 */
import type {
  AccountAssetV3,
  AccountConfig,
  AccountV2,
  AccountV3,
  AdlQuantileEntry,
  BalanceV2,
  CommissionRate,
  Income,
  LeverageBracket,
  LeverageResponse,
  MultiAssetsModeResponse,
  PositionMarginHistoryEntry,
  PositionMarginResponse,
  PositionModeResponse,
  PositionRiskV2,
  PositionRiskV3,
  SymbolConfig,
} from './account.js';
import type { AlgoOrder, AlgoOrderDetail, CancelAlgoOrderResponse } from './algo.js';
import type {
  CoinmAccount,
  CoinmBalance,
  CoinmLeverageBracketV1,
  CoinmLeverageBracketV2,
  CoinmLeverageResponse,
  CoinmPositionRisk,
} from './coinm/account.js';
import type { CoinmExchangeInfo } from './coinm/exchangeInfo.js';
import type {
  CoinmBookTicker,
  CoinmDepth,
  CoinmFundingRate,
  CoinmKline,
  CoinmOpenInterest,
  CoinmPremiumIndex,
  CoinmTicker24hr,
  CoinmTickerPrice,
  CoinmTrade,
} from './coinm/market.js';
import type {
  CoinmBookTickerEvent,
  CoinmIndexPriceKlineEvent,
  CoinmIndexPriceUpdateEvent,
  CoinmMarkPriceKlineEvent,
  CoinmMarkPriceUpdateEvent,
  CoinmMiniTickerEvent,
  CoinmTickerEvent,
} from './coinm/streams.js';
import type { CoinmOrder, CoinmUserTrade } from './coinm/trade.js';
import type {
  CoinmAccountConfigUpdateEvent,
  CoinmAccountUpdateEvent,
  CoinmMarginCallEvent,
  CoinmOrderTradeUpdateEvent,
} from './coinm/userData.js';
import type {
  BatchResult,
  CodeMsgAck,
  EmptyResponse,
  ListenKeyResponse,
  RateLimit,
  ServerTime,
} from './common.js';
import type { ExchangeInfo, SymbolFilter } from './exchangeInfo.js';
import type {
  AggTrade,
  BookTicker,
  Depth,
  FundingInfo,
  FundingRate,
  Kline,
  OpenInterest,
  PremiumIndex,
  Ticker24hr,
  TickerPrice,
  Trade,
} from './market.js';
import type {
  CombinedStreamFrame,
  ListSubscriptionsRequest,
  SetPropertyRequest,
  StreamControlError,
  StreamControlReply,
  SubscribeRequest,
} from './streamControl.js';
import type {
  AggTradeEvent,
  AssetIndexEvent,
  BookTickerEvent,
  CompositeIndexEvent,
  ContinuousKlineEvent,
  ContractInfoEvent,
  DepthUpdateEvent,
  ForceOrderEvent,
  KlineEvent,
  MarkPriceUpdateEvent,
  MiniTickerEvent,
  TickerEvent,
  TradeEvent,
} from './streams.js';
import type {
  CountdownCancelAllResponse,
  ForceOrder,
  ModifyOrderResponse,
  Order,
  OrderAmendment,
  UserTrade,
} from './trade.js';
import type {
  AccountConfigLeverageUpdateEvent,
  AccountConfigMultiAssetsUpdateEvent,
  AccountUpdateEvent,
  AlgoUpdateEvent,
  ConditionalOrderTriggerRejectEvent,
  GridUpdateEvent,
  ListenKeyExpiredEvent,
  MarginCallEvent,
  OrderTradeUpdateEvent,
  StrategyUpdateEvent,
  TradeLiteEvent,
} from './userData.js';
import type { SessionStatusResult, WsApiFailure, WsApiRequest, WsApiSuccess } from './wsApi.js';

// ---------------------------------------------------------------------------------------------
// USD-M market data (§5.1)

/** `GET /fapi/v1/ping`. */
export const pingResponse = {} satisfies EmptyResponse;

/** `GET /fapi/v1/time` (reference). */
export const serverTimeResponse = { serverTime: 1499827319559 } satisfies ServerTime;

/** Symbol filters as printed in the common definitions (PERCENT_PRICE with the 2025 string decimal). */
export const symbolFilters = [
  { filterType: 'PRICE_FILTER', maxPrice: '300', minPrice: '0.0001', tickSize: '0.0001' },
  { filterType: 'LOT_SIZE', maxQty: '10000000', minQty: '1', stepSize: '1' },
  { filterType: 'MARKET_LOT_SIZE', maxQty: '590119', minQty: '1', stepSize: '1' },
  { filterType: 'MAX_NUM_ORDERS', limit: 200 },
  { filterType: 'MAX_NUM_ALGO_ORDERS', limit: 100 },
  { filterType: 'MIN_NOTIONAL', notional: '5.0' },
  { filterType: 'PERCENT_PRICE', multiplierUp: '1.1500', multiplierDown: '0.8500', multiplierDecimal: '4' },
] satisfies SymbolFilter[];

/** `GET /fapi/v1/exchangeInfo` (docs example; rate limits from the reference incl. the 10 s ORDERS entry). */
export const exchangeInfoResponse = {
  exchangeFilters: [],
  rateLimits: [
    { interval: 'MINUTE', intervalNum: 1, limit: 2400, rateLimitType: 'REQUEST_WEIGHT' },
    { interval: 'MINUTE', intervalNum: 1, limit: 1200, rateLimitType: 'ORDERS' },
    { interval: 'SECOND', intervalNum: 10, limit: 300, rateLimitType: 'ORDERS' },
  ],
  serverTime: 1565613908500,
  assets: [
    { asset: 'BTC', marginAvailable: true, autoAssetExchange: '-0.10' },
    { asset: 'USDT', marginAvailable: true, autoAssetExchange: '0' },
    { asset: 'BNB', marginAvailable: false, autoAssetExchange: null },
  ],
  symbols: [
    {
      symbol: 'BLZUSDT',
      pair: 'BLZUSDT',
      contractType: 'PERPETUAL',
      deliveryDate: 4133404800000,
      onboardDate: 1598252400000,
      status: 'TRADING',
      maintMarginPercent: '2.5000',
      requiredMarginPercent: '5.0000',
      baseAsset: 'BLZ',
      quoteAsset: 'USDT',
      marginAsset: 'USDT',
      pricePrecision: 5,
      quantityPrecision: 0,
      baseAssetPrecision: 8,
      quotePrecision: 8,
      underlyingType: 'COIN',
      underlyingSubType: ['STORAGE'],
      settlePlan: 0,
      triggerProtect: '0.15',
      filters: symbolFilters,
      orderTypes: [
        'LIMIT',
        'MARKET',
        'STOP',
        'STOP_MARKET',
        'TAKE_PROFIT',
        'TAKE_PROFIT_MARKET',
        'TRAILING_STOP_MARKET',
      ],
      timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
      liquidationFee: '0.010000',
      marketTakeBound: '0.30',
    },
  ],
  timezone: 'UTC',
} satisfies ExchangeInfo;

/** `GET /fapi/v1/depth` (reference; E/T from the docs example). */
export const depthResponse = {
  lastUpdateId: 1027024,
  E: 1589436922972,
  T: 1589436922959,
  bids: [['4.00000000', '431.00000000']],
  asks: [['4.00000200', '12.00000000']],
} satisfies Depth;

/** `GET /fapi/v1/trades` (reference). */
export const tradesResponse = [
  {
    id: 28457,
    price: '4.00000100',
    qty: '12.00000000',
    quoteQty: '48.00',
    time: 1499865549590,
    isBuyerMaker: true,
    isRPITrade: true,
  },
] satisfies Trade[];

/** `GET /fapi/v1/aggTrades` (reference). */
export const aggTradesResponse = [
  {
    a: 26129,
    p: '0.01633102',
    q: '4.70443515',
    nq: '4.70443515',
    f: 27781,
    l: 27781,
    T: 1498793709153,
    m: true,
  },
] satisfies AggTrade[];

/** `GET /fapi/v1/klines` (docs example). */
export const klinesResponse = [
  [
    1499040000000,
    '0.01634790',
    '0.80000000',
    '0.01575800',
    '0.01577100',
    '148976.11427815',
    1499644799999,
    '2434.19055334',
    308,
    '1756.87402397',
    '28.46694368',
    '17928899.62484339',
  ],
] satisfies Kline[];

/** `GET /fapi/v1/premiumIndex?symbol=` (reference). */
export const premiumIndexResponse = {
  symbol: 'BTCUSDT',
  markPrice: '11793.63104562',
  indexPrice: '11781.80495970',
  estimatedSettlePrice: '11781.16138815',
  lastFundingRate: '0.00038246',
  interestRate: '0.00010000',
  nextFundingTime: 1597392000000,
  time: 1597370495002,
} satisfies PremiumIndex;

/** `GET /fapi/v1/fundingRate` (reference). */
export const fundingRateResponse = [
  { symbol: 'BTCUSDT', fundingRate: '-0.03750000', fundingTime: 1570608000000, markPrice: '34287.54619963' },
] satisfies FundingRate[];

/** `GET /fapi/v1/fundingInfo` (reference). */
export const fundingInfoResponse = [
  {
    symbol: 'BLZUSDT',
    adjustedFundingRateCap: '0.02500000',
    adjustedFundingRateFloor: '-0.02500000',
    fundingIntervalHours: 8,
    disclaimer: false,
  },
] satisfies FundingInfo[];

/** `GET /fapi/v1/ticker/24hr?symbol=` (docs example). */
export const ticker24hrResponse = {
  symbol: 'BTCUSDT',
  priceChange: '-94.99999800',
  priceChangePercent: '-95.960',
  weightedAvgPrice: '0.29628482',
  lastPrice: '4.00000200',
  lastQty: '200.00000000',
  openPrice: '99.00000000',
  highPrice: '100.00000000',
  lowPrice: '0.10000000',
  volume: '8913.30000000',
  quoteVolume: '15.30000000',
  openTime: 1499783499040,
  closeTime: 1499869899040,
  firstId: 28385,
  lastId: 28460,
  count: 76,
} satisfies Ticker24hr;

/** `GET /fapi/v2/ticker/price?symbol=` (reference). */
export const tickerPriceResponse = {
  symbol: 'BTCUSDT',
  price: '6000.01',
  time: 1589437530011,
} satisfies TickerPrice;

/** `GET /fapi/v1/ticker/bookTicker?symbol=` (docs example). */
export const bookTickerResponse = {
  lastUpdateId: 1027024,
  symbol: 'BTCUSDT',
  bidPrice: '4.00000000',
  bidQty: '431.00000000',
  askPrice: '4.00000200',
  askQty: '9.00000000',
  time: 1589437530011,
} satisfies BookTicker;

/** `GET /fapi/v1/openInterest` (reference). */
export const openInterestResponse = {
  openInterest: '10659.509',
  symbol: 'BTCUSDT',
  time: 1589437530011,
} satisfies OpenInterest;

// ---------------------------------------------------------------------------------------------
// USD-M account (§5.2) and account configuration (§5.3)

/** One USDT row of account `assets[]` (constructed from the reference's field list). */
export const usdtAssetV3 = {
  asset: 'USDT',
  walletBalance: '23.72469206',
  unrealizedProfit: '0.00000000',
  marginBalance: '23.72469206',
  maintMargin: '0.00000000',
  initialMargin: '0.00000000',
  positionInitialMargin: '0.00000000',
  openOrderInitialMargin: '0.00000000',
  crossWalletBalance: '23.72469206',
  crossUnPnl: '0.00000000',
  availableBalance: '23.72469206',
  maxWithdrawAmount: '23.72469206',
  updateTime: 1625474304765,
} satisfies AccountAssetV3;

/** `GET /fapi/v3/account` (constructed from the reference's field list). */
export const accountV3Response = {
  totalInitialMargin: '0.00000000',
  totalMaintMargin: '0.00000000',
  totalWalletBalance: '103.12345678',
  totalUnrealizedProfit: '0.00000000',
  totalMarginBalance: '103.12345678',
  totalPositionInitialMargin: '0.00000000',
  totalOpenOrderInitialMargin: '0.00000000',
  totalCrossWalletBalance: '103.12345678',
  totalCrossUnPnl: '0.00000000',
  availableBalance: '103.12345678',
  maxWithdrawAmount: '103.12345678',
  assets: [usdtAssetV3],
  positions: [
    {
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      positionAmt: '1.000',
      unrealizedProfit: '0.00246783',
      isolatedMargin: '0',
      notional: '25.12345',
      isolatedWallet: '0',
      initialMargin: '0.12345',
      maintMargin: '0.12345',
      updateTime: 0,
    },
  ],
} satisfies AccountV3;

/** `GET /fapi/v2/account` (constructed from the reference's field list). */
export const accountV2Response = {
  feeTier: 0,
  feeBurn: true,
  canTrade: true,
  canDeposit: true,
  canWithdraw: true,
  updateTime: 0,
  multiAssetsMargin: false,
  tradeGroupId: -1,
  totalInitialMargin: '0.00000000',
  totalMaintMargin: '0.00000000',
  totalWalletBalance: '23.72469206',
  totalUnrealizedProfit: '0.00000000',
  totalMarginBalance: '23.72469206',
  totalPositionInitialMargin: '0.00000000',
  totalOpenOrderInitialMargin: '0.00000000',
  totalCrossWalletBalance: '23.72469206',
  totalCrossUnPnl: '0.00000000',
  availableBalance: '23.72469206',
  maxWithdrawAmount: '23.72469206',
  assets: [{ ...usdtAssetV3, marginAvailable: true }],
  positions: [
    {
      symbol: 'BTCUSDT',
      initialMargin: '0',
      maintMargin: '0',
      unrealizedProfit: '0.00000000',
      positionInitialMargin: '0',
      openOrderInitialMargin: '0',
      leverage: '100',
      isolated: true,
      entryPrice: '0.00000',
      maxNotional: '250000',
      bidNotional: '0',
      askNotional: '0',
      positionSide: 'BOTH',
      positionAmt: '0',
      updateTime: 0,
    },
  ],
} satisfies AccountV2;

/** `GET /fapi/v2/balance` (reference). */
export const balanceResponse = [
  {
    accountAlias: 'SgsR',
    asset: 'USDT',
    balance: '122607.35137903',
    crossWalletBalance: '23.72469206',
    crossUnPnl: '0.00000000',
    availableBalance: '23.72469206',
    maxWithdrawAmount: '23.72469206',
    marginAvailable: true,
    updateTime: 1617939110373,
  },
] satisfies BalanceV2[];

/** `GET /fapi/v1/accountConfig` (reference). */
export const accountConfigResponse = {
  feeTier: 0,
  canTrade: true,
  canDeposit: true,
  canWithdraw: true,
  dualSidePosition: true,
  updateTime: 0,
  multiAssetsMargin: false,
  tradeGroupId: -1,
} satisfies AccountConfig;

/** `GET /fapi/v1/symbolConfig` (reference). */
export const symbolConfigResponse = [
  {
    symbol: 'BTCUSDT',
    marginType: 'CROSSED',
    isAutoAddMargin: false,
    leverage: 21,
    maxNotionalValue: '1000000',
  },
] satisfies SymbolConfig[];

/** `GET /fapi/v2/positionRisk` (docs example, one-way mode). */
export const positionRiskV2Response = [
  {
    entryPrice: '0.00000',
    breakEvenPrice: '0.0',
    marginType: 'isolated',
    isAutoAddMargin: 'false',
    isolatedMargin: '0.00000000',
    leverage: '10',
    liquidationPrice: '0',
    markPrice: '6679.50671178',
    maxNotionalValue: '20000000',
    positionAmt: '0.000',
    notional: '0',
    isolatedWallet: '0',
    symbol: 'BTCUSDT',
    unRealizedProfit: '0.00000000',
    positionSide: 'BOTH',
    updateTime: 0,
  },
] satisfies PositionRiskV2[];

/** `GET /fapi/v3/positionRisk` (docs example). */
export const positionRiskV3Response = [
  {
    symbol: 'ADAUSDT',
    positionSide: 'BOTH',
    positionAmt: '30',
    entryPrice: '0.385',
    breakEvenPrice: '0.385077',
    markPrice: '0.41047590',
    unRealizedProfit: '0.76427700',
    liquidationPrice: '0',
    isolatedMargin: '0',
    notional: '12.31427700',
    marginAsset: 'USDT',
    isolatedWallet: '0',
    initialMargin: '0.61571385',
    maintMargin: '0.08004280',
    positionInitialMargin: '0.61571385',
    openOrderInitialMargin: '0',
    adl: 2,
    bidNotional: '0',
    askNotional: '0',
    updateTime: 1720736417660,
  },
] satisfies PositionRiskV3[];

/** `GET /fapi/v1/leverageBracket` (reference). */
export const leverageBracketResponse = [
  {
    symbol: 'ETHUSDT',
    notionalCoef: 1.5,
    brackets: [
      {
        bracket: 1,
        initialLeverage: 75,
        notionalCap: 10000,
        notionalFloor: 0,
        maintMarginRatio: 0.0065,
        cum: 0.0,
      },
    ],
  },
] satisfies LeverageBracket[];

/** `GET /fapi/v1/commissionRate` (reference). */
export const commissionRateResponse = {
  symbol: 'BTCUSDT',
  makerCommissionRate: '0.0002',
  takerCommissionRate: '0.0004',
  rpiCommissionRate: '0.00005',
} satisfies CommissionRate;

/** `GET /fapi/v1/income` (reference). */
export const incomeResponse = [
  {
    symbol: '',
    incomeType: 'TRANSFER',
    income: '-0.37500000',
    asset: 'USDT',
    info: 'TRANSFER',
    time: 1570608000000,
    tranId: 9689322392,
    tradeId: '',
  },
] satisfies Income[];

/** `GET /fapi/v1/positionSide/dual` (reference). */
export const positionModeResponse = { dualSidePosition: true } satisfies PositionModeResponse;

/** `GET /fapi/v1/multiAssetsMargin` (reference). */
export const multiAssetsModeResponse = { multiAssetsMargin: true } satisfies MultiAssetsModeResponse;

/** `POST /fapi/v1/leverage` (reference). */
export const leverageResponse = {
  leverage: 21,
  maxNotionalValue: '1000000',
  symbol: 'BTCUSDT',
} satisfies LeverageResponse;

/** `POST /fapi/v1/marginType`, `positionSide/dual`, `multiAssetsMargin` (reference). */
export const successAck = { code: 200, msg: 'success' } satisfies CodeMsgAck;

/** `DELETE /fapi/v1/allOpenOrders` and `algoOpenOrders` (reference). */
export const cancelAllOpenOrdersAck = {
  code: 200,
  msg: 'The operation of cancel all open order is done.',
} satisfies CodeMsgAck;

/** `POST /fapi/v1/positionMargin` (reference). */
export const positionMarginResponse = {
  amount: 100.0,
  code: 200,
  msg: 'Successfully modify position margin.',
  type: 1,
} satisfies PositionMarginResponse;

/** `GET /fapi/v1/positionMargin/history` (reference). */
export const positionMarginHistoryResponse = [
  {
    symbol: 'BTCUSDT',
    type: 1,
    deltaType: 'USER_ADJUST',
    amount: '23.36332311',
    asset: 'USDT',
    time: 1578047897183,
    positionSide: 'BOTH',
  },
] satisfies PositionMarginHistoryEntry[];

/** `GET /fapi/v1/adlQuantile` (docs example). */
export const adlQuantileResponse = [
  { symbol: 'ETHUSDT', adlQuantile: { LONG: 3, SHORT: 3, HEDGE: 0 } },
  { symbol: 'BTCUSDT', adlQuantile: { LONG: 1, SHORT: 2, BOTH: 0 } },
] satisfies AdlQuantileEntry[];

/** `GET /fapi/v1/rateLimit/order` (reference, limits from exchangeInfo). */
export const orderRateLimitResponse = [
  { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
  { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
] satisfies RateLimit[];

// ---------------------------------------------------------------------------------------------
// USD-M orders (§5.3)

/** `POST /fapi/v1/order` response (reference). */
export const newOrderResponse = {
  clientOrderId: 'testOrder',
  cumQty: '0',
  cumQuote: '0',
  executedQty: '0',
  orderId: 22542179,
  avgPrice: '0.00000',
  origQty: '10',
  price: '0',
  reduceOnly: false,
  side: 'BUY',
  positionSide: 'SHORT',
  status: 'NEW',
  stopPrice: '0',
  closePosition: false,
  symbol: 'BTCUSDT',
  timeInForce: 'GTD',
  type: 'LIMIT',
  origType: 'LIMIT',
  updateTime: 1566818724722,
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
  goodTillDate: 1693207680000,
} satisfies Order;

/** `GET /fapi/v1/order` (docs example: a trailing stop placed before the algo migration). */
export const queryOrderResponse = {
  avgPrice: '0.00000',
  clientOrderId: 'abc',
  cumQuote: '0',
  executedQty: '0',
  orderId: 1917641,
  origQty: '0.40',
  origType: 'TRAILING_STOP_MARKET',
  price: '0',
  reduceOnly: false,
  side: 'BUY',
  positionSide: 'SHORT',
  status: 'NEW',
  stopPrice: '9300',
  closePosition: false,
  symbol: 'BTCUSDT',
  time: 1579276756075,
  timeInForce: 'GTC',
  type: 'TRAILING_STOP_MARKET',
  activatePrice: '9020',
  priceRate: '0.3',
  updateTime: 1579276756075,
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
  goodTillDate: 0,
} satisfies Order;

/** `PUT /fapi/v1/order` (docs example, with COIN-M's `pair`/`cumBase`). */
export const modifyOrderResponse = {
  orderId: 20072994037,
  symbol: 'BTCUSDT',
  pair: 'BTCUSDT',
  status: 'NEW',
  clientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW',
  price: '30005',
  avgPrice: '0.0',
  origQty: '1',
  executedQty: '0',
  cumQty: '0',
  cumBase: '0',
  timeInForce: 'GTC',
  type: 'LIMIT',
  reduceOnly: false,
  closePosition: false,
  side: 'BUY',
  positionSide: 'LONG',
  stopPrice: '0',
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  origType: 'LIMIT',
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
  goodTillDate: 0,
  updateTime: 1629182711600,
} satisfies ModifyOrderResponse;

/** `POST /fapi/v1/batchOrders`: one accepted, one rejected inline (reference). */
export const batchOrdersResponse = [
  newOrderResponse,
  { code: -2022, msg: 'ReduceOnly Order is rejected.' },
] satisfies BatchResult<Order>[];

/** `POST /fapi/v1/countdownCancelAll` (reference). */
export const countdownCancelAllResponse = {
  symbol: 'BTCUSDT',
  countdownTime: '100000',
} satisfies CountdownCancelAllResponse;

/** `GET /fapi/v1/orderAmendment` (reference). */
export const orderAmendmentResponse = [
  {
    amendmentId: 5363,
    symbol: 'BTCUSDT',
    pair: 'BTCUSDT',
    orderId: 20072994037,
    clientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW',
    time: 1629184560899,
    amendment: {
      price: { before: '30004', after: '30003.2' },
      origQty: { before: '1', after: '1' },
      count: 3,
    },
  },
] satisfies OrderAmendment[];

/** `GET /fapi/v1/userTrades` (reference). */
export const userTradesResponse = [
  {
    buyer: false,
    commission: '0.07819010',
    commissionAsset: 'USDT',
    id: 698759,
    maker: false,
    orderId: 25851813,
    price: '7819.01',
    qty: '0.002',
    quoteQty: '15.63802',
    realizedPnl: '-0.91539999',
    side: 'SELL',
    positionSide: 'SHORT',
    symbol: 'BTCUSDT',
    time: 1569514978020,
  },
] satisfies UserTrade[];

/** `GET /fapi/v1/forceOrders` (docs example). */
export const forceOrdersResponse = [
  {
    orderId: 6071832819,
    symbol: 'BTCUSDT',
    status: 'FILLED',
    clientOrderId: 'autoclose-1596107620040000020',
    price: '10871.09',
    avgPrice: '10913.21000',
    origQty: '0.001',
    executedQty: '0.001',
    cumQuote: '10.91321',
    timeInForce: 'IOC',
    type: 'LIMIT',
    reduceOnly: false,
    closePosition: false,
    side: 'SELL',
    positionSide: 'BOTH',
    stopPrice: '0',
    workingType: 'CONTRACT_PRICE',
    origType: 'LIMIT',
    time: 1596107620044,
    updateTime: 1596107620087,
  },
] satisfies ForceOrder[];

// ---------------------------------------------------------------------------------------------
// USD-M algo orders (§5.4) and listenKey (§5.5)

/** `POST /fapi/v1/algoOrder` (reference). */
export const newAlgoOrderResponse = {
  algoId: 2146760,
  clientAlgoId: '6B2I9XVcJpCjqPAJ4YoFX7',
  algoType: 'CONDITIONAL',
  orderType: 'TAKE_PROFIT',
  symbol: 'BNBUSDT',
  side: 'SELL',
  positionSide: 'BOTH',
  timeInForce: 'GTC',
  quantity: '0.01',
  algoStatus: 'NEW',
  triggerPrice: '750.000',
  price: '750.000',
  icebergQuantity: null,
  selfTradePreventionMode: 'EXPIRE_MAKER',
  workingType: 'CONTRACT_PRICE',
  priceMatch: 'NONE',
  closePosition: false,
  priceProtect: false,
  reduceOnly: false,
  activatePrice: '',
  callbackRate: '',
  createTime: 1750485492076,
  updateTime: 1750485492076,
  triggerTime: 0,
  goodTillDate: 0,
} satisfies AlgoOrder;

/** `GET /fapi/v1/algoOrder` (docs example). */
export const queryAlgoOrderResponse = {
  algoId: 2146760,
  clientAlgoId: '6B2I9XVcJpCjqPAJ4YoFX7',
  algoType: 'CONDITIONAL',
  orderType: 'TAKE_PROFIT',
  symbol: 'BNBUSDT',
  side: 'SELL',
  positionSide: 'BOTH',
  timeInForce: 'GTC',
  quantity: '0.01',
  algoStatus: 'CANCELED',
  actualOrderId: '',
  actualPrice: '0.00000',
  triggerPrice: '750.000',
  price: '750.000',
  icebergQuantity: null,
  tpTriggerPrice: '0.000',
  tpPrice: '0.000',
  slTriggerPrice: '0.000',
  slPrice: '0.000',
  tpOrderType: '',
  selfTradePreventionMode: 'EXPIRE_MAKER',
  workingType: 'CONTRACT_PRICE',
  priceMatch: 'NONE',
  closePosition: false,
  priceProtect: false,
  reduceOnly: false,
  createTime: 1750485492076,
  updateTime: 1750514545091,
  triggerTime: 0,
  goodTillDate: 0,
} satisfies AlgoOrderDetail;

/** `DELETE /fapi/v1/algoOrder` (reference; `code` is a string). */
export const cancelAlgoOrderResponse = {
  algoId: 2146760,
  clientAlgoId: '6B2I9XVcJpCjqPAJ4YoFX7',
  code: '200',
  msg: 'success',
} satisfies CancelAlgoOrderResponse;

/** `POST /fapi/v1/listenKey` (reference). */
export const listenKeyResponse = {
  listenKey: 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1',
} satisfies ListenKeyResponse;

// ---------------------------------------------------------------------------------------------
// USD-M market streams (§9)

/** `<symbol>@aggTrade` (constructed from the reference's field list). */
export const aggTradeEvent = {
  e: 'aggTrade',
  E: 123456789,
  s: 'BTCUSDT',
  a: 5933014,
  p: '0.001',
  q: '100',
  nq: '100',
  f: 100,
  l: 105,
  T: 123456785,
  m: true,
} satisfies AggTradeEvent;

/** `<symbol>@trade` (constructed from client-recipes §6.3). */
export const tradeEvent = {
  e: 'trade',
  E: 1672515782136,
  T: 1672515782134,
  s: 'BTCUSDT',
  t: 3267437261,
  p: '16542.10',
  q: '0.005',
  X: 'MARKET',
  m: false,
} satisfies TradeEvent;

/** `<symbol>@markPrice` (docs example). */
export const markPriceUpdateEvent = {
  e: 'markPriceUpdate',
  E: 1562305380000,
  s: 'BTCUSDT',
  p: '11794.15000000',
  ap: '11794.15000000',
  i: '11784.62659091',
  P: '11784.25641265',
  r: '0.00038167',
  T: 1562306400000,
} satisfies MarkPriceUpdateEvent;

/** `<symbol>@kline_1m` (docs example). */
export const klineEvent = {
  e: 'kline',
  E: 1638747660000,
  s: 'BTCUSDT',
  k: {
    t: 1638747660000,
    T: 1638747719999,
    s: 'BTCUSDT',
    i: '1m',
    f: 100,
    L: 200,
    o: '0.0010',
    c: '0.0020',
    h: '0.0025',
    l: '0.0015',
    v: '1000',
    n: 100,
    x: false,
    q: '1.0000',
    V: '500',
    Q: '0.500',
    B: '123456',
  },
} satisfies KlineEvent;

/** `btcusdt_perpetual@continuousKline_1m` (docs example). */
export const continuousKlineEvent = {
  e: 'continuous_kline',
  E: 1607443058651,
  ps: 'BTCUSDT',
  ct: 'PERPETUAL',
  k: {
    t: 1607443020000,
    T: 1607443079999,
    i: '1m',
    f: 116467658886,
    L: 116468012423,
    o: '18787.00',
    c: '18804.04',
    h: '18804.04',
    l: '18786.54',
    v: '197.664',
    n: 543,
    x: false,
    q: '3715253.19494',
    V: '184.769',
    Q: '3472925.84746',
    B: '0',
  },
} satisfies ContinuousKlineEvent;

/** `<symbol>@miniTicker` (docs example). */
export const miniTickerEvent = {
  e: '24hrMiniTicker',
  E: 123456789,
  s: 'BTCUSDT',
  c: '0.0025',
  o: '0.0010',
  h: '0.0025',
  l: '0.0010',
  v: '10000',
  q: '18',
} satisfies MiniTickerEvent;

/** `<symbol>@ticker` (docs example). */
export const tickerEvent = {
  e: '24hrTicker',
  E: 123456789,
  s: 'BTCUSDT',
  p: '0.0015',
  P: '250.00',
  w: '0.0018',
  c: '0.0025',
  Q: '10',
  o: '0.0010',
  h: '0.0025',
  l: '0.0010',
  v: '10000',
  q: '18',
  O: 0,
  C: 86400000,
  F: 0,
  L: 18150,
  n: 18151,
} satisfies TickerEvent;

/** `<symbol>@bookTicker` (docs example). */
export const bookTickerEvent = {
  e: 'bookTicker',
  u: 400900217,
  E: 1568014460893,
  T: 1568014460891,
  s: 'BNBUSDT',
  b: '25.35190000',
  B: '31.21000000',
  a: '25.36520000',
  A: '40.66000000',
} satisfies BookTickerEvent;

/** `<symbol>@forceOrder` (docs example). */
export const forceOrderEvent = {
  e: 'forceOrder',
  E: 1568014460893,
  o: {
    s: 'BTCUSDT',
    S: 'SELL',
    o: 'LIMIT',
    f: 'IOC',
    q: '0.014',
    p: '9910',
    ap: '9910',
    X: 'FILLED',
    l: '0.014',
    z: '0.014',
    T: 1568014460893,
  },
} satisfies ForceOrderEvent;

/** `<symbol>@depth@100ms` diff event (docs example). */
export const depthUpdateEvent = {
  e: 'depthUpdate',
  E: 123456789,
  T: 123456788,
  s: 'BTCUSDT',
  U: 157,
  u: 160,
  pu: 149,
  b: [['0.0024', '10']],
  a: [['0.0026', '100']],
} satisfies DepthUpdateEvent;

/** `<symbol>@compositeIndex` (docs example). */
export const compositeIndexEvent = {
  e: 'compositeIndex',
  E: 1602310596000,
  s: 'DEFIUSDT',
  p: '554.41604065',
  C: 'baseAsset',
  c: [
    { b: 'BAL', q: 'USDT', w: '1.04884844', W: '0.01457800', i: '24.33521021' },
    { b: 'BAND', q: 'USDT', w: '3.53782729', W: '0.03935200', i: '7.26420084' },
  ],
} satisfies CompositeIndexEvent;

/** `!contractInfo` (docs example). */
export const contractInfoEvent = {
  e: 'contractInfo',
  E: 1669356423908,
  s: 'IOTAUSDT',
  ps: 'IOTAUSDT',
  ct: 'PERPETUAL',
  dt: 4133404800000,
  ot: 1569398400000,
  cs: 'TRADING',
  bks: [
    { bs: 1, bnf: 0, bnc: 5000, mmr: 0.01, cf: 0, mi: 21, ma: 50 },
    { bs: 2, bnf: 5000, bnc: 25000, mmr: 0.025, cf: 75, mi: 11, ma: 20 },
  ],
} satisfies ContractInfoEvent;

/** `!assetIndex@arr` (docs example). */
export const assetIndexEvents = [
  {
    e: 'assetIndexUpdate',
    E: 1686749230000,
    s: 'ADAUSD',
    i: '0.27462452',
    b: '0.10000000',
    a: '0.10000000',
    B: '0.24716207',
    A: '0.30208698',
    q: '0.05000000',
    g: '0.05000000',
    Q: '0.26089330',
    G: '0.28835575',
  },
] satisfies AssetIndexEvent[];

/** A combined-stream frame around a depth diff. */
export const combinedDepthFrame = {
  stream: 'btcusdt@depth@100ms',
  data: depthUpdateEvent,
} satisfies CombinedStreamFrame<DepthUpdateEvent>;

/** SUBSCRIBE request (reference). */
export const subscribeRequest = {
  method: 'SUBSCRIBE',
  params: ['btcusdt@aggTrade', 'btcusdt@depth'],
  id: 1,
} satisfies SubscribeRequest;

/** SUBSCRIBE reply (reference). */
export const subscribeReply = { result: null, id: 1 } satisfies StreamControlReply<null>;

/** LIST_SUBSCRIPTIONS request and reply (reference). */
export const listSubscriptionsRequest = {
  method: 'LIST_SUBSCRIPTIONS',
  id: 3,
} satisfies ListSubscriptionsRequest;
export const listSubscriptionsReply = { result: ['btcusdt@aggTrade'], id: 3 } satisfies StreamControlReply<
  string[]
>;

/** SET_PROPERTY request (reference). */
export const setPropertyRequest = {
  method: 'SET_PROPERTY',
  params: ['combined', true],
  id: 5,
} satisfies SetPropertyRequest;

/** Invalid-JSON control error (reference; no id). */
export const invalidJsonError = {
  error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' },
} satisfies StreamControlError;

// ---------------------------------------------------------------------------------------------
// USD-M user-data events (§11)

/** `ACCOUNT_UPDATE` (docs example). */
export const accountUpdateEvent = {
  e: 'ACCOUNT_UPDATE',
  E: 1564745798939,
  T: 1564745798938,
  a: {
    m: 'ORDER',
    B: [
      { a: 'USDT', wb: '122624.12345678', cw: '100.12345678', bc: '50.12345678' },
      { a: 'BUSD', wb: '1.00000000', cw: '0.00000000', bc: '-49.12345678' },
    ],
    P: [
      {
        s: 'BTCUSDT',
        pa: '0',
        ep: '0.00000',
        bep: '0',
        cr: '200',
        up: '0',
        mt: 'isolated',
        iw: '0.00000000',
        ps: 'BOTH',
      },
      {
        s: 'BTCUSDT',
        pa: '20',
        ep: '6563.66500',
        bep: '0',
        cr: '0',
        up: '2850.21200',
        mt: 'isolated',
        iw: '13200.70726908',
        ps: 'LONG',
      },
    ],
  },
} satisfies AccountUpdateEvent;

/** `ORDER_TRADE_UPDATE` (docs example). */
export const orderTradeUpdateEvent = {
  e: 'ORDER_TRADE_UPDATE',
  E: 1568879465651,
  T: 1568879465650,
  o: {
    s: 'BTCUSDT',
    c: 'TEST',
    S: 'SELL',
    o: 'TRAILING_STOP_MARKET',
    f: 'GTC',
    q: '0.001',
    p: '0',
    ap: '0',
    sp: '7103.04',
    x: 'NEW',
    X: 'NEW',
    i: 8886774,
    l: '0',
    z: '0',
    L: '0',
    N: 'USDT',
    n: '0',
    T: 1568879465650,
    t: 0,
    b: '0',
    a: '9.91',
    m: false,
    R: false,
    wt: 'CONTRACT_PRICE',
    ot: 'TRAILING_STOP_MARKET',
    ps: 'LONG',
    cp: false,
    AP: '7476.89',
    cr: '5.0',
    pP: false,
    si: 0,
    ss: 0,
    rp: '0',
    V: 'EXPIRE_TAKER',
    pm: 'OPPONENT',
    gtd: 0,
    er: '0',
  },
} satisfies OrderTradeUpdateEvent;

/** `TRADE_LITE` (docs example). */
export const tradeLiteEvent = {
  e: 'TRADE_LITE',
  E: 1721895408092,
  T: 1721895408214,
  s: 'BTCUSDT',
  q: '0.001',
  p: '0',
  m: false,
  c: 'z8hcUoOsqEdKMeKPSABslD',
  S: 'BUY',
  L: '64089.20',
  l: '0.040',
  t: 109100866,
  i: 8886774,
} satisfies TradeLiteEvent;

/** `ACCOUNT_CONFIG_UPDATE`, leverage variant (reference; E/T from the docs). */
export const accountConfigLeverageEvent = {
  e: 'ACCOUNT_CONFIG_UPDATE',
  E: 1611646737479,
  T: 1611646737476,
  ac: { s: 'BTCUSDT', l: 25 },
} satisfies AccountConfigLeverageUpdateEvent;

/** `ACCOUNT_CONFIG_UPDATE`, multi-assets variant (reference). */
export const accountConfigMultiAssetsEvent = {
  e: 'ACCOUNT_CONFIG_UPDATE',
  E: 1611646737479,
  T: 1611646737476,
  ai: { j: true },
} satisfies AccountConfigMultiAssetsUpdateEvent;

/** `MARGIN_CALL` (docs example). */
export const marginCallEvent = {
  e: 'MARGIN_CALL',
  E: 1587727187525,
  cw: '3.16812045',
  p: [
    {
      s: 'ETHUSDT',
      ps: 'LONG',
      pa: '1.327',
      mt: 'CROSSED',
      iw: '0',
      mp: '187.17127',
      up: '-1.166074',
      mm: '1.614445',
    },
  ],
} satisfies MarginCallEvent;

/** `ALGO_UPDATE` (docs example). */
export const algoUpdateEvent = {
  e: 'ALGO_UPDATE',
  T: 1750515742297,
  E: 1750515742303,
  o: {
    caid: 'Q5xaq5EGKgXXa0fD7fs0Ip',
    aid: 2148719,
    at: 'CONDITIONAL',
    o: 'TAKE_PROFIT',
    s: 'BNBUSDT',
    S: 'SELL',
    ps: 'BOTH',
    f: 'GTC',
    q: '0.01',
    X: 'CANCELED',
    ai: '',
    ap: '0.00000',
    aq: '0.00000',
    act: '0',
    tp: '750',
    p: '750',
    V: 'EXPIRE_MAKER',
    wt: 'CONTRACT_PRICE',
    pm: 'NONE',
    cp: false,
    pP: false,
    R: false,
    tt: 0,
    gtd: 0,
    rm: 'Reduce Only reject',
  },
} satisfies AlgoUpdateEvent;

/** `CONDITIONAL_ORDER_TRIGGER_REJECT` (docs example). */
export const conditionalOrderTriggerRejectEvent = {
  e: 'CONDITIONAL_ORDER_TRIGGER_REJECT',
  E: 1685517224945,
  T: 1685517224955,
  or: {
    s: 'ETHUSDT',
    i: 155618472834,
    r: 'Due to the order could not be filled immediately, the FOK order has been rejected. The order will not be recorded in the order history',
  },
} satisfies ConditionalOrderTriggerRejectEvent;

/** `STRATEGY_UPDATE` (docs example). */
export const strategyUpdateEvent = {
  e: 'STRATEGY_UPDATE',
  T: 1669261797627,
  E: 1669261797628,
  su: { si: 176054594, st: 'GRID', ss: 'NEW', s: 'BTCUSDT', ut: 1669261797627, c: 8007 },
} satisfies StrategyUpdateEvent;

/** `GRID_UPDATE` (docs example). */
export const gridUpdateEvent = {
  e: 'GRID_UPDATE',
  T: 1669262908216,
  E: 1669262908218,
  gu: {
    si: 176057039,
    st: 'GRID',
    ss: 'WORKING',
    s: 'BTCUSDT',
    r: '-0.00300716',
    up: '16720',
    uq: '-0.001',
    uf: '-0.00300716',
    mp: '0.0',
    ut: 1669262908197,
  },
} satisfies GridUpdateEvent;

/** `listenKeyExpired` (reference). */
export const listenKeyExpiredEvent = {
  e: 'listenKeyExpired',
  E: 1736996475556,
  listenKey: 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1',
} satisfies ListenKeyExpiredEvent;

// ---------------------------------------------------------------------------------------------
// USD-M WebSocket API (§12)

/** `order.place` request as ccxt sends it (client-recipes §3.5, signature shortened). */
export const wsApiOrderPlaceRequest = {
  id: '1',
  method: 'order.place',
  params: {
    apiKey: 'k',
    newClientOrderId: 'x-cvBPrNm9a1b2c3d4e5f6a7b8c9d0e1f2a3',
    newOrderRespType: 'RESULT',
    price: '51000',
    quantity: '0.01',
    recvWindow: 10000,
    returnRateLimits: false,
    side: 'SELL',
    symbol: 'BTCUSDT',
    timeInForce: 'GTC',
    timestamp: 1700000000000,
    type: 'LIMIT',
    signature: '3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9',
  },
} satisfies WsApiRequest<'order.place'>;

/** `session.status` request without params. */
export const wsApiSessionStatusRequest = {
  id: 7,
  method: 'session.status',
} satisfies WsApiRequest<'session.status'>;

/** Success envelope (reference), wrapping the new-order result. */
export const wsApiSuccessResponse = {
  id: '1',
  status: 200,
  result: newOrderResponse,
  rateLimits: [
    { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400, count: 1 },
    { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300, count: 1 },
    { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200, count: 0 },
  ],
} satisfies WsApiSuccess<Order>;

/** Failure envelope (reference). */
export const wsApiFailureResponse = {
  id: '1',
  status: 400,
  error: { code: -1102, msg: "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed." },
  rateLimits: [
    { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400, count: 1 },
  ],
} satisfies WsApiFailure;

/** Unsolicited failure after the key was revoked (reference). */
export const wsApiRevokedKeyResponse = {
  id: null,
  status: 401,
  error: { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' },
} satisfies WsApiFailure;

/** `session.logon` result (constructed from the reference's field list). */
export const wsApiSessionLogonResult = {
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  authorizedSince: 1649729878532,
  connectedSince: 1649729873021,
  returnRateLimits: false,
  serverTime: 1649729878630,
} satisfies SessionStatusResult;

// ---------------------------------------------------------------------------------------------
// COIN-M (§13)

/** `GET /dapi/v1/exchangeInfo` (docs example). */
export const coinmExchangeInfoResponse = {
  exchangeFilters: [],
  rateLimits: [
    { interval: 'MINUTE', intervalNum: 1, limit: 6000, rateLimitType: 'REQUEST_WEIGHT' },
    { interval: 'MINUTE', intervalNum: 1, limit: 6000, rateLimitType: 'ORDERS' },
  ],
  serverTime: 1565613908500,
  symbols: [
    {
      filters: [
        { filterType: 'PRICE_FILTER', maxPrice: '100000', minPrice: '0.1', tickSize: '0.1' },
        { filterType: 'LOT_SIZE', maxQty: '100000', minQty: '1', stepSize: '1' },
        { filterType: 'MARKET_LOT_SIZE', maxQty: '100000', minQty: '1', stepSize: '1' },
        { filterType: 'MAX_NUM_ORDERS', limit: 200 },
        {
          filterType: 'PERCENT_PRICE',
          multiplierUp: '1.0500',
          multiplierDown: '0.9500',
          multiplierDecimal: '4',
        },
      ],
      orderTypes: ['LIMIT', 'MARKET', 'STOP', 'TAKE_PROFIT', 'TRAILING_STOP_MARKET'],
      timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
      liquidationFee: '0.010000',
      marketTakeBound: '0.30',
      symbol: 'BTCUSD_200925',
      pair: 'BTCUSD',
      contractType: 'CURRENT_QUARTER',
      deliveryDate: 1601020800000,
      onboardDate: 1590739200000,
      contractStatus: 'TRADING',
      contractSize: 100,
      quoteAsset: 'USD',
      baseAsset: 'BTC',
      marginAsset: 'BTC',
      pricePrecision: 1,
      quantityPrecision: 0,
      baseAssetPrecision: 8,
      quotePrecision: 8,
      equalQtyPrecision: 4,
      triggerProtect: '0.0500',
      maintMarginPercent: '2.5000',
      requiredMarginPercent: '5.0000',
      underlyingType: 'COIN',
      underlyingSubType: [],
    },
  ],
  timezone: 'UTC',
} satisfies CoinmExchangeInfo;

/** `GET /dapi/v1/depth` (docs example). */
export const coinmDepthResponse = {
  lastUpdateId: 16769853,
  symbol: 'BTCUSD_PERP',
  pair: 'BTCUSD',
  E: 1591250106370,
  T: 1591250106368,
  bids: [['9638.0', '431']],
  asks: [['9638.2', '12']],
} satisfies CoinmDepth;

/** `GET /dapi/v1/trades` (constructed from the docs' field list). */
export const coinmTradesResponse = [
  { id: 28457, price: '9635.0', qty: '1', baseQty: '0.01037883', time: 1591250192508, isBuyerMaker: true },
] satisfies CoinmTrade[];

/** `GET /dapi/v1/klines` (docs example). */
export const coinmKlinesResponse = [
  [
    1591258320000,
    '9640.7',
    '9642.4',
    '9640.6',
    '9642.0',
    '206',
    1591258379999,
    '2.13660389',
    48,
    '119',
    '1.23424865',
    '0',
  ],
] satisfies CoinmKline[];

/** `GET /dapi/v1/premiumIndex` (docs example: a perpetual and a delivery symbol). */
export const coinmPremiumIndexResponse = [
  {
    symbol: 'BTCUSD_PERP',
    pair: 'BTCUSD',
    markPrice: '11029.69574559',
    indexPrice: '10979.14437500',
    estimatedSettlePrice: '10981.74168236',
    lastFundingRate: '0.00071003',
    interestRate: '0.00010000',
    nextFundingTime: 1596096000000,
    time: 1596094042000,
  },
  {
    symbol: 'BTCUSD_200925',
    pair: 'BTCUSD',
    markPrice: '12077.01343750',
    indexPrice: '10979.10312500',
    estimatedSettlePrice: '10981.74168236',
    lastFundingRate: '',
    interestRate: '',
    nextFundingTime: 0,
    time: 1596094042000,
  },
] satisfies CoinmPremiumIndex[];

/** `GET /dapi/v1/fundingRate` (docs example). */
export const coinmFundingRateResponse = [
  { symbol: 'BTCUSD_PERP', fundingTime: 1596038400000, fundingRate: '-0.00300000' },
] satisfies CoinmFundingRate[];

/** `GET /dapi/v1/ticker/24hr` (docs example). */
export const coinmTicker24hrResponse = [
  {
    symbol: 'BTCUSD_200925',
    pair: 'BTCUSD',
    priceChange: '136.6',
    priceChangePercent: '1.436',
    weightedAvgPrice: '9547.3',
    lastPrice: '9651.6',
    lastQty: '1',
    openPrice: '9515.0',
    highPrice: '9687.0',
    lowPrice: '9499.5',
    volume: '494109',
    baseVolume: '5192.94797687',
    openTime: 1591170300000,
    closeTime: 1591256718418,
    firstId: 600507,
    lastId: 697803,
    count: 97297,
  },
] satisfies CoinmTicker24hr[];

/** `GET /dapi/v1/ticker/price` (docs example, `ps` corrected to the pair). */
export const coinmTickerPriceResponse = [
  { symbol: 'BTCUSD_200626', ps: 'BTCUSD', price: '9647.8', time: 1591257246176 },
] satisfies CoinmTickerPrice[];

/** `GET /dapi/v1/ticker/bookTicker` (docs example). */
export const coinmBookTickerResponse = [
  {
    lastUpdateId: 1027024,
    symbol: 'BTCUSD_200626',
    pair: 'BTCUSD',
    bidPrice: '9650.1',
    bidQty: '16',
    askPrice: '9650.3',
    askQty: '7',
    time: 1591257300345,
  },
] satisfies CoinmBookTicker[];

/** `GET /dapi/v1/openInterest` (docs example). */
export const coinmOpenInterestResponse = {
  symbol: 'BTCUSD_200626',
  pair: 'BTCUSD',
  openInterest: '15004',
  contractType: 'CURRENT_QUARTER',
  time: 1591261042378,
} satisfies CoinmOpenInterest;

/** `GET /dapi/v1/account` (docs example, two of three rows). */
export const coinmAccountResponse = {
  assets: [
    {
      asset: 'BTC',
      walletBalance: '0.00241969',
      unrealizedProfit: '0.00000000',
      marginBalance: '0.00241969',
      maintMargin: '0.00000000',
      initialMargin: '0.00000000',
      positionInitialMargin: '0.00000000',
      openOrderInitialMargin: '0.00000000',
      maxWithdrawAmount: '0.00241969',
      crossWalletBalance: '0.00241969',
      crossUnPnl: '0.00000000',
      availableBalance: '0.00241969',
      updateTime: 1625474304765,
    },
  ],
  positions: [
    {
      symbol: 'BTCUSD_201225',
      positionAmt: '0',
      initialMargin: '0',
      maintMargin: '0',
      unrealizedProfit: '0.00000000',
      positionInitialMargin: '0',
      openOrderInitialMargin: '0',
      leverage: '125',
      isolated: false,
      positionSide: 'BOTH',
      entryPrice: '0.0',
      breakEvenPrice: '0.0',
      maxQty: '50',
      updateTime: 0,
    },
    {
      symbol: 'BTCUSD_201225',
      positionAmt: '0',
      initialMargin: '0',
      maintMargin: '0',
      unrealizedProfit: '0.00000000',
      positionInitialMargin: '0',
      openOrderInitialMargin: '0',
      leverage: '125',
      isolated: false,
      positionSide: 'SHORT',
      entryPrice: '0.0',
      breakEvenPrice: '0.0',
      maxQty: '50',
      notionalValue: '0',
      updateTime: 1627026881327,
    },
  ],
  canDeposit: true,
  canTrade: true,
  canWithdraw: true,
  feeTier: 2,
  updateTime: 0,
} satisfies CoinmAccount;

/** `GET /dapi/v1/balance` (docs example). */
export const coinmBalanceResponse = [
  {
    accountAlias: 'SgsR',
    asset: 'BTC',
    balance: '0.00250000',
    withdrawAvailable: '0.00250000',
    crossWalletBalance: '0.00241969',
    crossUnPnl: '0.00000000',
    availableBalance: '0.00241969',
    updateTime: 1592468353979,
  },
] satisfies CoinmBalance[];

/** `GET /dapi/v1/positionRisk` (docs example, hedge-mode LONG row). */
export const coinmPositionRiskResponse = [
  {
    symbol: 'BTCUSD_201225',
    positionAmt: '1',
    entryPrice: '11707.70000003',
    breakEvenPrice: '11707.80000005',
    markPrice: '11788.66626667',
    unRealizedProfit: '0.00005866',
    liquidationPrice: '11667.63509587',
    leverage: '125',
    maxQty: '50',
    marginType: 'cross',
    isolatedMargin: '0.00000000',
    isAutoAddMargin: 'false',
    positionSide: 'LONG',
    updateTime: 1627026881327,
  },
] satisfies CoinmPositionRisk[];

/** `GET /dapi/v1/leverageBracket` (docs example; note `qtylFloor`, sic). */
export const coinmLeverageBracketV1Response = [
  {
    pair: 'BTCUSD',
    brackets: [
      { bracket: 1, initialLeverage: 125, qtyCap: 50, qtylFloor: 0, maintMarginRatio: 0.004, cum: 0.0 },
    ],
  },
] satisfies CoinmLeverageBracketV1[];

/**
 * `GET /dapi/v2/leverageBracket` (docs example, but `qtyFloor` as live answers spell it — ccxt's
 * recording and its parser; the docs example repeats v1's `qtylFloor`).
 */
export const coinmLeverageBracketV2Response = [
  {
    symbol: 'BTCUSD_PERP',
    notionalCoef: 1.5,
    brackets: [
      { bracket: 1, initialLeverage: 125, qtyCap: 50, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0.0 },
    ],
  },
] satisfies CoinmLeverageBracketV2[];

/** `POST /dapi/v1/leverage` (docs example). */
export const coinmLeverageResponse = {
  leverage: 21,
  maxQty: '1000',
  symbol: 'BTCUSD_200925',
} satisfies CoinmLeverageResponse;

/** `GET /dapi/v1/order` (docs example). */
export const coinmQueryOrderResponse = {
  avgPrice: '0.0',
  clientOrderId: 'abc',
  cumBase: '0',
  executedQty: '0',
  orderId: 1917641,
  origQty: '0.40',
  origType: 'TRAILING_STOP_MARKET',
  price: '0',
  reduceOnly: false,
  side: 'BUY',
  positionSide: 'SHORT',
  status: 'NEW',
  stopPrice: '9300',
  closePosition: false,
  symbol: 'BTCUSD_200925',
  pair: 'BTCUSD',
  time: 1579276756075,
  timeInForce: 'GTC',
  type: 'TRAILING_STOP_MARKET',
  activatePrice: '9020',
  priceRate: '0.3',
  updateTime: 1579276756075,
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
} satisfies CoinmOrder;

/** `PUT /dapi/v1/order` (docs example). */
export const coinmModifyOrderResponse = {
  orderId: 20072994037,
  symbol: 'BTCUSD_PERP',
  pair: 'BTCUSD',
  status: 'NEW',
  clientOrderId: 'LJ9R4QZDihCaS8UAOOLpgW',
  price: '30005',
  avgPrice: '0.0',
  origQty: '1',
  executedQty: '0',
  cumQty: '0',
  cumBase: '0',
  timeInForce: 'GTC',
  type: 'LIMIT',
  reduceOnly: false,
  closePosition: false,
  side: 'BUY',
  positionSide: 'LONG',
  stopPrice: '0',
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  origType: 'LIMIT',
  priceMatch: 'NONE',
  selfTradePreventionMode: 'NONE',
  updateTime: 1629182711600,
} satisfies CoinmOrder;

/** `GET /dapi/v1/userTrades` (docs example). */
export const coinmUserTradesResponse = [
  {
    symbol: 'BTCUSD_200626',
    id: 6,
    orderId: 28,
    pair: 'BTCUSD',
    side: 'SELL',
    price: '8800',
    qty: '1',
    realizedPnl: '0',
    marginAsset: 'BTC',
    baseQty: '0.01136364',
    commission: '0.00000454',
    commissionAsset: 'BTC',
    time: 1590743483586,
    positionSide: 'BOTH',
    buyer: false,
    maker: false,
  },
] satisfies CoinmUserTrade[];

/** `<pair>@indexPrice` (docs example). */
export const coinmIndexPriceUpdateEvent = {
  e: 'indexPriceUpdate',
  E: 1591261236000,
  i: 'BTCUSD',
  p: '9636.57860000',
} satisfies CoinmIndexPriceUpdateEvent;

/** `<symbol>@markPrice` on dstream, delivery contract (docs example). */
export const coinmMarkPriceUpdateEvent = {
  e: 'markPriceUpdate',
  E: 1596095725000,
  s: 'BTCUSD_201225',
  p: '10934.62615417',
  P: '10962.17178236',
  i: '10933.62615417',
  r: '',
  T: 0,
} satisfies CoinmMarkPriceUpdateEvent;

/** `<symbol>@markPriceKline_1m` (docs example). */
export const coinmMarkPriceKlineEvent = {
  e: 'markPrice_kline',
  E: 1591267398004,
  ps: 'BTCUSD',
  k: {
    t: 1591267380000,
    T: 1591267439999,
    s: 'BTCUSD_200626',
    i: '1m',
    f: 1591267380000,
    L: 1591267398000,
    o: '9539.67161333',
    c: '9540.82761333',
    h: '9540.82761333',
    l: '9539.66961333',
    v: '0',
    n: 19,
    x: false,
    q: '0',
    V: '0',
    Q: '0',
    B: '0',
  },
} satisfies CoinmMarkPriceKlineEvent;

/** `<pair>@indexPriceKline_1m` (docs example). */
export const coinmIndexPriceKlineEvent = {
  e: 'indexPrice_kline',
  E: 1591267070033,
  ps: 'BTCUSD',
  k: {
    t: 1591267020000,
    T: 1591267079999,
    s: '0',
    i: '1m',
    f: 1591267020000,
    L: 1591267070000,
    o: '9542.21900000',
    c: '9542.50440000',
    h: '9542.71640000',
    l: '9542.21040000',
    v: '0',
    n: 51,
    x: false,
    q: '0',
    V: '0',
    Q: '0',
    B: '0',
  },
} satisfies CoinmIndexPriceKlineEvent;

/** `<symbol>@ticker` on dstream (docs example). */
export const coinmTickerEvent = {
  e: '24hrTicker',
  E: 1591268262453,
  s: 'BTCUSD_200626',
  p: '-43.4',
  P: '-0.452',
  w: '0.00147974',
  c: '9548.5',
  Q: '2',
  o: '9591.9',
  h: '10000.0',
  l: '7000.0',
  v: '487850',
  q: '32968676323.46222700',
  O: 1591181820000,
  C: 1591268262442,
  F: 512014,
  L: 615289,
  n: 103272,
  ps: 'BTCUSD',
} satisfies CoinmTickerEvent;

/** `<symbol>@miniTicker` on dstream (docs example). */
export const coinmMiniTickerEvent = {
  e: '24hrMiniTicker',
  E: 1591267704450,
  s: 'BTCUSD_200626',
  ps: 'BTCUSD',
  c: '9561.7',
  o: '9580.9',
  h: '10000.0',
  l: '7000.0',
  v: '487476',
  q: '33264343847.22378500',
} satisfies CoinmMiniTickerEvent;

/** `<symbol>@bookTicker` on dstream (docs example). */
export const coinmBookTickerEvent = {
  e: 'bookTicker',
  u: 17242169,
  s: 'BTCUSD_200626',
  b: '9548.1',
  B: '52',
  a: '9548.5',
  A: '11',
  T: 1591268628155,
  E: 1591268628166,
  ps: 'BTCUSD',
} satisfies CoinmBookTickerEvent;

/** COIN-M `ACCOUNT_UPDATE` (docs example, first two positions; the docs JSON has typos). */
export const coinmAccountUpdateEvent = {
  e: 'ACCOUNT_UPDATE',
  E: 1564745798939,
  T: 1564745798938,
  i: 'SfsR',
  a: {
    m: 'ORDER',
    B: [
      { a: 'BTC', wb: '122624.12345678', cw: '100.12345678', bc: '50.12345678' },
      { a: 'ETH', wb: '1.00000000', cw: '0.00000000', bc: '-49.12345678' },
    ],
    P: [
      {
        s: 'BTCUSD_200925',
        pa: '0',
        ep: '0.0',
        bep: '0.0',
        cr: '200',
        up: '0',
        mt: 'isolated',
        iw: '0.00000000',
        ps: 'BOTH',
      },
      {
        s: 'BTCUSD_200925',
        pa: '20',
        ep: '6563.6',
        bep: '6563.7',
        cr: '0',
        up: '2850.21200000',
        mt: 'isolated',
        iw: '13200.70726908',
        ps: 'LONG',
      },
    ],
  },
} satisfies CoinmAccountUpdateEvent;

/** COIN-M `ORDER_TRADE_UPDATE` (docs example). */
export const coinmOrderTradeUpdateEvent = {
  e: 'ORDER_TRADE_UPDATE',
  E: 1591274595442,
  T: 1591274595442,
  i: 'SfsR',
  o: {
    s: 'BTCUSD_200925',
    c: 'TEST',
    S: 'SELL',
    o: 'TRAILING_STOP_MARKET',
    f: 'GTC',
    q: '2',
    p: '0',
    ap: '0',
    sp: '9103.1',
    x: 'NEW',
    X: 'NEW',
    i: 8888888,
    l: '0',
    z: '0',
    L: '0',
    ma: 'BTC',
    N: 'BTC',
    n: '0',
    T: 1591274595442,
    t: 0,
    rp: '0',
    b: '0',
    a: '0',
    m: false,
    R: false,
    wt: 'CONTRACT_PRICE',
    ot: 'TRAILING_STOP_MARKET',
    ps: 'LONG',
    cp: false,
    AP: '9476.8',
    cr: '5.0',
    pP: false,
    V: 'EXPIRE_TAKER',
    pm: 'OPPONENT',
    er: '0',
  },
} satisfies CoinmOrderTradeUpdateEvent;

/** COIN-M `MARGIN_CALL` (docs example). */
export const coinmMarginCallEvent = {
  e: 'MARGIN_CALL',
  E: 1587727187525,
  i: 'SfsR',
  cw: '3.16812045',
  p: [
    {
      s: 'BTCUSD_200925',
      ps: 'LONG',
      pa: '132',
      mt: 'CROSSED',
      iw: '0',
      mp: '9187.17127000',
      up: '-1.166074',
      mm: '1.614445',
    },
  ],
} satisfies CoinmMarginCallEvent;

/** COIN-M `ACCOUNT_CONFIG_UPDATE` (docs example). */
export const coinmAccountConfigUpdateEvent = {
  e: 'ACCOUNT_CONFIG_UPDATE',
  E: 1611646737479,
  T: 1611646737476,
  ac: { s: 'BTCUSD_PERP', l: 25 },
} satisfies CoinmAccountConfigUpdateEvent;
