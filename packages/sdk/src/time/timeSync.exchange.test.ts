import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../clients/createClient.js';
import type { ClientEvent } from '../request/events.js';
import { skewedClock } from '../testing/clocks.js';
import { inProcess } from '../transports/inProcess.js';

let exchange: Exchange;
let restUrl: string;

beforeAll(async () => {
  // The exchange runs on the wall clock; the clients' clocks are wrong.
  exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 } });
  ({ restUrl } = await exchange.listen());
});

afterAll(async () => {
  await exchange.close();
});

describe.each(['http', 'inProcess'] as const)('clock offset against the local exchange over %s', (via) => {
  test.each([-90_000, 42_000])('default: a client clock off by %i ms is corrected', async (skewMs) => {
    const clock = skewedClock(skewMs);
    const events: ClientEvent[] = [];
    const client = createClient({
      env: 'local',
      ...(via === 'http' ? { baseUrl: restUrl } : { transport: inProcess({ handler: exchange }) }),
      clock,
      credentials: exchange.defaultAccount!,
      onEvent: (event) => events.push(event),
    });
    try {
      // Signed: the client synchronises before it, so the skew never reaches the exchange.
      const account = await client.request<{ assets: unknown[] }>({
        method: 'GET',
        path: '/fapi/v3/account',
        security: 'USER_DATA',
        weight: 5,
        kind: 'read',
      });
      expect(account.assets.length).toBeGreaterThan(0);
      // Loopback round trips are short; the estimate is good to a few ms (allow scheduling noise).
      expect(Math.abs(client.time.offset() + skewMs)).toBeLessThan(250);
      expect(Math.abs(client.time.now() - Date.now())).toBeLessThan(250);
      const sync = events.find((event) => event.type === 'timeSync');
      expect(sync).toMatchObject({ type: 'timeSync', samples: 5 });
      expect(events.some((event) => event.type === 'clockResync')).toBe(false);
      const drift = client.time.drift();
      expect(drift.syncs).toBe(1);
      expect(drift.rttMs).toBeLessThan(250);
    } finally {
      await client.close();
    }
  });
});
