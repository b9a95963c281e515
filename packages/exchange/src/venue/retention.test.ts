import { parseJson, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createExchange, type Exchange } from '../createExchange.js';
import { signedRequest, type TestCredentials } from '../testing/signedRequest.js';
import { RETENTION_MS, RETENTION_STEP_MS } from './retention.js';

const T0 = Date.UTC(2026, 0, 5, 10, 30, 0);
const HOUR = 3_600_000;
const open: Exchange[] = [];
afterEach(async () => {
  for (const exchange of open.splice(0)) await exchange.close();
});

/** An exchange on a virtual clock, with a quiet market and a driver that ticks hourly (fast jumps). */
function start(history?: { readonly recordsPerAccount: number }) {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({
    clock,
    marketData: 'none',
    tickMs: HOUR,
    ...(history && { history, rateLimits: { enabled: false } }),
  });
  open.push(exchange);
  const seller = exchange.admin({
    kind: 'createAccount',
    balances: { USDT: '1000000' },
    keys: [{ type: 'HMAC' }],
  });
  if (seller.kind !== 'account' || seller.keys[0]?.apiSecret === undefined) throw new Error('no seller');
  const sellerKey: TestCredentials = { apiKey: seller.keys[0].apiKey, apiSecret: seller.keys[0].apiSecret };
  const call = <T>(method: string, path: string, params: Record<string, string>, key: TestCredentials) => {
    const response = exchange.handle(signedRequest(method, path, params, key, { timestamp: clock.now() }));
    return { status: response.status, json: parseJson(response.body) as T };
  };
  /**
   * Moves the venue and the clock to `time` without simulating the gap, then two hours on: past the
   * next whole hour (retention runs) and past the next hourly driver tick (the venue catches up).
   */
  const jumpPastRetention = (time: number) => {
    exchange.admin({ kind: 'jump', time });
    clock.advanceTo(time + 2 * RETENTION_STEP_MS);
  };
  return { exchange, clock, trader: exchange.defaultAccount!, sellerKey, call, jumpPastRetention };
}

type Order = { orderId: number; status: string; code?: number };

