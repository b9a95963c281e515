import { type CoinmKline, parseJson, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { COINM_UNDERLYINGS, coinmContract, DEFAULT_COINM_PERPETUALS } from '../../../config/coinmSymbols.js';
import { createExchange, type Exchange } from '../../../createExchange.js';
import { publicRequest } from '../../../testing/signedRequest.js';
import { limitOrder, marketOrder } from '../../../venue/algo/testing.js';

// COIN-M market data through the exchange's REST handler, on a COIN-M venue without a synthetic
// market: every trade is scripted, so base volumes can be worked out by hand. The listing is fixed
// here: the two perpetuals and one BTCUSD quarterly.

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const QUARTERLY = 'BTCUSD_261225';
const SYMBOLS = [
  ...DEFAULT_COINM_PERPETUALS,
  coinmContract({
    ...COINM_UNDERLYINGS.BTC,
    symbol: QUARTERLY,
    contractType: 'CURRENT_QUARTER',
    onboardDate: Date.UTC(2026, 5, 26, 8),
    deliveryDate: Date.UTC(2026, 11, 25, 8),
  }),
];
const MINUTE = 60_000;
const DAY = 86_400_000;
const open: Exchange[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  clocks.clear();
});

const clocks = new Map<Exchange, VirtualClock>();

function start(): Exchange {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({ clock, marketData: 'none', tickMs: MINUTE, coinm: { symbols: SYMBOLS } });
  open.push(exchange);
  clocks.set(exchange, clock);
  return exchange;
}

/** Moves the exchange's virtual clock (and so both venues) forward. */
function advance(exchange: Exchange, ms: number): void {
  clocks.get(exchange)!.advance(ms);
}

function get<T>(
  exchange: Exchange,
  path: string,
  params: Record<string, string | number> = {},
): { status: number; body: T; weight: number } {
  const response = exchange.handle(publicRequest('GET', path, params));
  return {
    status: response.status,
    body: parseJson(response.body) as T,
    weight: Number(response.headers['x-mbx-used-weight-1m']),
  };
}

/** The request weight `path` costs: the used-weight header's rise over a request. */
function weightOf(exchange: Exchange, path: string, params: Record<string, string | number> = {}): number {
  const before = get(exchange, '/dapi/v1/ping').weight;
  return get(exchange, path, params).weight - before;
}

/**
 * Three BTCUSD_PERP trades in the first minute, each worth qty × 100 / price BTC cut to 8 decimals:
 * - taker buys 3 at 96000.0: 300 / 96000 = 0.003125
 * - taker sells 7 at 95950.5: 700 / 95950.5 = 0.00729542(83…)
 * - taker buys 1 at 96123.4: 100 / 96123.4 = 0.00104032(…)
 * Σ 0.01146074 BTC over 11 contracts; taker buys 4 contracts, 0.00416532 BTC.
 */
function scriptedTrades(exchange: Exchange): void {
  const venue = exchange.coinm!;
  const maker = venue.createAccount({ balances: { BTC: '100', ETH: '1000' } });
  const taker = venue.createAccount({ balances: { BTC: '100', ETH: '1000' } });
  venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '3', '96000.0'));
  venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'BUY', '3'));
  venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'BUY', '7', '95950.5'));
  venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'SELL', '7'));
  venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '1', '96123.4'));
  venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'BUY', '1'));
}

