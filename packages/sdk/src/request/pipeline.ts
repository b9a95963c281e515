import { type Clock, parseJson, parseJsonBytes, type Signer } from '@basis/core';
import type { Market } from '../clients/environments.js';
import { InvalidTimestampError, isBinanceErrorBody } from '../errors/api.js';
import { createBinanceApiError } from '../errors/fromResponse.js';
import { ClientClosedError, MissingCredentialsError, UnknownOutcomeError } from '../errors/request.js';
import { scrubSecrets } from '../errors/scrub.js';
import { HttpResponseError, InvalidResponseError } from '../errors/transport.js';
import { acquireNow, type RateGovernor, type RateRequest } from '../rateLimit/governor.js';
import { poolOf } from '../rateLimit/limits.js';
import type { TimeSync } from '../time/timeSync.js';
import type { Transport, WireResponse } from '../transports/transport.js';
import { encodeRequest } from './encode.js';
import type { ClientEvent } from './events.js';
import { backoffMs, isRepeatable, isTransient, isUnknownOutcome, type RetryPolicy } from './retryPolicy.js';
import type { PerformedRequest, RequestCall } from './types.js';

/** What the pipeline is built from (the client assembles it). */
export interface PipelineOptions {
  readonly market: Market;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly governor: RateGovernor;
  /** The server-clock estimate. */
  readonly time: TimeSync;
  /**
   * Synchronise before the first signed call and resync on -1021 (default in the client). When false
   * the offset changes only through explicit `time.sync()` calls.
   */
  readonly autoSync: boolean;
  readonly signer: Signer | undefined;
  /** The tag the account's ORDERS budget is kept under. */
  readonly account: string | undefined;
  /** Secret values no error may print (API key, HMAC secret). */
  readonly secrets: readonly string[];
  readonly recvWindow: number;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Uniform in [0, 1), for backoff jitter. */
  readonly random: () => number;
  readonly userAgent: string;
  readonly emit: (event: ClientEvent) => void;
  readonly isClosed: () => boolean;
}

/** The request pipeline: the one path every REST call takes. */
export interface Pipeline {
  /** Runs a call and returns the parsed body. */
  request<T>(call: RequestCall): Promise<T>;
  /** Runs a call and returns the parsed body with the status, headers and the transport's timing. */
  perform<T>(call: RequestCall): Promise<PerformedRequest<T>>;
}

// Made on first use, not at import: constructing a TextDecoder is a measurable part of loading the SDK.
let decoder: InstanceType<typeof TextDecoder> | undefined;

const dataOf = <T>(performed: PerformedRequest<T>): T => performed.data;

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

function bodyText(body: Uint8Array | string): string {
  if (typeof body === 'string') return body;
  decoder ??= new TextDecoder();
  return decoder.decode(body);
}

