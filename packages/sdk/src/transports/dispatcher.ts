import type { Socket } from 'node:net';
import { ClientConfigError } from '../errors/config.js';

/** What the transport hands a dispatcher for one request (undici's `Dispatcher.DispatchOptions`). */
export interface HttpDispatchOptions {
  readonly origin: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  /** Close the connection after this request (no keep-alive). */
  readonly reset: boolean;
}

/** Bytes as undici hands them out: Buffers, or strings for headers set by interceptors. */
export type RawHeader = Uint8Array | string;

/** undici's dispatch handler, in the form every undici since 5 accepts (Node 20's bundled 6.x too). */
export interface HttpDispatchHandler {
  onConnect(abort: (reason: Error) => void): void;
  onHeaders(statusCode: number, rawHeaders: RawHeader[] | null, resume: () => void): boolean;
  onData(chunk: Uint8Array): boolean;
  onComplete(trailers: RawHeader[] | null): void;
  onError(error: Error): void;
}

/**
 * An undici dispatcher: an `Agent`, `Pool`, `ProxyAgent`, `MockAgent` or anything with their
 * `dispatch` and `close`. Structural, so the SDK needs no undici of its own to name one.
 */
export interface HttpDispatcher {
  dispatch(options: HttpDispatchOptions, handler: HttpDispatchHandler): boolean;
  close(): Promise<void>;
}

/** Where every undici (Node's bundled one and npm's) keeps the process's global dispatcher. */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** What undici hands a connector for each new socket (its `connect` option as a function). */
export interface ConnectorOptions {
  readonly hostname: string;
  readonly protocol: string;
  readonly port: string | number;
  readonly servername?: string | null;
}

/** undici's connector: opens each socket of an `Agent` and hands it over (or the error). */
export type Connector = (
  options: ConnectorOptions,
  callback: (error: Error | null, socket: Socket | null) => void,
) => void;

/** What the SDK sets on its `Agent`: the pool size and, for a proxy, how sockets are opened. */
export interface AgentOptions {
  readonly connections: number;
  readonly pipelining: number;
  /** Opens each socket (the proxy tunnel) instead of connecting directly. */
  readonly connect?: Connector;
}

function isDispatcher(value: unknown): value is HttpDispatcher {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { dispatch?: unknown }).dispatch === 'function' &&
    typeof (value as { close?: unknown }).close === 'function'
  );
}

/**
 * A keep-alive `Agent` of the undici that Node itself ships for `fetch`, so the SDK installs no HTTP
 * client. Node loads that undici on first use of a fetch global; it then sets its `Agent` as the
 * process's global dispatcher, whose class is the one public way to it. `scope` is injected for
 * tests. When the application had set a global dispatcher of another kind before (a `ProxyAgent`, a
 * `MockAgent`), that one is followed, as `fetch` follows it, and is never closed by the SDK; a plain
 * `Agent` there only lends its class (an application's `Agent` options reach the SDK through the
 * `dispatcher` option).
 */
export function builtinDispatcher(
  options: AgentOptions,
  scope: Record<symbol, unknown> & { readonly Headers?: unknown } = globalThis as never,
): { readonly dispatcher: HttpDispatcher; readonly owned: boolean } {
  // Reading a fetch global is what makes Node load its undici (and install the global Agent).
  const hasFetch = typeof scope.Headers === 'function';
  const global = scope[GLOBAL_DISPATCHER];
  if (!hasFetch || !isDispatcher(global)) {
    throw new ClientConfigError(
      "This runtime has no built-in undici dispatcher (Node's fetch) for the SDK's HTTP transport.",
      {
        metaMessages: [
          'Pass `dispatcher` (an undici Agent or Pool) in the http options, or a transport of your own.',
        ],
      },
    );
  }
  const Agent = global.constructor as new (options: AgentOptions) => HttpDispatcher;
  if (Agent.name === 'Agent') return { dispatcher: new Agent(options), owned: true };
  if (options.connect !== undefined) {
    // A proxy needs an Agent of the SDK's own; the application's dispatcher is no class to make one from.
    throw new ClientConfigError(
      `The process's global HTTP dispatcher is a ${Agent.name}, not undici's Agent, so the SDK cannot add its proxy to it.`,
      { metaMessages: ['Pass `dispatcher` (an undici ProxyAgent) in the http options instead of `proxy`.'] },
    );
  }
  return { dispatcher: global, owned: false };
}
