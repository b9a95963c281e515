import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { type Client, createClient } from '../clients/createClient.js';
import { type CoinmActions, coinmActions } from '../clients/decorators/coinm.js';
import { ClientConfigError } from '../errors/config.js';
import type { RequestCall } from '../request/types.js';
import { type InProcessRequest, inProcess } from '../transports/inProcess.js';
import { parseCoinmKline } from './market/parseKline.js';
import { COINM_TRADE_BINDINGS } from './trade/coinm/bindings.testing.js';

// The COIN-M (`/dapi`) actions. The local exchange does not serve /dapi yet, so each action runs
// through the real pipeline (encoding, signing, lossless JSON) against an in-process handler that
// answers with Binance's documented examples (reference §13), and the test checks the request that
// left the client (path, query or body, API key, signature) and the call's weight and security.

const API_KEY = 'K'.repeat(64);

/** Binance's example answers, by `METHOD path`. */
const answers: Record<string, unknown> = {
  'GET /dapi/v1/ping': {},
  'GET /dapi/v1/time': { serverTime: 1499827319559 },
  'GET /dapi/v1/exchangeInfo': {
    timezone: 'UTC',
    serverTime: 1565613908500,
    exchangeFilters: [],
    rateLimits: [{ interval: 'MINUTE', intervalNum: 1, limit: 6000, rateLimitType: 'REQUEST_WEIGHT' }],
    symbols: [
      {
        symbol: 'BTCUSD_200925',
        pair: 'BTCUSD',
        contractType: 'CURRENT_QUARTER',
        deliveryDate: 1601020800000,
        onboardDate: 1590739200000,
        contractStatus: 'TRADING',
        contractSize: 100,
        marginAsset: 'BTC',
        baseAsset: 'BTC',
        quoteAsset: 'USD',
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
        liquidationFee: '0.010000',
        marketTakeBound: '0.30',
        filters: [
          { filterType: 'PRICE_FILTER', maxPrice: '100000', minPrice: '0.1', tickSize: '0.1' },
          { filterType: 'LOT_SIZE', maxQty: '100000', minQty: '1', stepSize: '1' },
        ],
        orderTypes: ['LIMIT', 'MARKET', 'STOP', 'TAKE_PROFIT', 'TRAILING_STOP_MARKET'],
        timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
      },
    ],
  },
  'GET /dapi/v1/depth': {
    lastUpdateId: 16769853,
    symbol: 'BTCUSD_PERP',
    pair: 'BTCUSD',
    E: 1591250106370,
    T: 1591250106368,
    bids: [['9638.0', '431']],
    asks: [['9638.2', '12']],
  },
  'GET /dapi/v1/trades': [
    { id: 28457, price: '9635.0', qty: '1', baseQty: '0.01037883', time: 1591250192508, isBuyerMaker: true },
  ],
  'GET /dapi/v1/historicalTrades': [
    { id: 28457, price: '9635.0', qty: '1', baseQty: '0.01037883', time: 1591250192508, isBuyerMaker: true },
  ],
  'GET /dapi/v1/aggTrades': [
    { a: 416690, p: '9642.4', q: '3', f: 595259, l: 595259, T: 1591250548649, m: false },
  ],
  'GET /dapi/v1/klines': [
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
  ],
  'GET /dapi/v1/continuousKlines': [
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
  ],
  'GET /dapi/v1/markPriceKlines': [
    [
      1591256460000,
      '9653.29201333',
      '9654.56401333',
      '9653.07367333',
      '9653.07367333',
      '0',
      1591256519999,
      '0',
      60,
      '0',
      '0',
      '0',
    ],
  ],
  'GET /dapi/v1/indexPriceKlines': [
    [
      1591256400000,
      '9653.69440000',
      '9653.69640000',
      '9651.38600000',
      '9651.55200000',
      '0',
      1591256459999,
      '0',
      60,
      '0',
      '0',
      '0',
    ],
  ],
  'GET /dapi/v1/premiumIndexKlines': [
    [
      1691603820000,
      '-0.00042931',
      '-0.00023641',
      '-0.00059406',
      '-0.00043659',
      '0',
      1691603879999,
      '0',
      12,
      '0',
      '0',
      '0',
    ],
  ],
  'GET /dapi/v1/premiumIndex': [
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
  ],
  'GET /dapi/v1/fundingRate': [
    { symbol: 'BTCUSD_PERP', fundingTime: 1596038400000, fundingRate: '-0.00300000' },
  ],
  'GET /dapi/v1/fundingInfo': [
    {
      symbol: 'BLZUSD_PERP',
      adjustedFundingRateCap: '0.02500000',
      adjustedFundingRateFloor: '-0.02500000',
      fundingIntervalHours: 8,
      disclaimer: false,
    },
  ],
  'GET /dapi/v1/ticker/24hr': [
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
  ],
  'GET /dapi/v1/ticker/price': [
    { symbol: 'BTCUSD_200626', ps: 'BTCUSD', price: '9647.8', time: 1591257246176 },
  ],
  'GET /dapi/v1/ticker/bookTicker': [
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
  ],
  'GET /dapi/v1/openInterest': {
    symbol: 'BTCUSD_200626',
    pair: 'BTCUSD',
    openInterest: '15004',
    contractType: 'CURRENT_QUARTER',
    time: 1591261042378,
  },
  'GET /dapi/v1/account': {
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
    ],
    canDeposit: true,
    canTrade: true,
    canWithdraw: true,
    feeTier: 2,
    updateTime: 0,
  },
  'GET /dapi/v1/balance': [
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
  ],
  'GET /dapi/v1/positionRisk': [
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
  ],
  'GET /dapi/v1/leverageBracket': [
    {
      pair: 'BTCUSD',
      brackets: [
        { bracket: 1, initialLeverage: 125, qtyCap: 50, qtylFloor: 0, maintMarginRatio: 0.004, cum: 0.0 },
      ],
    },
  ],
  'GET /dapi/v2/leverageBracket': [
    {
      symbol: 'BTCUSD_PERP',
      notionalCoef: 1.5,
      brackets: [
        { bracket: 1, initialLeverage: 125, qtyCap: 50, qtylFloor: 0, maintMarginRatio: 0.004, cum: 0.0 },
      ],
    },
  ],
  'POST /dapi/v1/leverage': { leverage: 21, maxQty: '1000', symbol: 'BTCUSD_200925' },
  'GET /dapi/v1/commissionRate': {
    symbol: 'BTCUSD_PERP',
    makerCommissionRate: '0.00015',
    takerCommissionRate: '0.00040',
  },
  // Raw text: a tranId beyond 2^53, which a JS number literal cannot hold.
  'GET /dapi/v1/income':
    '[{"symbol":"BTCUSD_PERP","incomeType":"FUNDING_FEE","income":"-0.00000375","asset":"BTC",' +
    '"info":"FUNDING_FEE","time":1570608000000,"tranId":9007199254740993,"tradeId":""}]',
  'GET /dapi/v1/userTrades': [
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
  ],
  'GET /dapi/v1/positionSide/dual': { dualSidePosition: true },
  'POST /dapi/v1/positionSide/dual': { code: 200, msg: 'success' },
  'POST /dapi/v1/marginType': { code: -4046, msg: 'No need to change margin type.' },
  'POST /dapi/v1/positionMargin': {
    amount: 100.0,
    code: 200,
    msg: 'Successfully modify position margin.',
    type: 1,
  },
  'POST /dapi/v1/listenKey': {
    listenKey: 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1',
  },
  'PUT /dapi/v1/listenKey': { listenKey: 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1' },
  'DELETE /dapi/v1/listenKey': {},
};

