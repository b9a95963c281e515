import {
  createSigner,
  parseJson,
  type RateLimitUsage,
  type SessionStatusResult,
  type Signer,
  type SigningParams,
  stringifyJson,
  type TimerHandle,
  wsApiSigningPayload,
} from '@basis/core';
import { accountTag } from '../clients/accountTag.js';
import type { Client, ClientCredentials } from '../clients/createClient.js';
import type { CoinmActions } from '../clients/decorators/coinm.js';
import { type BinanceApiError, InvalidTimestampError, isBinanceErrorBody } from '../errors/api.js';
import { ClientConfigError } from '../errors/config.js';
import { createBinanceApiError } from '../errors/fromResponse.js';
import { ClientClosedError, MissingCredentialsError, UnknownOutcomeError } from '../errors/request.js';
import {
  ConnectionRefusedError,
  ConnectionResetError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from '../errors/transport.js';
import { isUnknownOutcome } from '../request/retryPolicy.js';
import type { RequestCall } from '../request/types.js';
import { parseProxy, proxyOfClient } from '../transports/proxyTunnel.js';
import { type WsApiActions, type WsCoinmApiActions, wsApiActions, wsCoinmApiActions } from './actions.js';
import { createSocket, type ReconnectOptions } from './connection.js';
import {
  type WsApiMethodName,
  type WsApiMethodSpec,
  type WsApiResults,
  wsApiMethodSpecs,
} from './methods.js';

/**
 * The WebSocket API client's state. `reconnecting`: the socket is lost and calls go to REST
 * meanwhile; `closed`: after `close()`, or when `reconnect.maxAttempts` failed in a row (calls then
 * keep going to REST).
 */
export type WsApiState = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** Where a call went. */
export type WsApiRoute = 'ws' | 'rest';

/**
 * What the client reports: structured, free of secrets (no API key, signature or signed params).
 * Listeners must not throw; if one does, the error is dropped.
 */
export type WsApiEvent =
  | { readonly type: 'state'; readonly state: WsApiState }
  | { readonly type: 'request'; readonly method: string; readonly via: WsApiRoute; readonly id?: number }
  | {
      readonly type: 'response';
      readonly method: string;
      readonly id: number;
      readonly status: number;
      readonly durationMs: number;
      /** The limiter usage the answer reported (fed to the rate governor). */
      readonly rateLimits: readonly RateLimitUsage[] | undefined;
    }
  | { readonly type: 'disconnected'; readonly code: number; readonly reason: string }
  | { readonly type: 'reconnectScheduled'; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'logon'; readonly authorizedSince: number | null }
  | { readonly type: 'logonFailed'; readonly error: unknown }
  | {
      readonly type: 'clockResync';
      readonly method: string;
      readonly offsetBeforeMs: number;
      readonly offsetAfterMs: number;
    }
  /** A frame that answers no request (`id: null`), e.g. a key revoked mid-session (-2015). */
  | { readonly type: 'unsolicited'; readonly error: BinanceApiError | undefined };

/** How a WebSocket API client is set up. Only `client` is required. */
export interface WsApiClientOptions {
  /**
   * The REST client: its clock, server-clock estimate, rate governor, `recvWindow` and order layer
   * are shared, and its REST endpoints serve every call while the WebSocket API is unreachable.
   */
  readonly client: Client;
  /**
   * The API key to sign with: the same credentials as the client's (the client keeps its own out of
   * reach). Needed for every method but `session.status`/`session.logout`.
   */
  readonly credentials?: ClientCredentials;
  /** The WebSocket API URL (default: the client's `urls.wsApi`). */
  readonly url?: string;
  /**
   * Authenticate the connection once with `session.logon` (Ed25519 keys only) instead of signing
   * each request: `'auto'` (default) does so for an Ed25519 key. Repeated after every reconnection.
   */
  readonly logon?: boolean | 'auto';
  /** Time limit of one request, ms (default: the client's `timeoutMs`). */
  readonly requestTimeoutMs?: number;
  /** Time limit of the opening handshake, ms (default 10000). */
  readonly connectTimeoutMs?: number;
  /** Our ping interval, ms; a ping unanswered by the next one drops the connection (default 60000; `false`: none). */
  readonly pingIntervalMs?: number | false;
  readonly reconnect?: ReconnectOptions;
  /** Serve calls through REST while the WebSocket API is unreachable (default true). */
  readonly fallback?: boolean;
  /** Resynchronise the clock on -1021 and send once more, as REST does (default true). */
  readonly resync?: boolean;
  /** Uniform random numbers in [0, 1) for the reconnection jitter (default `Math.random`). */
  readonly random?: () => number;
  /**
   * An HTTP(S) proxy URL (`http://user:pass@proxy:3128`): the socket tunnels through it with CONNECT
   * (TLS inside the tunnel for `wss:`). Its credentials are never printed. Default: the
   * client's HTTP proxy.
   */
  readonly proxy?: string;
  readonly onEvent?: (event: WsApiEvent) => void;
}

/** Per-call options. */
export interface WsApiCallOptions {
  /** `recvWindow` of this request, ms (default: the client's). */
  readonly recvWindow?: number;
  /** Time limit of this request, ms (default: the WebSocket client's). */
  readonly timeoutMs?: number;
}

/** The WebSocket API client (see {@link createWsApiClient}). */
export interface WsApiClient {
  /** The REST client it shares its clock, governor and order layer with, and falls back to. */
  readonly client: Client;
  readonly url: string;
  readonly state: WsApiState;
  /** Whether the connection is logged on (`session.logon`): requests then go unsigned. */
  readonly loggedOn: boolean;
  /**
   * Opens the connection (and logs on when configured). Resolves once calls go through the
   * WebSocket API; rejects when the first attempt fails, while reconnection goes on in the
   * background (calls go to REST meanwhile).
   */
  connect(): Promise<void>;
  /** Resolves when the client is ready (connected and logged on as configured); `TimeoutError` after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /**
   * Sends one method: through the WebSocket API when ready, else through its REST endpoint (when
   * `fallback`). Signed as the session requires; `rateLimits` go to the governor; errors are the
   * REST error classes. An order, modification or cancel whose outcome is unknown (timeout,
   * connection lost after sending, 5xx) rejects with `UnknownOutcomeError`: never resent here.
   */
  request<M extends WsApiMethodName>(
    method: M,
    params?: Readonly<Record<string, unknown>>,
    options?: WsApiCallOptions,
  ): Promise<WsApiResults[M]>;
  /** `session.logon` (Ed25519): later requests go unsigned, and the logon is repeated after reconnections. */
  logon(): Promise<SessionStatusResult>;
  /** `session.status`. */
  status(): Promise<SessionStatusResult>;
  /** `session.logout`: requests are signed one by one again. */
  logout(): Promise<SessionStatusResult>;
  /** Closes the connection for good; the REST client stays open. In-flight requests reject (`ConnectionResetError`). */
  close(): Promise<void>;
}

interface Pending {
  readonly method: string;
  readonly resolve: (frame: ResponseFrame) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: TimerHandle;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  /** Rejects at the first failed connection attempt (`connect()`), not only at its time limit. */
  readonly failFast: boolean;
}

interface ResponseFrame {
  readonly id: unknown;
  readonly status: number;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly rateLimits?: unknown;
}

const WS = 'WS';
/** Code of the error for a frame that never left (socket not open). */
const NOT_SENT = 'WS_NOT_CONNECTED';

/** `rateLimits` of a frame as the usage headers REST carries, for the governor's `observe`. */
export function rateLimitHeaders(rateLimits: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Array.isArray(rateLimits)) return headers;
  const letters: Record<string, string> = { SECOND: 's', MINUTE: 'm', HOUR: 'h', DAY: 'd' };
  for (const entry of rateLimits) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { rateLimitType, interval, intervalNum, count } = entry as Record<string, unknown>;
    const letter = typeof interval === 'string' ? letters[interval] : undefined;
    if (letter === undefined || typeof intervalNum !== 'number' || typeof count !== 'number') continue;
    if (rateLimitType === 'REQUEST_WEIGHT')
      headers[`x-mbx-used-weight-${intervalNum}${letter}`] = String(count);
    else if (rateLimitType === 'ORDERS') headers[`x-mbx-order-count-${intervalNum}${letter}`] = String(count);
  }
  return headers;
}

