import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJson, VirtualClock } from '@basis/core';
import { afterEach } from 'vitest';
import { createExchange, type Exchange, type ExchangeOptions } from './createExchange.js';

// Setup shared by the createExchange tests (USD-M and COIN-M): exchanges on a VirtualClock that are
// closed after each test, state directories that are removed after it, and JSON answers. Not used by
// the exchange.

/** 2026-11-24 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** What a test file's {@link exchangesForTests} gives it. */
export interface TestExchanges {
  /** An exchange at {@link T0} on its own VirtualClock (unless `options` brings one); closed after the test. */
  start(options?: ExchangeOptions): Exchange;
  /** A new empty directory named after `prefix`; removed after the test. */
  tempDir(prefix: string): string;
}

/**
 * The exchanges and directories of one test file, with `defaults` under every exchange's options.
 * Call at the top level of the file: it registers the `afterEach` that cleans up. The state lives in
 * the returned object, so files sharing a worker do not share it.
 */
export function exchangesForTests(defaults: ExchangeOptions): TestExchanges {
  const open: Exchange[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    start(options = {}) {
      const exchange = createExchange({ clock: new VirtualClock(T0), ...defaults, ...options });
      open.push(exchange);
      return exchange;
    },
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
}

/** Sends `request` through `exchange.handle`: the HTTP status and the parsed JSON body. */
export function handleJson<T>(
  exchange: Exchange,
  request: Parameters<Exchange['handle']>[0],
): { status: number; body: T } {
  const response = exchange.handle(request);
  return { status: response.status, body: parseJson(response.body) as T };
}
