import { createExchange, type Exchange, type ExchangeOptions } from '@basis/exchange';
import { afterAll, beforeAll, expect } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../testing.js';

/** The exchange a test file's commands talk to; its fields are set once `beforeAll` has run. */
export interface LocalExchange {
  exchange: Exchange;
  restUrl: string;
  /** The default account's BASIS_API_KEY and BASIS_API_SECRET. */
  keys: Record<string, string>;
}

/**
 * Starts a local exchange on 127.0.0.1 for the whole test file (the commands talk HTTP to it, as
 * they would to testnet) and returns it with `basis`, which runs `basis <args> <extraArgs> --url
 * <exchange>` in-process with the default account's keys unless `env` says otherwise.
 */
export function useLocalExchange(
  options: { exchange?: ExchangeOptions; extraArgs?: readonly string[] } = {},
) {
  const local = {} as LocalExchange;
  beforeAll(async () => {
    local.exchange = createExchange(options.exchange);
    ({ restUrl: local.restUrl } = await local.exchange.listen({ host: '127.0.0.1', port: 0 }));
    const account = local.exchange.defaultAccount;
    if (account === undefined) throw new Error('the exchange has no default account');
    local.keys = { BASIS_API_KEY: account.apiKey, BASIS_API_SECRET: account.apiSecret };
  });
  afterAll(async () => {
    await local.exchange.close();
  });

  async function basis(args: readonly string[], env: Record<string, string> = local.keys) {
    const io = captureIo({ env });
    const code = await run([...args, ...(options.extraArgs ?? []), '--url', local.restUrl], io);
    return { code, out: io.out(), err: io.err() };
  }
  return { local, basis };
}

/** The one JSON document a --json command printed. */
export function json<T = Record<string, unknown>>(out: string): T {
  expect(out.trim().split('\n')).toHaveLength(1);
  return JSON.parse(out) as T;
}
