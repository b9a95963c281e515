import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { InvalidSigningKeyError, VirtualClock } from '@basis/core';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClientConfigError, InvalidEnvironmentError } from '../errors/config.js';
import { createRateGovernor } from '../rateLimit/governor.js';
import { inProcess } from '../transports/inProcess.js';
import { createClient } from './createClient.js';

let exchange: Exchange;

beforeAll(() => {
  exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 } });
});

afterAll(async () => {
  await exchange.close();
});

const SECRET = 'a-very-secret-hmac-secret-0123456789abcdef';

describe('createClient', () => {
  test('default: a plain object with config, request and extend; nothing happens at creation', async () => {
    const clock = new VirtualClock(0);
    const client = createClient({ env: 'testnet', clock });
    expect(Object.keys(client).sort()).toMatchInlineSnapshot(`
      [
        "apiPrefix",
        "clock",
        "close",
        "env",
        "extend",
        "governor",
        "keyType",
        "market",
        "recvWindow",
        "request",
        "time",
        "timeoutMs",
        "transport",
        "urls",
      ]
    `);
    expect(client).toMatchObject({
      env: 'testnet',
      market: 'usdm',
      apiPrefix: '/fapi',
      recvWindow: 5000,
      timeoutMs: 10_000,
      keyType: undefined,
      urls: {
        rest: 'https://testnet.binancefuture.com',
        stream: 'wss://fstream.binancefuture.com',
        wsApi: 'wss://testnet.binancefuture.com/ws-fapi/v1',
      },
    });
    expect(client.transport.kind).toBe('http');
    expect(client.transport.baseUrl).toBe('https://testnet.binancefuture.com');
    expect(clock.pending()).toBe(0);
    expect(client.time.offset()).toBe(0);
    await client.close();
  });

  test('behavior: COIN-M', async () => {
    const client = createClient({ env: 'production', market: 'coinm' });
    expect(client).toMatchObject({ apiPrefix: '/dapi', urls: { rest: 'https://dapi.binance.com' } });
    expect(client.governor.limits.requestWeightPerMinute).toBe(6000);
    await client.close();
  });

  test('behavior: invalid configurations are typed errors', () => {
    expect(() => createClient({ env: 'prod' as 'production' })).toThrow(InvalidEnvironmentError);
    expect(() => createClient({ env: 'local' })).toThrow(ClientConfigError);
    expect(() => createClient({ env: 'local', baseUrl: 'https://fapi.binance.com' })).toThrow(
      /production URL was given for env 'local'/,
    );
    expect(() => createClient({ env: 'testnet', market: 'spot' as 'usdm' })).toThrow(ClientConfigError);
    expect(() => createClient({ env: 'testnet', recvWindow: 0 })).toThrow(/recvWindow/);
    expect(() => createClient({ env: 'testnet', timeoutMs: 1.5 })).toThrow(/timeoutMs/);
    expect(() => createClient({ env: 'testnet', credentials: { apiKey: '', apiSecret: SECRET } })).toThrow(
      ClientConfigError,
    );
    expect(() =>
      createClient({ env: 'testnet', credentials: { apiKey: 'k', privateKey: 'not a pem' } }),
    ).toThrow(InvalidSigningKeyError);
  });

  test('behavior: credentials live in a closure: printing or serialising the client shows no secret', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const credentials of [
      { apiKey: 'KEY0123456789abcdefKEY', apiSecret: SECRET },
      { apiKey: 'KEY0123456789abcdefKEY', privateKey: pem },
    ]) {
      const client = createClient({ env: 'testnet', credentials });
      const text = `${inspect(client, { depth: 10, showHidden: true })}\n${JSON.stringify(client)}`;
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain(credentials.apiKey);
      await client.close();
    }
  });

  test('behavior: extend adds members, chains, and cannot replace base members', async () => {
    const client = createClient({ env: 'local', transport: inProcess({ handler: exchange }) });
    const extended = client
      .extend((c) => ({ envName: () => c.env, request: () => 'hijacked' }))
      .extend((c) => ({ shout: () => c.envName().toUpperCase() }));
    expect(extended.envName()).toBe('local');
    expect(extended.shout()).toBe('LOCAL');
    expect(
      await extended.request({
        method: 'GET',
        path: '/fapi/v1/ping',
        security: 'NONE',
        weight: 1,
        kind: 'read',
      }),
    ).toEqual({});
    expect(extended.governor).toBe(client.governor);
    await client.close();
  });

  test('behavior: a governor passed in is shared, not replaced', async () => {
    const governor = createRateGovernor();
    const a = createClient({ env: 'local', transport: inProcess({ handler: exchange }), governor });
    const b = createClient({ env: 'local', transport: inProcess({ handler: exchange }), governor });
    expect(a.governor).toBe(b.governor);
    await a.request({ method: 'GET', path: '/fapi/v1/ping', security: 'NONE', weight: 1, kind: 'read' });
    await b.request({ method: 'GET', path: '/fapi/v1/ping', security: 'NONE', weight: 1, kind: 'read' });
    expect(governor.usage().requestWeight.used).toBeGreaterThanOrEqual(2);
    expect(createClient({ env: 'testnet' }).governor).not.toBe(createClient({ env: 'testnet' }).governor);
  });

  test('behavior: close() stops the refresh schedule and refuses later requests', async () => {
    const clock = new VirtualClock(Date.now());
    const client = createClient({
      env: 'local',
      clock,
      transport: inProcess({ handler: exchange }),
      credentials: exchange.defaultAccount!,
    });
    await client.time.sync();
    expect(clock.pending()).toBe(1);
    await client.close();
    expect(clock.pending()).toBe(0);
    await expect(client.time.sync()).rejects.toMatchObject({ name: 'ClientClosedError' });
  });

  test('behavior: the events and the logger see no secrets', async () => {
    const lines: string[] = [];
    const events: unknown[] = [];
    const log = (message: string, data?: unknown) => lines.push(`${message} ${inspect(data)}`);
    const { apiKey, apiSecret } = exchange.defaultAccount!;
    const client = createClient({
      env: 'local',
      transport: inProcess({ handler: exchange }),
      credentials: { apiKey, apiSecret },
      logger: { debug: log, info: log, warn: log, error: log },
      onEvent: (event) => events.push(event),
    });
    await client.request({
      method: 'GET',
      path: '/fapi/v3/account',
      security: 'USER_DATA',
      weight: 5,
      kind: 'read',
    });
    const text = `${lines.join('\n')}\n${inspect(events, { depth: 10 })}`;
    expect(lines.length).toBeGreaterThan(0);
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(apiSecret);
    expect(text).not.toContain('signature');
    await client.close();
  });
});
