import { CoinMClient, WebsocketAPIClient, WebsocketClient } from 'binance';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createExchange, type Exchange, type ExchangeEndpoints } from '../createExchange.js';
import { pause, within } from '../ws/testing.js';

// The `binance` npm package's CoinMClient, unchanged but for its base URL, runs the USD-M client
// workflow on COIN-M against the local exchange over loopback HTTP (quantities in contracts, coin
// balances) and gets Binance's error bodies; its WebsocketClient reads COIN-M's streams and user data
// under `/dstream`, its WebsocketAPIClient trades on `/ws-dapi/v1`.

const WAIT = 10_000;
let exchange: Exchange;
let endpoints: ExchangeEndpoints;
let client: CoinMClient;
const symbol = 'ETHUSD_PERP';

beforeAll(async () => {
  exchange = createExchange({ seed: 14, synthetic: { backfillMinutes: 120 } });
  endpoints = await exchange.listen();
  const account = exchange.defaultAccount!;
  client = new CoinMClient({
    api_key: account.apiKey,
    api_secret: account.apiSecret,
    baseUrl: endpoints.restUrl,
  });
});

afterAll(async () => {
  await exchange.close();
});

/** The `{code, msg}` a rejected call carried (the package throws a plain object, not an Error). */
async function binanceError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; message?: string; body?: { code: number; msg: string } };
    return { code: e.body?.code ?? e.code ?? 0, message: e.body?.msg ?? e.message ?? '' };
  }
  throw new Error('expected a rejection');
}

