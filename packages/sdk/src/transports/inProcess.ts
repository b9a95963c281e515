import { type Clock, createLiveClock } from '@basis/core';
import { TimeoutError } from '../errors/transport.js';
import { toNetworkError } from './errors.js';
import type { Transport, WireRequest, WireResponse } from './transport.js';

/**
 * A request as an in-process handler takes it: what an HTTP server would hand over after parsing
 * the request line. Structurally the local exchange's `RestRequest`; declared here because the SDK
 * never imports the exchange.
 */
export interface InProcessRequest {
  readonly method: string;
  /** The path without the query. */
  readonly path: string;
  /** Everything after `?`, exactly as an HTTP client would send it. */
  readonly rawQuery: string;
  /** The body, exactly as sent. */
  readonly rawBody: string;
  /** Headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The caller's IP, for the exchange's per-IP limits. */
  readonly clientIp: string;
}

/** A handler's answer. Header names are lower-case. */
export interface InProcessResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Anything that answers requests in process: a local exchange (`createExchange()`) is one. */
export interface InProcessHandler {
  handle(request: InProcessRequest): InProcessResponse | Promise<InProcessResponse>;
}

/** Options of {@link inProcess}. */
export interface InProcessTransportOptions {
  readonly handler: InProcessHandler;
  /** The IP the handler sees (default `127.0.0.1`); its per-IP weight limit counts against it. */
  readonly clientIp?: string;
  /**
   * The clock time limits run on (default: the wall clock). With a handler that
   * answers synchronously no timer is ever started.
   */
  readonly clock?: Clock;
}

/** The in-process transport. */
export interface InProcessTransport extends Transport {
  readonly kind: 'inProcess';
}

function lowerCase(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/**
 * Hands requests straight to a handler in the same process, without sockets: the same bytes an HTTP
 * server would see (query and body exactly as signed), the same answer. The local exchange's
 * `handle` is such a handler, so a backtest or a test runs the exchange's full REST path (rate
 * limits, signature checks, error bodies) at function-call speed.
 *
 * A handler that returns a promise is raced against the request's time limit (`TimeoutError`); a
 * handler that throws rejects with a `NetworkError` carrying the exception as `cause`.
 *
 * @example
 * const exchange = createExchange();
 * const client = createClient({ env: 'local', transport: inProcess({ handler: exchange }), credentials: exchange.defaultAccount });
 */
export function inProcess(options: InProcessTransportOptions): InProcessTransport {
  const { handler } = options;
  const clientIp = options.clientIp ?? '127.0.0.1';
  let clock = options.clock;

  const request = async (wire: WireRequest): Promise<WireResponse> => {
    const target = { method: wire.method, path: wire.path };
    let answer: InProcessResponse | Promise<InProcessResponse>;
    try {
      answer = handler.handle({
        method: wire.method,
        path: wire.path,
        rawQuery: wire.query,
        rawBody: wire.body,
        headers: wire.headers,
        clientIp,
      });
    } catch (error) {
      throw toNetworkError(error, target);
    }
    if (!(answer instanceof Promise)) return { ...answer, headers: lowerCase(answer.headers) };

    clock ??= createLiveClock();
    const timerClock = clock;
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = timerClock.setTimeout(
        () => reject(new TimeoutError({ method: wire.method, path: wire.path, timeoutMs: wire.timeoutMs })),
        wire.timeoutMs,
      );
    });
    try {
      const response = await Promise.race([answer, timeout]);
      return { ...response, headers: lowerCase(response.headers) };
    } catch (error) {
      if (error instanceof TimeoutError) throw error;
      throw toNetworkError(error, target);
    } finally {
      timerClock.clearTimeout(timer);
    }
  };

  return { kind: 'inProcess', request };
}
