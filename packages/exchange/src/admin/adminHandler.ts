import { type Clock, Decimal, parseJson, stringifyJson, VirtualClock } from '@basis/core';
import { faultAdminRoutes } from '../faults/adminRoutes.js';
import type { FaultInjector } from '../faults/faultInjector.js';
import type { RestHandler, RestRequest, RestResponse } from '../rest/handler.js';
import type { RateLimitConfig } from '../rest/rateLimit.js';
import type { SnapshotFileInfo } from '../store/snapshot.js';
import type { Venue } from '../venue/venue.js';
import { type AdminCommand, AdminError, type AdminResult, type KeySpec } from './adminCommands.js';
import { accountState, exchangeState } from './adminViews.js';

/** What the admin API needs from the exchange. */
export interface AdminHandlerOptions {
  readonly venue: Venue;
  /** The COIN-M venue, when COIN-M is on: the state and account views show its side too. */
  readonly coinm?: Venue;
  /** Runs a journaled admin command. */
  readonly admin: (command: AdminCommand) => AdminResult;
  readonly rest: () => RestHandler;
  /** The COIN-M REST handler, when COIN-M is on: the rate-limit routes cover its limiter too. */
  readonly coinmRest?: () => RestHandler;
  readonly clock: Clock;
  /** Writes a snapshot now; absent when the exchange keeps no state directory. */
  readonly snapshot?: () => SnapshotFileInfo | undefined;
  /** Fault injection: serves `/admin/faults` (see `faults/adminRoutes.ts`); absent, those routes are 404. */
  readonly faults?: FaultInjector;
}

type Route = (match: RegExpMatchArray, body: Record<string, unknown>) => unknown;

/**
 * The admin API under `/admin` (not part of Binance's surface): JSON in, JSON out. It is what tests
 * and users script the exchange with, like viem's test actions against anvil.
 *
 * - `GET /admin/state` — time, symbols with index, mark, last and best prices, account count (and
 *   COIN-M's contracts with their type and status under `coinm`)
 * - `POST /admin/accounts` `{balances?, keys?, dualSidePosition?}` — a new account and its keys
 * - `GET /admin/accounts/:id` — wallets, positions and open orders (and the COIN-M side's, conditional
 *   orders included, under `coinm`)
 * - `POST /admin/accounts/:id/keys` `{type, publicKey?, permissions?}` — another API key
 * - `POST /admin/accounts/:id/deposit|withdraw` `{asset, amount}`
 * - `POST /admin/accounts/:id/fees` `{maker, taker}`
 * - `POST /admin/prices` `{symbol, indexPrice, durationMs?}` — set or move the index (the mark follows)
 * - `POST /admin/clock/advance` `{ms}` — a virtual clock moves (both products' venues follow it); the
 *   wall clock cannot
 * - `GET|POST /admin/rate-limits` — read or change the limits: USD-M's at the top level, COIN-M's
 *   under `coinm`; a change applies to both (COIN-M keeps no 10-second order counter)
 * - `POST /admin/snapshot` — write a snapshot of the state now (with a state directory), so a
 *   restart replays nothing before it
 * - `/admin/faults...` — fault injection (with the `faults` option; see `faults/adminRoutes.ts`)
 */
