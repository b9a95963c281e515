import { stringifyJson } from '@basis/core';
import { ApiError, apiError } from '../api/apiError.js';
import type { Endpoint, RequestContext, RouteTable } from '../api/endpoint.js';
import type { RawParams } from '../api/params.js';
import type { RestFaultPlan, RestFaults } from '../faults/restFaults.js';
import type { Account } from '../venue/account.js';
import type { Venue } from '../venue/venue.js';
import { createAuthenticator } from './authenticate.js';
import { type RateLimitConfig, RateLimiter } from './rateLimit.js';
import { readRequestParams } from './requestParams.js';

/** One HTTP request, as the server (or an in-process caller) hands it over. */
export interface RestRequest {
  readonly method: string;
  /** The path without the query, e.g. `/fapi/v1/order`. */
  readonly path: string;
  /** Everything after `?`, exactly as received (empty when there is none). */
  readonly rawQuery: string;
  /** The body, exactly as received (empty when there is none). */
  readonly rawBody: string;
  /** Request headers with lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The client's IP: the REQUEST_WEIGHT limiter counts per IP. */
  readonly clientIp: string;
}

/** The answer to a {@link RestRequest}. Header names are lower-case. */
export interface RestResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Fault injection (`faults/`): the server holds the answer this long before writing it, ms. */
  readonly delayMs?: number;
  /** Fault injection (`faults/`): never answer; the server closes the connection after `delayMs`. */
  readonly dropConnection?: boolean;
}

/** A state-changing request that succeeded, handed to the journal before the client is answered. */
export interface CommandEntry {
  /** The exchange time the command ran at, ms. */
  readonly time: number;
  /** The endpoint's stable name (e.g. `newOrder`). */
  readonly endpoint: string;
  /** The account it ran for; undefined only for a command endpoint of security NONE. */
  readonly accountId: number | undefined;
  /** The parameters the endpoint received (query and body merged, no `signature`). */
  readonly params: RawParams;
}

/** How {@link createRestHandler} is set up. */
export interface RestHandlerOptions {
  readonly venue: Venue;
  /** `'METHOD /path'` → endpoint. Read once, when the handler is created. */
  readonly routes: RouteTable;
  /** The exchange clock, ms. */
  readonly now: () => number;
  /** Limits (a limiter on `now` is created), or a limiter to share with the WebSocket API. */
  readonly rateLimits: RateLimitConfig | RateLimiter;
  /**
   * Called for each successful request to a command endpoint, after the endpoint returned and before
   * the response exists: the journal writes here. If it throws, the client gets HTTP 500 (-1000:
   * the outcome is unknown to it) and `onInternalError` is told.
   */
  readonly onCommand?: (entry: CommandEntry) => void;
  /** Told about every exception that is not an `ApiError` (the client only sees -1000). */
  readonly onInternalError?: (
    error: unknown,
    request: { readonly method: string; readonly path: string },
  ) => void;
  /** Largest `recvWindow` accepted, ms (default 60000; Binance futures documents no maximum). */
  readonly recvWindowMax?: number;
  /**
   * Fault injection (`faults/FaultInjector`): consulted once per routed request, after its
   * parameters are read and before anything is charged or run.
   */
  readonly faults?: RestFaults;
  /**
   * How this product answers a rejection: every `ApiError` the handler answers passes through it, and
   * endpoints get it as `RequestContext.translateError` for their inline batch errors. COIN-M gives
   * `toCoinmError` (its codes and wording for errors the shared venue code throws). Default: as thrown.
   */
  readonly translateError?: (error: ApiError) => ApiError;
}

/** The REST transport of the exchange: HTTP semantics in, endpoint calls, HTTP semantics out. */
export interface RestHandler {
  /** Answers one request; never throws. */
  handle(request: RestRequest): RestResponse;
  /** The limiter in force; `configure()` it at runtime, read `usage()`. */
  readonly rateLimiter: RateLimiter;
}

const JSON_TYPE = 'application/json';
const WEIGHT_HEADER = 'x-mbx-used-weight-1m';
const ORDER_10S_HEADER = 'x-mbx-order-count-10s';
const ORDER_1M_HEADER = 'x-mbx-order-count-1m';

