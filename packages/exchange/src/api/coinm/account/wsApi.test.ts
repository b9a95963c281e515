import { hmacSha256Hex, type SigningParams, stringifyJson, wsApiSigningPayload } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { isRecord, TestClient } from '../../../ws/testing.js';
import { closeAll, fill, get, setMark, startCoinm } from './testing.js';

const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await closeAll();
});

describe('COIN-M WebSocket API account methods (/ws-dapi/v1)', () => {
  test('default: account.status, account.balance and account.position answer what REST answers', async () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    setMark(f, 'BTCUSD_PERP', '55000');
    const endpoints = await f.exchange.listen();
    const client = await TestClient.open(endpoints.coinm!.wsApiUrl);
    clients.push(client);
    let id = 1;
    const signed = async (method: string, params: Record<string, unknown> = {}) => {
      const all: Record<string, unknown> = {
        ...params,
        apiKey: f.creds.apiKey,
        timestamp: f.exchange.clock.now(),
      };
      all.signature = hmacSha256Hex(f.creds.apiSecret, wsApiSigningPayload(all as SigningParams));
      const frameId = id++;
      client.send(stringifyJson({ id: frameId, method, params: all }));
      return (await client.take((m) => isRecord(m) && m.id === frameId)) as {
        status: number;
        result: unknown;
      };
    };
    for (const [method, path, params] of [
      ['account.status', '/dapi/v1/account', {}],
      ['account.balance', '/dapi/v1/balance', {}],
      ['account.position', '/dapi/v1/positionRisk', {}],
      ['account.position', '/dapi/v1/positionRisk', { pair: 'ETHUSD' }],
      ['account.position', '/dapi/v1/positionRisk', { marginAsset: 'BTC' }],
    ] as const) {
      const response = await signed(method, params);
      expect(response.status, method).toBe(200);
      expect(response.result, method).toEqual(get(f, path, params));
    }
  });
});
