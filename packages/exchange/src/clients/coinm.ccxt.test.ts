import ccxt from 'ccxt';
import { describe, expect, test } from 'vitest';
import {
  ccxtRestClient,
  expectCcxtBookAndCandles,
  expectCcxtMarginAndPositionModes,
  expectCcxtProBookMatchesRest,
  expectCcxtProMarketStreams,
  expectCcxtRejection,
  expectCcxtSignedRequestErrors,
  runCcxtOrderWorkflow,
  runCcxtProUserStreamWorkflow,
  settleCcxt,
  withCcxtPro,
} from './ccxtChecks.testing.js';
import { type CcxtClient, makeCcxtCoinm } from './ccxtSetup.js';
import { priceOnTick, until, useClientExchange } from './testing.js';

// ccxt's binancecoinm, unchanged but for its URLs, runs the USD-M client workflow on COIN-M against the
// local exchange over loopback HTTP: inverse markets in contracts, coin balances, Binance's errors as
// ccxt's typed exceptions. ccxt.pro's binancecoinm reads COIN-M's streams under `/dstream/ws` and
// trades on `/ws-dapi/v1`.

const local = useClientExchange(13, ccxtRestClient(makeCcxtCoinm));
const SYMBOL = 'BTC/USD:BTC';

/** A BTCUSD_PERP price a fraction `f` of `price`, on the 0.1 tick. */
function tick(price: number, f: number): number {
  return priceOnTick(price, f, 1);
}

describe('ccxt binancecoinm against the local exchange', () => {
  test('inverse markets, ticker, order book, klines, trades and funding', async () => {
    const { client } = local;
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
    await expectCcxtBookAndCandles(client, SYMBOL);
    const trades = await client.fetchTrades(SYMBOL, undefined, 5);
    expect(trades).toHaveLength(5);
    // An inverse trade's cost is its value in coin: contracts × contract size / price.
    expect(trades[0].cost).toBeCloseTo((trades[0].amount * 100) / trades[0].price, 8);
    const funding = await client.fetchFundingRate(SYMBOL);
    expect(funding.markPrice).toBeGreaterThan(0);
    expect(funding.fundingTimestamp).toBeGreaterThan(funding.timestamp);
  });

  test('coin balances, leverage, margin type and position mode', async () => {
    const { client } = local;
    const balance = await client.fetchBalance();
    expect(balance.BTC).toMatchObject({ total: 10, free: 10 });
    expect(balance.ETH.total).toBe(100);
    expect(balance.USDT).toBeUndefined();
    expect(await client.setLeverage(10, SYMBOL)).toMatchObject({ leverage: 10, symbol: 'BTCUSD_PERP' });
    await expectCcxtMarginAndPositionModes(client, SYMBOL);
  });

  test('limit, market and reduce-only orders in contracts; modify, cancel, open orders, positions, trades', async () => {
    const { client } = local;
    await runCcxtOrderWorkflow(client, {
      symbol: SYMBOL,
      priceDecimals: 1,
      limitAmount: 2,
      editedAmount: 3,
      positionAmount: 5,
      expectLong: async (long, market) => {
        // `cost` is the order's `cumBase`: the coin value of 5 contracts of 100 USD at the average
        // price, each fill's value cut to 8 decimals: below the exact quotient by under a satoshi per
        // fill, and 5 contracts make at most 5 fills.
        const exact = 500 / market.average;
        expect(market.cost).toBeLessThanOrEqual(exact + 1e-12);
        expect(market.cost).toBeGreaterThan(exact - 5e-8);
        expect(long).toMatchObject({ contractSize: 100, leverage: 10 });
        expect(long.notional).toBeCloseTo(500 / long.markPrice, 6);
        expect(long.maintenanceMarginPercentage).toBe(0.004);
        expect(long.info.positionAmt).toBe('5');
        // The entry price is the fills' harmonic mean; the order's avgPrice is the same mean on the
        // tick, taken from `cumBase` cut to 8 decimals.
        expect(long.entryPrice).toBeCloseTo(market.average, 0);
        // ccxt takes a position's side and notional from `notionalValue` (in coin, signed), on the
        // positionRisk and the account rows alike.
        const viaAccount = await client.fetchPositions([SYMBOL], { method: 'account' });
        const accountLong = viaAccount.find((p: { symbol: string }) => p.symbol === SYMBOL);
        expect(accountLong).toMatchObject({ side: 'long', contracts: 5, entryPrice: long.entryPrice });
        expect(accountLong.notional).toBeCloseTo(500 / long.markPrice, 6);
      },
      expectTrades: (trades) => {
        expect(trades.at(-1).fee.currency).toBe('BTC');
      },
    });
  });

  test('a STOP_MARKET order through POST /dapi/v1/order is an open order until canceled', async () => {
    const { client } = local;
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
    const { client } = local;
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
    const { client } = local;
    // -1121 invalid symbol
    await expectCcxtRejection(
      client.dapiPublicGetTicker24hr({ symbol: 'NOPEUSD_PERP' }),
      -1121,
      ccxt.BadSymbol,
    );
    // -1111 precision: contracts are whole
    await expectCcxtRejection(
      client.dapiPrivatePostOrder({ symbol: 'BTCUSD_PERP', side: 'BUY', type: 'MARKET', quantity: '1.5' }),
      -1111,
    );
    // -2019, -1022, -1021; the poor account's 0.001 BTC cannot margin 100 contracts.
    await expectCcxtSignedRequestErrors(local, { BTC: '0.001' }, (poor) =>
      poor.createOrder(SYMBOL, 'market', 'buy', 100),
    );
  });
});