/**
 * Creates the request pipeline. For each call:
 *
 * 1. Credentials: `MARKET_DATA`, `USER_STREAM`, `TRADE` and `USER_DATA` need them
 *    (`MissingCredentialsError`); before the first signed call the server clock is synchronised once.
 * 2. The rate governor reserves the call's weight, ORDERS and pool budget, waiting rather than
 *    exceeding (`RateLimitedError` past its cap, `IpBannedError` during a ban).
 * 3. Parameters are encoded (query for GET/DELETE, form body for POST/PUT); signed calls get
 *    `recvWindow`, `timestamp` (local clock plus the estimated server offset, taken after any wait)
 *    and the signature; `X-MBX-APIKEY` is set.
 * 4. The transport sends it; the answer is parsed with core's lossless JSON parser (ids beyond 2^53
 *    stay exact); usage headers, `Retry-After` and bans are fed back to the governor.
 * 5. Errors are mapped: a Binance `{code,msg}` body to a `BinanceApiError` subclass, another HTTP error
 *    to `HttpResponseError`, an unreadable 2xx body to `InvalidResponseError`. No error carries the
 *    API key, the secret, the signature or the signed query.
 *
 * Retries:
 * - `read` calls and `write` calls marked `idempotent` are resent on transient failures (timeouts,
 *   network errors, 408/5xx, -1001/-1000/-1007/-1008, a server 429 once its `Retry-After` has passed),
 *   up to `retry.attempts` in all, after a full-jitter exponential backoff on the injected clock.
 * - `order`, `cancel` and other `write` calls are never resent on such failures. When the outcome is
 *   unknown (timeout, reset connection, 5xx, -1000/-1006/-1007, 503 "Unknown error") they reject with
 *   an `UnknownOutcomeError` carrying what was sent, for the order layer to reconcile by client
 *   order id; when the request certainly did not execute (refused connection, 4xx rejection,
 *   governor refusal) they reject with that error itself.
 *
 * -1021 (timestamp outside `recvWindow`): the clock is resynchronised (one synchronisation shared by
 * every call that hit it) and the call is sent once more with a fresh timestamp and signature —
 * **for every kind, orders included**. Why an order may be resent here and nowhere else:
 * - The -1021 answer is itself the proof of non-execution. Binance checks `timestamp` against
 *   `recvWindow` while authenticating the request, with the signature and the API key, before the
 *   request reaches the matching engine (reference §2.6; the local exchange does the same). A request
 *   answered -1021 was refused, not executed, and consumed no ORDERS count.
 * - The outcome is certain only because an answer arrived. A timeout or lost connection is never
 *   treated as a -1021, so nothing uncertain is resent.
 * - The resend is one attempt, after the resync; a second -1021 rejects with an
 *   `InvalidTimestampError` giving the new offset (the cause is then latency or `recvWindow`, which
 *   a resend cannot fix).
 * - Even if an exchange were to break the rule, an order carrying `newClientOrderId` (the order layer
 *   always sets one) would be refused as a duplicate (-4116), not placed twice.
 * -5028 / -4188 ("outside of the ME recvWindow") come from the matching engine after acceptance of
 * the request for processing; they also mean "not executed" but are not resent: they signal latency
 * inside Binance, which a new timestamp does not fix.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const { clock, governor, time, transport, signer } = options;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      clock.setTimeout(resolve, ms);
    });

  const serverNow = () => time.now();

  const attempt = async <T>(call: RequestCall, number: number): Promise<PerformedRequest<T>> => {
    const { method, path } = call;
    const needsOrders = call.orders !== undefined && options.account !== undefined;
    const pool = call.pool ?? poolOf(path);
    const rateRequest: RateRequest = {
      weight: call.weight,
      ...(needsOrders ? { orders: call.orders, account: options.account } : {}),
      ...(pool === undefined ? {} : { pool }),
      now: serverNow(),
      method,
      path,
    };
    // The SDK's own governor answers at once when no wait is needed (no promise to await).
    const maybeAcquired = acquireNow(governor, rateRequest);
    const acquired = isPromiseLike(maybeAcquired) ? await maybeAcquired : maybeAcquired;
    if (acquired.waitedMs > 0)
      options.emit({ type: 'rateLimitWait', method, path, waitedMs: acquired.waitedMs });

    const encoded = encodeRequest(call, {
      signer,
      timestamp: serverNow(),
      recvWindow: options.recvWindow,
      timeoutMs: options.timeoutMs,
      userAgent: options.userAgent,
    });
    // Only error paths read the secrets: the list with the signature is built when one needs it.
    const secretsOf = (): readonly string[] =>
      encoded.signature === undefined ? options.secrets : [...options.secrets, encoded.signature];

    const sentAt = clock.now();
    let response: WireResponse;
    try {
      response = await transport.request(encoded.wire);
    } catch (error) {
      const secrets = secretsOf();
      throw unknownIfUnsafe(call, scrubSecrets(error, secrets), encoded.timestamp, secrets);
    }
    const receivedAt = clock.now();
    options.emit({
      type: 'response',
      method,
      path,
      status: response.status,
      attempt: number,
      durationMs: receivedAt - sentAt,
    });

    const ok = response.status >= 200 && response.status < 300;
    let data: unknown;
    let parseError: unknown;
    try {
      data = typeof response.body === 'string' ? parseJson(response.body) : parseJsonBytes(response.body);
    } catch (error) {
      parseError = error;
    }
    const errorBody = isBinanceErrorBody(data) ? data : undefined;
    const observed = governor.observe({
      status: response.status,
      headers: response.headers,
      ...(needsOrders ? { account: options.account } : {}),
      ...(errorBody === undefined ? {} : { code: errorBody.code, msg: errorBody.msg }),
      now: serverNow(),
    });
    if (observed !== undefined) await observed;

    if (errorBody === undefined && ok && parseError === undefined) {
      return { data: data as T, status: response.status, headers: response.headers, sentAt, receivedAt };
    }
    const secrets = secretsOf();
    let failure: Error | undefined;
    if (errorBody !== undefined) {
      failure = createBinanceApiError(errorBody, {
        status: response.status,
        method,
        path,
        market: options.market,
        headers: response.headers,
        now: serverNow(),
        secrets,
      });
    } else if (!ok) {
      failure = new HttpResponseError({
        method,
        path,
        status: response.status,
        body: bodyText(response.body),
        secrets,
      });
    } else if (parseError !== undefined) {
      failure = new InvalidResponseError({ method, path, status: response.status, cause: parseError });
    }
    if (failure !== undefined) throw unknownIfUnsafe(call, failure, encoded.timestamp, secrets);
    return { data: data as T, status: response.status, headers: response.headers, sentAt, receivedAt };
  };

  /** An unsafe call (order, cancel, write) whose outcome is unknown becomes an `UnknownOutcomeError`. */
  const unknownIfUnsafe = (
    call: RequestCall,
    error: unknown,
    timestamp: number | undefined,
    secrets: readonly string[],
  ): unknown => {
    if (isRepeatable(call) || !isUnknownOutcome(error)) return error;
    return new UnknownOutcomeError({
      request: {
        method: call.method,
        path: call.path,
        kind: call.kind,
        params: { ...(call.params ?? {}) },
        timestamp,
      },
      cause: error,
      secrets,
    });
  };

  const perform = <T>(call: RequestCall): Promise<PerformedRequest<T>> => {
    const { method, path, security } = call;
    if (options.isClosed()) return Promise.reject(new ClientClosedError({ method, path }));
    if (security !== 'NONE' && signer === undefined)
      return Promise.reject(new MissingCredentialsError({ method, path, security }));
    const signed = security === 'TRADE' || security === 'USER_DATA';
    if (signed && options.autoSync && !time.synced) {
      return time.ensureSynced().then(() => firstAttempt<T>(call));
    }
    return firstAttempt<T>(call);
  };

  /** The first attempt; only a failure enters the retry loop (no extra promise on success). */
  const firstAttempt = <T>(call: RequestCall): Promise<PerformedRequest<T>> =>
    attempt<T>(call, 1).catch((error: unknown) => afterFailure<T>(call, error));

  /** The retry loop, from the first attempt's failure on. */
  const afterFailure = async <T>(call: RequestCall, firstError: unknown): Promise<PerformedRequest<T>> => {
    const { method, path } = call;
    const repeatable = isRepeatable(call);
    const attempts = repeatable ? options.retry.attempts : 1;
    let failures = 0;
    let resynced = false;
    let lastError: unknown = firstError;
    // Bounded: `attempts` (at most 10) plus the single resend after a -1021.
    for (let round = 1; round <= attempts + 1; round++) {
      if (round > 1) {
        try {
          return await attempt<T>(call, round);
        } catch (error) {
          lastError = error;
        }
      }
      const error = lastError;
      if (error instanceof InvalidTimestampError && error.code === -1021 && options.autoSync) {
        if (resynced) {
          throw new InvalidTimestampError({
            code: error.code,
            msg: error.msg,
            status: error.status,
            method,
            path,
            market: options.market,
            offsetMs: time.offset(),
            cause: error,
          });
        }
        resynced = true;
        const before = time.offset();
        let after: number;
        try {
          after = (await time.sync()).offsetMs;
        } catch {
          // The resync failed: the original -1021 says more than the sync's own failure.
          throw error;
        }
        options.emit({ type: 'clockResync', method, path, offsetBeforeMs: before, offsetAfterMs: after });
        continue;
      }
      failures += 1;
      if (!repeatable || failures >= attempts || !isTransient(error)) throw error;
      const delayMs = backoffMs(failures, options.retry, options.random);
      options.emit({
        type: 'retry',
        method,
        path,
        attempt: round,
        delayMs,
        reason: error instanceof Error ? error.name : 'Error',
      });
      if (delayMs > 0) await sleep(delayMs);
    }
    throw lastError;
  };

  return {
    perform,
    request<T>(call: RequestCall): Promise<T> {
      return perform<T>(call).then(dataOf);
    },
  };
}
