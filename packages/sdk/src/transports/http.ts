import { type Clock, createLiveClock, redactUrl } from '@basis/core';
import type { Dispatcher } from 'undici';
import { ClientConfigError } from '../errors/config.js';
import { TimeoutError } from '../errors/transport.js';
import { toNetworkError } from './errors.js';
import type { Transport, WireRequest, WireResponse } from './transport.js';

/** Options of {@link http}. */
export interface HttpTransportOptions {
  /** Where requests go: `https://fapi.binance.com`, or a local exchange's `restUrl`. A path prefix is kept. */
  readonly baseUrl: string;
  /**
   * Reuse connections between requests (default true). Without keep-alive every request pays a TCP
   * (and TLS) handshake; Binance's own connectors keep connections alive.
   */
  readonly keepAlive?: boolean;
  /** Most sockets open to the origin at once (default 16); further requests queue. */
  readonly connections?: number;
  /**
   * An HTTP(S) proxy URL (`http://user:pass@proxy:3128`); requests tunnel through it with CONNECT
   * (undici's `ProxyAgent`). Its credentials are never printed.
   */
  readonly proxy?: string;
  /** Upper bound on every request's time limit, ms; the pipeline's per-request limit applies below it. */
  readonly timeoutMs?: number;
  /** The clock the time limits run on (default: the wall clock). */
  readonly clock?: Clock;
}

/** The HTTP transport: a {@link Transport} with its options. */
export interface HttpTransport extends Transport {
  readonly kind: 'http';
  readonly baseUrl: string;
  close(): Promise<void>;
}

const DEFAULT_CONNECTIONS = 16;

function joinHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The HTTP transport, on undici 7's `Pool` with keep-alive (see `docs/adr/0004-sdk-http-transport.md`:
 * about 2-3x the request rate of Node's built-in `fetch` for signed round trips on loopback). undici
 * is imported on the first request, so importing the SDK stays cheap.
 *
 * Each request runs under one deadline covering connect, send and the whole body: past it the
 * request is aborted and rejects with a `TimeoutError`. Socket failures reject with
 * `ConnectionRefusedError`, `ConnectionResetError` or `NetworkError`, the original error as `cause`.
 * HTTP error statuses resolve normally; mapping them is the pipeline's job.
 *
 * @example
 * const transport = http({ baseUrl: 'https://testnet.binancefuture.com', proxy: 'http://127.0.0.1:3128' });
 * const client = createClient({ env: 'testnet', transport });
 */
export function http(options: HttpTransportOptions): HttpTransport {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch (cause) {
    throw new ClientConfigError(`The base URL '${redactUrl(options.baseUrl)}' is not a valid URL.`, {
      cause,
    });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new ClientConfigError(`The base URL must be http: or https:, got '${base.protocol}'.`);
  }
  if (options.proxy !== undefined) {
    try {
      new URL(options.proxy);
    } catch (cause) {
      throw new ClientConfigError(`The proxy URL '${redactUrl(options.proxy)}' is not a valid URL.`, {
        cause,
      });
    }
  }
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  const keepAlive = options.keepAlive ?? true;
  const clock = options.clock ?? createLiveClock();
  const maxTimeoutMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
  let dispatcher: Promise<Dispatcher> | undefined;
  let closed = false;

  const getDispatcher = (): Promise<Dispatcher> => {
    dispatcher ??= import('undici').then((undici) => {
      const connections = options.connections ?? DEFAULT_CONNECTIONS;
      if (options.proxy !== undefined) {
        return new undici.ProxyAgent({ uri: options.proxy, connections });
      }
      return new undici.Pool(origin, { connections, pipelining: 1 });
    });
    return dispatcher;
  };

  const request = async (wire: WireRequest): Promise<WireResponse> => {
    const target = { method: wire.method, path: wire.path, origin };
    if (closed) throw toNetworkError(new Error('The HTTP transport is closed.'), target);
    const timeoutMs = Math.min(wire.timeoutMs, maxTimeoutMs);
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const pool = await getDispatcher();
      const response = await pool.request({
        origin,
        path: `${prefix}${wire.path}${wire.query === '' ? '' : `?${wire.query}`}`,
        method: wire.method,
        headers: wire.headers,
        body: wire.body === '' ? null : wire.body,
        signal: controller.signal,
        reset: !keepAlive,
      });
      const body = await response.body.bytes();
      return { status: response.statusCode, headers: joinHeaders(response.headers), body };
    } catch (error) {
      if (timedOut) throw new TimeoutError({ method: wire.method, path: wire.path, timeoutMs, cause: error });
      throw toNetworkError(error, target);
    } finally {
      clock.clearTimeout(timer);
    }
  };

  return {
    kind: 'http',
    baseUrl: options.baseUrl,
    request,
    async close() {
      closed = true;
      const pending = dispatcher;
      dispatcher = undefined;
      if (pending !== undefined) await (await pending).close();
    },
  };
}
