import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inProcess } from '../../transports/inProcess.js';
import { createClient } from '../createClient.js';
import { usdmActions } from './usdm.js';

let exchange: Exchange;

beforeAll(() => {
  exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 } });
});

afterAll(async () => {
  await exchange.close();
});

describe('usdmActions', () => {
  test('default: every action as a one-line method', async () => {
    const client = createClient({
      env: 'local',
      transport: inProcess({ handler: exchange }),
      credentials: exchange.defaultAccount!,
    }).extend(usdmActions);
    expect(Object.keys(usdmActions(client)).sort()).toEqual([
      'getAccountV3',
      'getExchangeInfo',
      'getServerTime',
    ]);
    expect(await client.getServerTime()).toEqual({ serverTime: expect.any(Number) });
    expect((await client.getExchangeInfo()).symbols.length).toBeGreaterThan(0);
    expect((await client.getAccountV3()).assets.length).toBeGreaterThan(0);
    await client.close();
  });
});