describe('COIN-M market data: shapes', () => {
  test('shape: exchangeInfo lists inverse contracts with COIN-M fields, limits and filters', () => {
    const exchange = start();
    const { status, body } = get<Record<string, unknown>>(exchange, '/dapi/v1/exchangeInfo');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      ['exchangeFilters', 'rateLimits', 'serverTime', 'symbols', 'timezone'].sort(),
    );
    expect(body.rateLimits).toEqual([
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
      { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
    ]);
    const [btc, eth, quarterly] = body.symbols as Record<string, unknown>[];
    // The docs example's fields, and no `status` or `settlePlan`.
    expect(Object.keys(btc!).sort()).toEqual(
      [
        'filters',
        'orderTypes',
        'timeInForce',
        'liquidationFee',
        'marketTakeBound',
        'symbol',
        'pair',
        'contractType',
        'deliveryDate',
        'onboardDate',
        'contractStatus',
        'contractSize',
        'quoteAsset',
        'baseAsset',
        'marginAsset',
        'pricePrecision',
        'quantityPrecision',
        'baseAssetPrecision',
        'quotePrecision',
        'equalQtyPrecision',
        'triggerProtect',
        'maintMarginPercent',
        'requiredMarginPercent',
        'underlyingType',
        'underlyingSubType',
      ].sort(),
    );
    expect(btc).toMatchObject({
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      contractType: 'PERPETUAL',
      deliveryDate: 4133404800000,
      contractStatus: 'TRADING',
      contractSize: 100,
      quoteAsset: 'USD',
      baseAsset: 'BTC',
      marginAsset: 'BTC',
      pricePrecision: 1,
      quantityPrecision: 0,
      equalQtyPrecision: 4,
      underlyingType: 'COIN',
      timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
      orderTypes: [
        'LIMIT',
        'MARKET',
        'STOP',
        'STOP_MARKET',
        'TAKE_PROFIT',
        'TAKE_PROFIT_MARKET',
        'TRAILING_STOP_MARKET',
      ],
    });
    expect(btc!.filters).toEqual([
      { filterType: 'PRICE_FILTER', minPrice: '1000', maxPrice: '4529764', tickSize: '0.1' },
      { filterType: 'LOT_SIZE', minQty: '1', maxQty: '1000000', stepSize: '1' },
      { filterType: 'MARKET_LOT_SIZE', minQty: '1', maxQty: '60000', stepSize: '1' },
      { filterType: 'MAX_NUM_ORDERS', limit: 200 },
      {
        filterType: 'PERCENT_PRICE',
        multiplierUp: '1.0500',
        multiplierDown: '0.9500',
        multiplierDecimal: '4',
      },
    ]);
    expect(eth).toMatchObject({
      symbol: 'ETHUSD_PERP',
      pair: 'ETHUSD',
      contractSize: 10,
      marginAsset: 'ETH',
    });
    expect(quarterly).toMatchObject({
      symbol: QUARTERLY,
      pair: 'BTCUSD',
      contractType: 'CURRENT_QUARTER',
      deliveryDate: Date.UTC(2026, 11, 25, 8),
    });
  });

  test('shape: depth adds symbol and pair in the docs order; bad limits and symbols are rejected', () => {
    const exchange = start();
    const venue = exchange.coinm!;
    const maker = venue.createAccount({ balances: { BTC: '10' } });
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'BUY', '431', '95990.0'));
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '12', '96010.5'));
    const { body } = get<Record<string, unknown>>(exchange, '/dapi/v1/depth', {
      symbol: 'BTCUSD_PERP',
      limit: 5,
    });
    expect(Object.keys(body)).toEqual(['lastUpdateId', 'symbol', 'pair', 'E', 'T', 'bids', 'asks']);
    expect(body).toMatchObject({
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      E: T0,
      T: T0,
      bids: [['95990.0', '431']],
      asks: [['96010.5', '12']],
    });
    expect(weightOf(exchange, '/dapi/v1/depth', { symbol: 'BTCUSD_PERP', limit: 1000 })).toBe(20);
    expect(get(exchange, '/dapi/v1/depth', { symbol: 'BTCUSD_PERP', limit: 7 }).body).toEqual({
      code: -4021,
      msg: "'7' is not valid depth limit.",
    });
    const unknown = get(exchange, '/dapi/v1/depth', { symbol: 'BTCUSDT' });
    expect(unknown).toMatchObject({ status: 400, body: { code: -1121, msg: 'Invalid symbol.' } });
  });

  test('shape: trades carry contracts and their base value, no quoteQty', () => {
    const exchange = start();
    scriptedTrades(exchange);
    const { body } = get<Record<string, unknown>[]>(exchange, '/dapi/v1/trades', { symbol: 'BTCUSD_PERP' });
    expect(body.map((t) => Object.keys(t))).toEqual(
      Array(3).fill(['id', 'price', 'qty', 'baseQty', 'time', 'isBuyerMaker']),
    );
    expect(body.map(({ id: _id, ...t }) => t)).toEqual([
      { price: '96000.0', qty: '3', baseQty: '0.00312500', time: T0, isBuyerMaker: false },
      { price: '95950.5', qty: '7', baseQty: '0.00729542', time: T0, isBuyerMaker: true },
      { price: '96123.4', qty: '1', baseQty: '0.00104032', time: T0, isBuyerMaker: false },
    ]);
    const ids = body.map((t) => t.id as number);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(weightOf(exchange, '/dapi/v1/trades', { symbol: 'BTCUSD_PERP' })).toBe(5);
  });

  test('shape: historicalTrades needs an API key and pages from fromId', () => {
    const exchange = start();
    scriptedTrades(exchange);
    const apiKey = exchange.defaultAccount!.apiKey;
    const first = get<{ id: number }[]>(exchange, '/dapi/v1/trades', { symbol: 'BTCUSD_PERP' }).body[0]!.id;
    const request = publicRequest('GET', '/dapi/v1/historicalTrades', {
      symbol: 'BTCUSD_PERP',
      fromId: first + 1,
      limit: 1,
    });
    const response = exchange.handle({ ...request, headers: { 'x-mbx-apikey': apiKey } });
    expect(parseJson(response.body)).toEqual([
      { id: first + 1, price: '95950.5', qty: '7', baseQty: '0.00729542', time: T0, isBuyerMaker: true },
    ]);
    const anonymous = get(exchange, '/dapi/v1/historicalTrades', { symbol: 'BTCUSD_PERP' });
    expect(anonymous.status).toBe(401);
  });

  test('shape: aggTrades merge one taker order at one price; no nq', () => {
    const exchange = start();
    const venue = exchange.coinm!;
    const maker = venue.createAccount({ balances: { BTC: '10' } });
    const taker = venue.createAccount({ balances: { BTC: '10' } });
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '2', '96000.0'));
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '3', '96000.0'));
    venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'BUY', '5'));
    const { body } = get<Record<string, unknown>[]>(exchange, '/dapi/v1/aggTrades', {
      symbol: 'BTCUSD_PERP',
    });
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]!)).toEqual(['a', 'p', 'q', 'f', 'l', 'T', 'm']);
    expect(body[0]).toMatchObject({ p: '96000.0', q: '5', T: T0, m: false });
    expect(body[0]!.l).toBe((body[0]!.f as number) + 1);
  });

  test('shape: premiumIndex is always an array with the pair; delivery contracts carry no funding', () => {
    const exchange = start();
    const bySymbol = get<Record<string, unknown>[]>(exchange, '/dapi/v1/premiumIndex', {
      symbol: 'ETHUSD_PERP',
    });
    expect(bySymbol.body).toHaveLength(1);
    expect(Object.keys(bySymbol.body[0]!)).toEqual([
      'symbol',
      'pair',
      'markPrice',
      'indexPrice',
      'estimatedSettlePrice',
      'lastFundingRate',
      'interestRate',
      'nextFundingTime',
      'time',
    ]);
    expect(bySymbol.body[0]).toMatchObject({
      symbol: 'ETHUSD_PERP',
      pair: 'ETHUSD',
      markPrice: '3400.00000000',
      interestRate: '0.00010000',
      nextFundingTime: Date.UTC(2026, 10, 24, 16),
      time: T0,
    });
    const byPair = get<Record<string, unknown>[]>(exchange, '/dapi/v1/premiumIndex', { pair: 'BTCUSD' }).body;
    expect(byPair.map((r) => r.symbol)).toEqual(['BTCUSD_PERP', QUARTERLY]);
    expect(byPair[0]).toMatchObject({ lastFundingRate: '0.00010000', interestRate: '0.00010000' });
    expect(byPair[1]).toMatchObject({
      pair: 'BTCUSD',
      lastFundingRate: '',
      interestRate: '',
      nextFundingTime: 0,
    });
    const all = get<{ symbol: string }[]>(exchange, '/dapi/v1/premiumIndex').body;
    expect(all.map((r) => r.symbol)).toEqual(['BTCUSD_PERP', 'ETHUSD_PERP', QUARTERLY]);
    expect(weightOf(exchange, '/dapi/v1/premiumIndex', { symbol: 'BTCUSD_PERP' })).toBe(10);
  });

  test('shape: ticker/price adds ps, bookTicker adds pair; arrays by symbol or pair', () => {
    const exchange = start();
    scriptedTrades(exchange);
    const venue = exchange.coinm!;
    const maker = venue.createAccount({ balances: { BTC: '10' } });
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'BUY', '16', '95990.0'));
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '7', '96010.5'));
    const price = get<unknown[]>(exchange, '/dapi/v1/ticker/price', { symbol: 'BTCUSD_PERP' }).body;
    expect(price).toEqual([{ symbol: 'BTCUSD_PERP', ps: 'BTCUSD', price: '96123.4', time: T0 }]);
    const book = get<Record<string, unknown>[]>(exchange, '/dapi/v1/ticker/bookTicker', {
      pair: 'BTCUSD',
    }).body;
    expect(book.map((b) => b.symbol)).toEqual(['BTCUSD_PERP', QUARTERLY]);
    expect(Object.keys(book[0]!)).toEqual([
      'lastUpdateId',
      'symbol',
      'pair',
      'bidPrice',
      'bidQty',
      'askPrice',
      'askQty',
      'time',
    ]);
    expect(book[0]).toMatchObject({
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      bidPrice: '95990.0',
      bidQty: '16',
      askPrice: '96010.5',
      askQty: '7',
      time: T0,
    });
    const all = get<{ symbol: string; ps: string }[]>(exchange, '/dapi/v1/ticker/price').body;
    expect(all.map((r) => [r.symbol, r.ps])).toEqual([
      ['BTCUSD_PERP', 'BTCUSD'],
      ['ETHUSD_PERP', 'ETHUSD'],
      [QUARTERLY, 'BTCUSD'],
    ]);
    expect(weightOf(exchange, '/dapi/v1/ticker/price', { symbol: 'BTCUSD_PERP' })).toBe(1);
    expect(weightOf(exchange, '/dapi/v1/ticker/price', { pair: 'BTCUSD' })).toBe(2);
    expect(weightOf(exchange, '/dapi/v1/ticker/bookTicker', { symbol: 'BTCUSD_PERP' })).toBe(2);
    expect(weightOf(exchange, '/dapi/v1/ticker/bookTicker')).toBe(5);
  });

  test('shape: openInterest counts contracts and names the pair and contract type', () => {
    const exchange = start();
    scriptedTrades(exchange);
    const { body } = get<Record<string, unknown>>(exchange, '/dapi/v1/openInterest', {
      symbol: 'BTCUSD_PERP',
    });
    expect(Object.keys(body)).toEqual(['symbol', 'pair', 'openInterest', 'contractType', 'time']);
    // The taker is long 3 − 7 + 1 = −3 (short 3), the maker long 3.
    expect(body).toEqual({
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      openInterest: '3',
      contractType: 'PERPETUAL',
      time: T0,
    });
  });

  test('shape: fundingRate rows have no markPrice, none for delivery contracts; fundingInfo lists perpetuals', () => {
    const exchange = start();
    advance(exchange, 4 * 60 * MINUTE); // to the 16:00 UTC settlement
    const rates = get<Record<string, unknown>[]>(exchange, '/dapi/v1/fundingRate', { symbol: 'BTCUSD_PERP' });
    expect(rates.body).toHaveLength(1);
    expect(Object.keys(rates.body[0]!)).toEqual(['symbol', 'fundingTime', 'fundingRate']);
    expect(rates.body[0]).toMatchObject({ symbol: 'BTCUSD_PERP', fundingTime: Date.UTC(2026, 10, 24, 16) });
    expect(get(exchange, '/dapi/v1/fundingRate', { symbol: QUARTERLY }).body).toEqual([]);
    expect(get(exchange, '/dapi/v1/fundingRate').body).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    });
    const info = get<{ symbol: string }[]>(exchange, '/dapi/v1/fundingInfo');
    expect(info.status).toBe(200);
    expect(info.body.map((r) => r.symbol)).toEqual(['BTCUSD_PERP', 'ETHUSD_PERP']);
  });
});

