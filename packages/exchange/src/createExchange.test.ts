import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJson, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createExchange, type Exchange } from './createExchange.js';
import { publicRequest, signedRequest } from './testing/signedRequest.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const open: Exchange[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(options: Parameters<typeof createExchange>[0] = {}): Exchange {
  const exchange = createExchange({
    clock: new VirtualClock(T0),
    synthetic: { backfillMinutes: 60 },
    ...options,
  });
  open.push(exchange);
  return exchange;
}

function body<T>(
  exchange: Exchange,
  request: Parameters<Exchange['handle']>[0],
): { status: number; json: T } {
  const response = exchange.handle(request);
  return { status: response.status, json: parseJson(response.body) as T };
}

describe('createExchange', () => {
  test('default: a fresh exchange has a funded default account that can trade', () => {
    const exchange = start();
    const creds = exchange.defaultAccount!;
    expect(creds.apiKey).toHaveLength(64);
    const order = body<{ status: string; executedQty: string }>(
      exchange,
      signedRequest(
        'POST',
        '/fapi/v1/order',
        { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.010', newOrderRespType: 'RESULT' },
        creds,
        { timestamp: exchange.clock.now() },
      ),
    );
    expect(order.status).toBe(200);
    expect(order.json).toMatchObject({ status: 'FILLED', executedQty: '0.010' });
    const positions = body<{ symbol: string; positionAmt: string }[]>(
      exchange,
      signedRequest('GET', '/fapi/v3/positionRisk', {}, creds, { timestamp: exchange.clock.now() }),
    );
    expect(positions.json).toEqual([expect.objectContaining({ symbol: 'BTCUSDT', positionAmt: '0.010' })]);
  });

  test('behavior: the admin API creates accounts, funds them and moves prices', () => {
    const exchange = start();
    const created = body<{ accountId: number; keys: { apiKey: string; apiSecret: string }[] }>(exchange, {
      ...publicRequest('POST', '/admin/accounts'),
      rawBody: JSON.stringify({ balances: { USDT: '2500' } }),
    });
    expect(created.status).toBe(200);
    const key = created.json.keys[0]!;
    const balance = body<{ asset: string; balance: string }[]>(
      exchange,
      signedRequest('GET', '/fapi/v2/balance', {}, key, { timestamp: exchange.clock.now() }),
    );
    expect(balance.json.find((b) => b.asset === 'USDT')?.balance).toBe('2500.00000000');
    const moved = exchange.handle({
      ...publicRequest('POST', '/admin/prices'),
      rawBody: JSON.stringify({ symbol: 'ETHUSDT', indexPrice: '3000' }),
    });
    expect(moved.status).toBe(200);
    exchange.handle({
      ...publicRequest('POST', '/admin/clock/advance'),
      rawBody: JSON.stringify({ ms: 10_000 }),
    });
    const premium = body<{ indexPrice: string }>(
      exchange,
      publicRequest('GET', '/fapi/v1/premiumIndex', { symbol: 'ETHUSDT' }),
    );
    expect(Number(premium.json.indexPrice)).toBeGreaterThan(2990);
    expect(Number(premium.json.indexPrice)).toBeLessThan(3010);
    expect(exchange.handle(publicRequest('GET', '/admin/nope')).status).toBe(404);
  });

  test('behavior: a restart from the state directory resumes the same exchange exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'basis-exchange-'));
    dirs.push(dir);
    const clock = new VirtualClock(T0);
    const first = createExchange({ clock, stateDir: dir, fsync: 'none', synthetic: { backfillMinutes: 60 } });
    const creds = first.defaultAccount!;
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      first.handle(
        signedRequest(
          'POST',
          '/fapi/v1/order',
          { symbol: 'BTCUSDT', side: i % 2 === 0 ? 'BUY' : 'SELL', type: 'MARKET', quantity: '0.003' },
          creds,
          { timestamp: clock.now() },
        ),
      );
    }
    first.handle(
      signedRequest(
        'POST',
        '/fapi/v1/order',
        { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.5', price: '3300' },
        creds,
        {
          timestamp: clock.now(),
        },
      ),
    );
    const before = first.handle(
      signedRequest('GET', '/fapi/v2/account', {}, creds, { timestamp: clock.now() }),
    ).body;
    await first.close();

    const second = createExchange({
      clock,
      stateDir: dir,
      fsync: 'none',
      synthetic: { backfillMinutes: 60 },
    });
    open.push(second);
    expect(second.defaultAccount).toEqual(creds);
    const after = second.handle(
      signedRequest('GET', '/fapi/v2/account', {}, creds, { timestamp: clock.now() }),
    ).body;
    expect(after).toBe(before);
  });
});
