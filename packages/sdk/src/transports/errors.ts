import {
  ConnectionRefusedError,
  ConnectionResetError,
  NetworkError,
  type NetworkErrorParameters,
  type RequestTarget,
} from '../errors/transport.js';

/** Codes of failures that happen before any byte of the request is written. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_PROXY_TUNNEL',
  'ERR_PROXY_TUNNEL_TIMEOUT',
]);

/** Codes of a connection closed or reset under a request that may have been written. */
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

/** Bound on how deep a cause chain is searched for a code. */
const MAX_DEPTH = 8;

/**
 * The most specific system or undici code in an error, its `cause` chain, or the first error of an
 * `AggregateError` (Node's happy-eyeballs connect reports one per address).
 */
export function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  let found: string | undefined;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    // The innermost system code (ECONNREFUSED) says more than a wrapper's (UND_ERR_...).
    if (typeof code === 'string') found = code;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return found;
}

/** Whether an application's undici `ProxyAgent` was refused a tunnel (`Proxy response (407) !== 200 when HTTP Tunneling`). */
function isProxyTunnelFailure(error: unknown): boolean {
  return error instanceof Error && /Proxy response \(\d+\)/.test(error.message);
}

/**
 * Turns a socket-level failure into the SDK's typed error, keeping the original as `cause`:
 * refused → {@link ConnectionRefusedError}; reset, broken pipe, closed socket →
 * {@link ConnectionResetError}; DNS, unreachable, connect timeout, TLS, a refused proxy tunnel →
 * {@link NetworkError} with `requestSent: false`; anything else → {@link NetworkError}.
 */
export function toNetworkError(
  error: unknown,
  target: RequestTarget & { readonly origin?: string },
): NetworkError {
  const code = errorCodeOf(error);
  const parameters: Omit<NetworkErrorParameters, 'requestSent'> = {
    method: target.method,
    path: target.path,
    cause: error,
    ...(code === undefined ? {} : { code }),
    ...(target.origin === undefined ? {} : { origin: target.origin }),
  };
  if (code === 'ECONNREFUSED') return new ConnectionRefusedError(parameters);
  if (code !== undefined && RESET.has(code)) return new ConnectionResetError(parameters);
  if ((code !== undefined && NOT_SENT.has(code)) || isProxyTunnelFailure(error)) {
    return new NetworkError({ ...parameters, requestSent: false });
  }
  return new NetworkError(parameters);
}
