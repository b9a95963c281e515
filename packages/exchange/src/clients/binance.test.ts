import { USDMClient } from 'binance';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createExchange, type Exchange, type ExchangeEndpoints } from '../createExchange.js';

// The `binance` npm package's USDMClient, unchanged but for its base URL, runs a full trading
// workflow against the local exchange over loopback HTTP and gets Binance's error bodies.

let exchange: Exchange;
let endpoints: ExchangeEndpoints;
let client: USDMClient;
const symbol = 'ETHUSDT';

beforeAll(async () => {
  exchange = createExchange({ seed: 12, synthetic: { backfillMinutes: 120 } });
  endpoints = await exchange.listen();
  const account = exchange.defaultAccount!;
  client = new USDMClient({
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

function roundTo(price: number, tick: number): string {
  return (Math.round(price / tick) * tick).toFixed(2);
}

describe('binance USDMClient against the local exchange', () => {
  test('markets, ticker, order book and klines', async () => {
    const info = await client.getExchangeInfo();
    const eth = info.symbols.find((s) => s.symbol === symbol);
    expect(eth).toMatchObject({ contractType: 'PERPETUAL', marginAsset: 'USDT', status: 'TRADING' });
    const ticker = await client.get24hrChangeStatistics({ symbol });
    expect(Number((ticker as { lastPrice: string }).lastPrice)).toBeGreaterThan(100);
    const book = await client.getOrderBook({ symbol, limit: 10 });
    expect(book.bids).toHaveLength(10);
    expect(Number(book.asks[0]![0])).toBeGreaterThan(Number(book.bids[0]![0]));
    const klines = await client.getKlines({ symbol, interval: '5m', limit: 12 });
    expect(klines).toHaveLength(12);
    const mark = await client.getMarkPrice({ symbol });
    expect(Number((mark as { markPrice: string }).markPrice)).toBeGreaterThan(0);
  });

  test('balance, positions, leverage, margin type and position mode', async () => {
    const balances = await client.getBalanceV3();
    expect(Number(balances.find((b) => b.asset === 'USDT')?.availableBalance)).toBeGreaterThan(0);
    const account = await client.getAccountInformationV3();
    expect(Number(account.totalWalletBalance)).toBeGreaterThan(0);
    expect(await client.setLeverage({ symbol, leverage: 15 })).toMatchObject({ symbol, leverage: 15 });
    expect(await client.setMarginType({ symbol, marginType: 'ISOLATED' })).toMatchObject({ code: 200 });
    expect(await client.setMarginType({ symbol, marginType: 'CROSSED' })).toMatchObject({ code: 200 });
    expect(await client.setPositionMode({ dualSidePosition: 'true' })).toMatchObject({ code: 200 });
    expect((await client.getCurrentPositionMode()).dualSidePosition).toBe(true);
    await client.setPositionMode({ dualSidePosition: 'false' });
    expect(await client.getPositionsV3({ symbol })).toEqual([]);
  });

  test('limit, market and reduce-only orders; modify, cancel, open orders', async () => {
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const bid = Number(book.bids[0]![0]);
    const limit = await client.submitNewOrder({
      symbol,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: 0.1,
      price: Number(roundTo(bid * 0.98, 0.01)),
    });
    expect(limit.status).toBe('NEW');
    const modified = await client.modifyOrder({
      symbol,
      orderId: limit.orderId,
      side: 'BUY',
      quantity: 0.2,
      price: Number(roundTo(bid * 0.97, 0.01)),
    });
    expect(modified.origQty).toBe('0.200');
    const open = await client.getAllOpenOrders({ symbol });
    expect(open.map((o) => o.orderId)).toContain(limit.orderId);
    const canceled = await client.cancelOrder({ symbol, orderId: limit.orderId });
    expect(canceled.status).toBe('CANCELED');

    const market = await client.submitNewOrder({
      symbol,
      side: 'SELL',
      type: 'MARKET',
      quantity: 0.05,
      newOrderRespType: 'RESULT',
    });
    expect(market).toMatchObject({ status: 'FILLED', executedQty: '0.050' });
    const positions = await client.getPositionsV3({ symbol });
    expect(positions[0]).toMatchObject({ symbol, positionAmt: '-0.050' });
    const close = await client.submitNewOrder({
      symbol,
      side: 'BUY',
      type: 'MARKET',
      quantity: 0.05,
      reduceOnly: 'true',
      newOrderRespType: 'RESULT',
    });
    expect(close.status).toBe('FILLED');
    expect(await client.getPositionsV3({ symbol })).toEqual([]);
    const trades = await client.getAccountTrades({ symbol });
    expect(trades.length).toBeGreaterThanOrEqual(2);
  });

  test('a conditional order through the algo endpoints', async () => {
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const ask = Number(book.asks[0]![0]);
    const algo = await client.submitNewAlgoOrder({
      algoType: 'CONDITIONAL',
      symbol,
      side: 'BUY',
      type: 'STOP_MARKET',
      quantity: '0.050',
      triggerPrice: roundTo(ask * 1.05, 0.01),
    } as Parameters<USDMClient['submitNewAlgoOrder']>[0]);
    expect(algo).toMatchObject({ algoStatus: 'NEW', orderType: 'STOP_MARKET', symbol });
    const open = await client.getOpenAlgoOrders({ symbol } as Parameters<USDMClient['getOpenAlgoOrders']>[0]);
    expect(open.map((o: { algoId: unknown }) => o.algoId)).toContain(algo.algoId);
    const canceled = await client.cancelAlgoOrder({ algoId: algo.algoId } as Parameters<
      USDMClient['cancelAlgoOrder']
    >[0]);
    expect(canceled).toMatchObject({ algoId: algo.algoId, code: '200' });
  });

  test("Binance's error codes come back as Binance sends them", async () => {
    expect((await binanceError(client.get24hrChangeStatistics({ symbol: 'NOPEUSDT' }))).code).toBe(-1121);
    expect(
      (
        await binanceError(
          client.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 0.0001234 }),
        )
      ).code,
    ).toBe(-1111);
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const bid = Number(book.bids[0]![0]);
    expect(
      (
        await binanceError(
          client.submitNewOrder({
            symbol,
            side: 'BUY',
            type: 'LIMIT',
            timeInForce: 'GTC',
            quantity: 0.001,
            price: Number(roundTo(bid * 0.99, 0.01)),
          }),
        )
      ).code,
    ).toBe(-4164);
    const small = exchange.admin({ kind: 'createAccount', balances: { USDT: '20' } });
    if (small.kind !== 'account') throw new Error('no account');
    const poor = new USDMClient({
      api_key: small.keys[0]!.apiKey,
      api_secret: small.keys[0]!.apiSecret!,
      baseUrl: endpoints.restUrl,
    });
    expect(
      (await binanceError(poor.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 1 }))).code,
    ).toBe(-2019);
    const forged = new USDMClient({
      api_key: exchange.defaultAccount!.apiKey,
      api_secret: 'wrong',
      baseUrl: endpoints.restUrl,
    });
    expect((await binanceError(forged.getBalanceV3())).code).toBe(-1022);
    const skewed = new USDMClient({
      api_key: exchange.defaultAccount!.apiKey,
      api_secret: exchange.defaultAccount!.apiSecret,
      baseUrl: endpoints.restUrl,
      recvWindow: 1000,
    });
    // The package signs with its own clock; offsetting it 30 s into the past is a skewed machine.
    (skewed as unknown as { timeOffset: number }).timeOffset = -30_000;
    expect((await binanceError(skewed.getBalanceV3())).code).toBe(-1021);
  });
});