function isResponseFrame(value: unknown): value is ResponseFrame {
  return typeof value === 'object' && value !== null && 'status' in value && 'id' in value;
}

function notConnected(method: string, url: string): ConnectionRefusedError {
  return new ConnectionRefusedError({ method: WS, path: method, code: NOT_SENT, ...originOf(url) });
}

/** `{ origin }` (scheme, host, port) of a URL, or nothing for an unreadable one. */
function originOf(url: string): { readonly origin?: string } {
  try {
    const parsed = new URL(url);
    return { origin: `${parsed.protocol}//${parsed.host}` };
  } catch {
    return {};
  }
}

function isNotSent(error: unknown): boolean {
  return error instanceof ConnectionRefusedError && error.code === NOT_SENT;
}

function isClockRejection(error: unknown): error is InvalidTimestampError {
  return error instanceof InvalidTimestampError && error.code === -1021;
}

/**
 * Creates a client of Binance's WebSocket API (`/ws-fapi/v1`, or `/ws-dapi/v1` for a COIN-M client
 * with COIN-M's method set and `/dapi` fallbacks; reference §12) on top of a REST client: one socket,
 * requests correlated by id with a time limit each, `session.logon` for an
 * Ed25519 key (per-request signatures otherwise: HMAC hex, RSA/Ed25519 base64 over the parameters
 * sorted by name), logon repeated after each reconnection, `rateLimits` fed to the client's rate
 * governor, and errors mapped to the REST classes.
 *
 * While the socket is down, calls go through the REST endpoints of the same methods (same
 * parameters, signing by the REST pipeline, same guarantees) and come back to the socket once it
 * reconnects (backoff with jitter on the client's clock). `ws` is loaded on the first connection.
 *
 * The typed helpers (`ws.placeOrder`, `modifyOrder`, `cancelOrder`, `getOrder`, `getAccount*`) are
 * the market's: on a COIN-M client, {@link WsCoinmApiActions} (`CoinmOrder` with `cumBase`/`pair`,
 * coin balances, positions in contracts; conditional orders over REST to `/dapi/v1/algoOrder`), on a
 * USD-M client {@link WsApiActions}. Which set is bound follows `client.market`; the static type
 * follows the client's decorator: a client extended with `coinmActions` is typed COIN-M. An
 * undecorated COIN-M client is typed as USD-M: extend it with `coinmActions`, or call the
 * `wsXxxCoinm` functions (`wsPlaceCoinmOrder`...), to get the COIN-M types.
 *
 * @throws ClientConfigError without a WebSocket API URL.
 * @throws InvalidSigningKeyError (from core) for credentials that cannot sign.
 *
 * @example
 * const client = createClient({ env: 'testnet', credentials });
 * const ws = createWsApiClient({ client, credentials });
 * await ws.connect();
 * const placed = await ws.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: '60000' });
 * await ws.close();
 *
 * @example
 * const coinm = createClient({ env: 'testnet', market: 'coinm', credentials }).extend(coinmActions);
 * const ws = createWsApiClient({ client: coinm, credentials });
 * const placed = await ws.placeOrder({ symbol: 'BTCUSD_PERP', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '60000' });
 * console.log(placed.order.cumBase);
 */
