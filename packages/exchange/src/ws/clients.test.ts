import { parseJson } from '@basis/core';
import { USDMClient, WebsocketAPIClient, WebsocketClient } from 'binance';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publicRequest } from '../testing/signedRequest.js';
import { pause, startTestExchange, type TestExchange, within } from './testing.js';

// ccxt.pro and the `binance` package's WebsocketClient / WebsocketAPIClient, unchanged but for their
// URLs, against the local exchange on loopback with the live clock.

const WAIT = 10_000;
let t: TestExchange;

beforeAll(async () => {
  t = await startTestExchange({ seed: 21 });
});

afterAll(async () => {
  await t.close();
});

type Tree = string | number | boolean | null | undefined | Tree[] | { [key: string]: Tree };

/** Rewrites every http(s)/ws(s) URL of a ccxt URL tree to the local exchange (client-recipes §2.1). */
function localize(tree: Tree, httpBase: string, wsBase: string): Tree {
  if (typeof tree === 'string') {
    const m = tree.match(/^(https?|wss?):\/\/[^/]+(\/.*)?$/);
    return m === null ? tree : (m[1]!.startsWith('ws') ? wsBase : httpBase) + (m[2] ?? '');
  }
  if (Array.isArray(tree)) return tree.map((x) => localize(x, httpBase, wsBase));
  if (tree !== null && typeof tree === 'object') {
    const out: { [key: string]: Tree } = {};
    for (const [k, v] of Object.entries(tree)) out[k] = localize(v, httpBase, wsBase);
    return out;
  }
  return tree;
}

// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
async function makePro(): Promise<any> {
  const account = t.exchange.defaultAccount!;
  const exchange = new ccxt.pro.binanceusdm({
    apiKey: account.apiKey,
    secret: account.apiSecret,
    enableRateLimit: false,
    options: {
      fetchCurrencies: false,
      fetchMargins: false,
      fetchMarkets: { types: ['linear'] },
      defaultType: 'swap',
      adjustForTimeDifference: false,
      fetchOpenOrders: { warnWithoutSymbol: false },
      warnOnFetchOpenOrdersWithoutSymbol: false,
    },
  });
  exchange.urls['api'] = localize(
    exchange.urls['api'] as Tree,
    t.restUrl,
    t.wsUrl,
  ) as typeof exchange.urls.api;
  await exchange.loadHttpProxyAgent();
  await settle(exchange.loadMarkets(), 'loadMarkets');
  return exchange;
}

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

interface RestDepth {
  lastUpdateId: number;
  bids: [string, string][];
  asks: [string, string][];
}

describe('ccxt.pro binanceusdm', () => {
  const SYMBOL = 'BTC/USDT:USDT';

  test('default: watchOrderBook syncs snapshot and diffs and matches REST at the same update id', async () => {
    const exchange = await makePro();
    try {
      let matched = 0;
      let lastNonce = 0;
      for (let i = 0; i < 40 && matched < 3; i++) {
        const book = await settle(exchange.watchOrderBook(SYMBOL), 'watchOrderBook');
        expect(book.nonce).toBeGreaterThanOrEqual(lastNonce);
        lastNonce = book.nonce;
        expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]);
        const rest = parseJson(
          t.exchange.handle(publicRequest('GET', '/fapi/v1/depth', { symbol: 'BTCUSDT', limit: 20 })).body,
        ) as RestDepth;
        // Between an event and this check the book may have moved on; compare when it has not.
        if (rest.lastUpdateId !== book.nonce) continue;
        expect(book.bids.slice(0, 20)).toEqual(rest.bids.map(([p, q]) => [Number(p), Number(q)]));
        expect(book.asks.slice(0, 20)).toEqual(rest.asks.map(([p, q]) => [Number(p), Number(q)]));
        matched += 1;
      }
      expect(matched).toBeGreaterThan(0);
    } finally {
      await exchange.close();
    }
  });

  test('behavior: watchTrades, watchTicker, watchOHLCV and watchMarkPrice', async () => {
    const exchange = await makePro();
    try {
      const trades = await settle(exchange.watchTrades(SYMBOL), 'watchTrades');
      expect(trades[0]).toMatchObject({ symbol: SYMBOL });
      expect(trades[0].price).toBeGreaterThan(0);
      expect(trades[0].id).toBeDefined();
      const ticker = await settle(exchange.watchTicker(SYMBOL), 'watchTicker');
      expect(ticker.symbol).toBe(SYMBOL);
      expect(ticker.last).toBeGreaterThan(0);
      const candles = await settle(exchange.watchOHLCV(SYMBOL, '1m'), 'watchOHLCV');
      const [time, o, h, l, c] = candles.at(-1);
      expect(time % 60_000).toBe(0);
      expect(h).toBeGreaterThanOrEqual(Math.max(o, c));
      expect(l).toBeLessThanOrEqual(Math.min(o, c));
      const mark = await settle(exchange.watchMarkPrice(SYMBOL), 'watchMarkPrice');
      expect(mark.markPrice).toBeGreaterThan(0);
      const bidsAsks = await settle(exchange.watchBidsAsks([SYMBOL]), 'watchBidsAsks');
      expect(bidsAsks[SYMBOL].bid).toBeLessThan(bidsAsks[SYMBOL].ask);
    } finally {
      await exchange.close();
    }
  });

  test('behavior: watchOrders, watchBalance and watchPositions on the user stream; createOrderWs on the WS API', async () => {
    const exchange = await makePro();
    try {
      const keysBefore = t.ws.stats().listenKeys;
      const orders = exchange.watchOrders(SYMBOL);
      await until(() => t.ws.stats().listenKeys > keysBefore, 'the user-data stream');
      const book = await settle(exchange.fetchOrderBook(SYMBOL, 5), 'fetchOrderBook');
      const price = Math.round(book.bids[0][0] * 0.98 * 10) / 10;
      const placed = await settle(exchange.createOrder(SYMBOL, 'limit', 'buy', 0.01, price), 'createOrder');
      const seen = await settle(orders, 'watchOrders');
      expect(seen.map((o: { id: string }) => o.id)).toContain(placed.id);
      expect(seen.find((o: { id: string }) => o.id === placed.id)).toMatchObject({
        status: 'open',
        price,
        amount: 0.01,
      });
      const balance = exchange.watchBalance();
      const positions = exchange.watchPositions([SYMBOL]);
      await pause(100);
      await settle(exchange.createOrder(SYMBOL, 'market', 'buy', 0.01), 'market order');
      const balances = await settle(balance, 'watchBalance');
      expect(balances.USDT.total).toBeGreaterThan(0);
      const held = await settle(positions, 'watchPositions');
      expect(held.find((p: { symbol: string }) => p.symbol === SYMBOL)?.contracts).toBeGreaterThan(0);
      const wsOrder = await settle(
        exchange.createOrderWs(SYMBOL, 'limit', 'buy', 0.01, price),
        'createOrderWs',
      );
      expect(wsOrder).toMatchObject({ symbol: SYMBOL, status: 'open', price });
      const canceled = await settle(exchange.cancelOrderWs(wsOrder.id, SYMBOL), 'cancelOrderWs');
      expect(canceled.status).toBe('canceled');
      await settle(exchange.cancelOrder(placed.id, SYMBOL), 'cancelOrder');
      await settle(
        exchange.createOrder(SYMBOL, 'market', 'sell', 0.01, undefined, { reduceOnly: true }),
        'close',
      );
    } finally {
      await exchange.close();
    }
  });
});