interface Setup {
  readonly client: Client & CoinmActions;
  readonly calls: RequestCall[];
  readonly requests: InProcessRequest[];
}

function setup(): Setup {
  const requests: InProcessRequest[] = [];
  const handler = {
    handle(request: InProcessRequest) {
      requests.push(request);
      const answer = answers[`${request.method} ${request.path}`];
      if (answer === undefined) {
        return { status: 404, headers: {}, body: '' };
      }
      const code = (answer as { code?: unknown }).code;
      const status = typeof code === 'number' && code < 0 ? 400 : 200;
      const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
      return { status, headers: { 'content-type': 'application/json' }, body };
    },
  };
  const base = createClient({
    env: 'local',
    market: 'coinm',
    transport: inProcess({ handler }),
    credentials: { apiKey: API_KEY, apiSecret: 'secret' },
    timeSync: false,
  });
  const calls: RequestCall[] = [];
  const spied = {
    ...base,
    request: <T>(call: RequestCall) => {
      calls.push(call);
      return base.request<T>(call);
    },
  } as Client;
  // Bound to the spy (the spread client's own `extend` would bind the unspied base).
  return { client: { ...spied, ...coinmActions(spied) } as Client & CoinmActions, calls, requests };
}

/** What a case expects of the request. */
interface Case {
  readonly name: string;
  readonly run: (client: CoinmActions) => Promise<unknown>;
  readonly method: string;
  readonly path: string;
  /** The endpoint's parameters as sent (without timestamp, recvWindow, signature). */
  readonly params: Record<string, string>;
  readonly weight: number;
  readonly security: RequestCall['security'];
  /** A write that may be retried (settings, listen keys). */
  readonly idempotent?: true;
  readonly check: (result: never) => void;
}