describe('COIN-M market data: volumes in contracts and base asset', () => {
  test('behavior: a kline counts contracts at index 5 and Σ qty × 100 / price BTC at index 7', () => {
    const exchange = start();
    scriptedTrades(exchange);
    const { body } = get<CoinmKline[]>(exchange, '/dapi/v1/klines', {
      symbol: 'BTCUSD_PERP',
      interval: '1m',
    });
    expect(body).toEqual([
      [
        T0,
        '96000.0',
        '96123.4',
        '95950.5',
        '96123.4',
        '11',
        T0 + MINUTE - 1,
        '0.01146074',
        3,
        '4',
        '0.00416532',
        '0',
      ],
    ]);
    // continuousKlines of the pair's perpetual are the same candles.
    const continuous = get(exchange, '/dapi/v1/continuousKlines', {
      pair: 'BTCUSD',
      contractType: 'PERPETUAL',
      interval: '1m',
    });
    expect(continuous.body).toEqual(body);
  });

  test('behavior: continuousKlines of CURRENT_QUARTER follow the quarterly of the pair', () => {
    const exchange = start();
    const venue = exchange.coinm!;
    const maker = venue.createAccount({ balances: { BTC: '10' } });
    const taker = venue.createAccount({ balances: { BTC: '10' } });
    venue.placeOrder(maker, limitOrder(QUARTERLY, 'SELL', '2', '96500.0'));
    venue.placeOrder(taker, marketOrder(QUARTERLY, 'BUY', '2'));
    const { body } = get<CoinmKline[]>(exchange, '/dapi/v1/continuousKlines', {
      pair: 'BTCUSD',
      contractType: 'CURRENT_QUARTER',
      interval: '5m',
    });
    // 200 / 96500 = 0.00207253(88…) BTC, all bought by the taker.
    expect(body.map((k) => [k[0], k[4], k[5], k[7], k[8], k[9], k[10]])).toEqual([
      [T0, '96500.0', '2', '0.00207253', 1, '2', '0.00207253'],
    ]);
  });

  test('behavior: the 24 h ticker sums the same trades; weightedAvgPrice is contracts × 100 / baseVolume', () => {
    const exchange = start();
    scriptedTrades(exchange);
    const { body } = get<Record<string, unknown>[]>(exchange, '/dapi/v1/ticker/24hr', {
      symbol: 'BTCUSD_PERP',
    });
    expect(body).toHaveLength(1);
    const row = body[0]!;
    expect(Object.keys(row)).toEqual([
      'symbol',
      'pair',
      'priceChange',
      'priceChangePercent',
      'weightedAvgPrice',
      'lastPrice',
      'lastQty',
      'openPrice',
      'highPrice',
      'lowPrice',
      'volume',
      'baseVolume',
      'openTime',
      'closeTime',
      'firstId',
      'lastId',
      'count',
    ]);
    // 1100 / 0.01146074 = 95979.8…; (96123.4 − 96000.0) / 96000.0 = 0.1285…%.
    expect(row).toMatchObject({
      symbol: 'BTCUSD_PERP',
      pair: 'BTCUSD',
      priceChange: '123.4',
      priceChangePercent: '0.129',
      weightedAvgPrice: '95979.8',
      lastPrice: '96123.4',
      lastQty: '1',
      openPrice: '96000.0',
      highPrice: '96123.4',
      lowPrice: '95950.5',
      volume: '11',
      baseVolume: '0.01146074',
      openTime: T0 - DAY,
      closeTime: T0,
      count: 3,
    });
    expect(row.lastId).toBe((row.firstId as number) + 2);
    const byPair = get<{ symbol: string }[]>(exchange, '/dapi/v1/ticker/24hr', { pair: 'ETHUSD' }).body;
    expect(byPair).toEqual([
      expect.objectContaining({ symbol: 'ETHUSD_PERP', volume: '0', baseVolume: '0.00000000' }),
    ]);
    expect(weightOf(exchange, '/dapi/v1/ticker/24hr', { symbol: 'BTCUSD_PERP' })).toBe(1);
    expect(weightOf(exchange, '/dapi/v1/ticker/24hr')).toBe(40);
  });

  test('behavior: ETHUSD values 10 USD contracts: 20 at 3412.57 are 0.05860685 ETH', () => {
    const exchange = start();
    const venue = exchange.coinm!;
    const maker = venue.createAccount({ balances: { ETH: '100' } });
    const taker = venue.createAccount({ balances: { ETH: '100' } });
    venue.placeOrder(maker, limitOrder('ETHUSD_PERP', 'BUY', '20', '3412.57'));
    venue.placeOrder(taker, marketOrder('ETHUSD_PERP', 'SELL', '20'));
    const trades = get<{ baseQty: string }[]>(exchange, '/dapi/v1/trades', { symbol: 'ETHUSD_PERP' }).body;
    expect(trades.map((t) => t.baseQty)).toEqual(['0.05860685']);
    const [kline] = get<CoinmKline[]>(exchange, '/dapi/v1/klines', {
      symbol: 'ETHUSD_PERP',
      interval: '1h',
    }).body;
    expect([kline![5], kline![7], kline![9], kline![10]]).toEqual(['20', '0.05860685', '0', '0.00000000']);
  });
});

