import { Decimal, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createExchange } from '../../createExchange.js';
import { signedRequest } from '../../testing/signedRequest.js';
import { closeAll, rest, send, startTrading, T0 } from './trade/testing.js';

afterEach(closeAll);

const DAY = 86_400_000;

describe('COIN-M error codes, answered by the /dapi transport', () => {
  test('behavior: account endpoints answer COIN-M’s INVALID_TIME_INTERVAL (-4088, full stop); USD-M keeps -4165', () => {
    const f = startTrading();
    const window = (days: number) => ({ startTime: T0 - (days + 1) * DAY, endTime: T0 });
    expect(send(f, 'GET', '/dapi/v1/income', window(365)).body).toEqual({
      code: -4088,
      msg: 'Maximum time interval is 365 days.',
    });
    for (const [path, days] of [
      ['/v1/userTrades', 7],
      ['/v1/positionMargin/history', 30],
    ] as const) {
      expect(send(f, 'GET', `/dapi${path}`, { symbol: 'BTCUSD_PERP', ...window(days) }).body, path).toEqual({
        code: -4088,
        msg: `Maximum time interval is ${days} days.`,
      });
      expect(send(f, 'GET', `/fapi${path}`, { symbol: 'BTCUSDT', ...window(days) }).body, path).toEqual({
        code: -4165,
        msg: `Maximum time interval is ${days} days`,
      });
    }
  });

  test('behavior: order rejections, batch items included, carry COIN-M’s numbers', () => {
    const f = startTrading();
    rest(f, 'BTCUSD_PERP', 'BUY', '10', '49000');
    const order = send<{ orderId: number }>(f, 'POST', '/dapi/v1/order', {
      symbol: 'BTCUSD_PERP',
      side: 'SELL',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '1',
      price: '51000',
    }).body;
    const same = { symbol: 'BTCUSD_PERP', orderId: String(order.orderId), quantity: '1', price: '51000' };
    // USD-M's -5027 SAME_ORDER is COIN-M's -4197.
    expect(send(f, 'PUT', '/dapi/v1/order', { ...same, side: 'SELL' }).body).toEqual({
      code: -4197,
      msg: 'No need to modify the order.',
    });
    const batch = send<unknown[]>(f, 'PUT', '/dapi/v1/batchOrders', {
      batchOrders: JSON.stringify([{ ...same, side: 'SELL' }]),
    });
    expect(batch.body).toEqual([{ code: -4197, msg: 'No need to modify the order.' }]);
    // A code both products share keeps its number.
    expect(send(f, 'GET', '/dapi/v1/order', { symbol: 'BTCUSD_PERP', orderId: '999999' }).body).toEqual({
      code: -2013,
      msg: 'Order does not exist.',
    });
  });
});

describe('ORDERS counters by product', () => {
  test('behavior: USD-M order responses report the 10-second and minute counts, COIN-M only the minute', () => {
    const f = startTrading();
    f.exchange.venue.market('BTCUSDT').markPrice = Decimal.parse('50000');
    const usdm = send(f, 'POST', '/fapi/v1/order', {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.01',
      price: '49000',
    });
    expect(usdm.status).toBe(200);
    expect(usdm.headers).toMatchObject({ 'x-mbx-order-count-10s': '1', 'x-mbx-order-count-1m': '1' });
    for (const count of ['1', '2']) {
      const coinm = send(f, 'POST', '/dapi/v1/order', {
        symbol: 'BTCUSD_PERP',
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: '1',
        price: '49000',
      });
      expect(coinm.status).toBe(200);
      expect(coinm.headers['x-mbx-order-count-1m']).toBe(count);
      expect(coinm.headers).not.toHaveProperty('x-mbx-order-count-10s');
    }
  });

  test('behavior: COIN-M keeps no 10-second counter even when the exchange’s limits set one', async () => {
    const exchange = createExchange({
      clock: new VirtualClock(T0),
      marketData: 'none',
      rateLimits: { ordersPer10Seconds: 1 },
    });
    try {
      exchange.venue.market('BTCUSDT').markPrice = Decimal.parse('50000');
      exchange.coinm!.market('BTCUSD_PERP').markPrice = Decimal.parse('50000');
      const order = (path: string, symbol: string, quantity: string) =>
        exchange.handle(
          signedRequest(
            'POST',
            path,
            { symbol, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity, price: '49000' },
            exchange.defaultAccount!,
            { timestamp: T0 },
          ),
        );
      expect(order('/fapi/v1/order', 'BTCUSDT', '0.01').status).toBe(200);
      expect(order('/fapi/v1/order', 'BTCUSDT', '0.01').status).toBe(429);
      for (const count of ['1', '2']) {
        const coinm = order('/dapi/v1/order', 'BTCUSD_PERP', '1');
        expect(coinm.status).toBe(200);
        expect(coinm.headers['x-mbx-order-count-1m']).toBe(count);
        expect(coinm.headers).not.toHaveProperty('x-mbx-order-count-10s');
      }
    } finally {
      await exchange.close();
    }
  });
});