const d = (text: string) => Decimal.parse(text);

const cases: Case[] = [
  {
    name: 'ping',
    run: (c) => c.ping(),
    method: 'GET',
    path: '/dapi/v1/ping',
    params: {},
    weight: 1,
    security: 'NONE',
    check: (r: object) => expect(r).toEqual({}),
  },
  {
    name: 'getServerTime',
    run: (c) => c.getServerTime(),
    method: 'GET',
    path: '/dapi/v1/time',
    params: {},
    weight: 1,
    security: 'NONE',
    check: (r: { serverTime: number }) => expect(r.serverTime).toBe(1499827319559),
  },
  {
    name: 'getExchangeInfo (getCoinmExchangeInfo)',
    run: (c) => c.getExchangeInfo(),
    method: 'GET',
    path: '/dapi/v1/exchangeInfo',
    params: {},
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getExchangeInfo']>>) => {
      expect(r.symbols[0]).toMatchObject({
        symbol: 'BTCUSD_200925',
        contractStatus: 'TRADING',
        contractSize: 100,
      });
      expect(r.rateLimits[0]!.limit).toBe(6000);
    },
  },
  {
    name: 'getDepth (getCoinmDepth)',
    run: (c) => c.getDepth({ symbol: 'BTCUSD_PERP', limit: 5 }),
    method: 'GET',
    path: '/dapi/v1/depth',
    params: { symbol: 'BTCUSD_PERP', limit: '5' },
    weight: 2,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getDepth']>>) => {
      expect(r).toMatchObject({ lastUpdateId: 16769853, symbol: 'BTCUSD_PERP', pair: 'BTCUSD' });
      expect(d(r.bids[0]![0]).lt(r.asks[0]![0])).toBe(true);
      expect(r.bids[0]).toEqual(['9638.0', '431']);
    },
  },
  {
    name: 'getTrades (getCoinmTrades)',
    run: (c) => c.getTrades({ symbol: 'BTCUSD_PERP', limit: 1 }),
    method: 'GET',
    path: '/dapi/v1/trades',
    params: { symbol: 'BTCUSD_PERP', limit: '1' },
    weight: 5,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getTrades']>>) =>
      expect(r[0]).toMatchObject({ qty: '1', baseQty: '0.01037883', isBuyerMaker: true }),
  },
  {
    name: 'getHistoricalTrades (getCoinmHistoricalTrades): API key, no signature',
    run: (c) => c.getHistoricalTrades({ symbol: 'BTCUSD_PERP', fromId: 28457 }),
    method: 'GET',
    path: '/dapi/v1/historicalTrades',
    params: { symbol: 'BTCUSD_PERP', fromId: '28457' },
    weight: 20,
    security: 'MARKET_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getHistoricalTrades']>>) => expect(r[0]!.id).toBe(28457),
  },
  {
    name: 'getAggTrades (market-aware)',
    run: (c) => c.getAggTrades({ symbol: 'BTCUSD_PERP', limit: 1 }),
    method: 'GET',
    path: '/dapi/v1/aggTrades',
    params: { symbol: 'BTCUSD_PERP', limit: '1' },
    weight: 20,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getAggTrades']>>) =>
      expect(r[0]).toMatchObject({ a: 416690, p: '9642.4', q: '3', m: false }),
  },
  {
    name: 'getKlines (getCoinmKlines): base-asset volume at index 7',
    run: (c) => c.getKlines({ symbol: 'BTCUSD_PERP', interval: '1m', limit: 100 }),
    method: 'GET',
    path: '/dapi/v1/klines',
    params: { symbol: 'BTCUSD_PERP', interval: '1m', limit: '100' },
    weight: 2,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getKlines']>>) => {
      const k = parseCoinmKline(r[0]!);
      expect(k.volume.eq('206') && k.baseAssetVolume.eq('2.13660389')).toBe(true);
      expect(k.takerBuyVolume.eq('119') && k.numberOfTrades === 48).toBe(true);
      expect(k.close.toString()).toBe('9642.0');
    },
  },
  {
    name: 'getContinuousKlines (getCoinmContinuousKlines)',
    run: (c) =>
      c.getContinuousKlines({ pair: 'BTCUSD', contractType: 'PERPETUAL', interval: '1m', limit: 1 }),
    method: 'GET',
    path: '/dapi/v1/continuousKlines',
    params: { pair: 'BTCUSD', contractType: 'PERPETUAL', interval: '1m', limit: '1' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getContinuousKlines']>>) =>
      expect(parseCoinmKline(r[0]!).openTime).toBe(1591258320000),
  },
  {
    name: 'getMarkPriceKlines (market-aware)',
    run: (c) => c.getMarkPriceKlines({ symbol: 'BTCUSD_PERP', interval: '1m', limit: 1 }),
    method: 'GET',
    path: '/dapi/v1/markPriceKlines',
    params: { symbol: 'BTCUSD_PERP', interval: '1m', limit: '1' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getMarkPriceKlines']>>) =>
      expect(r[0]![4]).toBe('9653.07367333'),
  },
  {
    name: 'getIndexPriceKlines (market-aware)',
    run: (c) => c.getIndexPriceKlines({ pair: 'BTCUSD', interval: '1m', limit: 1 }),
    method: 'GET',
    path: '/dapi/v1/indexPriceKlines',
    params: { pair: 'BTCUSD', interval: '1m', limit: '1' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getIndexPriceKlines']>>) =>
      expect(r[0]![1]).toBe('9653.69440000'),
  },
  {
    name: 'getPremiumIndexKlines (market-aware)',
    run: (c) => c.getPremiumIndexKlines({ symbol: 'BTCUSD_PERP', interval: '1m', limit: 1 }),
    method: 'GET',
    path: '/dapi/v1/premiumIndexKlines',
    params: { symbol: 'BTCUSD_PERP', interval: '1m', limit: '1' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getPremiumIndexKlines']>>) =>
      expect(d(r[0]![4]).isNegative()).toBe(true),
  },
  {
    name: 'getPremiumIndex (getCoinmPremiumIndex): always an array, weight 10; delivery rows have ""',
    run: (c) => c.getPremiumIndex({ pair: 'BTCUSD' }),
    method: 'GET',
    path: '/dapi/v1/premiumIndex',
    params: { pair: 'BTCUSD' },
    weight: 10,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getPremiumIndex']>>) => {
      expect(r).toHaveLength(2);
      expect(d(r[0]!.markPrice).eq('11029.69574559')).toBe(true);
      expect(r[1]).toMatchObject({ lastFundingRate: '', interestRate: '', nextFundingTime: 0 });
    },
  },
  {
    name: 'getFundingRate (getCoinmFundingRate)',
    run: (c) => c.getFundingRate({ symbol: 'BTCUSD_PERP', limit: 10 }),
    method: 'GET',
    path: '/dapi/v1/fundingRate',
    params: { symbol: 'BTCUSD_PERP', limit: '10' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getFundingRate']>>) =>
      expect(r[0]).toEqual({ symbol: 'BTCUSD_PERP', fundingTime: 1596038400000, fundingRate: '-0.00300000' }),
  },
  {
    name: 'getFundingInfo (market-aware)',
    run: (c) => c.getFundingInfo(),
    method: 'GET',
    path: '/dapi/v1/fundingInfo',
    params: {},
    weight: 0,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getFundingInfo']>>) =>
      expect(r[0]).toMatchObject({ symbol: 'BLZUSD_PERP', fundingIntervalHours: 8 }),
  },
  {
    name: 'getTicker24hr (getCoinmTicker24hr): by pair, weight 40',
    run: (c) => c.getTicker24hr({ pair: 'BTCUSD' }),
    method: 'GET',
    path: '/dapi/v1/ticker/24hr',
    params: { pair: 'BTCUSD' },
    weight: 40,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getTicker24hr']>>) => {
      expect(r[0]).toMatchObject({ pair: 'BTCUSD', volume: '494109', baseVolume: '5192.94797687' });
      expect(d(r[0]!.lastPrice).sub(r[0]!.openPrice).eq(r[0]!.priceChange)).toBe(true);
    },
  },
  {
    name: 'getTickerPrice (getCoinmTickerPrice): by symbol, weight 1',
    run: (c) => c.getTickerPrice({ symbol: 'BTCUSD_200626' }),
    method: 'GET',
    path: '/dapi/v1/ticker/price',
    params: { symbol: 'BTCUSD_200626' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getTickerPrice']>>) =>
      expect(r[0]).toMatchObject({ ps: 'BTCUSD', price: '9647.8' }),
  },
  {
    name: 'getBookTicker (getCoinmBookTicker): all, weight 5',
    run: (c) => c.getBookTicker(),
    method: 'GET',
    path: '/dapi/v1/ticker/bookTicker',
    params: {},
    weight: 5,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getBookTicker']>>) =>
      expect(d(r[0]!.bidPrice).lt(r[0]!.askPrice)).toBe(true),
  },
  {
    name: 'getOpenInterest (getCoinmOpenInterest): contracts, with pair and contract type',
    run: (c) => c.getOpenInterest({ symbol: 'BTCUSD_200626' }),
    method: 'GET',
    path: '/dapi/v1/openInterest',
    params: { symbol: 'BTCUSD_200626' },
    weight: 1,
    security: 'NONE',
    check: (r: Awaited<ReturnType<CoinmActions['getOpenInterest']>>) =>
      expect(r).toMatchObject({ pair: 'BTCUSD', openInterest: '15004', contractType: 'CURRENT_QUARTER' }),
  },
  {
    name: 'getAccount (getCoinmAccount)',
    run: (c) => c.getAccount(),
    method: 'GET',
    path: '/dapi/v1/account',
    params: {},
    weight: 5,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getAccount']>>) => {
      expect(d(r.assets[0]!.walletBalance).eq('0.00241969')).toBe(true);
      expect(r.positions[0]).toMatchObject({ maxQty: '50', breakEvenPrice: '0.0' });
    },
  },
  {
    name: 'getBalance (getCoinmBalance): weight 1',
    run: (c) => c.getBalance(),
    method: 'GET',
    path: '/dapi/v1/balance',
    params: {},
    weight: 1,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getBalance']>>) =>
      expect(r[0]).toMatchObject({ asset: 'BTC', balance: '0.00250000', withdrawAvailable: '0.00250000' }),
  },
  {
    name: 'getPositionRisk (getCoinmPositionRisk): by margin asset, weight 1',
    run: (c) => c.getPositionRisk({ marginAsset: 'BTC' }),
    method: 'GET',
    path: '/dapi/v1/positionRisk',
    params: { marginAsset: 'BTC' },
    weight: 1,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getPositionRisk']>>) => {
      expect(r[0]).toMatchObject({ positionSide: 'LONG', maxQty: '50', marginType: 'cross' });
      expect(d(r[0]!.unRealizedProfit).isPositive()).toBe(true);
    },
  },
  {
    name: 'getLeverageBracketsV1 (getCoinmLeverageBracketsV1): per pair',
    run: (c) => c.getLeverageBracketsV1({ pair: 'BTCUSD' }),
    method: 'GET',
    path: '/dapi/v1/leverageBracket',
    params: { pair: 'BTCUSD' },
    weight: 1,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getLeverageBracketsV1']>>) =>
      expect(r[0]).toMatchObject({
        pair: 'BTCUSD',
        brackets: [{ qtyCap: 50, qtylFloor: 0, initialLeverage: 125 }],
      }),
  },
  {
    name: 'getLeverageBracketsV2 (getCoinmLeverageBracketsV2): per symbol',
    run: (c) => c.getLeverageBracketsV2({ symbol: 'BTCUSD_PERP' }),
    method: 'GET',
    path: '/dapi/v2/leverageBracket',
    params: { symbol: 'BTCUSD_PERP' },
    weight: 1,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getLeverageBracketsV2']>>) =>
      expect(r[0]).toMatchObject({ symbol: 'BTCUSD_PERP', notionalCoef: 1.5 }),
  },
  {
    name: 'setLeverage (setCoinmLeverage): form body, idempotent',
    run: (c) => c.setLeverage({ symbol: 'BTCUSD_200925', leverage: 21 }),
    method: 'POST',
    path: '/dapi/v1/leverage',
    params: { symbol: 'BTCUSD_200925', leverage: '21' },
    weight: 1,
    security: 'TRADE',
    idempotent: true,
    check: (r: Awaited<ReturnType<CoinmActions['setLeverage']>>) =>
      expect(r).toEqual({ leverage: 21, maxQty: '1000', symbol: 'BTCUSD_200925' }),
  },
  {
    name: 'getCommissionRate (getCoinmCommissionRate)',
    run: (c) => c.getCommissionRate({ symbol: 'BTCUSD_PERP' }),
    method: 'GET',
    path: '/dapi/v1/commissionRate',
    params: { symbol: 'BTCUSD_PERP' },
    weight: 20,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getCommissionRate']>>) =>
      expect(d(r.takerCommissionRate).gt(r.makerCommissionRate)).toBe(true),
  },
  {
    name: 'getIncomeHistory (getCoinmIncomeHistory): weight 20, tranId beyond 2^53 as a bigint',
    run: (c) => c.getIncomeHistory({ incomeType: 'FUNDING_FEE', limit: 5 }),
    method: 'GET',
    path: '/dapi/v1/income',
    params: { incomeType: 'FUNDING_FEE', limit: '5' },
    weight: 20,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getIncomeHistory']>>) => {
      expect(r[0]).toMatchObject({ incomeType: 'FUNDING_FEE', asset: 'BTC', income: '-0.00000375' });
      expect(r[0]!.tranId).toBe(9007199254740993n);
    },
  },
  {
    name: 'getUserTrades (getCoinmUserTrades): by pair, weight 40',
    run: (c) => c.getUserTrades({ pair: 'BTCUSD', limit: 10 }),
    method: 'GET',
    path: '/dapi/v1/userTrades',
    params: { pair: 'BTCUSD', limit: '10' },
    weight: 40,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getUserTrades']>>) =>
      expect(r[0]).toMatchObject({ pair: 'BTCUSD', baseQty: '0.01136364', marginAsset: 'BTC' }),
  },
  {
    name: 'getPositionMode (market-aware)',
    run: (c) => c.getPositionMode(),
    method: 'GET',
    path: '/dapi/v1/positionSide/dual',
    params: {},
    weight: 30,
    security: 'USER_DATA',
    check: (r: object) => expect(r).toEqual({ dualSidePosition: true }),
  },
  {
    name: 'setPositionMode (market-aware): changed',
    run: (c) => c.setPositionMode({ dualSidePosition: 'true' }),
    method: 'POST',
    path: '/dapi/v1/positionSide/dual',
    params: { dualSidePosition: 'true' },
    weight: 1,
    security: 'TRADE',
    idempotent: true,
    check: (r: object) => expect(r).toEqual({ changed: true, code: 200, msg: 'success' }),
  },
  {
    name: 'setMarginType (market-aware): -4046 is "already so"',
    run: (c) => c.setMarginType({ symbol: 'BTCUSD_PERP', marginType: 'CROSSED' }),
    method: 'POST',
    path: '/dapi/v1/marginType',
    params: { symbol: 'BTCUSD_PERP', marginType: 'CROSSED' },
    weight: 1,
    security: 'TRADE',
    idempotent: true,
    check: (r: object) =>
      expect(r).toEqual({ changed: false, code: -4046, msg: 'No need to change margin type.' }),
  },
  {
    name: 'modifyPositionMargin (market-aware)',
    run: (c) => c.modifyPositionMargin({ symbol: 'BTCUSD_PERP', amount: '0.001', type: 1 }),
    method: 'POST',
    path: '/dapi/v1/positionMargin',
    params: { symbol: 'BTCUSD_PERP', amount: '0.001', type: '1' },
    weight: 1,
    security: 'TRADE',
    check: (r: object) => expect(r).toMatchObject({ code: 200, type: 1 }),
  },
  {
    name: 'startUserDataStream (market-aware)',
    run: (c) => c.startUserDataStream(),
    method: 'POST',
    path: '/dapi/v1/listenKey',
    params: {},
    weight: 1,
    security: 'USER_STREAM',
    idempotent: true,
    check: (r: { listenKey: string }) => expect(r.listenKey).toHaveLength(64),
  },
  {
    name: 'keepAliveUserDataStream (market-aware)',
    run: (c) => c.keepAliveUserDataStream(),
    method: 'PUT',
    path: '/dapi/v1/listenKey',
    params: {},
    weight: 1,
    security: 'USER_STREAM',
    idempotent: true,
    check: (r: { listenKey: string }) => expect(r.listenKey).toMatch(/^pqia91/),
  },
  {
    name: 'closeUserDataStream (market-aware)',
    run: (c) => c.closeUserDataStream(),
    method: 'DELETE',
    path: '/dapi/v1/listenKey',
    params: {},
    weight: 1,
    security: 'USER_STREAM',
    idempotent: true,
    check: (r: object) => expect(r).toEqual({}),
  },
];

