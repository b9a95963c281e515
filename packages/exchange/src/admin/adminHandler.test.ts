import { parseJson, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createExchange, type Exchange } from '../createExchange.js';
import { publicRequest } from '../testing/signedRequest.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const open: Exchange[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

/** An exchange on a virtual clock whose own driver ticks once an hour: only the admin API moves the venues. */
function start(): Exchange {
  const exchange = createExchange({ clock: new VirtualClock(T0), marketData: 'none', tickMs: 3_600_000 });
  open.push(exchange);
  return exchange;
}

function admin<T>(
  exchange: Exchange,
  method: string,
  path: string,
  body?: unknown,
): { status: number; body: T } {
  const response = exchange.handle({
    ...publicRequest(method, path),
    ...(body === undefined ? {} : { rawBody: JSON.stringify(body) }),
  });
  return { status: response.status, body: parseJson(response.body) as T };
}

describe('admin API over both products', () => {
  test('default: POST /admin/clock/advance moves the USD-M and the COIN-M venue', () => {
    const exchange = start();
    const moved = admin<{ time: number }>(exchange, 'POST', '/admin/clock/advance', { ms: 1_234 });
    expect(moved).toEqual({ status: 200, body: { time: T0 + 1_234 } });
    expect(exchange.venue.now).toBe(T0 + 1_234);
    expect(exchange.coinm?.now).toBe(T0 + 1_234);
    // What the COIN-M venue serves follows: its server time is the clock's.
    expect(admin<{ serverTime: number }>(exchange, 'GET', '/dapi/v1/time').body.serverTime).toBe(T0 + 1_234);
  });

  test('behavior: /admin/rate-limits reads and changes both limiters; COIN-M keeps no 10-second counter', () => {
    const exchange = start();
    const before = admin<{ coinm?: unknown }>(exchange, 'GET', '/admin/rate-limits');
    expect(before.status).toBe(200);
    expect(before.body.coinm).toBeDefined();
    const changed = admin<{
      requestWeightPerMinute: number;
      ordersPer10Seconds?: number;
      coinm: { requestWeightPerMinute: number; ordersPer10Seconds?: number };
    }>(exchange, 'POST', '/admin/rate-limits', { requestWeightPerMinute: 3, ordersPer10Seconds: 7 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ requestWeightPerMinute: 3, ordersPer10Seconds: 7 });
    expect(changed.body.coinm.requestWeightPerMinute).toBe(3);
    expect(changed.body.coinm.ordersPer10Seconds).toBeUndefined();
    // exchangeInfo weighs 1 on /dapi: the fourth request of the minute is over 3.
    const statuses = [1, 2, 3, 4].map(
      () => exchange.handle(publicRequest('GET', '/dapi/v1/exchangeInfo')).status,
    );
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
