import { afterAll, beforeAll } from 'vitest';
import { createExchange, type Exchange, type ExchangeEndpoints } from '../createExchange.js';
import { pause, within } from '../ws/testing.js';

// The harness the third-party client tests (ccxt, the `binance` package) share on USD-M and COIN-M:
// one exchange per test file with a client of its default account, bounded waits, and the checks of
// Binance's signature and clock errors that every client library must pass on both products.

/** How long a client test waits for anything over the loopback, ms (the client's own work included). */
export const CLIENT_WAIT_MS = 10_000;

/** An API key pair, as the clients take it. */
export interface ApiCredentials {
  readonly apiKey: string;
  readonly secret: string;
}

/** Makes a client, ready to call, of the exchange at `restUrl` signing with `credentials`. */
export type ClientFactory<Client> = (
  restUrl: string,
  credentials: ApiCredentials,
) => Client | Promise<Client>;

/** A listening exchange and a client of its default account, shared by the tests of one file. */
export interface ClientExchange<Client> {
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  /** The default account's key pair. */
  readonly credentials: ApiCredentials;
  /** A client of the default account. */
  readonly client: Client;
  /** Another client of the same kind, signing with `credentials`. */
  connect(credentials: ApiCredentials): Promise<Client>;
}

/**
 * Starts an exchange (seeded, with two hours of synthetic history) and a client of its default account
 * before the calling file's tests, and closes the exchange after them. The fields are read inside tests:
 * before `beforeAll` has run there is nothing to read, and reading throws.
 */
export function useClientExchange<Client>(
  seed: number,
  makeClient: ClientFactory<Client>,
): ClientExchange<Client> {
  let exchange: Exchange | undefined;
  let started: Omit<ClientExchange<Client>, 'connect'> | undefined;
  beforeAll(async () => {
    exchange = createExchange({ seed, synthetic: { backfillMinutes: 120 } });
    const endpoints = await exchange.listen();
    const account = exchange.defaultAccount!;
    const credentials = { apiKey: account.apiKey, secret: account.apiSecret };
    started = { exchange, endpoints, credentials, client: await makeClient(endpoints.restUrl, credentials) };
  });
  afterAll(async () => {
    await exchange?.close();
  });
  const current = (): Omit<ClientExchange<Client>, 'connect'> => {
    if (started === undefined) throw new Error('the exchange starts in beforeAll: read it inside a test');
    return started;
  };
  return {
    get exchange() {
      return current().exchange;
    },
    get endpoints() {
      return current().endpoints;
    },
    get credentials() {
      return current().credentials;
    },
    get client() {
      return current().client;
    },
    connect: async (credentials) => makeClient(current().endpoints.restUrl, credentials),
  };
}

/** `promise`'s value, or a failure naming `what` when it takes longer than `CLIENT_WAIT_MS`. */
export function settle<T>(promise: Promise<T>, what: string): Promise<T> {
  return within(promise, CLIENT_WAIT_MS, what);
}

/** Polls `check` every 10 ms until it holds (bounded by `CLIENT_WAIT_MS`). */
export async function until(check: () => boolean, what: string): Promise<void> {
  await settle(
    (async () => {
      for (let i = 0; i < 1000 && !check(); i++) await pause(10);
    })(),
    what,
  );
  if (!check()) throw new Error(`never: ${what}`);
}

/** `price × fraction` on a tick of `decimals` decimal places (a resting or trigger price off the touch). */
export function priceOnTick(price: number, fraction: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(price * fraction * scale) / scale;
}

/** Binance's codes for the rejected signed requests `expectSignedRequestErrors` provokes. */
export type SignedRequestErrorCode = -2019 | -1022 | -1021;

/** How one client library, on one product, makes and reports the signed requests Binance rejects. */
export interface SignedRequestChecks<Client> {
  /** The balances of a new account too small for `overspend`. */
  readonly poorBalances: Readonly<Record<string, string>>;
  /** An order the poor account lacks the margin for. */
  overspend(client: Client): Promise<unknown>;
  /** A signed read of the account. */
  signedRead(client: Client): Promise<unknown>;
  /** A client of `credentials` whose clock lags Binance's by more than its recvWindow. */
  connectLate(credentials: ApiCredentials): Promise<Client>;
  /** Expects `call` to fail with Binance's `code`, as this client library reports it. */
  expectRejected(call: Promise<unknown>, code: SignedRequestErrorCode): Promise<void>;
}

/**
 * Expects -2019 (margin insufficient) of an order from a poor account, -1022 (bad signature) of a
 * forged secret, and -1021 (timestamp outside recvWindow) of a client whose clock is behind.
 */
export async function expectSignedRequestErrors<Client>(
  local: ClientExchange<Client>,
  checks: SignedRequestChecks<Client>,
): Promise<void> {
  // -2019 margin insufficient: a small account asks for a large position
  const small = local.exchange.admin({ kind: 'createAccount', balances: checks.poorBalances });
  if (small.kind !== 'account') throw new Error('no account');
  const poor = await local.connect({ apiKey: small.keys[0]!.apiKey, secret: small.keys[0]!.apiSecret! });
  await checks.expectRejected(checks.overspend(poor), -2019);
  // -1022 bad signature: the default account's key, signed with another secret
  const forged = await local.connect({ apiKey: local.credentials.apiKey, secret: 'not-the-secret' });
  await checks.expectRejected(checks.signedRead(forged), -1022);
  // -1021 timestamp outside recvWindow
  const late = await checks.connectLate(local.credentials);
  await checks.expectRejected(checks.signedRead(late), -1021);
}