/** The endpoint parameters of a request: query for GET/DELETE, form body for POST/PUT. */
function sentParams(request: InProcessRequest): URLSearchParams {
  return new URLSearchParams(
    request.method === 'GET' || request.method === 'DELETE' ? request.rawQuery : request.rawBody,
  );
}

describe('COIN-M actions: request building and parsing of the documented answers', () => {
  test('default: the decorator binds every COIN-M action, each covered below (trade: trade/coinm/coinm.test.ts)', () => {
    const { client } = setup();
    const trade: ReadonlySet<string> = new Set(COINM_TRADE_BINDINGS);
    const names = Object.keys(coinmActions(client))
      .filter((name) => !trade.has(name))
      .sort();
    expect(names).toHaveLength(cases.length);
    const covered = cases.map((c) => /c\.(\w+)\(/.exec(c.run.toString())?.[1]).sort();
    expect(covered).toEqual(names);
  });

  test.each(cases)('$name', async (testCase) => {
    const { client, calls, requests } = setup();
    const result = await testCase.run(client);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect({ method: request!.method, path: request!.path }).toEqual({
      method: testCase.method,
      path: testCase.path,
    });
    const call = calls.at(-1)!;
    expect({ weight: call.weight, security: call.security }).toEqual({
      weight: testCase.weight,
      security: testCase.security,
    });
    const params = sentParams(request!);
    const signed = testCase.security === 'TRADE' || testCase.security === 'USER_DATA';
    const endpointParams = Object.fromEntries(
      [...params].filter(([name]) => !['timestamp', 'recvWindow', 'signature'].includes(name)),
    );
    expect(endpointParams).toEqual(testCase.params);
    expect(params.has('signature')).toBe(signed);
    expect(params.has('timestamp')).toBe(signed);
    expect(request!.headers['x-mbx-apikey']).toBe(testCase.security === 'NONE' ? undefined : API_KEY);
    expect(call.kind).toBe(testCase.method === 'GET' ? 'read' : 'write');
    expect(call.idempotent === true).toBe(testCase.idempotent === true);
    (testCase.check as (r: unknown) => void)(result);
  });

  test('behavior: COIN-M-only actions refuse a USD-M client before sending', async () => {
    const usdm = createClient({ env: 'local', baseUrl: 'http://127.0.0.1:9' });
    await expect(coinmActions(usdm).getDepth({ symbol: 'BTCUSD_PERP' })).rejects.toBeInstanceOf(
      ClientConfigError,
    );
    await expect(coinmActions(usdm).getAccount()).rejects.toBeInstanceOf(ClientConfigError);
    await usdm.close();
  });
});