/** Runs `use` with a ccxt.pro binancecoinm of the default account, ready to watch, closed after. */
function withPro(use: (pro: CcxtClient) => Promise<void>): Promise<void> {
  return withCcxtPro(() => makeCcxtCoinm(local.endpoints.restUrl, local.credentials, true), use);
}

describe('ccxt.pro binancecoinm', () => {
  test('urls: streams under /dstream/ws, the WebSocket API at /ws-dapi/v1', async () => {
    await withPro(async (pro) => {
      const { restUrl } = local.endpoints;
      const wsBase = restUrl.replace(/^http/, 'ws');
      expect(pro.urls.api.ws.delivery).toBe(`${wsBase}/dstream/ws`);
      expect(pro.urls.api.ws['ws-api'].delivery).toBe(`${wsBase}/ws-dapi/v1`);
      expect(pro.urls.api.dapiPrivate).toBe(`${restUrl}/dapi/v1`);
    });
  });

  test('watchOrderBook syncs snapshot and diffs and matches REST at the same update id', async () => {
    await withPro(async (pro) => {
      await expectCcxtProBookMatchesRest(pro, local.exchange, SYMBOL, '/dapi/v1/depth');
    });
  });

  test('watchTrades, watchTicker, watchOHLCV, watchMarkPrice and watchBidsAsks', async () => {
    await withPro(async (pro) => {
      await expectCcxtProMarketStreams(pro, SYMBOL, (trade) => {
        // An inverse trade's cost is its value in coin: contracts × contract size / price.
        expect(trade.cost).toBeCloseTo((trade.amount * 100) / trade.price, 8);
      });
    });
  });

  test('watchOrders reports an algo order from ALGO_UPDATE on the COIN-M user stream', async () => {
    await withPro(async (pro) => {
      const listenKeys = () => local.exchange.webSockets.stats().listenKeys;
      const keysBefore = listenKeys();
      const orders = pro.watchOrders(SYMBOL);
      await until(() => listenKeys() > keysBefore, 'the user-data stream');
      const ticker = await settleCcxt(pro.fetchTicker(SYMBOL), 'fetchTicker');
      const stopPrice = tick(ticker.last, 0.9);
      const stop = await settleCcxt(
        pro.createOrder(SYMBOL, 'market', 'sell', 1, undefined, { stopPrice }),
        'createOrder',
      );
      const seen = await settleCcxt(orders, 'watchOrders');
      expect(seen.find((o: { id: string }) => o.id === stop.id)).toMatchObject({
        status: 'open',
        side: 'sell',
        amount: 1,
        triggerPrice: stopPrice,
      });
      expect(seen.find((o: { id: string }) => o.id === stop.id).info.aid).toBe(Number(stop.id));
      await settleCcxt(pro.cancelOrder(stop.id, SYMBOL, { trigger: true }), 'cancelOrder');
    });
  });

  test('watchOrders, watchBalance and watchPositions on the user stream; createOrderWs on the WS API', async () => {
    await withPro(async (pro) => {
      await runCcxtProUserStreamWorkflow(pro, {
        symbol: SYMBOL,
        priceDecimals: 1,
        limitAmount: 2,
        marketAmount: 3,
        wsOrderAmount: 1,
        marginAsset: 'BTC',
        balanceAbove: 9,
        listenKeys: () => local.exchange.webSockets.stats().listenKeys,
        expectLong: (long) => expect(long).toMatchObject({ contractSize: 100 }),
      });
    });
  });
});
