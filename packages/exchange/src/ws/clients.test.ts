import { USDMClient } from 'binance';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openBinanceSockets,
  openUserDataStream,
  untilEvents,
  untilOrderUpdate,
} from '../clients/binanceChecks.testing.js';
import {
  expectCcxtProBookMatchesRest,
  expectCcxtProMarketStreams,
  runCcxtProUserStreamWorkflow,
  withCcxtPro,
} from '../clients/ccxtChecks.testing.js';
import { type CcxtClient, makeCcxtUsdm } from '../clients/ccxtSetup.js';
import { settle } from '../clients/testing.js';
import { startTestExchange, type TestExchange } from './testing.js';

// ccxt.pro and the `binance` package's WebsocketClient / WebsocketAPIClient, unchanged but for their
// URLs, against the local exchange on loopback with the live clock.

let t: TestExchange;

beforeAll(async () => {
  t = await startTestExchange({ seed: 21 });
});

afterAll(async () => {
  await t.close();
});

/** Runs `use` with a ccxt.pro binanceusdm of the default account, ready to watch, closed after. */
function withPro(use: (pro: CcxtClient) => Promise<void>): Promise<void> {
  const account = t.exchange.defaultAccount!;
  const credentials = { apiKey: account.apiKey, secret: account.apiSecret };
  return withCcxtPro(() => makeCcxtUsdm(t.restUrl, credentials, true), use);
}

describe('ccxt.pro binanceusdm', () => {
  const SYMBOL = 'BTC/USDT:USDT';

  test('default: watchOrderBook syncs snapshot and diffs and matches REST at the same update id', async () => {
    await withPro(async (pro) => {
      await expectCcxtProBookMatchesRest(pro, t.exchange, SYMBOL, '/fapi/v1/depth');
    });
  });

  test('behavior: watchTrades, watchTicker, watchOHLCV and watchMarkPrice', async () => {
    await withPro(async (pro) => {
      // The USD-M trade has nothing beyond what every product's trade has.
      await expectCcxtProMarketStreams(pro, SYMBOL, () => {});
    });
  });

  test('behavior: watchOrders, watchBalance and watchPositions on the user stream; createOrderWs on the WS API', async () => {
    await withPro(async (pro) => {
      await runCcxtProUserStreamWorkflow(pro, {
        symbol: SYMBOL,
        priceDecimals: 1,
        limitAmount: 0.01,
        marketAmount: 0.01,
        wsOrderAmount: 0.01,
        marginAsset: 'USDT',
        balanceAbove: 0,
        listenKeys: () => t.ws.stats().listenKeys,
      });
    });
  });
});

describe('binance WebsocketClient and WebsocketAPIClient', () => {
  test('default: market streams on /public and /market, the user stream, and the WS API', async () => {
    const account = t.exchange.defaultAccount!;
    const rest = new USDMClient({
      api_key: account.apiKey,
      api_secret: account.apiSecret,
      baseUrl: t.restUrl,
    });
    const sockets = openBinanceSockets({
      credentials: { apiKey: account.apiKey, secret: account.apiSecret },
      restUrl: t.restUrl,
      streamsUrl: t.wsUrl,
      apiUrl: t.wsUrl,
    });
    const { ws, wsApi, messages } = sockets;
    try {
      await settle(ws.subscribeDiffBookDepth('BTCUSDT', 100, 'usdm'), 'depth subscription');
      await settle(ws.subscribeMarkPrice('BTCUSDT', 'usdm', 1000), 'mark subscription');
      await settle(ws.subscribeKlines('BTCUSDT', '1m', 'usdm'), 'kline subscription');
      await untilEvents(messages, ['depthUpdate', 'markPriceUpdate', 'kline']);
      const depth = messages.find((m) => m.e === 'depthUpdate')!;
      expect(depth).toMatchObject({ s: 'BTCUSDT', wsKey: 'usdmPublic' });
      expect(messages.find((m) => m.e === 'markPriceUpdate')).toMatchObject({ wsKey: 'usdmMarket' });

      await openUserDataStream(
        () => ws.subscribeUsdFuturesUserDataStream(),
        () => t.ws.stats().listenKeys,
      );
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
      await untilOrderUpdate(messages, placed.orderId);

      const wsOrder = await settle(
        wsApi.submitNewFuturesOrder('usdm', {
          symbol: 'ETHUSDT',
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'GTC',
          quantity: '0.1',
          price,
          timestamp: Date.now(),
        }),
        'submitNewFuturesOrder',
      );
      expect(wsOrder.status).toBe(200);
      expect(wsOrder.result).toMatchObject({ symbol: 'ETHUSDT', status: 'NEW', price });
      await untilOrderUpdate(messages, wsOrder.result.orderId, 'ORDER_TRADE_UPDATE of the WS API order');
      const wsBook = await settle(
        wsApi.getFuturesOrderBook({ symbol: 'BTCUSDT', limit: 5 }),
        'getFuturesOrderBook',
      );
      expect(wsBook.result.bids).toHaveLength(5);
      const balances = await settle(wsApi.getFuturesAccountBalanceV2({ timestamp: Date.now() }), 'balance');
      expect(balances.result.some((b: { asset: string }) => b.asset === 'USDT')).toBe(true);
      await rest.cancelAllOpenOrders({ symbol: 'ETHUSDT' });
    } finally {
      await sockets.close();
    }
  });
});
