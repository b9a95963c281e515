import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll } from 'vitest';

// The local exchange the single-action tests (getExchangeInfo, getServerTime, getAccountV3) share:
// served over HTTP for clients with a `baseUrl`, and handed as-is to in-process transports.

/** A local exchange (seed 1, 30 minutes of synthetic history) and the REST URL it listens on. */
export interface ListeningExchange {
  readonly exchange: Exchange;
  readonly restUrl: string;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start a {@link ListeningExchange} for the calling test
 * file and close it; the returned function reads the running one (it throws before `beforeAll` ran).
 */
export function useListeningExchange(): () => ListeningExchange {
  // Per call, not per module: the test files share a worker's module cache (vitest `isolate: false`).
  let running: ListeningExchange | undefined;
  beforeAll(async () => {
    const exchange = createExchange({ seed: 1, synthetic: { backfillMinutes: 30 } });
    const { restUrl } = await exchange.listen();
    running = { exchange, restUrl };
  });
  afterAll(async () => {
    await running?.exchange.close();
  });
  return () => {
    if (running === undefined) throw new Error('the local exchange is not started (use it inside a test)');
    return running;
  };
}
