import {
  type Clock,
  parseJson,
  type RateLimitUsage,
  type SessionStatusResult,
  stringifyJson,
  type WsApiId,
} from '@basis/core';
import { ApiError, apiError } from '../api/apiError.js';
import type { Endpoint, RouteTable } from '../api/endpoint.js';
import type { RawParams } from '../api/params.js';
import type { FaultConnectionView, WebSocketFaults } from '../faults/streamFaults.js';
import type { CommandEntry } from '../rest/handler.js';
import type { RateLimiter } from '../rest/rateLimit.js';
import type { Account } from '../venue/account.js';
import type { Venue } from '../venue/venue.js';
import { WsApiAuth, type WsApiSessionKey } from './wsApiAuth.js';
import {
  resolveWsApiMethods,
  type SessionMethod,
  type WsApiRouteTable,
  type WsApiTarget,
} from './wsApiMethods.js';

/** One WebSocket API connection's state, as {@link WsApi.handle} reads and updates it. */
export interface WsApiSession {
  /** The client's IP: weight is charged to it, shared with REST. */
  readonly ip: string;
  readonly connectedSince: number;
  /** The URL's `returnRateLimits` (default true). */
  readonly returnRateLimits: boolean;
  /** Set by `session.logon`, cleared by `session.logout`. */
  key: WsApiSessionKey | undefined;
  /** The connection as fault rules see it (with fault injection). */
  readonly connection?: FaultConnectionView;
}

/** How {@link WsApi} is set up. */
export interface WsApiOptions {
  readonly venue: Venue;
  readonly clock: Clock;
  /** REST's limiter: the WebSocket API shares Binance's limits with REST. */
  readonly rateLimiter: RateLimiter;
  /** REST's route table; each method runs the endpoint of its route. */
  readonly routes: RouteTable;
  /** The product's methods (default: USD-M's). */
  readonly methodRoutes?: WsApiRouteTable;
  /** The journal: called like REST's for every successful command, before the response exists. */
  readonly onCommand?: (entry: CommandEntry) => void;
  /** Told about every exception that is not an `ApiError` (the client sees -1000). */
  readonly onInternalError?: (error: unknown, context: { readonly method: string }) => void;
  readonly recvWindowMax?: number;
  /** Fault injection: a `clockSkew` rule moves the clock the timestamp check sees (-1021), as on REST. */
  readonly faults?: Pick<WebSocketFaults, 'wsApiClockSkew'>;
  /** How this product answers a rejection, as REST's `translateError` (COIN-M: `toCoinmError`). */
  readonly translateError?: (error: ApiError) => ApiError;
}

/** Weight of each `session.*` request (§12). */
const SESSION_WEIGHT = 2;
/** Weight of opening a WebSocket API connection (§3.3, §12). */
export const WS_API_HANDSHAKE_WEIGHT = 5;

/** A method's outcome; `ordersOf` is the account whose ORDERS counts the reply reports. */
type Reply =
  | { readonly ok: true; readonly result: unknown; readonly ordersOf: number | undefined }
  | { readonly ok: false; readonly error: ApiError; readonly ordersOf: number | undefined };

/**
 * The WebSocket API at `/ws-fapi/v1` (§12) without the socket: one request frame in, one response
 * frame out. Each method runs the same endpoint object REST routes to, with the same validation,
 * error codes and shared limiter; commands are journaled through `onCommand` exactly as REST does,
 * between `venue.advanceTo(now)` and `venue.commit()`.
 *
 * Envelope: `{"id","method","params"}` → `{"id","status":200,"result","rateLimits"}` or
 * `{"id","status","error":{"code","msg"},"rateLimits"}`; the id is echoed verbatim (number, string,
 * null, or a bigint above 2^53). `rateLimits` follows the URL's `returnRateLimits`, overridden by a
 * request's `params.returnRateLimits`. Frames that are not requests get status 400 and `id: null`
 * where the id could not be read: invalid JSON or a non-object is -1130 "Invalid data sent for a
 * parameter." (as REST answers a JSON body that is not an object), a missing method -1102, an unknown
 * method -1020 [U: Binance's codes for these are not documented for futures].
 */
export class WsApi {
  readonly #venue: Venue;
  readonly #clock: Clock;
  readonly #limiter: RateLimiter;
  readonly #methods: ReadonlyMap<string, WsApiTarget>;
  readonly #auth: WsApiAuth;
  readonly #onCommand: ((entry: CommandEntry) => void) | undefined;
  readonly #onInternalError: WsApiOptions['onInternalError'];
  readonly #faults: WsApiOptions['faults'];
  readonly #translateError: WsApiOptions['translateError'];