describe('COIN-M market data: kline windows and pair queries', () => {
  test('behavior: within a window the most recent limit candles come back, even with only startTime', () => {
    const exchange = start();
    scriptedTrades(exchange);
    advance(exchange, 2 * MINUTE);
    const params = { symbol: 'BTCUSD_PERP', interval: '1m', limit: 2 };
    const fromStart = get<CoinmKline[]>(exchange, '/dapi/v1/klines', { ...params, startTime: T0 }).body;
    // USD-M would answer the first two candles from startTime; COIN-M the last two up to now.
    expect(fromStart.map((k) => k[0])).toEqual([T0 + MINUTE, T0 + 2 * MINUTE]);
    const bounded = get<CoinmKline[]>(exchange, '/dapi/v1/klines', {
      ...params,
      startTime: T0,
      endTime: T0 + MINUTE,
    }).body;
    expect(bounded.map((k) => [k[0], k[5]])).toEqual([
      [T0, '11'],
      [T0 + MINUTE, '0'],
    ]);
    const untilEnd = get<CoinmKline[]>(exchange, '/dapi/v1/klines', { ...params, endTime: T0 + 30_000 }).body;
    expect(untilEnd.map((k) => k[0])).toEqual([T0]);
  });

  test('behavior: windows over 200 days and reversed windows are rejected', () => {
    const exchange = start();
    const base = { symbol: 'BTCUSD_PERP', interval: '1d' };
    const tooLong = get(exchange, '/dapi/v1/klines', { ...base, startTime: T0 - 201 * DAY, endTime: T0 });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { code: -4088, msg: 'Maximum time interval is 200 days.' },
    });
    const marks = get(exchange, '/dapi/v1/markPriceKlines', {
      ...base,
      startTime: T0 - 200 * DAY,
      endTime: T0,
    });
    expect(marks.status).toBe(200);
    const reversed = get(exchange, '/dapi/v1/indexPriceKlines', {
      pair: 'BTCUSD',
      interval: '1m',
      startTime: T0,
      endTime: T0 - MINUTE,
    });
    expect(reversed.body).toEqual({ code: -1023, msg: 'Start time is greater than end time.' });
  });

  test('behavior: mark, index and premium klines are sample candles; index klines go by pair', () => {
    const exchange = start();
    advance(exchange, MINUTE);
    const mark = get<CoinmKline[]>(exchange, '/dapi/v1/markPriceKlines', {
      symbol: 'BTCUSD_PERP',
      interval: '1m',
    });
    expect(mark.body.length).toBeGreaterThan(0);
    expect(mark.body[0]!.slice(5, 12)).toEqual(['0', T0 + MINUTE - 1, '0', mark.body[0]![8], '0', '0', '0']);
    expect(mark.body[0]![1]).toBe('96000.00000000');
    const index = get<CoinmKline[]>(exchange, '/dapi/v1/indexPriceKlines', {
      pair: 'ETHUSD',
      interval: '1m',
    });
    expect(index.body[0]![1]).toBe('3400.00000000');
    const premium = get(exchange, '/dapi/v1/premiumIndexKlines', { symbol: 'BTCUSD_PERP', interval: '1m' });
    expect(premium.status).toBe(200);
  });

  test('errors: bad symbols, pairs, contract types and parameter combinations', () => {
    const exchange = start();
    const error = (path: string, params: Record<string, string | number>) => get(exchange, path, params).body;
    expect(error('/dapi/v1/klines', { symbol: 'BTCUSDT', interval: '1m' })).toEqual({
      code: -1121,
      msg: 'Invalid symbol.',
    });
    expect(error('/dapi/v1/klines', { symbol: 'BTCUSD_PERP', interval: '7m' })).toEqual({
      code: -1120,
      msg: 'Invalid interval.',
    });
    expect(error('/dapi/v1/ticker/price', { pair: 'XRPUSD' })).toEqual({
      code: -1121,
      msg: 'Invalid symbol.',
    });
    expect(error('/dapi/v1/ticker/24hr', { symbol: 'BTCUSD_PERP', pair: 'BTCUSD' })).toEqual({
      code: -1128,
      msg: 'Combination of optional parameters invalid.',
    });
    expect(
      error('/dapi/v1/continuousKlines', {
        pair: 'BTCUSD',
        contractType: 'TRADIFI_PERPETUAL',
        interval: '1m',
      }),
    ).toEqual({ code: -1130, msg: "Data sent for parameter 'contractType' is not valid." });
    expect(
      error('/dapi/v1/continuousKlines', { pair: 'ETHUSD', contractType: 'CURRENT_QUARTER', interval: '1m' }),
    ).toEqual([]);
    expect(error('/dapi/v1/openInterest', {})).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    });
  });
});