describe('history retention', () => {
  test("default: unfilled canceled orders go after 3 days, filled ones after 90, fills after 6 months, as Binance's", () => {
    const { exchange, trader, sellerKey, call, jumpPastRetention } = start();
    // An order canceled without a fill, and one filled against the seller.
    const resting = call<Order>(
      'POST',
      '/fapi/v1/order',
      {
        symbol: 'BTCUSDT',
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: '0.010',
        price: '90000',
      },
      trader,
    ).json;
    expect(
      call<Order>('DELETE', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: String(resting.orderId) }, trader)
        .json,
    ).toMatchObject({ status: 'CANCELED' });
    const ask = {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.010',
      price: '96000',
    };
    expect(call<Order>('POST', '/fapi/v1/order', ask, sellerKey).status).toBe(200);
    const filled = call<Order>(
      'POST',
      '/fapi/v1/order',
      { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.010', newOrderRespType: 'RESULT' },
      trader,
    ).json;
    expect(filled.status).toBe('FILLED');
    const account = exchange.venue.accounts.get(trader.accountId)!;
    expect(account.trades).toHaveLength(1);
    expect(account.income.length).toBeGreaterThan(0);
    const query = (orderId: number) =>
      call<Order>('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: String(orderId) }, trader);

    // Just before 3 days both are there; after, the unfilled one is gone, found by neither id.
    jumpPastRetention(T0 + RETENTION_MS.unfilledClosedOrder - 3 * HOUR);
    expect(query(resting.orderId).json.status).toBe('CANCELED');
    jumpPastRetention(T0 + RETENTION_MS.unfilledClosedOrder - HOUR / 2);
    expect(query(resting.orderId)).toMatchObject({ status: 400, json: { code: -2013 } });
    expect(query(filled.orderId).json.status).toBe('FILLED');
    expect([...account.orders.clientIdTargets()]).toHaveLength(1);

    // After 90 days: the filled order and the first day's income are gone; the fill stays for 6 months.
    jumpPastRetention(T0 + RETENTION_MS.closedOrder);
    expect(query(filled.orderId)).toMatchObject({ status: 400, json: { code: -2013 } });
    // Income of the first day is gone; the open position's later funding stays.
    const cutoff = exchange.venue.now - RETENTION_MS.income;
    expect(account.income.some((row) => row.time <= T0 + HOUR)).toBe(false);
    expect(account.income.every((row) => row.time >= cutoff)).toBe(true);
    expect(account.trades).toHaveLength(1);
    jumpPastRetention(T0 + RETENTION_MS.userTrade);
    expect(account.trades).toHaveLength(0);
    expect(account.orders.size).toBe(0);
    expect([...account.orders.clientIdTargets()]).toHaveLength(0);
  });

  test('behavior: open orders are never pruned, however old', () => {
    const { exchange, trader, call, jumpPastRetention } = start();
    const resting = call<Order>(
      'POST',
      '/fapi/v1/order',
      { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.100', price: '3000' },
      trader,
    ).json;
    jumpPastRetention(T0 + RETENTION_MS.userTrade + HOUR);
    const order = call<Order>(
      'GET',
      '/fapi/v1/order',
      { symbol: 'ETHUSDT', orderId: String(resting.orderId) },
      trader,
    );
    expect(order.json.status).toBe('NEW');
    expect(exchange.venue.accounts.get(trader.accountId)!.openOrderCount()).toBe(1);
  });

  test('behavior: past recordsPerAccount the oldest closed orders, fills and income go, open orders stay', () => {
    const limit = 1_000;
    const { exchange, trader, sellerKey, call } = start({ recordsPerAccount: limit });
    const order = (params: Record<string, string>, key: TestCredentials = trader) =>
      call<Order>('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', quantity: '0.001', ...params }, key);
    const query = (orderId: number) =>
      call<Order>('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: String(orderId) }, trader);
    const resting = order({
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      price: '80000',
      quantity: '0.002',
    }).json;
    expect(resting.status).toBe('NEW');
    expect(
      order({ side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', price: '96000', quantity: '5' }, sellerKey)
        .status,
    ).toBe(200);
    // 1,500 buys that each take 0.002 from the seller: an order, a fill and a commission each.
    const ids: number[] = [];
    for (let i = 0; i < 1_500; i++) {
      const taken = order({
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'IOC',
        price: '96000',
        quantity: '0.002',
        newClientOrderId: `take-${i}`,
        newOrderRespType: 'RESULT',
      });
      expect(taken.json).toMatchObject({ status: 'FILLED' });
      ids.push(taken.json.orderId);
    }
    const account = exchange.venue.accounts.get(trader.accountId)!;
    // Bounded: never more than the limit and its slack (an eighth), cut back to the limit.
    for (const kept of [
      account.orders.size,
      [...account.orders.clientIdTargets()].length,
      account.trades.length,
      account.income.length,
    ])
      expect(kept).toBeLessThanOrEqual(limit + limit / 8);
    expect(account.trades.length).toBeGreaterThanOrEqual(limit);
    // The newest are kept, in order; the oldest are gone, found by neither id.
    expect(Number(account.trades.at(-1)!.orderId)).toBe(ids.at(-1));
    expect(account.trades.map((t) => Number(t.orderId))).toEqual(ids.slice(-account.trades.length));
    expect(query(ids.at(-1)!).json.status).toBe('FILLED');
    expect(query(ids[0]!)).toMatchObject({ status: 400, json: { code: -2013 } });
    const byClientId = call<Order>(
      'GET',
      '/fapi/v1/order',
      { symbol: 'BTCUSDT', origClientOrderId: 'take-0' },
      trader,
    );
    expect(byClientId.json.code).toBe(-2013);
    // The open order, the oldest of all, stays.
    expect(query(resting.orderId).json.status).toBe('NEW');
    expect(account.openOrderCount()).toBe(1);
    // userTrades answers from what is kept.
    const trades = call<{ orderId: number }[]>(
      'GET',
      '/fapi/v1/userTrades',
      { symbol: 'BTCUSDT', limit: '1000' },
      trader,
    );
    expect(trades.json.at(-1)!.orderId).toBe(ids.at(-1));
  });
});
