import { describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { MissingCredentialsError } from '../../errors/request.js';
import { signedCallSummary, useRecordingExchange } from '../recordingExchange.testing.js';
import { closeUserDataStream, keepAliveUserDataStream, startUserDataStream } from './index.js';

// The listen-key life cycle (reference §5.5), end to end against the local exchange over a loopback socket.

const local = useRecordingExchange({ seed: 5, backfillMinutes: 5 });

const lastCall = () => signedCallSummary(local.lastCall());

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
    const { listenKey } = await startUserDataStream(local.client);
    expect(lastCall()).toEqual(stream('POST'));
    expect(listenKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(await startUserDataStream(local.client)).toEqual({ listenKey });
    expect(await keepAliveUserDataStream(local.client)).toEqual({ listenKey });
    expect(lastCall()).toEqual(stream('PUT'));
    expect(await closeUserDataStream(local.client)).toEqual({});
    expect(lastCall()).toEqual(stream('DELETE'));
  });

  test('behavior: keep-alive after close is -1125; a new start issues a new key', async () => {
    const { listenKey: first } = await startUserDataStream(local.client);
    await closeUserDataStream(local.client);
    await expect(keepAliveUserDataStream(local.client)).rejects.toMatchObject({ code: -1125 });
    const { listenKey: second } = await startUserDataStream(local.client);
    expect(second).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(second).not.toBe(first);
    expect(await keepAliveUserDataStream(local.client)).toEqual({ listenKey: second });
    await closeUserDataStream(local.client);
  });

  test('behavior: an API key is needed (no signature); without one nothing is sent', async () => {
    const anonymous = createClient({ env: 'local', baseUrl: local.restUrl });
    await expect(startUserDataStream(anonymous)).rejects.toBeInstanceOf(MissingCredentialsError);
    await anonymous.close();
  });
});