/**
 * Creates the REST handler: the layer that turns an HTTP request into an endpoint call and back,
 * exactly as Binance's REST API behaves. The HTTP server and the SDK's in-process transport both
 * call {@link RestHandler.handle}.
 *
 * Per request, in order:
 * 1. A banned IP gets HTTP 418, -1003 "Way too many requests; IP banned until <ms>", `Retry-After`.
 * 2. Routing: an unknown path is HTTP 404, a known path with another method HTTP 405 (with `Allow`),
 *    both `{"code":-1020,"msg":"This operation is not supported."}`. (Real Binance answers unknown
 *    paths with an HTML 404 page; a Binance-shaped body lets every client raise a typed error.)
 *    Unknown paths cost no weight.
 * 3. Parameters (see `readRequestParams`); then `faults` (fault injection), when given, may answer
 *    at once (nothing charged, nothing run), skew the clock of step 4, or change the final answer.
 *    Then the endpoint's weight is charged to the IP; over
 *    the limit is HTTP 429, -1003 with `Retry-After` (seconds to the next minute), and a client that
 *    keeps sending is banned (see `RateLimiter`). Weight counts even when the request then fails.
 * 4. Credentials for the endpoint's security type (see `createAuthenticator`).
 * 5. Order endpoints are charged to the account's ORDERS limiters: over is HTTP 429, -1015 "Too
 *    many new orders; current limit is 300 orders per 10 SECOND." (no `Retry-After`, as Binance).
 * 6. `venue.advanceTo(now)`, the endpoint (at `venue.now`), `onCommand` for commands, `venue.commit()` (also after
 *    errors, so no event is left queued), and the body via `stringifyJson` (bigint ids stay exact).
 *
 * Every response carries `x-mbx-used-weight-1m`; order endpoints also `x-mbx-order-count-10s` (when
 * the limits have a 10-second order counter; COIN-M's do not) and `x-mbx-order-count-1m` once the
 * account is known. An `ApiError` is its HTTP status and
 * `{"code","msg"}` (after `translateError`, when given); anything else is HTTP 500 with -1000 and
 * nothing of the exception.
 */
