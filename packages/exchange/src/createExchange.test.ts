import { VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { exchangesForTests, handleJson, T0 } from './createExchange.testing.js';
import { publicRequest, signedRequest } from './testing/signedRequest.js';

const { start, tempDir } = exchangesForTests({ synthetic: { backfillMinutes: 60 } });

describe('createExchange', () => {
  test('default: a fresh exchange has a funded default account that can trade', () => {
    const exchange = start();
    const creds = exchange.defaultAccount!;
    expect(creds.apiKey).toHaveLength(64);
    const order = handleJson<{ status: string; executedQty: string }>(
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
    expect(order.body).toMatchObject({ status: 'FILLED', executedQty: '0.010' });
    const positions = handleJson<{ symbol: string; positionAmt: string }[]>(
      exchange,
      signedRequest('GET', '/fapi/v3/positionRisk', {}, creds, { timestamp: exchange.clock.now() }),
    );
    expect(positions.body).toEqual([expect.objectContaining({ symbol: 'BTCUSDT', positionAmt: '0.010' })]);
  });

  test('behavior: the admin API creates accounts, funds them and moves prices', () => {
    const exchange = start();
    const created = handleJson<{ accountId: number; keys: { apiKey: string; apiSecret: string }[] }>(
      exchange,
      {
        ...publicRequest('POST', '/admin/accounts'),
        rawBody: JSON.stringify({ balances: { USDT: '2500' } }),
      },
    );
    expect(created.status).toBe(200);
    const key = created.body.keys[0]!;
    const balance = handleJson<{ asset: string; balance: string }[]>(
      exchange,
      signedRequest('GET', '/fapi/v2/balance', {}, key, { timestamp: exchange.clock.now() }),
    );
    expect(balance.body.find((b) => b.asset === 'USDT')?.balance).toBe('2500.00000000');
    const moved = exchange.handle({
      ...publicRequest('POST', '/admin/prices'),
      rawBody: JSON.stringify({ symbol: 'ETHUSDT', indexPrice: '3000' }),
    });
    expect(moved.status).toBe(200);
    exchange.handle({
      ...publicRequest('POST', '/admin/clock/advance'),
      rawBody: JSON.stringify({ ms: 10_000 }),
    });
    const premium = handleJson<{ indexPrice: string }>(
      exchange,
      publicRequest('GET', '/fapi/v1/premiumIndex', { symbol: 'ETHUSDT' }),
    );
    expect(Number(premium.body.indexPrice)).toBeGreaterThan(2990);
    expect(Number(premium.body.indexPrice)).toBeLessThan(3010);
    expect(exchange.handle(publicRequest('GET', '/admin/nope')).status).toBe(404);
  });

  test('behavior: a restart from the state directory resumes the same exchange exactly', async () => {
    const dir = tempDir('basis-exchange-');
    const clock = new VirtualClock(T0);
    // Closed here to restart on its directory; closing again after the test does nothing.
    const first = start({ clock, stateDir: dir, fsync: 'none' });
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

    const second = start({ clock, stateDir: dir, fsync: 'none' });
    expect(second.defaultAccount).toEqual(creds);
    const after = second.handle(
      signedRequest('GET', '/fapi/v2/account', {}, creds, { timestamp: clock.now() }),
    ).body;
    expect(after).toBe(before);
  });
});
