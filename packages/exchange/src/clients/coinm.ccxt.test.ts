import { parseJson } from '@basis/core';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createExchange, type Exchange, type ExchangeEndpoints } from '../createExchange.js';
import { publicRequest } from '../testing/signedRequest.js';
import { pause, within } from '../ws/testing.js';
import { makeCcxtCoinm } from './ccxtSetup.js';

// ccxt's binancecoinm, unchanged but for its URLs, runs the USD-M client workflow on COIN-M against the
// local exchange over loopback HTTP: inverse markets in contracts, coin balances, Binance's errors as
// ccxt's typed exceptions. ccxt.pro's binancecoinm reads COIN-M's streams under `/dstream/ws` and
// trades on `/ws-dapi/v1`.

const WAIT = 10_000;

let exchange: Exchange;
let endpoints: ExchangeEndpoints;
// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
let client: any;
const SYMBOL = 'BTC/USD:BTC';

beforeAll(async () => {
  exchange = createExchange({ seed: 13, synthetic: { backfillMinutes: 120 } });
  endpoints = await exchange.listen();
  const account = exchange.defaultAccount!;
  client = makeCcxtCoinm(endpoints.restUrl, { apiKey: account.apiKey, secret: account.apiSecret });
  await client.loadMarkets();
});

afterAll(async () => {
  await exchange.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** A BTCUSD_PERP price a fraction `f` of `price`, on the 0.1 tick. */
function tick(price: number, f: number): number {
  return Math.round(price * f * 10) / 10;
}

describe('ccxt binancecoinm against the local exchange', () => {
  test('inverse markets, ticker, order book, klines, trades and funding', async () => {
    expect(client.markets[SYMBOL]).toMatchObject({
      id: 'BTCUSD_PERP',
      inverse: true,
      swap: true,
      settle: 'BTC',
      quote: 'USD',
      contractSize: 100,
      active: true,
    });
    expect(client.markets[SYMBOL].precision).toMatchObject({ price: 0.1, amount: 1 });
    expect(client.markets[SYMBOL].limits.amount.min).toBe(1);
    expect(client.markets['ETH/USD:ETH']).toMatchObject({ id: 'ETHUSD_PERP', contractSize: 10 });
    const ticker = await client.fetchTicker(SYMBOL);
    expect(ticker.last).toBeGreaterThan(10_000);
    // ccxt reads an inverse ticker's `baseVolume` (coin) and values it at `weightedAvgPrice` in USD.
    expect(ticker.baseVolume).toBe(Number(ticker.info.baseVolume));
    expect(ticker.quoteVolume).toBeCloseTo(ticker.baseVolume * ticker.vwap, 4);
    const book = await client.fetchOrderBook(SYMBOL, 5);
    expect(book.bids).toHaveLength(5);
    expect(book.asks[0][0]).toBeGreaterThan(book.bids[0][0]);
    expect(book.nonce).toBeGreaterThan(0);
    const candles = await client.fetchOHLCV(SYMBOL, '1m', undefined, 10);
    expect(candles).toHaveLength(10);
    const [time, o, h, l, c, v] = candles[9];
    expect(time % 60_000).toBe(0);
    expect(h).toBeGreaterThanOrEqual(Math.max(o, c));
    expect(l).toBeLessThanOrEqual(Math.min(o, c));
    expect(v).toBeGreaterThanOrEqual(0);
    const trades = await client.fetchTrades(SYMBOL, undefined, 5);
    expect(trades).toHaveLength(5);
    // An inverse trade's cost is its value in coin: contracts × contract size / price.
    expect(trades[0].cost).toBeCloseTo((trades[0].amount * 100) / trades[0].price, 8);
    const funding = await client.fetchFundingRate(SYMBOL);
    expect(funding.markPrice).toBeGreaterThan(0);
    expect(funding.fundingTimestamp).toBeGreaterThan(funding.timestamp);
  });

  test('coin balances, leverage, margin type and position mode', async () => {
    const balance = await client.fetchBalance();
    expect(balance.BTC).toMatchObject({ total: 10, free: 10 });
    expect(balance.ETH.total).toBe(100);
    expect(balance.USDT).toBeUndefined();
    expect(await client.setLeverage(10, SYMBOL)).toMatchObject({ leverage: 10, symbol: 'BTCUSD_PERP' });
    await client.setMarginMode('isolated', SYMBOL);
    await client.setMarginMode('cross', SYMBOL);
    await client.setPositionMode(true);
    expect((await client.fetchPositionMode(SYMBOL)).hedged).toBe(true);
    await client.setPositionMode(false);
    expect((await client.fetchPositionMode(SYMBOL)).hedged).toBe(false);
  });

  test('limit, market and reduce-only orders in contracts; modify, cancel, open orders, positions, trades', async () => {
    const book = await client.fetchOrderBook(SYMBOL, 5);
    const bid = book.bids[0][0];
    const limit = await client.createOrder(SYMBOL, 'limit', 'buy', 2, tick(bid, 0.98));
    expect(limit).toMatchObject({ status: 'open', amount: 2, price: tick(bid, 0.98) });
    const edited = await client.editOrder(limit.id, SYMBOL, 'limit', 'buy', 3, tick(bid, 0.97));
    expect(edited).toMatchObject({ id: limit.id, amount: 3, price: tick(bid, 0.97) });
    const openOrders = await client.fetchOpenOrders(SYMBOL);
    expect(openOrders.map((o: { id: string }) => o.id)).toContain(limit.id);
    const fetched = await client.fetchOrder(limit.id, SYMBOL);
    expect(fetched).toMatchObject({ id: limit.id, amount: 3, status: 'open' });
    const canceled = await client.cancelOrder(limit.id, SYMBOL);
    expect(canceled.status).toBe('canceled');

    const market = await client.createOrder(SYMBOL, 'market', 'buy', 5);
    expect(market).toMatchObject({ status: 'closed', filled: 5 });
    expect(market.average).toBeGreaterThan(0);
    // `cost` is the order's `cumBase`: the coin value of 5 contracts of 100 USD at the average price,
    // each fill's value cut to 8 decimals: below the exact quotient by under a satoshi per fill, and
    // 5 contracts make at most 5 fills.
    const exact = 500 / market.average;
    expect(market.cost).toBeLessThanOrEqual(exact + 1e-12);
    expect(market.cost).toBeGreaterThan(exact - 5e-8);
    const positions = await client.fetchPositions([SYMBOL]);
    const long = positions.find((p: { symbol: string }) => p.symbol === SYMBOL);
    expect(long).toMatchObject({ side: 'long', contracts: 5, contractSize: 100, leverage: 10 });
    expect(long.notional).toBeCloseTo(500 / long.markPrice, 6);
    expect(long.maintenanceMarginPercentage).toBe(0.004);
    expect(long.info.positionAmt).toBe('5');
    // The entry price is the fills' harmonic mean; the order's avgPrice is the same mean on the tick,
    // taken from `cumBase` cut to 8 decimals.
    expect(long.entryPrice).toBeCloseTo(market.average, 0);
    // ccxt takes a position's side and notional from `notionalValue` (in coin, signed), on the
    // positionRisk and the account rows alike.
    const viaAccount = await client.fetchPositions([SYMBOL], { method: 'account' });
    const accountLong = viaAccount.find((p: { symbol: string }) => p.symbol === SYMBOL);
    expect(accountLong).toMatchObject({ side: 'long', contracts: 5, entryPrice: long.entryPrice });
    expect(accountLong.notional).toBeCloseTo(500 / long.markPrice, 6);
    const closed = await client.createOrder(SYMBOL, 'market', 'sell', 5, undefined, { reduceOnly: true });
    expect(closed).toMatchObject({ status: 'closed', filled: 5, reduceOnly: true });
    const after = await client.fetchPositions([SYMBOL]);
    expect(
      after.filter((p: { symbol: string; contracts: number }) => p.symbol === SYMBOL && p.contracts > 0),
    ).toHaveLength(0);
    const trades = await client.fetchMyTrades(SYMBOL);
    expect(trades.length).toBeGreaterThanOrEqual(2);
    expect(trades.at(-1).fee.currency).toBe('BTC');
    const reduceOnlyAgain = await rejection(
      client.createOrder(SYMBOL, 'market', 'sell', 5, undefined, { reduceOnly: true }),
    );
    expect(reduceOnlyAgain).toBeInstanceOf(ccxt.InvalidOrder);
    expect(reduceOnlyAgain.message).toContain('-2022');
  });

  test('a STOP_MARKET order through POST /dapi/v1/order is an open order until canceled', async () => {
    // ccxt 4.5.84's createOrder sends conditional COIN-M orders to /dapi/v1/algoOrder (Binance's CM/UM
    // integration of 2026-06-30); the order is placed here through the implicit /dapi/v1/order method.
    const ticker = await client.fetchTicker(SYMBOL);
    const trigger = tick(ticker.last, 0.9);
    const placed = await client.dapiPrivatePostOrder({
      symbol: 'BTCUSD_PERP',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '1',
      stopPrice: String(trigger),
    });
    expect(placed).toMatchObject({ type: 'STOP_MARKET', status: 'NEW', pair: 'BTCUSD' });
    // Printed on the 0.1 tick ("86399.0" for 86399).
    expect(placed.stopPrice).toBe(trigger.toFixed(1));
    const id = String(placed.orderId);
    const open = await client.fetchOpenOrders(SYMBOL);
    const stop = open.find((o: { id: string }) => o.id === id);
    expect(stop).toMatchObject({ type: 'market', side: 'sell', amount: 1, triggerPrice: trigger });
    expect((await client.fetchOrder(id, SYMBOL)).status).toBe('open');
    expect((await client.cancelOrder(id, SYMBOL)).status).toBe('canceled');
    expect(await client.fetchOpenOrders(SYMBOL)).toHaveLength(0);
  });

  test('conditional orders through the Algo Service: createOrder with stopPrice, trigger open orders, cancel', async () => {
    // ccxt 4.5.84 sends them to POST /dapi/v1/algoOrder (algoType CONDITIONAL, triggerPrice on a
    // perpetual), lists them with GET /dapi/v1/openAlgoOrders and cancels them by algoId.
    const ticker = await client.fetchTicker(SYMBOL);
    const stopPrice = tick(ticker.last, 0.9);
    const stop = await client.createOrder(SYMBOL, 'market', 'sell', 1, undefined, { stopPrice });
    expect(stop).toMatchObject({ status: 'open', side: 'sell', amount: 1, triggerPrice: stopPrice });
    expect(stop.info).toMatchObject({ algoType: 'CONDITIONAL', orderType: 'STOP_MARKET', algoStatus: 'NEW' });
    expect(stop.id).toBe(String(stop.info.algoId));
    const takeProfit = tick(ticker.last, 1.1);
    const tp = await client.createOrder(SYMBOL, 'limit', 'sell', 2, takeProfit, {
      takeProfitPrice: takeProfit,
    });
    expect(tp.info).toMatchObject({ orderType: 'TAKE_PROFIT', quantity: '2', price: takeProfit.toFixed(1) });
    const trailing = await client.createOrder(SYMBOL, 'market', 'sell', 1, undefined, { trailingPercent: 1 });
    expect(trailing.info).toMatchObject({ orderType: 'TRAILING_STOP_MARKET', callbackRate: '1' });

    const triggers = await client.fetchOpenOrders(SYMBOL, undefined, undefined, { trigger: true });
    expect(triggers.map((o: { id: string }) => o.id).sort()).toEqual([stop.id, tp.id, trailing.id].sort());
    expect(triggers.find((o: { id: string }) => o.id === stop.id)).toMatchObject({
      status: 'open',
      triggerPrice: stopPrice,
      amount: 1,
    });
    // They are not orders of the matching engine (yet).
    const orders = await client.fetchOpenOrders(SYMBOL);
    expect(orders.some((o: { id: string }) => [stop.id, tp.id, trailing.id].includes(o.id))).toBe(false);

    for (const placed of [stop, tp, trailing]) {
      const canceled = await client.cancelOrder(placed.id, SYMBOL, { trigger: true });
      expect(canceled.info).toMatchObject({ algoId: Number(placed.id), code: '200', msg: 'success' });
    }
    expect(await client.fetchOpenOrders(SYMBOL, undefined, undefined, { trigger: true })).toEqual([]);
  });

  test("Binance's errors arrive as ccxt's typed exceptions", async () => {
    // -1121 invalid symbol
    const badSymbol = await rejection(client.dapiPublicGetTicker24hr({ symbol: 'NOPEUSD_PERP' }));
    expect(badSymbol).toBeInstanceOf(ccxt.BadSymbol);
    expect(badSymbol.message).toContain('-1121');
    // -1111 precision: contracts are whole
    const precision = await rejection(
      client.dapiPrivatePostOrder({ symbol: 'BTCUSD_PERP', side: 'BUY', type: 'MARKET', quantity: '1.5' }),
    );
    expect(precision.message).toContain('-1111');
    // -2019 margin insufficient: an account with a little BTC asks for a large position
    const small = exchange.admin({ kind: 'createAccount', balances: { BTC: '0.001' } });
    if (small.kind !== 'account') throw new Error('no account');
    const poor = makeCcxtCoinm(endpoints.restUrl, {
      apiKey: small.keys[0]!.apiKey,
      secret: small.keys[0]!.apiSecret!,
    });
    await poor.loadMarkets();
    const margin = await rejection(poor.createOrder(SYMBOL, 'market', 'buy', 100));
    expect(margin).toBeInstanceOf(ccxt.InsufficientFunds);
    expect(margin.message).toContain('-2019');
    // -1022 bad signature
    const forged = makeCcxtCoinm(endpoints.restUrl, {
      apiKey: exchange.defaultAccount!.apiKey,
      secret: 'not-the-secret',
    });
    await forged.loadMarkets();
    const signature = await rejection(forged.fetchBalance());
    expect(signature).toBeInstanceOf(ccxt.AuthenticationError);
    expect(signature.message).toContain('-1022');
    // -1021 timestamp outside recvWindow: a client whose clock is a minute behind
    const late = makeCcxtCoinm(endpoints.restUrl, {
      apiKey: exchange.defaultAccount!.apiKey,
      secret: exchange.defaultAccount!.apiSecret,
    });
    await late.loadMarkets();
    late.options.timeDifference = 60_000;
    const timestamp = await rejection(late.fetchBalance());
    expect(timestamp).toBeInstanceOf(ccxt.InvalidNonce);
    expect(timestamp.message).toContain('-1021');
  });
});

/** A ccxt call's result, bounded in time (ccxt's promises are untyped). */
// biome-ignore lint/suspicious/noExplicitAny: ccxt's results are dynamically typed.
function settle(promise: Promise<any>, what: string): Promise<any> {
  return within(promise, WAIT, what);
}

/** Polls `check` every 10 ms until it holds (bounded). */
async function until(check: () => boolean, what: string): Promise<void> {
  await within(
    (async () => {
      for (let i = 0; i < 1000 && !check(); i++) await pause(10);
    })(),
    WAIT,
    what,
  );
  if (!check()) throw new Error(`never: ${what}`);
}

// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
async function makePro(): Promise<any> {
  const account = exchange.defaultAccount!;
  const pro = makeCcxtCoinm(endpoints.restUrl, { apiKey: account.apiKey, secret: account.apiSecret }, true);
  await pro.loadHttpProxyAgent();
  await settle(pro.loadMarkets(), 'loadMarkets');
  return pro;
}

interface RestDepth {
  lastUpdateId: number;
  bids: [string, string][];
  asks: [string, string][];
}

describe('ccxt.pro binancecoinm', () => {
  test('urls: streams under /dstream/ws, the WebSocket API at /ws-dapi/v1', async () => {
    const pro = await makePro();
    try {
      const wsBase = endpoints.restUrl.replace(/^http/, 'ws');
      expect(pro.urls.api.ws.delivery).toBe(`${wsBase}/dstream/ws`);
      expect(pro.urls.api.ws['ws-api'].delivery).toBe(`${wsBase}/ws-dapi/v1`);
      expect(pro.urls.api.dapiPrivate).toBe(`${endpoints.restUrl}/dapi/v1`);
    } finally {
      await pro.close();
    }
  });

  test('watchOrderBook syncs snapshot and diffs and matches REST at the same update id', async () => {
    const pro = await makePro();
    try {
      let matched = 0;
      let lastNonce = 0;
      for (let i = 0; i < 40 && matched < 3; i++) {
        const book = await settle(pro.watchOrderBook(SYMBOL), 'watchOrderBook');
        expect(book.nonce).toBeGreaterThanOrEqual(lastNonce);
        lastNonce = book.nonce;
        expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]);
        const rest = parseJson(
          exchange.handle(publicRequest('GET', '/dapi/v1/depth', { symbol: 'BTCUSD_PERP', limit: 20 })).body,
        ) as RestDepth;
        // Between an event and this check the book may have moved on; compare when it has not.
        if (rest.lastUpdateId !== book.nonce) continue;
        expect(book.bids.slice(0, 20)).toEqual(rest.bids.map(([p, q]) => [Number(p), Number(q)]));
        expect(book.asks.slice(0, 20)).toEqual(rest.asks.map(([p, q]) => [Number(p), Number(q)]));
        matched += 1;
      }
      expect(matched).toBeGreaterThan(0);
    } finally {
      await pro.close();
    }
  });

  test('watchTrades, watchTicker, watchOHLCV, watchMarkPrice and watchBidsAsks', async () => {
    const pro = await makePro();
    try {
      const trades = await settle(pro.watchTrades(SYMBOL), 'watchTrades');
      expect(trades[0]).toMatchObject({ symbol: SYMBOL });
      expect(trades[0].id).toBeDefined();
      expect(trades[0].cost).toBeCloseTo((trades[0].amount * 100) / trades[0].price, 8);
      const ticker = await settle(pro.watchTicker(SYMBOL), 'watchTicker');
      expect(ticker.symbol).toBe(SYMBOL);
      expect(ticker.last).toBeGreaterThan(0);
      const candles = await settle(pro.watchOHLCV(SYMBOL, '1m'), 'watchOHLCV');
      const [time, o, h, l, c] = candles.at(-1);
      expect(time % 60_000).toBe(0);
      expect(h).toBeGreaterThanOrEqual(Math.max(o, c));
      expect(l).toBeLessThanOrEqual(Math.min(o, c));
      const mark = await settle(pro.watchMarkPrice(SYMBOL), 'watchMarkPrice');
      expect(mark.markPrice).toBeGreaterThan(0);
      const bidsAsks = await settle(pro.watchBidsAsks([SYMBOL]), 'watchBidsAsks');
      expect(bidsAsks[SYMBOL].bid).toBeLessThan(bidsAsks[SYMBOL].ask);
    } finally {
      await pro.close();
    }
  });

  test('watchOrders reports an algo order from ALGO_UPDATE on the COIN-M user stream', async () => {
    const pro = await makePro();
    try {
      const keysBefore = exchange.webSockets.stats().listenKeys;
      const orders = pro.watchOrders(SYMBOL);
      await until(() => exchange.webSockets.stats().listenKeys > keysBefore, 'the user-data stream');
      const ticker = await settle(pro.fetchTicker(SYMBOL), 'fetchTicker');
      const stopPrice = tick(ticker.last, 0.9);
      const stop = await settle(
        pro.createOrder(SYMBOL, 'market', 'sell', 1, undefined, { stopPrice }),
        'createOrder',
      );
      const seen = await settle(orders, 'watchOrders');
      expect(seen.find((o: { id: string }) => o.id === stop.id)).toMatchObject({
        status: 'open',
        side: 'sell',
        amount: 1,
        triggerPrice: stopPrice,
      });
      expect(seen.find((o: { id: string }) => o.id === stop.id).info.aid).toBe(Number(stop.id));
      await settle(pro.cancelOrder(stop.id, SYMBOL, { trigger: true }), 'cancelOrder');
    } finally {
      await pro.close();
    }
  });

  test('watchOrders, watchBalance and watchPositions on the user stream; createOrderWs on the WS API', async () => {
    const pro = await makePro();
    try {
      const keysBefore = exchange.webSockets.stats().listenKeys;
      const orders = pro.watchOrders(SYMBOL);
      await until(() => exchange.webSockets.stats().listenKeys > keysBefore, 'the user-data stream');
      const book = await settle(pro.fetchOrderBook(SYMBOL, 5), 'fetchOrderBook');
      const price = tick(book.bids[0][0], 0.98);
      const placed = await settle(pro.createOrder(SYMBOL, 'limit', 'buy', 2, price), 'createOrder');
      const seen = await settle(orders, 'watchOrders');
      expect(seen.find((o: { id: string }) => o.id === placed.id)).toMatchObject({
        status: 'open',
        price,
        amount: 2,
      });
      const balance = pro.watchBalance();
      const positions = pro.watchPositions([SYMBOL]);
      await pause(100);
      await settle(pro.createOrder(SYMBOL, 'market', 'buy', 3), 'market order');
      const balances = await settle(balance, 'watchBalance');
      expect(balances.BTC.total).toBeGreaterThan(9);
      const held = await settle(positions, 'watchPositions');
      expect(held.find((p: { symbol: string }) => p.symbol === SYMBOL)).toMatchObject({
        side: 'long',
        contracts: 3,
        contractSize: 100,
      });
      const wsOrder = await settle(pro.createOrderWs(SYMBOL, 'limit', 'buy', 1, price), 'createOrderWs');
      expect(wsOrder).toMatchObject({ symbol: SYMBOL, status: 'open', price, amount: 1 });
      const canceled = await settle(pro.cancelOrderWs(wsOrder.id, SYMBOL), 'cancelOrderWs');
      expect(canceled.status).toBe('canceled');
      await settle(pro.cancelOrder(placed.id, SYMBOL), 'cancelOrder');
      await settle(pro.createOrder(SYMBOL, 'market', 'sell', 3, undefined, { reduceOnly: true }), 'close');
    } finally {
      await pro.close();
    }
  });
});
