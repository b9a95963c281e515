import { createExchange, type Exchange } from '@basis/exchange';
import { afterEach } from 'vitest';

// What the end-to-end stream tests (USD-M and COIN-M) share: a local exchange on 127.0.0.1 (wall
// clock, synthetic market, rate limits off), closing what a test opened, and a bounded wait.

/** What a test opens and the next test must not inherit. */
interface Closable {
  close(): Promise<void>;
}

/** A started local exchange and the URLs it listens on. */
export interface LocalExchange {
  readonly exchange: Exchange;
  readonly restUrl: string;
  readonly wsUrl: string;
}

/** Starts exchanges and tracks what each test opened; see {@link useLocalExchanges}. */
export interface LocalExchanges {
  /** Starts an exchange on a free port of 127.0.0.1, closed after the test. */
  start(): Promise<LocalExchange>;
  /** Closes `resource` after the test (what was registered last is closed first); returns it. */
  closeAfterTest<T extends Closable>(resource: T): T;
}

/** Registers an `afterEach` hook that closes everything the calling test file's tests opened. */
export function useLocalExchanges(): LocalExchanges {
  // Per call, not per module: the test files share a worker's module cache (vitest `isolate: false`).
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((resource) => resource.close()));
  });
  const closeAfterTest = <T extends Closable>(resource: T): T => {
    open.unshift(resource);
    return resource;
  };
  return {
    closeAfterTest,
    async start() {
      const exchange = createExchange({
        rateLimits: { enabled: false },
        synthetic: { backfillMinutes: 1 },
        log: () => {},
      });
      const { restUrl, wsUrl } = await exchange.listen({ port: 0, host: '127.0.0.1' });
      closeAfterTest(exchange);
      return { exchange, restUrl, wsUrl };
    },
  };
}

/** Polls `condition` every 10 ms; throws naming `what` when it is still false after `ms`. */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