describe('binance WebsocketClient and WebsocketAPIClient', () => {
  const silent = { trace: () => {}, info: () => {}, error: () => {} };

  test('default: market streams on /public and /market, the user stream, and the WS API', async () => {
    const account = t.exchange.defaultAccount!;
    const keys = { api_key: account.apiKey, api_secret: account.apiSecret };
    const rest = new USDMClient({ ...keys, baseUrl: t.restUrl });
    const ws = new WebsocketClient({ ...keys, wsUrl: t.wsUrl, restOptions: { baseUrl: t.restUrl } }, silent);
    const wsApi = new WebsocketAPIClient(
      { ...keys, wsUrl: t.wsUrl, restOptions: { baseUrl: t.restUrl } },
      silent,
    );
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (message) => messages.push(message as unknown as Record<string, unknown>));
    try {
      await within(ws.subscribeDiffBookDepth('BTCUSDT', 100, 'usdm'), WAIT, 'depth subscription');
      await within(ws.subscribeMarkPrice('BTCUSDT', 'usdm', 1000), WAIT, 'mark subscription');
      await within(ws.subscribeKlines('BTCUSDT', '1m', 'usdm'), WAIT, 'kline subscription');
      await until(
        () => ['depthUpdate', 'markPriceUpdate', 'kline'].every((e) => messages.some((m) => m.e === e)),
        'depth, mark price and kline events',
      );
      const depth = messages.find((m) => m.e === 'depthUpdate')!;
      expect(depth).toMatchObject({ s: 'BTCUSDT', wsKey: 'usdmPublic' });
      expect(messages.find((m) => m.e === 'markPriceUpdate')).toMatchObject({ wsKey: 'usdmMarket' });

      const keysBefore = t.ws.stats().listenKeys;
      await within(ws.subscribeUsdFuturesUserDataStream(), WAIT, 'user data subscription');
      await until(() => t.ws.stats().listenKeys > keysBefore, 'the user-data connection');
      const book = await rest.getOrderBook({ symbol: 'ETHUSDT', limit: 5 });
      const price = (Number(book.bids[0]![0]) * 0.97).toFixed(2);
      const placed = await rest.submitNewOrder({
        symbol: 'ETHUSDT',
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: 0.1,
        price: Number(price),
      });
      await until(
        () =>
          messages.some((m) => m.e === 'ORDER_TRADE_UPDATE' && (m.o as { i: number }).i === placed.orderId),
        'ORDER_TRADE_UPDATE',
      );

      const wsOrder = await within(
        wsApi.submitNewFuturesOrder('usdm', {
          symbol: 'ETHUSDT',
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'GTC',
          quantity: '0.1',
          price,
          timestamp: Date.now(),
        }),
        WAIT,
        'submitNewFuturesOrder',
      );
      expect(wsOrder.status).toBe(200);
      expect(wsOrder.result).toMatchObject({ symbol: 'ETHUSDT', status: 'NEW', price });
      await until(
        () =>
          messages.some(
            (m) => m.e === 'ORDER_TRADE_UPDATE' && (m.o as { i: number }).i === wsOrder.result.orderId,
          ),
        'ORDER_TRADE_UPDATE of the WS API order',
      );
      const wsBook = await within(
        wsApi.getFuturesOrderBook({ symbol: 'BTCUSDT', limit: 5 }),
        WAIT,
        'getFuturesOrderBook',
      );
      expect(wsBook.result.bids).toHaveLength(5);
      const balances = await within(
        wsApi.getFuturesAccountBalanceV2({ timestamp: Date.now() }),
        WAIT,
        'balance',
      );
      expect(balances.result.some((b: { asset: string }) => b.asset === 'USDT')).toBe(true);
      await rest.cancelAllOpenOrders({ symbol: 'ETHUSDT' });
    } finally {
      ws.closeAll(true);
      await within(wsApi.disconnectAll(), WAIT, 'disconnect').catch(() => {});
      wsApi.getWSClient().closeAll(true);
    }
  });
});
