import { CoinMClient } from 'binance';
import { describe, expect, test } from 'vitest';
import {
  binanceRestClient,
  expectBinanceBookAndKlines,
  expectBinanceLeverageAndModes,
  expectBinanceRejection,
  expectBinanceSignedRequestErrors,
  openBinanceSockets,
  openUserDataStream,
  runBinanceOrderWorkflow,
  untilEvents,
  untilOrderUpdate,
} from './binanceChecks.testing.js';
import { priceOnTick, settle, until, useClientExchange } from './testing.js';

// The `binance` npm package's CoinMClient, unchanged but for its base URL, runs the USD-M client
// workflow on COIN-M against the local exchange over loopback HTTP (quantities in contracts, coin
// balances) and gets Binance's error bodies; its WebsocketClient reads COIN-M's streams and user data
// under `/dstream`, its WebsocketAPIClient trades on `/ws-dapi/v1`.

const local = useClientExchange(14, binanceRestClient(CoinMClient));
const symbol = 'ETHUSD_PERP';

/** An ETHUSD_PERP price a fraction `f` of `price`, on the 0.01 tick. */
function tick(price: number, f: number): number {
  return priceOnTick(price, f, 2);
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
    const { client } = local;
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
    const klines = await expectBinanceBookAndKlines(client, symbol);
    // Index 5 is the volume in contracts, index 7 the same volume in coin.
    const [, , , , close, contracts, , coin] = klines[11]!;
    expect(Number(coin)).toBeCloseTo((Number(contracts) * 10) / Number(close), 0);
    const [mark] = (await client.getMarkPrice({ symbol })) as unknown as { markPrice: string }[];
    expect(Number(mark!.markPrice)).toBeGreaterThan(0);
    const interest = await client.getOpenInterest({ symbol });
    expect(interest).toMatchObject({ symbol, pair: 'ETHUSD', contractType: 'PERPETUAL' });
  });

  test('coin balances, account, leverage, margin type and position mode', async () => {
    const { client } = local;
    const balances = await client.getBalance();
    expect(balances.find((b) => b.asset === 'ETH')).toMatchObject({ balance: '100.00000000' });
    expect(Number(balances.find((b) => b.asset === 'BTC')?.availableBalance)).toBe(10);
    const account = await client.getAccountInformation();
    expect(account.assets.map((a) => a.asset)).toEqual(expect.arrayContaining(['BTC', 'ETH']));
    await expectBinanceLeverageAndModes(client, symbol);
  });

  test('limit, market and reduce-only orders in contracts; modify, cancel, open orders, positions', async () => {
    const { client } = local;
    // The package types COIN-M's positionRisk loosely; it takes a pair, and lists every symbol of it.
    const positions = async () =>
      (await client.getPositions({ pair: 'ETHUSD' } as Parameters<
        CoinMClient['getPositions']
      >[0])) as unknown as PositionRow[];
    await runBinanceOrderWorkflow(client, {
      symbol,
      priceDecimals: 2,
      quantityDecimals: 0,
      limitQuantity: 2,
      modifiedQuantity: 3,
      positionQuantity: 4,
      expectLimit: (limit) => expect(limit).toMatchObject({ pair: 'ETHUSD', cumBase: '0' }),
      expectShort: async (market) => {
        // cumBase: 4 contracts of 10 USD, in ETH at the fill prices (the package types COIN-M's order
        // result as USD-M's, with `cumQuote`).
        const { cumBase } = market as unknown as { cumBase: string };
        expect(Number(cumBase)).toBeCloseTo(40 / Number(market.avgPrice), 6);
        expect((await positions()).find((p) => p.symbol === symbol)).toMatchObject({ positionAmt: '-4' });
      },
      expectFlat: async () =>
        expect((await positions()).find((p) => p.symbol === symbol)).toMatchObject({ positionAmt: '0' }),
      expectTrades: (trades) =>
        expect(trades.at(-1)).toMatchObject({ pair: 'ETHUSD', marginAsset: 'ETH', commissionAsset: 'ETH' }),
    });
  });

  test('a STOP_MARKET order through POST /dapi/v1/order', async () => {
    const { client } = local;
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
    const { client } = local;
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
    await expectBinanceRejection(client.cancelAlgoOrder({ algoId: stop.algoId }), -2011);
  });

  test("Binance's error codes come back as Binance sends them", async () => {
    const { client } = local;
    await expectBinanceRejection(client.get24hrChangeStatistics({ symbol: 'NOPEUSD_PERP' }), -1121);
    await expectBinanceRejection(
      client.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 1.5 }),
      -1111,
    );
    // -2019, -1022, -1021; the poor account's 0.01 ETH cannot margin 1000 contracts.
    await expectBinanceSignedRequestErrors(local, CoinMClient, {
      poorBalances: { ETH: '0.01' },
      overspend: (poor) => poor.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 1000 }),
      signedRead: (client) => client.getBalance(),
    });
  });
});

describe('binance WebsocketClient and WebsocketAPIClient on COIN-M', () => {
  test('market streams and the user stream under /dstream, orders on /ws-dapi/v1', async () => {
    const { client, exchange, endpoints } = local;
    // `streamsUrl` is the host part of every COIN-M wsKey: the client appends `/stream` (market) and
    // `/ws/<listenKey>` (user data), so COIN-M's streams need `/dstream` in it. The WS API client
    // appends `/ws-dapi/v1` itself and takes the bare host.
    const sockets = openBinanceSockets({
      credentials: local.credentials,
      restUrl: endpoints.restUrl,
      streamsUrl: endpoints.coinm!.wsUrl,
      apiUrl: endpoints.wsUrl,
    });
    const { ws, wsApi, messages } = sockets;
    try {
      await settle(ws.subscribeDiffBookDepth('BTCUSD_PERP', 100, 'coinm'), 'depth subscription');
      await settle(ws.subscribeMarkPrice('BTCUSD_PERP', 'coinm', 1000), 'mark subscription');
      await settle(ws.subscribeKlines('BTCUSD_PERP', '1m', 'coinm'), 'kline subscription');
      await settle(ws.subscribeAggregateTrades('BTCUSD_PERP', 'coinm'), 'aggTrade subscription');
      await untilEvents(messages, ['depthUpdate', 'markPriceUpdate', 'kline', 'aggTrade']);
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

      await openUserDataStream(
        () => ws.subscribeCoinFuturesUserDataStream(),
        () => exchange.webSockets.stats().listenKeys,
      );
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
      const update = await untilOrderUpdate(messages, placed.orderId);
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

      const wsOrder = await settle(
        wsApi.submitNewFuturesOrder('coinm', {
          symbol,
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'GTC',
          quantity: '1',
          price: price.toFixed(2),
          timestamp: Date.now(),
        }),
        'submitNewFuturesOrder',
      );
      expect(wsOrder.status).toBe(200);
      expect(wsOrder.result).toMatchObject({ symbol, status: 'NEW', price: price.toFixed(2), origQty: '1' });
      await untilOrderUpdate(messages, wsOrder.result.orderId, 'ORDER_TRADE_UPDATE of the WS API order');
      const balances = await settle(
        wsApi.getFuturesAccountBalance('coinm', { timestamp: Date.now() }),
        'balance',
      );
      expect(balances.result.map((b: { asset: string }) => b.asset)).toEqual(
        expect.arrayContaining(['BTC', 'ETH']),
      );
      await client.cancelAllOpenOrders({ symbol });
    } finally {
      await sockets.close();
    }
  });
});
