import { parseJson, type RngSeed, VirtualClock } from '@basis/core';
import { createAdminHandler } from '../admin/adminHandler.js';
import { ROUTES } from '../api/routes.js';
import { createExchange, type Exchange } from '../createExchange.js';
import {
  type CommandEntry,
  createRestHandler,
  type RestHandler,
  type RestRequest,
  type RestResponse,
} from '../rest/handler.js';
import { DEFAULT_RATE_LIMITS } from '../rest/rateLimit.js';
import { signedRequest, type TestCredentials } from '../testing/signedRequest.js';
import { FaultInjector } from './faultInjector.js';
import type { FaultRuleSpec } from './faultModel.js';

// Fixtures for the fault-injection tests: a real exchange (seed 1, synthetic market) whose venue is
// served by a REST handler and an admin handler wired with a FaultInjector, as createExchange wires
// them, plus a journal that records what the handler journals. Not used by the exchange.

/** 2026-11-24 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** An account and its HMAC credentials. */
export interface TestAccount extends TestCredentials {
  readonly accountId: number;
}

/** An exchange with fault injection, driven in-process. */
export interface FaultyExchange {
  readonly exchange: Exchange;
  readonly clock: VirtualClock;
  readonly faults: FaultInjector;
  readonly rest: RestHandler;
  /** Every command the handler journaled, in order. */
  readonly journal: CommandEntry[];
  /** The default account and a second one, both funded. */
  readonly alice: TestAccount;
  readonly bob: TestAccount;
  /** REST and `/admin`, as the exchange routes them. */
  handle(request: RestRequest): RestResponse;
  close(): Promise<void>;
}

/** Starts a {@link FaultyExchange}; `seed` is the fault seed (the market's is always 1). */
export function faultyExchange(
  options: { readonly seed?: RngSeed; readonly rules?: readonly FaultRuleSpec[] } = {},
): FaultyExchange {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({ seed: 1, clock, synthetic: { backfillMinutes: 10 } });
  const { venue } = exchange;
  const faults = new FaultInjector({
    now: () => clock.now(),
    seed: options.seed ?? 1,
    venue,
    routes: ROUTES,
    ...(options.rules === undefined ? {} : { rules: options.rules }),
  });
  const journal: CommandEntry[] = [];
  const rest = createRestHandler({
    venue,
    routes: ROUTES,
    now: () => clock.now(),
    rateLimits: DEFAULT_RATE_LIMITS,
    onCommand: (entry) => journal.push(entry),
    faults,
  });
  const admin = createAdminHandler({ venue, admin: exchange.admin, rest: () => rest, clock, faults });
  const created = exchange.admin({ kind: 'createAccount', balances: { USDT: '100000' } });
  if (created.kind !== 'account' || created.keys[0]?.apiSecret === undefined || !exchange.defaultAccount)
    throw new Error('fixture: no accounts');
  const bob = {
    accountId: created.accountId,
    apiKey: created.keys[0].apiKey,
    apiSecret: created.keys[0].apiSecret,
  };
  return {
    exchange,
    clock,
    faults,
    rest,
    journal,
    alice: exchange.defaultAccount,
    bob,
    handle: (request) => (request.path.startsWith('/admin') ? admin.handle(request) : rest.handle(request)),
    close: () => exchange.close(),
  };
}

/** A MARKET BUY of 0.010 BTCUSDT with the given client order id. */
export function marketBuy(
  fx: FaultyExchange,
  account: TestAccount,
  clientOrderId: string,
  extra: Readonly<Record<string, string>> = {},
): RestRequest {
  return signedRequest(
    'POST',
    '/fapi/v1/order',
    {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'MARKET',
      quantity: '0.010',
      newClientOrderId: clientOrderId,
      ...extra,
    },
    account,
    { timestamp: fx.clock.now() },
  );
}

/** Whether the order exists, by `GET /fapi/v1/order?origClientOrderId=` (200, or -2013). */
export function orderExists(fx: FaultyExchange, account: TestAccount, clientOrderId: string): boolean {
  const response = fx.handle(
    signedRequest('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', origClientOrderId: clientOrderId }, account, {
      timestamp: fx.clock.now(),
    }),
  );
  if (response.status === 200) return true;
  const body = parseJson(response.body) as { code?: number };
  if (body.code === -2013) return false;
  throw new Error(`unexpected answer ${response.status} ${response.body}`);
}

/** A JSON admin request. */
export function adminRequest(method: string, path: string, body?: unknown): RestRequest {
  return {
    method,
    path,
    rawQuery: '',
    rawBody: body === undefined ? '' : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    clientIp: '127.0.0.1',
  };
}

/** The parsed JSON body of a response. */
export function json<T = Record<string, unknown>>(response: RestResponse): T {
  return parseJson(response.body) as T;
}