/** An ETHUSD_PERP price a fraction `f` of `price`, on the 0.01 tick. */
function tick(price: number, f: number): number {
  return Math.round(price * f * 100) / 100;
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

// The package types COIN-M's `ticker/24hr`, `premiumIndex` and `positionRisk` loosely; these are the
// fields read here.
interface Ticker24hr {
  symbol: string;
  pair: string;
  lastPrice: string;
  volume: string;
  baseVolume: string;
}
interface PositionRow {
  symbol: string;
  positionAmt: string;
  entryPrice: string;
}

describe('binance CoinMClient against the local exchange', () => {
  test('inverse markets, ticker, order book, klines, mark price and open interest', async () => {
    const info = await client.getExchangeInfo();
    const eth = info.symbols.find((s) => s.symbol === symbol);
    expect(eth).toMatchObject({
      pair: 'ETHUSD',
      contractType: 'PERPETUAL',
      contractStatus: 'TRADING',
      contractSize: 10,
      marginAsset: 'ETH',
    });
    // COIN-M answers `ticker/24hr` with an array even for one symbol.
    const [ticker] = (await client.get24hrChangeStatistics({ symbol })) as unknown as Ticker24hr[];
    expect(ticker).toMatchObject({ symbol, pair: 'ETHUSD' });
    expect(Number(ticker!.lastPrice)).toBeGreaterThan(100);
    expect(Number(ticker!.baseVolume)).toBeGreaterThan(0);
    const book = await client.getOrderBook({ symbol, limit: 10 });
    expect(book.bids).toHaveLength(10);
    expect(Number(book.asks[0]![0])).toBeGreaterThan(Number(book.bids[0]![0]));
    const klines = await client.getKlines({ symbol, interval: '5m', limit: 12 });
    expect(klines).toHaveLength(12);
    // Index 5 is the volume in contracts, index 7 the same volume in coin.
    const [, , , , close, contracts, , coin] = klines[11]!;
    expect(Number(coin)).toBeCloseTo((Number(contracts) * 10) / Number(close), 0);
    const [mark] = (await client.getMarkPrice({ symbol })) as unknown as { markPrice: string }[];
    expect(Number(mark!.markPrice)).toBeGreaterThan(0);
    const interest = await client.getOpenInterest({ symbol });
    expect(interest).toMatchObject({ symbol, pair: 'ETHUSD', contractType: 'PERPETUAL' });
  });

  test('coin balances, account, leverage, margin type and position mode', async () => {
    const balances = await client.getBalance();
    expect(balances.find((b) => b.asset === 'ETH')).toMatchObject({ balance: '100.00000000' });
    expect(Number(balances.find((b) => b.asset === 'BTC')?.availableBalance)).toBe(10);
    const account = await client.getAccountInformation();
    expect(account.assets.map((a) => a.asset)).toEqual(expect.arrayContaining(['BTC', 'ETH']));
    expect(await client.setLeverage({ symbol, leverage: 15 })).toMatchObject({ symbol, leverage: 15 });
    expect(await client.setMarginType({ symbol, marginType: 'ISOLATED' })).toMatchObject({ code: 200 });
    expect(await client.setMarginType({ symbol, marginType: 'CROSSED' })).toMatchObject({ code: 200 });
    expect(await client.setPositionMode({ dualSidePosition: 'true' })).toMatchObject({ code: 200 });
    expect((await client.getCurrentPositionMode()).dualSidePosition).toBe(true);
    await client.setPositionMode({ dualSidePosition: 'false' });
    expect((await client.getCurrentPositionMode()).dualSidePosition).toBe(false);
  });

  test('limit, market and reduce-only orders in contracts; modify, cancel, open orders, positions', async () => {
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const bid = Number(book.bids[0]![0]);
    const limit = await client.submitNewOrder({
      symbol,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: 2,
      price: tick(bid, 0.98),
    });
    expect(limit).toMatchObject({ status: 'NEW', pair: 'ETHUSD', origQty: '2', cumBase: '0' });
    const modified = await client.modifyOrder({
      symbol,
      orderId: limit.orderId,
      side: 'BUY',
      quantity: 3,
      price: tick(bid, 0.97),
    } as Parameters<CoinMClient['modifyOrder']>[0]);
    expect(modified).toMatchObject({
      orderId: limit.orderId,
      origQty: '3',
      price: tick(bid, 0.97).toFixed(2),
    });
    const open = await client.getAllOpenOrders({ symbol });
    expect(open.map((o) => o.orderId)).toContain(limit.orderId);
    expect(await client.getOrder({ symbol, orderId: limit.orderId })).toMatchObject({
      status: 'NEW',
      origQty: '3',
    });
    const canceled = await client.cancelOrder({ symbol, orderId: limit.orderId });
    expect(canceled.status).toBe('CANCELED');

    const market = await client.submitNewOrder({
      symbol,
      side: 'SELL',
      type: 'MARKET',
      quantity: 4,
      newOrderRespType: 'RESULT',
    });
    expect(market).toMatchObject({ status: 'FILLED', executedQty: '4' });
    // cumBase: 4 contracts of 10 USD, in ETH at the fill prices (the package types COIN-M's order
    // result as USD-M's, with `cumQuote`).
    const { cumBase } = market as unknown as { cumBase: string };
    expect(Number(cumBase)).toBeCloseTo(40 / Number(market.avgPrice), 6);
    const positions = (await client.getPositions({ pair: 'ETHUSD' } as Parameters<
      CoinMClient['getPositions']
    >[0])) as unknown as PositionRow[];
    expect(positions.find((p) => p.symbol === symbol)).toMatchObject({ positionAmt: '-4' });
    const close = await client.submitNewOrder({
      symbol,
      side: 'BUY',
      type: 'MARKET',
      quantity: 4,
      reduceOnly: 'true',
      newOrderRespType: 'RESULT',
    } as Parameters<CoinMClient['submitNewOrder']>[0]);
    expect(close).toMatchObject({ status: 'FILLED', reduceOnly: true });
    const after = (await client.getPositions({ pair: 'ETHUSD' } as Parameters<
      CoinMClient['getPositions']
    >[0])) as unknown as PositionRow[];
    expect(after.find((p) => p.symbol === symbol)).toMatchObject({ positionAmt: '0' });
    const trades = await client.getAccountTrades({ symbol });
    expect(trades.length).toBeGreaterThanOrEqual(2);
    expect(trades.at(-1)).toMatchObject({ pair: 'ETHUSD', marginAsset: 'ETH', commissionAsset: 'ETH' });
  });

  test('a STOP_MARKET order through POST /dapi/v1/order', async () => {
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const ask = Number(book.asks[0]![0]);
    const stop = await client.submitNewOrder({
      symbol,
      side: 'BUY',
      type: 'STOP_MARKET',
      quantity: 1,
      stopPrice: tick(ask, 1.05),
    } as Parameters<CoinMClient['submitNewOrder']>[0]);
    expect(stop).toMatchObject({ status: 'NEW', type: 'STOP_MARKET', stopPrice: tick(ask, 1.05).toFixed(2) });
    const open = await client.getAllOpenOrders({ symbol });
    expect(open.find((o) => o.orderId === stop.orderId)).toMatchObject({ type: 'STOP_MARKET', origQty: '1' });
    expect(await client.cancelAllOpenOrders({ symbol })).toMatchObject({ code: 200 });
    expect(await client.getAllOpenOrders({ symbol })).toEqual([]);
  });

  test('algo orders: submitNewAlgoOrder, getOpenAlgoOrders, cancelAlgoOrder on /dapi/v1', async () => {
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const bid = Number(book.bids[0]![0]);
    const stopPrice = tick(bid, 0.9).toFixed(2);
    const stop = await client.submitNewAlgoOrder({
      algoType: 'CONDITIONAL',
      symbol,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '1',
      triggerPrice: stopPrice,
      workingType: 'MARK_PRICE',
    });
    // The package adds a client algo id with its broker prefix when none is given.
    expect(stop).toMatchObject({
      algoType: 'CONDITIONAL',
      orderType: 'STOP_MARKET',
      symbol,
      quantity: '1',
      algoStatus: 'NEW',
      triggerPrice: stopPrice,
      workingType: 'MARK_PRICE',
    });
    expect(stop.clientAlgoId).toMatch(/^x-/);
    const limitPrice = tick(bid, 1.1).toFixed(2);
    const tpId = client.generateNewOrderId();
    const tp = await client.submitNewAlgoOrder({
      algoType: 'CONDITIONAL',
      symbol,
      side: 'SELL',
      type: 'TAKE_PROFIT',
      quantity: '2',
      price: limitPrice,
      triggerPrice: limitPrice,
      clientAlgoId: tpId,
    });
    expect(tp).toMatchObject({ orderType: 'TAKE_PROFIT', price: limitPrice, clientAlgoId: tpId });

    const open = await client.getOpenAlgoOrders({ symbol });
    expect(open.map((a) => a.algoId)).toEqual([stop.algoId, tp.algoId]);
    expect(open[0]).toMatchObject({ algoStatus: 'NEW', actualOrderId: '', actualPrice: '0' });
    expect(await client.getAllOpenOrders({ symbol })).toEqual([]);
    expect(await client.cancelAlgoOrder({ algoId: stop.algoId })).toEqual({
      algoId: stop.algoId,
      clientAlgoId: stop.clientAlgoId,
      code: '200',
      msg: 'success',
    });
    expect(await client.cancelAlgoOrder({ clientAlgoId: tpId })).toMatchObject({ algoId: tp.algoId });
    expect(await client.getOpenAlgoOrders()).toEqual([]);
    expect((await binanceError(client.cancelAlgoOrder({ algoId: stop.algoId }))).code).toBe(-2011);
  });

  test("Binance's error codes come back as Binance sends them", async () => {
    expect((await binanceError(client.get24hrChangeStatistics({ symbol: 'NOPEUSD_PERP' }))).code).toBe(-1121);
    expect(
      (await binanceError(client.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 1.5 })))
        .code,
    ).toBe(-1111);
    const small = exchange.admin({ kind: 'createAccount', balances: { ETH: '0.01' } });
    if (small.kind !== 'account') throw new Error('no account');
    const poor = new CoinMClient({
      api_key: small.keys[0]!.apiKey,
      api_secret: small.keys[0]!.apiSecret!,
      baseUrl: endpoints.restUrl,
    });
    expect(
      (await binanceError(poor.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 1000 }))).code,
    ).toBe(-2019);
    const forged = new CoinMClient({
      api_key: exchange.defaultAccount!.apiKey,
      api_secret: 'wrong',
      baseUrl: endpoints.restUrl,
    });
    expect((await binanceError(forged.getBalance())).code).toBe(-1022);
    const skewed = new CoinMClient({
      api_key: exchange.defaultAccount!.apiKey,
      api_secret: exchange.defaultAccount!.apiSecret,
      baseUrl: endpoints.restUrl,
      recvWindow: 1000,
    });
    // The package signs with its own clock; offsetting it 30 s into the past is a skewed machine.
    (skewed as unknown as { timeOffset: number }).timeOffset = -30_000;
    expect((await binanceError(skewed.getBalance())).code).toBe(-1021);
  });
});

