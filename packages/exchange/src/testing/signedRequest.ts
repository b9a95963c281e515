import { hmacSha256Hex } from '@basis/core';
import type { RestRequest } from '../rest/handler.js';

/** Credentials for a test client. */
export interface TestCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/**
 * Builds a REST request as Binance's own clients send it: parameters in the query string (or the
 * form body), `timestamp` added, HMAC-SHA256 signature last. For tests and tools that drive an
 * exchange in-process.
 */
export function signedRequest(
  method: string,
  path: string,
  params: Readonly<Record<string, string | number | boolean>>,
  credentials: TestCredentials,
  options: { readonly timestamp: number; readonly inBody?: boolean; readonly recvWindow?: number } = {
    timestamp: 0,
  },
): RestRequest {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) all[k] = String(v);
  all.timestamp = String(options.timestamp);
  if (options.recvWindow !== undefined) all.recvWindow = String(options.recvWindow);
  const payload = new URLSearchParams(all).toString();
  const signed = `${payload}&signature=${hmacSha256Hex(credentials.apiSecret, payload)}`;
  return {
    method,
    path,
    rawQuery: options.inBody === true ? '' : signed,
    rawBody: options.inBody === true ? signed : '',
    headers: {
      'x-mbx-apikey': credentials.apiKey,
      ...(options.inBody === true ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    clientIp: '127.0.0.1',
  };
}

/** An unsigned public request. */
export function publicRequest(
  method: string,
  path: string,
  params: Readonly<Record<string, string | number>> = {},
): RestRequest {
  const query = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return { method, path, rawQuery: query, rawBody: '', headers: {}, clientIp: '127.0.0.1' };
}
