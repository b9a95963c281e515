import ccxt from 'ccxt';
import { describe, expect, test } from 'vitest';
import {
  ccxtRestClient,
  expectCcxtBookAndCandles,
  expectCcxtMarginAndPositionModes,
  expectCcxtRejection,
  expectCcxtSignedRequestErrors,
  runCcxtOrderWorkflow,
} from './ccxtChecks.testing.js';
import { makeCcxtUsdm } from './ccxtSetup.js';
import { priceOnTick, useClientExchange } from './testing.js';

// ccxt's binanceusdm, unchanged but for its URLs, runs a full trading workflow against the local
// exchange over loopback HTTP, and gets Binance's errors as ccxt's typed exceptions.

const local = useClientExchange(11, ccxtRestClient(makeCcxtUsdm));
const SYMBOL = 'BTC/USDT:USDT';

describe('ccxt binanceusdm against the local exchange', () => {
  test('markets, ticker, order book and klines', async () => {
    const { client } = local;
    expect(client.markets[SYMBOL]).toMatchObject({ linear: true, swap: true, settle: 'USDT', active: true });
    expect(client.markets[SYMBOL].precision).toMatchObject({ price: 0.1, amount: 0.001 });
    expect(client.markets[SYMBOL].limits.cost.min).toBe(100);
    const ticker = await client.fetchTicker(SYMBOL);
    expect(ticker.last).toBeGreaterThan(10_000);
    await expectCcxtBookAndCandles(client, SYMBOL);
    const funding = await client.fetchFundingRate(SYMBOL);
    expect(funding.markPrice).toBeGreaterThan(0);
  });

  test('balance, leverage, margin type and position mode', async () => {
    const { client } = local;
    const balance = await client.fetchBalance();
    expect(balance.USDT.total).toBeGreaterThan(0);
    expect(balance.USDT.free).toBeGreaterThan(0);
    await client.setLeverage(10, SYMBOL);
    await expectCcxtMarginAndPositionModes(client, SYMBOL);
  });

  test('limit, market and reduce-only orders; modify, cancel, open orders, positions, trades', async () => {
    await runCcxtOrderWorkflow(local.client, {
      symbol: SYMBOL,
      priceDecimals: 1,
      limitAmount: 0.01,
      editedAmount: 0.02,
      positionAmount: 0.005,
    });
  });

  test('a conditional order goes through the algo endpoints', async () => {
    const { client } = local;
    const ticker = await client.fetchTicker(SYMBOL);
    const trigger = priceOnTick(ticker.last, 0.9, 1);
    const stop = await client.createOrder(SYMBOL, 'market', 'sell', 0.01, undefined, {
      stopPrice: trigger,
      reduceOnly: false,
    });
    expect(stop.id).toBeDefined();
    const open = await client.fetchOpenOrders(SYMBOL, undefined, undefined, { trigger: true });
    expect(open.map((o: { id: string }) => o.id)).toContain(stop.id);
    await client.cancelOrder(stop.id, SYMBOL, { trigger: true });
    const remaining = await client.fetchOpenOrders(SYMBOL, undefined, undefined, { trigger: true });
    expect(remaining).toHaveLength(0);
  });

  test("Binance's errors arrive as ccxt's typed exceptions", async () => {
    const { client } = local;
    // -1121 invalid symbol
    await expectCcxtRejection(client.fapiPublicGetTicker24hr({ symbol: 'NOPEUSDT' }), -1121, ccxt.BadSymbol);
    // -1111 precision
    await expectCcxtRejection(
      client.fapiPrivatePostOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.0001234' }),
      -1111,
    );
    // -4164 min notional
    const ticker = await client.fetchTicker(SYMBOL);
    await expectCcxtRejection(
      client.createOrder(SYMBOL, 'limit', 'buy', 0.001, priceOnTick(ticker.last, 0.95, 1)),
      -4164,
      ccxt.InvalidOrder,
    );
    // -2019, -1022, -1021; the poor account's 50 USDT cannot margin 1 BTC.
    await expectCcxtSignedRequestErrors(local, { USDT: '50' }, (poor) =>
      poor.createOrder(SYMBOL, 'market', 'buy', 1),
    );
  });
});