  constructor(options: WsApiOptions) {
    this.#venue = options.venue;
    this.#clock = options.clock;
    this.#limiter = options.rateLimiter;
    this.#methods = resolveWsApiMethods(options.routes, options.methodRoutes);
    this.#auth = new WsApiAuth(options.venue, options.recvWindowMax);
    this.#onCommand = options.onCommand;
    this.#onInternalError = options.onInternalError;
    this.#faults = options.faults;
    this.#translateError = options.translateError;
  }

  /** Answers one request frame; never throws. */
  handle(session: WsApiSession, text: string): string {
    let frame: unknown;
    try {
      frame = parseJson(text);
    } catch {
      return this.#frame(null, session, true, this.#failure(apiError(-1130, [], { template: 1 })));
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      return this.#frame(null, session, true, this.#failure(apiError(-1130, [], { template: 1 })));
    }
    const request = frame as Record<string, unknown>;
    const id = request.id;
    if (!isId(id)) return this.#frame(null, session, true, this.#failure(apiError(-1130, ['id'])));
    const rawParams = request.params ?? {};
    const params =
      typeof rawParams === 'object' && rawParams !== null && !Array.isArray(rawParams)
        ? (rawParams as Record<string, unknown>)
        : undefined;
    const show = returnRateLimitsOf(params, session.returnRateLimits);
    const method = request.method;
    if (typeof method !== 'string' || method === '') {
      return this.#frame(id, session, show, this.#failure(apiError(-1102, ['method'])));
    }
    if (params === undefined) {
      return this.#frame(id, session, show, this.#failure(apiError(-1130, [], { template: 1 })));
    }
    const target = this.#methods.get(method);
    if (target === undefined) {
      return this.#frame(id, session, show, this.#failure(apiError(-1020, [], { httpStatus: 400 })));
    }
    let reply: Reply;
    try {
      reply =
        target.kind === 'session'
          ? this.#session(target.method, session, params, method)
          : this.#call(target.endpoint, session, params, method);
    } catch (error) {
      reply = this.#internal(error, method);
    }
    return this.#frame(id, session, show, reply);
  }

  /** The result of `session.status` for this connection. */
  status(session: WsApiSession): SessionStatusResult {
    return {
      apiKey: session.key?.apiKey ?? null,
      authorizedSince: session.key?.authorizedSince ?? null,
      connectedSince: session.connectedSince,
      returnRateLimits: session.returnRateLimits,
      serverTime: this.#clock.now(),
    };
  }