export function createWsApiClient(
  options: WsApiClientOptions & { readonly client: Client<CoinmActions> },
): WsApiClient & WsCoinmApiActions;
export function createWsApiClient(options: WsApiClientOptions): WsApiClient & WsApiActions;
export function createWsApiClient(
  options: WsApiClientOptions,
): WsApiClient & (WsApiActions | WsCoinmApiActions) {
  const core = createCore(options);
  return Object.assign(core, core.client.market === 'coinm' ? wsCoinmApiActions(core) : wsApiActions(core));
}

function createCore(options: WsApiClientOptions): WsApiClient {
  const { client } = options;
  const { clock } = client;
  // The market's method set: COIN-M's (`/ws-dapi/v1`) lacks the `v2/` methods and falls back to `/dapi`.
  const specs = wsApiMethodSpecs(client.market);
  const url = options.url ?? client.urls?.wsApi;
  if (url === undefined) {
    throw new ClientConfigError(
      "No WebSocket API URL: pass url (a local exchange's wsApiUrl) or a client with urls.",
    );
  }
  const proxyUrl = options.proxy ?? proxyOfClient(client);
  const proxy = proxyUrl === undefined ? undefined : parseProxy(proxyUrl);
  const signer: Signer | undefined =
    options.credentials === undefined ? undefined : createSigner(options.credentials);
  const secrets = [
    signer?.apiKey,
    options.credentials !== undefined && 'apiSecret' in options.credentials
      ? options.credentials.apiSecret
      : undefined,
  ].filter((value): value is string => typeof value === 'string' && value !== '');
  // The same tag the REST pipeline keeps the account's ORDERS budget under.
  const account = signer === undefined ? undefined : accountTag(signer.apiKey);
  const requestTimeoutMs = options.requestTimeoutMs ?? client.timeoutMs;
  const fallback = options.fallback ?? true;
  const resync = options.resync ?? true;
  let wantSession = options.logon === true || (options.logon !== false && signer?.keyType === 'ED25519');

  let state: WsApiState = 'idle';
  let loggedOn = false;
  let closed = false;
  let nextId = 1;
  let generation = 0;
  let initial: Promise<void> | undefined;
  const pending = new Map<number, Pending>();
  const waiters = new Set<Waiter>();

  const emit = (event: WsApiEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not fail a request.
    }
  };

  const setState = (next: WsApiState) => {
    if (state === next) return;
    state = next;
    emit({ type: 'state', state: next });
    if (next === 'ready') {
      for (const waiter of [...waiters]) waiter.resolve();
    }
  };

  const failPending = (make: (method: string) => unknown) => {
    for (const [id, entry] of [...pending]) {
      pending.delete(id);
      clock.clearTimeout(entry.timer);
      entry.reject(make(entry.method));
    }
  };

  const socket = createSocket({
    url,
    clock,
    ...(proxy === undefined ? {} : { proxy }),
    random: options.random ?? Math.random,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    pingIntervalMs: options.pingIntervalMs ?? 60_000,
    reconnect: options.reconnect ?? {},
    handlers: {
      onOpen() {
        const current = ++generation;
        void authenticate(current);
      },
      onMessage: (text) => receive(text),
      onClose(info) {
        generation += 1;
        loggedOn = false;
        failPending(
          (method) =>
            new ConnectionResetError({
              method: WS,
              path: method,
              code: 'WS_CLOSED',
              cause: info.error ?? new Error(`WebSocket closed (${info.code} ${info.reason})`),
            }),
        );
        if (!closed) setState('reconnecting');
        emit({ type: 'disconnected', code: info.code, reason: info.reason });
        for (const waiter of [...waiters]) {
          if (!waiter.failFast) continue;
          waiter.reject(
            new ConnectionRefusedError({
              method: WS,
              path: 'connect',
              code: 'WS_CONNECT_FAILED',
              cause: info.error ?? new Error(`WebSocket closed (${info.code} ${info.reason})`),
              ...originOf(url),
            }),
          );
        }
      },
      onReconnectScheduled: (info) => emit({ type: 'reconnectScheduled', ...info }),
      onGiveUp() {
        // The socket is given up (`reconnect.maxAttempts`); calls keep going to REST when `fallback`.
        setState('closed');
        for (const waiter of [...waiters]) waiter.reject(notConnected('connect', url));
      },
    },
  });

  /** After each opening: log on when wanted (once more after a -1021 resync), then ready. */
  const authenticate = async (current: number) => {
    if (resync && signer !== undefined && client.time.drift().syncs === 0) {
      try {
        await client.time.sync();
      } catch {
        // A -1021 later tells; the REST pipeline's own sync may succeed by then.
      }
    }
    if (wantSession && signer !== undefined) {
      try {
        const status = await sendWithResync<SessionStatusResult>('session.logon', {}, {}, true);
        if (current !== generation) return;
        loggedOn = true;
        emit({ type: 'logon', authorizedSince: status.authorizedSince });
      } catch (error) {
        if (current !== generation) return;
        // Per-request signatures still work (Ed25519 signs each request as well).
        loggedOn = false;
        emit({ type: 'logonFailed', error });
      }
    }
    if (current !== generation || closed) return;
    setState('ready');
  };

  const receive = (text: string) => {
    let frame: unknown;
    try {
      frame = parseJson(text);
    } catch {
      return;
    }
    if (!isResponseFrame(frame)) return;
    const id = typeof frame.id === 'number' ? frame.id : undefined;
    const entry = id === undefined ? undefined : pending.get(id);
    if (entry === undefined || id === undefined) {
      if (frame.id === null && isBinanceErrorBody(frame.error)) {
        emit({
          type: 'unsolicited',
          error: createBinanceApiError(frame.error, {
            status: frame.status,
            method: WS,
            path: 'unsolicited',
            market: client.market,
            now: client.time.now(),
            secrets,
          }),
        });
      }
      return;
    }
    pending.delete(id);
    clock.clearTimeout(entry.timer);
    entry.resolve(frame);
  };

  /** The params as sent: signed per request, or covered by the session, or the API key alone. */
  const authParams = (
    method: WsApiMethodName,
    spec: WsApiMethodSpec,
    params: Readonly<Record<string, unknown>>,
    callOptions: WsApiCallOptions,
  ): {
    readonly params: Record<string, unknown>;
    readonly timestamp: number | undefined;
    readonly signature?: string;
  } => {
    const needsKey = spec.security !== 'SESSION' || method === 'session.logon';
    if (needsKey && signer === undefined) {
      throw new MissingCredentialsError({ method: WS, path: method, security: spec.security });
    }
    if (spec.security === 'SESSION' && method !== 'session.logon')
      return { params: { ...params }, timestamp: undefined };
    if (spec.security === 'USER_STREAM')
      return { params: { ...params, apiKey: signer!.apiKey }, timestamp: undefined };
    const timestamp = client.time.now();
    const base: Record<string, unknown> = {
      ...params,
      timestamp,
      recvWindow: callOptions.recvWindow ?? client.recvWindow,
    };
    if (loggedOn && method !== 'session.logon') return { params: base, timestamp };
    const all: Record<string, unknown> = { ...base, apiKey: signer!.apiKey };
    const signature = signer!.sign(wsApiSigningPayload(all as SigningParams));
    all.signature = signature;
    return { params: all, timestamp, signature };
  };

  /** An unsafe call (order, cancel, write) whose outcome is unknown becomes an `UnknownOutcomeError`. */
  const unknownIfUnsafe = (
    method: WsApiMethodName,
    spec: WsApiMethodSpec,
    params: Readonly<Record<string, unknown>>,
    timestamp: number | undefined,
    error: unknown,
    allSecrets: readonly string[],
  ): unknown => {
    const repeatable = spec.kind === 'read' || (spec.kind === 'write' && spec.idempotent === true);
    if (repeatable || !isUnknownOutcome(error)) return error;
    return new UnknownOutcomeError({
      request: { method: WS, path: method, kind: spec.kind, params: { ...params }, timestamp },
      cause: error,
      secrets: allSecrets,
    });
  };

  /** One request over the socket (no routing, no resend). */
  const sendOverSocket = async <T>(
    method: WsApiMethodName,
    params: Readonly<Record<string, unknown>>,
    callOptions: WsApiCallOptions,
  ): Promise<T> => {
    const spec = specs[method]!;
    const needsOrders = spec.orders !== undefined && account !== undefined;
    await client.governor.acquire({
      weight: spec.weight,
      ...(needsOrders ? { orders: spec.orders, account } : {}),
      now: client.time.now(),
      method: WS,
      path: method,
    });
    const auth = authParams(method, spec, params, callOptions);
    const allSecrets = auth.signature === undefined ? secrets : [...secrets, auth.signature];
    const id = nextId++;
    const text = stringifyJson({ id, method, params: auth.params });
    const timeoutMs = callOptions.timeoutMs ?? requestTimeoutMs;
    const sentAt = clock.now();
    let frame: ResponseFrame;
    try {
      frame = await new Promise<ResponseFrame>((resolve, reject) => {
        const timer = clock.setTimeout(() => {
          pending.delete(id);
          reject(new TimeoutError({ method: WS, path: method, timeoutMs }));
        }, timeoutMs);
        pending.set(id, { method, resolve, reject, timer });
        if (!socket.send(text)) {
          pending.delete(id);
          clock.clearTimeout(timer);
          reject(notConnected(method, url));
          return;
        }
        emit({ type: 'request', method, via: 'ws', id });
      });
    } catch (error) {
      throw unknownIfUnsafe(method, spec, params, auth.timestamp, error, allSecrets);
    }
    emit({
      type: 'response',
      method,
      id,
      status: frame.status,
      durationMs: clock.now() - sentAt,
      rateLimits: Array.isArray(frame.rateLimits) ? (frame.rateLimits as RateLimitUsage[]) : undefined,
    });
    const errorBody = isBinanceErrorBody(frame.error) ? frame.error : undefined;
    const observed = client.governor.observe({
      status: frame.status,
      headers: rateLimitHeaders(frame.rateLimits),
      ...(needsOrders ? { account } : {}),
      ...(errorBody === undefined ? {} : { code: errorBody.code, msg: errorBody.msg }),
      now: client.time.now(),
    });
    if (observed !== undefined) await observed;
    if (errorBody !== undefined) {
      const failure = createBinanceApiError(errorBody, {
        status: frame.status,
        method: WS,
        path: method,
        market: client.market,
        now: client.time.now(),
        secrets: allSecrets,
      });
      throw unknownIfUnsafe(method, spec, params, auth.timestamp, failure, allSecrets);
    }
    if (frame.status < 200 || frame.status >= 300 || !('result' in frame)) {
      const failure = new InvalidResponseError({
        method: WS,
        path: method,
        status: frame.status,
        cause: new Error('A WebSocket API answer without result or error.'),
      });
      throw unknownIfUnsafe(method, spec, params, auth.timestamp, failure, allSecrets);
    }
    return frame.result as T;
  };

  /** Over the socket with the -1021 rule of REST: resynchronise, send once more; a second -1021 is final. */
  const sendWithResync = async <T>(
    method: WsApiMethodName,
    params: Readonly<Record<string, unknown>>,
    callOptions: WsApiCallOptions,
    socketOnly: boolean,
  ): Promise<T> => {
    try {
      return await sendOverSocket<T>(method, params, callOptions);
    } catch (error) {
      if (!isClockRejection(error) || !resync) throw error;
      const before = client.time.offset();
      let after: number;
      try {
        after = (await client.time.sync()).offsetMs;
      } catch {
        throw error;
      }
      emit({ type: 'clockResync', method, offsetBeforeMs: before, offsetAfterMs: after });
      if (!socketOnly && state !== 'ready') throw notConnected(method, url);
      try {
        return await sendOverSocket<T>(method, params, callOptions);
      } catch (second) {
        if (!isClockRejection(second)) throw second;
        throw new InvalidTimestampError({
          code: second.code,
          msg: second.msg,
          status: second.status,
          method: WS,
          path: method,
          market: client.market,
          offsetMs: client.time.offset(),
          cause: second,
        });
      }
    }
  };

  const viaRest = <T>(
    method: WsApiMethodName,
    spec: WsApiMethodSpec,
    params: Readonly<Record<string, unknown>>,
    callOptions: WsApiCallOptions,
  ): Promise<T> => {
    const rest = spec.rest!;
    emit({ type: 'request', method, via: 'rest' });
    const call: RequestCall = {
      method: rest.method,
      path: rest.path,
      params,
      security: spec.security === 'SESSION' ? 'USER_DATA' : spec.security,
      weight: spec.weight,
      ...(spec.orders === undefined ? {} : { orders: spec.orders }),
      kind: spec.kind,
      ...(spec.idempotent === true ? { idempotent: true } : {}),
      ...(callOptions.recvWindow === undefined ? {} : { recvWindow: callOptions.recvWindow }),
      ...(callOptions.timeoutMs === undefined ? {} : { timeoutMs: callOptions.timeoutMs }),
    };
    return client.request<T>(call);
  };

  const waitFor = (timeoutMs: number, failFast: boolean): Promise<void> => {
    if (closed) return Promise.reject(new ClientClosedError({ method: WS, path: 'connect' }));
    if (state === 'ready') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        waiters.delete(waiter);
        reject(new TimeoutError({ method: WS, path: 'connect', timeoutMs }));
      }, timeoutMs);
      const waiter: Waiter = {
        failFast,
        resolve() {
          clock.clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        },
        reject(error) {
          clock.clearTimeout(timer);
          waiters.delete(waiter);
          reject(error);
        },
      };
      waiters.add(waiter);
    });
  };

  const connect = (): Promise<void> => {
    if (closed || state === 'closed')
      return Promise.reject(new ClientClosedError({ method: WS, path: 'connect' }));
    if (state === 'ready') return Promise.resolve();
    if (state === 'idle') setState('connecting');
    socket.start();
    const attempt = waitFor((options.connectTimeoutMs ?? 10_000) + requestTimeoutMs * 2, true);
    initial ??= attempt.catch(() => {});
    return attempt;
  };

  const request = async <M extends WsApiMethodName>(
    method: M,
    params: Readonly<Record<string, unknown>> = {},
    callOptions: WsApiCallOptions = {},
  ): Promise<WsApiResults[M]> => {
    type T = WsApiResults[M];
    const spec: WsApiMethodSpec | undefined = specs[method];
    if (spec === undefined) {
      throw new ClientConfigError(`Unknown WebSocket API method '${String(method)}' on ${client.market}.`);
    }
    if (closed) throw new ClientClosedError({ method: WS, path: method });
    // The first connection: calls wait for it (bounded by connect's time limit) before choosing a route.
    if (state === 'idle') void connect().catch(() => {});
    if (initial !== undefined && state === 'connecting') await initial;
    let retried = false;
    // Bounded: a frame that never left is routed again at most twice; a read is repeated once.
    for (let round = 0; round < 3; round++) {
      if (closed) throw new ClientClosedError({ method: WS, path: method });
      if (state !== 'ready') {
        if (spec.rest === undefined || !fallback) throw notConnected(method, url);
        return viaRest<T>(method, spec, params, callOptions);
      }
      try {
        return await sendWithResync<T>(method, params, callOptions, false);
      } catch (error) {
        if (isNotSent(error)) continue;
        const repeatable = spec.kind === 'read' || (spec.kind === 'write' && spec.idempotent === true);
        if (repeatable && !retried && (error instanceof TimeoutError || error instanceof NetworkError)) {
          retried = true;
          continue;
        }
        throw error;
      }
    }
    if (spec.rest === undefined || !fallback) throw notConnected(method, url);
    return viaRest<T>(method, spec, params, callOptions);
  };

  const session = async (method: 'session.logon' | 'session.status' | 'session.logout') => {
    if (state !== 'ready') await waitFor(requestTimeoutMs, false);
    return sendWithResync<SessionStatusResult>(method, {}, {}, true);
  };

  return {
    client,
    url,
    get state() {
      return state;
    },
    get loggedOn() {
      return loggedOn;
    },
    connect,
    ready: (timeoutMs = (options.connectTimeoutMs ?? 10_000) + requestTimeoutMs) => {
      if (state === 'idle') void connect().catch(() => {});
      return waitFor(timeoutMs, false);
    },
    request,
    async logon() {
      const result = await session('session.logon');
      wantSession = true;
      loggedOn = true;
      emit({ type: 'logon', authorizedSince: result.authorizedSince });
      return result;
    },
    status: () => session('session.status'),
    async logout() {
      const result = await session('session.logout');
      wantSession = false;
      loggedOn = false;
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      generation += 1;
      failPending(
        (method) =>
          new ConnectionResetError({
            method: WS,
            path: method,
            code: 'WS_CLOSED',
            cause: new Error('The WebSocket API client was closed.'),
          }),
      );
      for (const waiter of [...waiters])
        waiter.reject(new ClientClosedError({ method: WS, path: 'connect' }));
      setState('closed');
      await socket.close();
    },
  };
}
