import { type Clock, createLiveClock, redactUrl } from '@basis/core';
import { ClientConfigError } from '../errors/config.js';
import { TimeoutError } from '../errors/transport.js';
import {
  builtinDispatcher,
  type HttpDispatcher,
  type HttpDispatchHandler,
  type RawHeader,
} from './dispatcher.js';
import { toNetworkError } from './errors.js';
import { type ProxyTarget, parseProxy, tunnelConnector } from './proxyTunnel.js';
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
   * An HTTP(S) proxy URL (`http://user:pass@proxy:3128`); requests tunnel through it with CONNECT,
   * TLS to Binance inside the tunnel. Its credentials are never printed.
   */
  readonly proxy?: string;
  /**
   * An undici dispatcher of your own (an `Agent` with TLS options, a `MockAgent`, interceptors), used
   * instead of the SDK's; `connections` and `proxy` do not apply to it and `close()` leaves it open.
   */
  readonly dispatcher?: HttpDispatcher;
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

function headerText(value: RawHeader, encoding: 'latin1' | 'utf8'): string {
  if (typeof value === 'string') return value;
  // undici hands out Buffers: decode them as they are, without a second view (about half the cost).
  if (Buffer.isBuffer(value)) return value.toString(encoding);
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString(encoding);
}

/**
 * Names Binance and the local exchange send with every answer, lower-case, by length: a raw name is
 * matched against them byte by byte, so these are neither decoded nor lower-cased per response
 * (about half of the header work, as undici's own `parseHeaders` does with its lookup tree).
 */
const COMMON_HEADER_NAMES: ReadonlyMap<number, readonly string[]> = (() => {
  const byLength = new Map<number, string[]>();
  for (const name of [
    'content-type',
    'content-length',
    'date',
    'connection',
    'keep-alive',
    'transfer-encoding',
    'retry-after',
    'server',
    'x-mbx-used-weight',
    'x-mbx-used-weight-1m',
    'x-mbx-order-count-10s',
    'x-mbx-order-count-1m',
    'x-mbx-order-count-1d',
  ]) {
    const list = byLength.get(name.length) ?? [];
    list.push(name);
    byLength.set(name.length, list);
  }
  return byLength;
})();

/** The lower-case name `raw` spells in any case, if it is one of {@link COMMON_HEADER_NAMES}. */
function commonHeaderName(raw: Uint8Array): string | undefined {
  const candidates = COMMON_HEADER_NAMES.get(raw.length);
  if (candidates === undefined) return undefined;
  next: for (const name of candidates) {
    for (let i = 0; i < raw.length; i++) {
      const byte = raw[i]!;
      // A-Z folded to a-z; any other byte must be the name's own.
      if ((byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) !== name.charCodeAt(i)) continue next;
    }
    return name;
  }
  return undefined;
}

/**
 * Response headers from undici's raw `[name, value, ...]` list: lower-case names, repeated headers
 * joined with `, ` (what undici's own `parseHeaders` and a join of its arrays gave).
 */
