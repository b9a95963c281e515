import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createExchange, type Exchange, type ExchangeEndpoints } from '../createExchange.js';
import { makeCcxtUsdm } from './ccxtSetup.js';

// ccxt's binanceusdm, unchanged but for its URLs, runs a full trading workflow against the local
// exchange over loopback HTTP, and gets Binance's errors as ccxt's typed exceptions.

let exchange: Exchange;
let endpoints: ExchangeEndpoints;
// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
let client: any;
const SYMBOL = 'BTC/USDT:USDT';

beforeAll(async () => {
  exchange = createExchange({ seed: 11, synthetic: { backfillMinutes: 120 } });
  endpoints = await exchange.listen();
  const account = exchange.defaultAccount!;
  client = makeCcxtUsdm(endpoints.restUrl, { apiKey: account.apiKey, secret: account.apiSecret });
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

describe('ccxt binanceusdm against the local exchange', () => {
  test('markets, ticker, order book and klines', async () => {
    expect(client.markets[SYMBOL]).toMatchObject({ linear: true, swap: true, settle: 'USDT', active: true });
    expect(client.markets[SYMBOL].precision).toMatchObject({ price: 0.1, amount: 0.001 });
    expect(client.markets[SYMBOL].limits.cost.min).toBe(100);
    const ticker = await client.fetchTicker(SYMBOL);
    expect(ticker.last).toBeGreaterThan(10_000);
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
    const funding = await client.fetchFundingRate(SYMBOL);
    expect(funding.markPrice).toBeGreaterThan(0);
  });

  test('balance, leverage, margin type and position mode', async () => {
    const balance = await client.fetchBalance();
    expect(balance.USDT.total).toBeGreaterThan(0);
    expect(balance.USDT.free).toBeGreaterThan(0);
    await client.setLeverage(10, SYMBOL);
    await client.setMarginMode('isolated', SYMBOL);
    await client.setMarginMode('cross', SYMBOL);
    await client.setPositionMode(true);
    expect((await client.fetchPositionMode(SYMBOL)).hedged).toBe(true);
    await client.setPositionMode(false);
    expect((await client.fetchPositionMode(SYMBOL)).hedged).toBe(false);
  });

  test('limit, market and reduce-only orders; modify, cancel, open orders, positions, trades', async () => {
    const book = await client.fetchOrderBook(SYMBOL, 5);
    const bid = book.bids[0][0];
    const limit = await client.createOrder(SYMBOL, 'limit', 'buy', 0.01, Math.round(bid * 0.98 * 10) / 10);
    expect(limit.status).toBe('open');
    expect(limit.id).toBeDefined();
    const edited = await client.editOrder(
      limit.id,
      SYMBOL,
      'limit',
      'buy',
      0.02,
      Math.round(bid * 0.97 * 10) / 10,
    );
    expect(edited.amount).toBe(0.02);
    const openOrders = await client.fetchOpenOrders(SYMBOL);
    expect(openOrders.map((o: { id: string }) => o.id)).toContain(limit.id);
    const fetched = await client.fetchOrder(limit.id, SYMBOL);
    expect(fetched.amount).toBe(0.02);
    const canceled = await client.cancelOrder(limit.id, SYMBOL);
    expect(canceled.status).toBe('canceled');

    const market = await client.createOrder(SYMBOL, 'market', 'buy', 0.005);
    expect(market.status).toBe('closed');
    expect(market.filled).toBe(0.005);
    expect(market.average).toBeGreaterThan(0);
    const positions = await client.fetchPositions([SYMBOL]);
    const long = positions.find((p: { symbol: string }) => p.symbol === SYMBOL);
    expect(long).toMatchObject({ side: 'long', contracts: 0.005 });
    const closed = await client.createOrder(SYMBOL, 'market', 'sell', 0.005, undefined, { reduceOnly: true });
    expect(closed.status).toBe('closed');
    const after = await client.fetchPositions([SYMBOL]);
    expect(
      after.filter((p: { symbol: string; contracts: number }) => p.symbol === SYMBOL && p.contracts > 0),
    ).toHaveLength(0);
    const trades = await client.fetchMyTrades(SYMBOL);
    expect(trades.length).toBeGreaterThanOrEqual(2);
    const reduceOnlyAgain = await rejection(
      client.createOrder(SYMBOL, 'market', 'sell', 0.005, undefined, { reduceOnly: true }),
    );
    expect(reduceOnlyAgain).toBeInstanceOf(ccxt.InvalidOrder);
  });

  test('a conditional order goes through the algo endpoints', async () => {
    const ticker = await client.fetchTicker(SYMBOL);
    const trigger = Math.round(ticker.last * 0.9 * 10) / 10;
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
    // -1121 invalid symbol
    const badSymbol = await rejection(client.fapiPublicGetTicker24hr({ symbol: 'NOPEUSDT' }));
    expect(badSymbol).toBeInstanceOf(ccxt.BadSymbol);
    expect(badSymbol.message).toContain('-1121');
    // -1111 precision
    const precision = await rejection(
      client.fapiPrivatePostOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.0001234' }),
    );
    expect(precision.message).toContain('-1111');
    // -4164 min notional
    const ticker = await client.fetchTicker(SYMBOL);
    const notional = await rejection(
      client.createOrder(SYMBOL, 'limit', 'buy', 0.001, Math.round(ticker.last * 0.95 * 10) / 10),
    );
    expect(notional).toBeInstanceOf(ccxt.InvalidOrder);
    expect(notional.message).toContain('-4164');
    // -2019 margin insufficient: a small account asks for a large position
    const small = exchange.admin({ kind: 'createAccount', balances: { USDT: '50' } });
    if (small.kind !== 'account') throw new Error('no account');
    const poor = makeCcxtUsdm(endpoints.restUrl, {
      apiKey: small.keys[0]!.apiKey,
      secret: small.keys[0]!.apiSecret!,
    });
    await poor.loadMarkets();
    const margin = await rejection(poor.createOrder(SYMBOL, 'market', 'buy', 1));
    expect(margin).toBeInstanceOf(ccxt.InsufficientFunds);
    expect(margin.message).toContain('-2019');
    // -1022 bad signature
    const forged = makeCcxtUsdm(endpoints.restUrl, {
      apiKey: exchange.defaultAccount!.apiKey,
      secret: 'not-the-secret',
    });
    await forged.loadMarkets();
    const signature = await rejection(forged.fetchBalance());
    expect(signature).toBeInstanceOf(ccxt.AuthenticationError);
    expect(signature.message).toContain('-1022');
    // -1021 timestamp outside recvWindow: a client whose clock is a minute behind
    const late = makeCcxtUsdm(endpoints.restUrl, {
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
