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
function start() {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({ clock, marketData: 'none', tickMs: HOUR });
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
    expect(account.byClientId.size).toBe(1);

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
    expect(account.byClientId.size).toBe(0);
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
});