function joinRawHeaders(raw: readonly RawHeader[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === null || raw === undefined) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const rawName = raw[i]!;
    const name =
      (typeof rawName === 'string' ? undefined : commonHeaderName(rawName)) ??
      headerText(rawName, 'latin1').toLowerCase();
    const value = headerText(raw[i + 1]!, 'utf8');
    const previous = out[name];
    out[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  // As undici's parseHeaders (nodejs/node#46528): with a content-length, content-disposition is latin1.
  const disposition = out['content-disposition'];
  if (disposition !== undefined && out['content-length'] !== undefined) {
    out['content-disposition'] = Buffer.from(disposition).toString('latin1');
  }
  return out;
}

/** The whole body as one `Uint8Array` (a copy: undici's chunks are views of socket buffers). */
function concatChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * One request's undici dispatch handler: buffers the body and settles the request's promise, without
 * the stream, async resource and abort signal `Dispatcher.request` builds per request (the SDK reads
 * every body whole anyway). `expire` aborts it at its deadline.
 */
class BufferingHandler implements HttpDispatchHandler {
  #abort: ((reason: Error) => void) | undefined;
  #reason: Error | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  #chunks: Uint8Array[] = [];
  #length = 0;
  #settled = false;
  readonly #resolve: (response: WireResponse) => void;
  readonly #reject: (error: unknown) => void;

  constructor(resolve: (response: WireResponse) => void, reject: (error: unknown) => void) {
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** Aborts the request with `reason` now, or as soon as undici starts it. */
  abort(reason: Error): void {
    if (this.#settled || this.#reason !== undefined) return;
    this.#reason = reason;
    if (this.#abort !== undefined) this.#abort(reason);
  }

  onConnect(abort: (reason: Error) => void): void {
    if (this.#reason !== undefined) {
      abort(this.#reason);
      return;
    }
    this.#abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: RawHeader[] | null): boolean {
    if (statusCode < 200) return true; // 1xx: informational, the real answer follows.
    this.#status = statusCode;
    this.#headers = joinRawHeaders(rawHeaders);
    return true;
  }

  onData(chunk: Uint8Array): boolean {
    this.#chunks.push(chunk);
    this.#length += chunk.byteLength;
    return true;
  }

  onComplete(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve({
      status: this.#status,
      headers: this.#headers,
      body: concatChunks(this.#chunks, this.#length),
    });
  }

  onError(error: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(error);
  }
}

/**
 * The HTTP transport, on a keep-alive `Agent` of the undici Node ships for `fetch`, driven through its
 * dispatcher API (`docs/adr/0004-sdk-http-transport.md` and `0005-sdk-http-on-nodes-undici.md`: about
 * 2-3x the request rate of `fetch` itself for signed round trips on loopback, and nothing to
 * install). It is set up on the first request, so importing the SDK stays cheap. A `proxy` is a
 * CONNECT tunnel per socket (`proxyTunnel.ts`).
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
  const proxy: ProxyTarget | undefined = options.proxy === undefined ? undefined : parseProxy(options.proxy);
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  const keepAlive = options.keepAlive ?? true;
  const clock = options.clock ?? createLiveClock();
  const maxTimeoutMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
  /** Made on the first request (loading Node's undici then, not at import). */
  let dispatcher: HttpDispatcher | undefined;
  /** Whether `close()` closes it: not the application's own, nor the process's global one. */
  let owned = false;
  let closed = false;

  const openDispatcher = (): HttpDispatcher => {
    if (options.dispatcher !== undefined) return options.dispatcher;
    const builtin = builtinDispatcher({
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      pipelining: 1,
      ...(proxy === undefined ? {} : { connect: tunnelConnector(proxy) }),
    });
    owned = builtin.owned;
    return builtin.dispatcher;
  };

  /** Sends `wire` on `pool` under one deadline (connect, send and the whole body). */
  const send = (
    pool: HttpDispatcher,
    wire: WireRequest,
    timeoutMs: number,
    remainingMs: number,
  ): Promise<WireResponse> =>
    new Promise<WireResponse>((resolve, reject) => {
      let timedOut = false;
      let timer: ReturnType<Clock['setTimeout']> | undefined;
      const handler = new BufferingHandler(
        (response) => {
          clock.clearTimeout(timer);
          resolve(response);
        },
        (error) => {
          clock.clearTimeout(timer);
          if (timedOut) {
            reject(new TimeoutError({ method: wire.method, path: wire.path, timeoutMs, cause: error }));
          } else {
            reject(toNetworkError(error, { method: wire.method, path: wire.path, origin }));
          }
        },
      );
      timer = clock.setTimeout(() => {
        timedOut = true;
        // What `AbortController.abort()` gave as the reason before: the TimeoutError's cause.
        handler.abort(new DOMException('This operation was aborted', 'AbortError'));
      }, remainingMs);
      try {
        pool.dispatch(
          {
            origin,
            path: wire.query === '' ? `${prefix}${wire.path}` : `${prefix}${wire.path}?${wire.query}`,
            method: wire.method,
            headers: wire.headers,
            body: wire.body === '' ? null : wire.body,
            reset: !keepAlive,
          },
          handler,
        );
      } catch (error) {
        handler.onError(error as Error);
      }
    });

  // Not async: the common path hands back `send`'s promise itself, with no extra promise around it.
  const request = (wire: WireRequest): Promise<WireResponse> => {
    const target = { method: wire.method, path: wire.path, origin };
    if (closed) return Promise.reject(toNetworkError(new Error('The HTTP transport is closed.'), target));
    const timeoutMs = Math.min(wire.timeoutMs, maxTimeoutMs);
    if (dispatcher !== undefined) return send(dispatcher, wire, timeoutMs, timeoutMs);
    const startedAt = clock.now();
    try {
      dispatcher = openDispatcher();
    } catch (error) {
      return Promise.reject(error instanceof ClientConfigError ? error : toNetworkError(error, target));
    }
    // Loading Node's undici (once per process) counts against the first request's deadline; past it,
    // the request is not sent at all (a request sent only to be abandoned could still reach Binance).
    const remainingMs = timeoutMs - (clock.now() - startedAt);
    if (remainingMs <= 0) {
      return Promise.reject(
        new TimeoutError({
          method: wire.method,
          path: wire.path,
          timeoutMs,
          cause: new DOMException('This operation was aborted', 'AbortError'),
        }),
      );
    }
    return send(dispatcher, wire, timeoutMs, remainingMs);
  };

  return {
    kind: 'http',
    baseUrl: options.baseUrl,
    proxy: () => options.proxy,
    request,
    async close() {
      closed = true;
      const opened = dispatcher;
      dispatcher = undefined;
      if (opened !== undefined && owned) await opened.close();
    },
  };
}
