import { describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { inProcess } from '../../transports/inProcess.js';
import { useListeningExchange } from '../listeningExchange.testing.js';
import { getServerTime } from './getServerTime.js';

const local = useListeningExchange();

describe('getServerTime', () => {
  test('default', async () => {
    const client = createClient({ env: 'local', baseUrl: local().restUrl });
    const before = Date.now();
    const { serverTime } = await getServerTime(client);
    expect(serverTime).toBeGreaterThanOrEqual(before - 1000);
    expect(serverTime).toBeLessThanOrEqual(Date.now() + 1000);
    await client.close();
  });

  test('behavior: in process, the exchange clock is the answer', async () => {
    const client = createClient({ env: 'local', transport: inProcess({ handler: local().exchange }) });
    expect(await getServerTime(client)).toEqual({ serverTime: expect.any(Number) });
  });

  test('behavior: a COIN-M client asks /dapi', async () => {
    const paths: string[] = [];
    const client = createClient({
      env: 'local',
      market: 'coinm',
      transport: {
        kind: 'fake',
        request: async (request) => {
          paths.push(request.path);
          return { status: 200, headers: {}, body: '{"serverTime":1}' };
        },
      },
    });
    expect(await getServerTime(client)).toEqual({ serverTime: 1 });
    expect(paths).toEqual(['/dapi/v1/time']);
  });
});