export function createRestHandler(options: RestHandlerOptions): RestHandler {
  const { venue, now: clock, onCommand, onInternalError, faults, translateError } = options;
  const limiter =
    options.rateLimits instanceof RateLimiter
      ? options.rateLimits
      : new RateLimiter(options.rateLimits, { now: clock });
  const authenticator = createAuthenticator(
    options.recvWindowMax === undefined ? { venue } : { venue, recvWindowMax: options.recvWindowMax },
  );
  const routes = new Map<string, Endpoint>(Object.entries(options.routes));
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes.keys()) {
    const space = route.indexOf(' ');
    const path = route.slice(space + 1);
    const methods = methodsByPath.get(path) ?? [];
    methods.push(route.slice(0, space));
    methodsByPath.set(path, methods);
  }

  const reject = (error: ApiError, headers: Record<string, string>): RestResponse =>
    errorResponse(translateError === undefined ? error : translateError(error), headers);
  const banned = (until: number, retryAfterMs: number, headers: Record<string, string>): RestResponse => {
    headers['retry-after'] = retryAfterSeconds(retryAfterMs);
    return reject(apiError(-1003, [until], { template: 1, httpStatus: 418 }), headers);
  };
  const noRoute = (methods: readonly string[] | undefined, used: number): RestResponse => {
    const headers = weightHeaders(used);
    if (methods === undefined) return reject(apiError(-1020, [], { httpStatus: 404 }), headers);
    headers.allow = methods.join(', ');
    return reject(apiError(-1020, [], { httpStatus: 405 }), headers);
  };
  // With `translateError`, endpoints apply it to their inline batch errors.
  const context = (now: number, account: Account | undefined): RequestContext =>
    translateError === undefined ? { now, account } : { now, account, translateError };

  const internalError = (
    error: unknown,
    request: RestRequest,
    headers: Record<string, string>,
  ): RestResponse => {
    try {
      onInternalError?.(error, { method: request.method, path: request.path });
    } catch {
      // A failing reporter must not turn one error into two.
    }
    return reject(apiError(-1000, [], { httpStatus: 500 }), headers);
  };

  // `fault` receives the request's fault plan, so the caller can finish every answer with it.
  const handle = (request: RestRequest, fault: { plan?: RestFaultPlan }): RestResponse => {
    const ip = request.clientIp;
    const bannedUntil = limiter.bannedUntil(ip);
    if (bannedUntil !== undefined) {
      const headers = weightHeaders(limiter.usedWeight(ip));
      return banned(bannedUntil, bannedUntil - clock(), headers);
    }
    const endpoint = routes.get(`${request.method} ${request.path}`);
    if (endpoint === undefined) return noRoute(methodsByPath.get(request.path), limiter.usedWeight(ip));

    let params: RawParams | undefined;
    let jsonBody = false;
    let paramsError: unknown;
    try {
      const read = readRequestParams(request.rawQuery, request.rawBody, request.headers['content-type']);
      params = read.params;
      jsonBody = read.jsonBody;
    } catch (error) {
      paramsError = error;
    }
    // --- fault injection hook (faults/): a fault answer goes out before anything is charged or run.
    if (faults !== undefined) {
      const plan = faults.forRequest({
        method: request.method,
        path: request.path,
        endpoint: endpoint.name,
        security: endpoint.security,
        clientIp: ip,
        apiKey: request.headers['x-mbx-apikey'],
        params,
        usedWeight: () => limiter.usedWeight(ip),
      });
      if (plan?.respond !== undefined) return plan.respond;
      if (plan !== undefined) fault.plan = plan;
    }
    // --- end of the fault injection hook
    const weight = weightOf(endpoint, params);
    const verdict = limiter.chargeWeight(ip, weight);
    const headers = weightHeaders(verdict.used);
    if (verdict.status === 'banned') return banned(verdict.until, verdict.retryAfterMs, headers);
    if (verdict.status === 'limited') {
      headers['retry-after'] = retryAfterSeconds(verdict.retryAfterMs);
      return reject(apiError(-1003, [verdict.limit], { httpStatus: 429 }), headers);
    }
    if (params === undefined) {
      return paramsError instanceof ApiError
        ? reject(paramsError, headers)
        : internalError(paramsError, request, headers);
    }

    const now = clock();
    let account: Account | undefined;
    try {
      account = authenticator.authenticate(
        endpoint.security,
        request.headers['x-mbx-apikey'],
        params,
        { rawQuery: request.rawQuery, rawBody: request.rawBody, jsonBody },
        now + (fault.plan?.clockSkewMs ?? 0), // fault injection: a skewed clock
      );
    } catch (error) {
      return error instanceof ApiError ? reject(error, headers) : internalError(error, request, headers);
    }

    if (endpoint.orders !== undefined && account !== undefined) {
      const orders = limiter.chargeOrders(account.id, endpoint.orders);
      // A product without a 10-second order counter (COIN-M) reports only the minute's count.
      if (limiter.config.ordersPer10Seconds !== undefined)
        headers[ORDER_10S_HEADER] = String(orders.tenSeconds);
      headers[ORDER_1M_HEADER] = String(orders.minute);
      if (orders.status === 'limited')
        return reject(apiError(-1015, [orders.limit, orders.interval]), headers);
    }

    let response: RestResponse;
    try {
      venue.advanceTo(now);
      // The venue's time, not the clock's: they differ only if the clock is behind the venue (after
      // a restart), and a replay runs each command at the venue's time too.
      const time = venue.now;
      // Fault injection may skew the time a read reports (`serverTime`), never a command's time.
      const skew = endpoint.command ? 0 : (fault.plan?.serverTimeSkewMs ?? 0);
      const result = endpoint.handle(venue, context(time + skew, account), params);
      if (endpoint.command && onCommand !== undefined)
        onCommand({ time, endpoint: endpoint.name, accountId: account?.id, params });
      venue.commit();
      headers['content-type'] = JSON_TYPE;
      response = { status: 200, headers, body: stringifyJson(result) };
    } catch (error) {
      response = error instanceof ApiError ? reject(error, headers) : internalError(error, request, headers);
      try {
        venue.commit();
      } catch (commitError) {
        response = internalError(commitError, request, headers);
      }
    }
    return response;
  };

  return {
    handle(request) {
      try {
        const fault: { plan?: RestFaultPlan } = {};
        const response = handle(request, fault);
        return fault.plan?.finish === undefined ? response : fault.plan.finish(response);
      } catch (error) {
        // Only a bug below (a throwing weight function, a broken limiter) gets here.
        return internalError(error, request, weightHeaders(0));
      }
    },
    rateLimiter: limiter,
  };
}

function weightOf(endpoint: Endpoint, params: RawParams | undefined): number {
  const { weight } = endpoint;
  if (typeof weight === 'number') return weight;
  return weight(params ?? NO_PARAMS);
}

const NO_PARAMS: RawParams = Object.freeze({});

function weightHeaders(used: number): Record<string, string> {
  return { [WEIGHT_HEADER]: String(used) };
}

function errorResponse(error: ApiError, headers: Record<string, string>): RestResponse {
  headers['content-type'] = JSON_TYPE;
  return { status: error.httpStatus, headers, body: stringifyJson(error.toBody()) };
}

/** `Retry-After` in whole seconds, at least 1. */
function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
