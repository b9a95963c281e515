import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as account from '../../actions/account/index.js';
import * as market from '../../actions/market/index.js';
import * as userData from '../../actions/userData/index.js';
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
    // Every USD-M action of the market, account and user-data barrels is bound (other sections add more).
    const actions = Object.entries({ ...market, ...account, ...userData })
      .filter(([name, value]) => typeof value === 'function' && !/Coinm|^parse/.test(name))
      .map(([name]) => name);
    expect(actions.length).toBeGreaterThan(50);
    const bound = usdmActions(client);
    expect(Object.keys(bound)).toEqual(expect.arrayContaining(actions));
    expect(Object.values(bound).every((method) => typeof method === 'function')).toBe(true);
    expect(await client.getServerTime()).toEqual({ serverTime: expect.any(Number) });
    expect((await client.getExchangeInfo()).symbols.length).toBeGreaterThan(0);
    expect((await client.getAccountV3()).assets.length).toBeGreaterThan(0);
    await client.close();
  });
});
