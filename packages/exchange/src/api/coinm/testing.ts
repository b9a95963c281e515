import { parseJson } from '@basis/core';
import type { DefaultAccount, Exchange } from '../../createExchange.js';
import { signedRequest } from '../../testing/signedRequest.js';

// What the COIN-M endpoint test fixtures (account/testing.ts, trade/testing.ts) share: requests signed
// with the trader's keys, sent through the exchange in-process. Not used by the exchange.

/** An exchange and the keys of the trader whose signed requests the tests send. */
export interface SignedSender {
  readonly exchange: Exchange;
  readonly creds: DefaultAccount;
}

/** A signed request of the trader through `exchange.handle`: HTTP status, parsed body and headers. */
export function send<T>(
  f: SignedSender,
  method: string,
  path: string,
  params: Readonly<Record<string, string | number>> = {},
): { status: number; body: T; headers: Record<string, string> } {
  const response = f.exchange.handle(
    signedRequest(method, path, params, f.creds, { timestamp: f.exchange.clock.now() }),
  );
  return { status: response.status, body: parseJson(response.body) as T, headers: response.headers };
}
