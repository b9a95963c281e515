import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll } from 'vitest';
import { type Client, createClient } from '../clients/createClient.js';
import type { RequestCall } from '../request/types.js';

// What the action tests share: a local exchange with a client whose pipeline calls are recorded,
// and the forms in which they compare the last call (its endpoint, weight and security as the rate
// governor sees them). Used by the USD-M market, account and listen-key tests and COIN-M's account test.

/** A local exchange on a loopback port and a USD-M client of its default account, its calls recorded. */
export interface RecordingExchange {
  readonly restUrl: string;
  /** A plain client (no actions bound): the tests call the actions with it. */
  readonly client: Client;
  /** The latest call the actions handed to `client.request`. */
  lastCall(): RequestCall;
}

/** What `beforeAll` started and `afterAll` closes, with the calls recorded so far. */
interface StartedExchange {
  readonly exchange: Exchange;
  readonly restUrl: string;
  readonly client: Client;
  readonly calls: RequestCall[];
}

/** Options of {@link useRecordingExchange}. */
export interface RecordingExchangeOptions {
  readonly seed: number;
  /** Minutes of synthetic history before now (klines and trades to read back). */
  readonly backfillMinutes: number;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start a {@link RecordingExchange} for the calling test
 * file and close it; the returned handle reads the running one (it throws before `beforeAll` ran).
 */
export function useRecordingExchange(options: RecordingExchangeOptions): RecordingExchange {
  // Per call, not per module: the test files share a worker's module cache (vitest `isolate: false`).
  let running: StartedExchange | undefined;
  const current = () => {
    if (running === undefined)
      throw new Error('the recording exchange is not started (use it inside a test)');
    return running;
  };
  beforeAll(async () => {
    const exchange = createExchange({
      seed: options.seed,
      synthetic: { backfillMinutes: options.backfillMinutes },
    });
    const { restUrl } = await exchange.listen({ port: 0 });
    const calls: RequestCall[] = [];
    const base = createClient({ env: 'local', baseUrl: restUrl, credentials: exchange.defaultAccount! });
    const client: Client = {
      ...base,
      request: <T>(call: RequestCall) => {
        calls.push(call);
        return base.request<T>(call);
      },
    };
    running = { exchange, restUrl, client, calls };
  });
  afterAll(async () => {
    await running?.client.close();
    await running?.exchange.close();
  });
  return {
    get restUrl() {
      return current().restUrl;
    },
    get client() {
      return current().client;
    },
    lastCall: () => lastCallOf(current().calls),
  };
}

/** The latest of `calls` (it throws when there is none). */
export function lastCallOf(calls: readonly RequestCall[]): RequestCall {
  const call = calls.at(-1);
  if (call === undefined) throw new Error('no call was recorded yet');
  return call;
}

/** A public call as market-data tests compare it: endpoint, weight and security, and the pool when it has one. */
export function publicCallSummary(
  call: RequestCall,
): Pick<RequestCall, 'method' | 'path' | 'weight' | 'security' | 'pool'> {
  const { method, path, weight, security, pool } = call;
  return { method, path, weight, security, ...(pool === undefined ? {} : { pool }) };
}

/** A signed call as account tests compare it: endpoint, weight, security, kind, and the retry policy when set. */
export function signedCallSummary(
  call: RequestCall,
): Pick<RequestCall, 'method' | 'path' | 'weight' | 'security' | 'kind' | 'idempotent'> {
  const { method, path, weight, security, kind, idempotent } = call;
  return { method, path, weight, security, kind, ...(idempotent === undefined ? {} : { idempotent }) };
}

/** The {@link signedCallSummary} of a signed read of `path`. */
export const readCall = (path: string, weight: number) => ({
  method: 'GET',
  path,
  weight,
  security: 'USER_DATA',
  kind: 'read',
});

/** The {@link signedCallSummary} of a signed write that is never retried (its outcome would be unknown). */
export const writeCall = (path: string) => ({
  method: 'POST',
  path,
  weight: 1,
  security: 'TRADE',
  kind: 'write',
});

/** The {@link signedCallSummary} of a setting: a write that may be retried (asking twice gives the same state). */
export const settingCall = (path: string) => ({ ...writeCall(path), idempotent: true });