export function createAdminHandler(options: AdminHandlerOptions): {
  handle(request: RestRequest): RestResponse;
} {
  const { venue, admin, clock } = options;
  const routes: [string, RegExp, Route][] = [
    ['GET', /^\/admin\/state$/, () => exchangeState(venue, options.coinm)],
    [
      'POST',
      /^\/admin\/accounts$/,
      (_m, body) =>
        admin({
          kind: 'createAccount',
          ...(body.balances === undefined ? {} : { balances: stringRecord(body.balances, 'balances') }),
          ...(body.keys === undefined ? {} : { keys: keySpecs(body.keys) }),
          ...(body.dualSidePosition === true ? { dualSidePosition: true } : {}),
        }),
    ],
    ['GET', /^\/admin\/accounts\/(\d+)$/, (m) => accountState(venue, Number(m[1]), options.coinm)],
    [
      'POST',
      /^\/admin\/accounts\/(\d+)\/keys$/,
      (m, body) => admin({ kind: 'addKey', accountId: Number(m[1]), key: keySpecs([body])[0]! }),
    ],
    [
      'POST',
      /^\/admin\/accounts\/(\d+)\/(deposit|withdraw)$/,
      (m, body) =>
        admin({
          kind: 'transfer',
          accountId: Number(m[1]),
          asset: text(body.asset, 'asset'),
          amount: text(body.amount, 'amount'),
          direction: m[2] === 'deposit' ? 'DEPOSIT' : 'WITHDRAW',
        }),
    ],
    [
      'POST',
      /^\/admin\/accounts\/(\d+)\/fees$/,
      (m, body) =>
        admin({
          kind: 'setFees',
          accountId: Number(m[1]),
          maker: text(body.maker, 'maker'),
          taker: text(body.taker, 'taker'),
        }),
    ],
    [
      'POST',
      /^\/admin\/prices$/,
      (_m, body) =>
        admin({
          kind: 'setIndexPrice',
          symbol: text(body.symbol, 'symbol'),
          price: text(body.indexPrice, 'indexPrice'),
          ...(typeof body.durationMs === 'number' ? { durationMs: body.durationMs } : {}),
        }),
    ],
    [
      'POST',
      /^\/admin\/clock\/advance$/,
      (_m, body) => {
        const ms = body.ms;
        if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0)
          throw new AdminError('ms must be a non-negative integer');
        if (!(clock instanceof VirtualClock)) {
          throw new AdminError(
            'the clock is the wall clock; start the exchange with a virtual clock to move time',
          );
        }
        clock.advance(ms);
        venue.advanceTo(clock.now());
        options.coinm?.advanceTo(clock.now());
        return { time: venue.now };
      },
    ],
    [
      'POST',
      /^\/admin\/snapshot$/,
      () => {
        const info = options.snapshot?.();
        if (info === undefined) {
          throw new AdminError('the exchange keeps no state; start it with a state directory', 409);
        }
        return { seq: info.seq, bytes: info.bytes, time: venue.now };
      },
    ],
    [
      'GET',
      /^\/admin\/rate-limits$/,
      () => {
        const coinm = options.coinmRest?.().rateLimiter.usage();
        return { ...options.rest().rateLimiter.usage(), ...(coinm === undefined ? {} : { coinm }) };
      },
    ],
    [
      'POST',
      /^\/admin\/rate-limits$/,
      (_m, body) => {
        const change = rateLimitChange(body);
        const { ordersPer10Seconds: _none, ...coinmChange } = change;
        const coinm = options.coinmRest?.().rateLimiter.configure(coinmChange);
        return { ...options.rest().rateLimiter.configure(change), ...(coinm === undefined ? {} : { coinm }) };
      },
    ],
    // Fault injection routes (faults/adminRoutes.ts).
    ...(options.faults === undefined ? [] : faultAdminRoutes(options.faults)),
  ];

  return {
    handle(request) {
      const path = request.path.replace(/\/$/, '');
      let body: Record<string, unknown> = {};
      try {
        if (request.rawBody !== '') {
          const parsed = parseJson(request.rawBody);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new AdminError('the body must be a JSON object');
          }
          body = parsed as Record<string, unknown>;
        }
        let pathMatched = false;
        for (const [method, pattern, route] of routes) {
          const match = path.match(pattern);
          if (match === null) continue;
          pathMatched = true;
          if (method !== request.method) continue;
          return json(200, route(match, body));
        }
        return json(pathMatched ? 405 : 404, {
          error: pathMatched ? 'method not allowed' : `no admin route ${path}`,
        });
      } catch (error) {
        if (error instanceof AdminError) return json(error.status, { error: error.shortMessage });
        if (error instanceof Error && 'code' in error && 'msg' in error) {
          return json(400, {
            error: String((error as { msg: unknown }).msg),
            code: (error as { code: unknown }).code,
          });
        }
        return json(500, { error: 'internal error' });
      }
    },
  };
}

function json(status: number, body: unknown): RestResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: stringifyJson(body) };
}

function text(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return Decimal.parse(String(value)).toString();
  throw new AdminError(`${name} must be a string`);
}

function stringRecord(value: unknown, name: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AdminError(`${name} must be an object`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) out[key] = text(v, `${name}.${key}`);
  return out;
}

function keySpecs(value: unknown): KeySpec[] {
  if (!Array.isArray(value)) throw new AdminError('keys must be an array');
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw new AdminError('a key must be an object');
    const k = item as Record<string, unknown>;
    const permissions =
      k.permissions === undefined
        ? undefined
        : {
            read: (k.permissions as Record<string, unknown>).read !== false,
            trade: (k.permissions as Record<string, unknown>).trade !== false,
          };
    const type = k.type ?? 'HMAC';
    if (type === 'HMAC') {
      return {
        type: 'HMAC',
        ...(typeof k.apiKey === 'string' ? { apiKey: k.apiKey } : {}),
        ...(typeof k.secret === 'string' ? { secret: k.secret } : {}),
        ...(permissions === undefined ? {} : { permissions }),
      };
    }
    if (type !== 'ED25519' && type !== 'RSA') throw new AdminError('key type must be HMAC, ED25519 or RSA');
    return {
      type,
      publicKey: text(k.publicKey, 'publicKey'),
      ...(typeof k.apiKey === 'string' ? { apiKey: k.apiKey } : {}),
      ...(permissions === undefined ? {} : { permissions }),
    };
  });
}

function rateLimitChange(body: Record<string, unknown>): Partial<RateLimitConfig> {
  const change: { -readonly [K in keyof RateLimitConfig]?: RateLimitConfig[K] } = {};
  if (typeof body.enabled === 'boolean') change.enabled = body.enabled;
  for (const key of ['requestWeightPerMinute', 'ordersPer10Seconds', 'ordersPerMinute'] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
      throw new AdminError(`${key} must be a positive integer`);
    change[key] = value;
  }
  return change;
}
