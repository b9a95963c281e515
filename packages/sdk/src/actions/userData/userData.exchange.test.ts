import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, createClient } from '../../clients/createClient.js';
import { MissingCredentialsError } from '../../errors/request.js';
import type { RequestCall } from '../../request/types.js';
import { closeUserDataStream, keepAliveUserDataStream, startUserDataStream } from './index.js';

// The listen-key life cycle (reference §5.5), end to end against the local exchange over a loopback socket.

let exchange: Exchange;
let restUrl: string;
let client: Client;
const calls: RequestCall[] = [];

beforeAll(async () => {
  exchange = createExchange({ seed: 5, synthetic: { backfillMinutes: 5 } });
  ({ restUrl } = await exchange.listen({ port: 0 }));
  const base = createClient({ env: 'local', baseUrl: restUrl, credentials: exchange.defaultAccount! });
  client = {
    ...base,
    request: <T>(call: RequestCall) => {
      calls.push(call);
      return base.request<T>(call);
    },
  } as Client;
});

afterAll(async () => {
  await client.close();
  await exchange.close();
});

function lastCall(): Pick<RequestCall, 'method' | 'path' | 'weight' | 'security' | 'kind' | 'idempotent'> {
  const { method, path, weight, security, kind, idempotent } = calls.at(-1)!;
  return { method, path, weight, security, kind, ...(idempotent === undefined ? {} : { idempotent }) };
}

const stream = (method: string) => ({
  method,
  path: '/fapi/v1/listenKey',
  weight: 1,
  security: 'USER_STREAM',
  kind: 'write',
  idempotent: true,
});

describe('user-data stream keys against the local exchange', () => {
  test('default: start, start again (same key), keep alive, close', async () => {
    const { listenKey } = await startUserDataStream(client);
    expect(lastCall()).toEqual(stream('POST'));
    expect(listenKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(await startUserDataStream(client)).toEqual({ listenKey });
    expect(await keepAliveUserDataStream(client)).toEqual({ listenKey });
    expect(lastCall()).toEqual(stream('PUT'));
    expect(await closeUserDataStream(client)).toEqual({});
    expect(lastCall()).toEqual(stream('DELETE'));
  });

  test('behavior: keep-alive after close is -1125; a new start issues a new key', async () => {
    const { listenKey: first } = await startUserDataStream(client);
    await closeUserDataStream(client);
    await expect(keepAliveUserDataStream(client)).rejects.toMatchObject({ code: -1125 });
    const { listenKey: second } = await startUserDataStream(client);
    expect(second).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(second).not.toBe(first);
    expect(await keepAliveUserDataStream(client)).toEqual({ listenKey: second });
    await closeUserDataStream(client);
  });

  test('behavior: an API key is needed (no signature); without one nothing is sent', async () => {
    const anonymous = createClient({ env: 'local', baseUrl: restUrl });
    await expect(startUserDataStream(anonymous)).rejects.toBeInstanceOf(MissingCredentialsError);
    await anonymous.close();
  });
});