  #call(
    endpoint: Endpoint,
    session: WsApiSession,
    params: Readonly<Record<string, unknown>>,
    method: string,
  ): Reply {
    const raw = endpointParams(params);
    const weight = typeof endpoint.weight === 'number' ? endpoint.weight : endpoint.weight(raw);
    const refused = this.#chargeWeight(session.ip, weight);
    if (refused !== undefined) return refused;
    const now = this.#clock.now();
    let account: Account | undefined;
    try {
      const checkedAt =
        endpoint.security === 'NONE' ? now : now + this.#clockSkew(session, params, method, endpoint.name);
      account = this.#auth.authenticate(endpoint.security, params, raw, session.key, checkedAt);
    } catch (error) {
      if (error instanceof ApiError) return this.#failure(error);
      throw error;
    }
    let ordersOf: number | undefined;
    if (endpoint.orders !== undefined && account !== undefined) {
      const orders = this.#limiter.chargeOrders(account.id, endpoint.orders);
      ordersOf = account.id;
      if (orders.status === 'limited') {
        return { ok: false, error: apiError(-1015, [orders.limit, orders.interval]), ordersOf };
      }
    }
    const venue = this.#venue;
    try {
      venue.advanceTo(now);
      // The venue's time, as REST: a replay runs each command at the venue's time too.
      const time = venue.now;
      const translateError = this.#translateError;
      const context =
        translateError === undefined ? { now: time, account } : { now: time, account, translateError };
      const result = endpoint.handle(venue, context, raw);
      if (endpoint.command && this.#onCommand !== undefined)
        this.#onCommand({ time, endpoint: endpoint.name, accountId: account?.id, params: raw });
      venue.commit();
      return { ok: true, result, ordersOf };
    } catch (error) {
      venue.commit();
      if (error instanceof ApiError) return { ok: false, error, ordersOf };
      throw error;
    }
  }

  #session(
    method: SessionMethod,
    session: WsApiSession,
    params: Readonly<Record<string, unknown>>,
    name: string,
  ): Reply {
    const refused = this.#chargeWeight(session.ip, SESSION_WEIGHT);
    if (refused !== undefined) return refused;
    if (method === 'logon') {
      const now = this.#clock.now();
      try {
        this.#auth.logon(
          params,
          endpointParams(params),
          now + this.#clockSkew(session, params, name, undefined),
        );
      } catch (error) {
        if (error instanceof ApiError) return this.#failure(error);
        throw error;
      }
      session.key = { apiKey: params.apiKey as string, authorizedSince: now };
    } else if (method === 'logout') {
      session.key = undefined;
    }
    return { ok: true, result: this.status(session), ordersOf: undefined };
  }

  /** Fault injection's skew of the clock the timestamp check sees, ms (0 without a rule). */
  #clockSkew(
    session: WsApiSession,
    params: Readonly<Record<string, unknown>>,
    method: string,
    endpoint: string | undefined,
  ): number {
    const faults = this.#faults;
    if (faults === undefined || session.connection === undefined) return 0;
    const apiKey = typeof params.apiKey === 'string' ? params.apiKey : session.key?.apiKey;
    return faults.wsApiClockSkew({ connection: session.connection, apiKey, method, endpoint }) ?? 0;
  }

  /** Charges REQUEST_WEIGHT to the IP; a refusal is 429 -1003, or 418 once the IP is banned. */
  #chargeWeight(ip: string, weight: number): Reply | undefined {
    const verdict = this.#limiter.chargeWeight(ip, weight);
    if (verdict.status === 'banned') {
      return this.#failure(apiError(-1003, [verdict.until], { template: 1, httpStatus: 418 }));
    }
    if (verdict.status === 'limited')
      return this.#failure(apiError(-1003, [verdict.limit], { httpStatus: 429 }));
    return undefined;
  }

  #failure(error: ApiError): Reply {
    return { ok: false, error, ordersOf: undefined };
  }

  #internal(error: unknown, method: string): Reply {
    try {
      this.#onInternalError?.(error, { method });
    } catch {
      // A failing reporter must not turn one error into two.
    }
    return this.#failure(apiError(-1000, [], { httpStatus: 500 }));
  }

  #frame(id: WsApiId | bigint, session: WsApiSession, show: boolean, reply: Reply): string {
    const rateLimits = show ? this.#rateLimits(session, reply.ordersOf) : undefined;
    let body: Record<string, unknown>;
    if (reply.ok) {
      body = { id, status: 200, result: reply.result };
    } else {
      // Every rejection goes out as the product answers it.
      const error = this.#translateError?.(reply.error) ?? reply.error;
      body = { id, status: error.httpStatus, error: error.toBody() };
    }
    if (rateLimits !== undefined) body.rateLimits = rateLimits;
    return stringifyJson(body);
  }

  #rateLimits(session: WsApiSession, ordersOf: number | undefined): RateLimitUsage[] {
    const config = this.#limiter.config;
    const usage: RateLimitUsage[] = [
      {
        rateLimitType: 'REQUEST_WEIGHT',
        interval: 'MINUTE',
        intervalNum: 1,
        limit: config.requestWeightPerMinute,
        count: this.#limiter.usedWeight(session.ip),
      },
    ];
    if (ordersOf !== undefined) {
      const counts = this.#limiter.orderCounts(ordersOf);
      // A product without a 10-second order counter (COIN-M) reports only the minute's.
      if (config.ordersPer10Seconds !== undefined) {
        usage.push({
          rateLimitType: 'ORDERS',
          interval: 'SECOND',
          intervalNum: 10,
          limit: config.ordersPer10Seconds,
          count: counts.tenSeconds,
        });
      }
      usage.push({
        rateLimitType: 'ORDERS',
        interval: 'MINUTE',
        intervalNum: 1,
        limit: config.ordersPerMinute,
        count: counts.minute,
      });
    }
    return usage;
  }
}

/** A request id: a number, a string, null, or a bigint (an integer above 2^53, echoed exactly). */
function isId(value: unknown): value is WsApiId | bigint {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'bigint' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** `params.returnRateLimits` (boolean or "true"/"false") overrides the connection's default. */
function returnRateLimitsOf(
  params: Readonly<Record<string, unknown>> | undefined,
  fallback: boolean,
): boolean {
  const value = params?.returnRateLimits;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return fallback;
}

/** Parameters a WebSocket API request carries only for the transport, never passed to an endpoint. */
const TRANSPORT_PARAMS = new Set(['apiKey', 'signature', 'returnRateLimits']);

/**
 * The endpoint's raw parameters: every value as the string REST would have received (numbers,
 * bigints and booleans by `String`, arrays and objects as compact JSON), `null` dropped.
 */
function endpointParams(params: Readonly<Record<string, unknown>>): RawParams {
  const raw = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || TRANSPORT_PARAMS.has(name)) continue;
    raw[name] = typeof value === 'object' ? stringifyJson(value) : String(value);
  }
  return raw;
}