describe('binance WebsocketClient and WebsocketAPIClient on COIN-M', () => {
  const silent = { trace: () => {}, info: () => {}, error: () => {} };

  test('market streams and the user stream under /dstream, orders on /ws-dapi/v1', async () => {
    const account = exchange.defaultAccount!;
    const keys = { api_key: account.apiKey, api_secret: account.apiSecret };
    // `wsUrl` is the host part of every COIN-M wsKey: the client appends `/stream` (market) and
    // `/ws/<listenKey>` (user data), so COIN-M's streams need `/dstream` in it. The WS API client
    // appends `/ws-dapi/v1` itself and takes the bare host.
    const ws = new WebsocketClient(
      { ...keys, wsUrl: endpoints.coinm!.wsUrl, restOptions: { baseUrl: endpoints.restUrl } },
      silent,
    );
    const wsApi = new WebsocketAPIClient(
      { ...keys, wsUrl: endpoints.wsUrl, restOptions: { baseUrl: endpoints.restUrl } },
      silent,
    );
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (message) => messages.push(message as unknown as Record<string, unknown>));
    try {
      await within(ws.subscribeDiffBookDepth('BTCUSD_PERP', 100, 'coinm'), WAIT, 'depth subscription');
      await within(ws.subscribeMarkPrice('BTCUSD_PERP', 'coinm', 1000), WAIT, 'mark subscription');
      await within(ws.subscribeKlines('BTCUSD_PERP', '1m', 'coinm'), WAIT, 'kline subscription');
      await within(ws.subscribeAggregateTrades('BTCUSD_PERP', 'coinm'), WAIT, 'aggTrade subscription');
      await until(
        () =>
          ['depthUpdate', 'markPriceUpdate', 'kline', 'aggTrade'].every((e) =>
            messages.some((m) => m.e === e),
          ),
        'depth, mark price, kline and aggTrade events',
      );
      expect(messages.find((m) => m.e === 'depthUpdate')).toMatchObject({
        s: 'BTCUSD_PERP',
        ps: 'BTCUSD',
        wsKey: 'coinm',
      });
      const kline = messages.find((m) => m.e === 'kline')!.k as Record<string, unknown>;
      expect(kline).toMatchObject({ s: 'BTCUSD_PERP', i: '1m' });
      // `v` counts contracts, `q` their value in BTC.
      expect(Number(kline.q)).toBeLessThan(Number(kline.v));
      expect(messages.find((m) => m.e === 'markPriceUpdate')).toMatchObject({
        s: 'BTCUSD_PERP',
        wsKey: 'coinm',
      });

      const keysBefore = exchange.webSockets.stats().listenKeys;
      await within(ws.subscribeCoinFuturesUserDataStream(), WAIT, 'user data subscription');
      await until(() => exchange.webSockets.stats().listenKeys > keysBefore, 'the user-data connection');
      const book = await client.getOrderBook({ symbol, limit: 5 });
      const price = tick(Number(book.bids[0]![0]), 0.97);
      const placed = await client.submitNewOrder({
        symbol,
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: 2,
        price,
      });
      await until(
        () =>
          messages.some((m) => m.e === 'ORDER_TRADE_UPDATE' && (m.o as { i: number }).i === placed.orderId),
        'ORDER_TRADE_UPDATE',
      );
      const update = messages.find(
        (m) => m.e === 'ORDER_TRADE_UPDATE' && (m.o as { i: number }).i === placed.orderId,
      )!;
      // COIN-M user events carry the account alias at the top level (§13.4).
      const [balance] = await client.getBalance();
      expect(update.i).toBe(balance!.accountAlias);
      expect(update.o).toMatchObject({ s: symbol, X: 'NEW', q: '2', ma: 'ETH' });

      // An algo order reports on the same stream with ALGO_UPDATE, as on USD-M.
      const algo = await client.submitNewAlgoOrder({
        algoType: 'CONDITIONAL',
        symbol,
        side: 'BUY',
        type: 'TAKE_PROFIT_MARKET',
        quantity: '1',
        triggerPrice: price.toFixed(2),
      });
      const isAlgoUpdate = (m: Record<string, unknown>) =>
        m.e === 'ALGO_UPDATE' && (m.o as { aid: number }).aid === algo.algoId;
      await until(() => messages.some(isAlgoUpdate), 'ALGO_UPDATE');
      expect(messages.find(isAlgoUpdate)!.o).toMatchObject({
        caid: algo.clientAlgoId,
        at: 'CONDITIONAL',
        o: 'TAKE_PROFIT_MARKET',
        s: symbol,
        X: 'NEW',
        q: '1',
        tp: price.toFixed(2),
      });
      await client.cancelAlgoOrder({ algoId: algo.algoId });

      const wsOrder = await within(
        wsApi.submitNewFuturesOrder('coinm', {
          symbol,
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'GTC',
          quantity: '1',
          price: price.toFixed(2),
          timestamp: Date.now(),
        }),
        WAIT,
        'submitNewFuturesOrder',
      );
      expect(wsOrder.status).toBe(200);
      expect(wsOrder.result).toMatchObject({ symbol, status: 'NEW', price: price.toFixed(2), origQty: '1' });
      await until(
        () =>
          messages.some(
            (m) => m.e === 'ORDER_TRADE_UPDATE' && (m.o as { i: number }).i === wsOrder.result.orderId,
          ),
        'ORDER_TRADE_UPDATE of the WS API order',
      );
      const balances = await within(
        wsApi.getFuturesAccountBalance('coinm', { timestamp: Date.now() }),
        WAIT,
        'balance',
      );
      expect(balances.result.map((b: { asset: string }) => b.asset)).toEqual(
        expect.arrayContaining(['BTC', 'ETH']),
      );
      await client.cancelAllOpenOrders({ symbol });
    } finally {
      ws.closeAll(true);
      await within(wsApi.disconnectAll(), WAIT, 'disconnect').catch(() => {});
      wsApi.getWSClient().closeAll(true);
    }
  });
});
