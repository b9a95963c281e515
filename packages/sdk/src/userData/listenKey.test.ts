import { VirtualClock } from '@basis/core';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterEach, describe, expect, test } from 'vitest';
import { type Client, createClient } from '../clients/createClient.js';
import type { ClientEvent } from '../request/events.js';
import { flush } from '../testing/clocks.js';
import { inProcess } from '../transports/inProcess.js';
import { createListenKeyManager, type ListenKeyManager } from './listenKey.js';

// The listen key's life cycle on a virtual clock, against a local exchange in process.

const MINUTE = 60_000;
const open: { exchange: Exchange; client: Client; keys?: ListenKeyManager }[] = [];

afterEach(async () => {
  for (const t of open.splice(0)) {
    await t.keys?.stop({ close: false });
    await t.client.close();
    await t.exchange.close();
  }
});

function setup() {
  const exchange = createExchange({
    seed: 1,
    marketData: 'none',
    rateLimits: { enabled: false },
    log: () => {},
  });
  const requests: string[] = [];
  const client = createClient({
    env: 'local',
    credentials: exchange.defaultAccount!,
    transport: inProcess({ handler: exchange }),
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    onEvent: (event: ClientEvent) => {
      if (event.type === 'response' && event.path.endsWith('/listenKey'))
        requests.push(`${event.method} ${event.status}`);
    },
  });
  const t: { exchange: Exchange; client: Client; keys?: ListenKeyManager } = { exchange, client };
  open.push(t);
  return { exchange, client, requests, t };
}

/** Advances the virtual clock minute by minute, letting each keepalive's request finish. */
async function advanceMinutes(clock: VirtualClock, minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i++) {
    clock.advance(MINUTE);
    for (let j = 0; j < 5; j++) await flush();
  }
}

describe('createListenKeyManager', () => {
  test('default: creates the key, keeps it alive every 30 minutes, closes it on stop', async () => {
    const { exchange, client, requests, t } = setup();
    const clock = new VirtualClock(0);
    const events: string[] = [];
    const keys = createListenKeyManager(client, { clock, onEvent: (e) => events.push(e.type) });
    t.keys = keys;
    const key = await keys.start();
    expect(key).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(keys.listenKey).toBe(key);
    expect(requests).toEqual(['POST 200']);
    await advanceMinutes(clock, 29);
    expect(requests).toEqual(['POST 200']);
    await advanceMinutes(clock, 1);
    expect(requests).toEqual(['POST 200', 'PUT 200']);
    await advanceMinutes(clock, 90);
    // 30, 60, 90, 120 minutes: one keepalive each, never two timers.
    expect(requests).toEqual(['POST 200', 'PUT 200', 'PUT 200', 'PUT 200', 'PUT 200']);
    expect(clock.pending()).toBe(1);
    await keys.stop();
    expect(requests.at(-1)).toBe('DELETE 200');
    expect(clock.pending()).toBe(0);
    expect(events).toEqual(['created', 'keptAlive', 'keptAlive', 'keptAlive', 'keptAlive', 'closed']);
    // The key is gone at the exchange: a keepalive now is -1125.
    expect(exchange.defaultAccount).toBeDefined();
  });

  test('behavior: a keepalive answering -1125 creates a new key and reports the replacement', async () => {
    const { exchange, client, requests, t } = setup();
    const clock = new VirtualClock(0);
    const replaced: [string, string][] = [];
    const keys = createListenKeyManager(client, {
      clock,
      onReplaced: (key, reason) => replaced.push([key, reason]),
    });
    t.keys = keys;
    const first = await keys.start();
    exchange.faults.expireListenKey(exchange.defaultAccount!.accountId);
    await advanceMinutes(clock, 30);
    expect(requests).toEqual(['POST 200', 'PUT 400', 'POST 200']);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]![1]).toBe('expired');
    expect(replaced[0]![0]).not.toBe(first);
    expect(keys.listenKey).toBe(replaced[0]![0]);
    // The schedule goes on with the new key.
    await advanceMinutes(clock, 30);
    expect(requests.at(-1)).toBe('PUT 200');
  });

  test('behavior: other keepalive failures are retried sooner; renew() replaces the key without a callback', async () => {
    const { exchange, client, requests, t } = setup();
    const clock = new VirtualClock(0);
    const failures: unknown[] = [];
    const replaced: string[] = [];
    const keys = createListenKeyManager(client, {
      clock,
      retryDelayMs: 5 * MINUTE,
      onReplaced: (key) => replaced.push(key),
      onEvent: (e) => {
        if (e.type === 'keepAliveFailed') failures.push(e.error);
      },
    });
    t.keys = keys;
    await keys.start();
    const rule = exchange.faults.add({ kind: 'http5xx', params: { status: 502 }, count: 10 });
    await advanceMinutes(clock, 30);
    for (let i = 0; i < 100 && failures.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    exchange.faults.remove(rule.id);
    expect(failures).toHaveLength(1);
    expect(requests.filter((r) => r.startsWith('PUT')).length).toBeGreaterThanOrEqual(1);
    expect(requests.at(-1)).toMatch(/^PUT 50/);
    await advanceMinutes(clock, 5);
    expect(requests.at(-1)).toBe('PUT 200');
    exchange.faults.expireListenKey(exchange.defaultAccount!.accountId);
    const fresh = await keys.renew();
    expect(keys.listenKey).toBe(fresh);
    expect(replaced).toEqual([]);
  });
});
