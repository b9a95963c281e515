import { encodeParams, type Signer, type SigningParams, signatureForQuery } from '@basis/core';
import type { WireRequest } from '../transports/transport.js';
import type { RequestCall } from './types.js';

/** Parameters only the pipeline places (an action's `recvWindow` value is used, at the pipeline's place). */
const RESERVED = new Set(['timestamp', 'signature', 'recvWindow']);

/** What {@link encodeRequest} needs besides the call. */
export interface EncodeContext {
  /** Present when the client has credentials. */
  readonly signer: Signer | undefined;
  /** Estimated server time, ms (signed requests only). */
  readonly timestamp: number;
  readonly recvWindow: number;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

/** An encoded request and the signature in it (kept only to redact it from errors). */
export interface EncodedRequest {
  readonly wire: WireRequest;
  /** The raw signature (before percent-encoding); errors redact every form of it. */
  readonly signature: string | undefined;
  /** The `timestamp` sent, for signed requests. */
  readonly timestamp: number | undefined;
}

function withoutReserved(params: object): SigningParams {
  // The common case, no reserved key: the parameters as they are, without a copy.
  if (!('timestamp' in params) && !('signature' in params) && !('recvWindow' in params)) {
    return params as SigningParams;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (!RESERVED.has(key)) out[key] = value;
  return out as SigningParams;
}

/**
 * Builds the bytes of a request (reference §2.2, §2.3): parameters encoded with core's
 * `encodeParams` in the action's order, then for `TRADE`/`USER_DATA` `recvWindow` and `timestamp`,
 * signed over exactly that string, `signature` last (HMAC hex; Ed25519 and RSA base64,
 * percent-encoded). `GET` and `DELETE` carry it in the query, `POST` and `PUT` in a form body. The
 * API key goes in `X-MBX-APIKEY` for every security type but `NONE`.
 */
export function encodeRequest(call: RequestCall, context: EncodeContext): EncodedRequest {
  const signed = call.security === 'TRADE' || call.security === 'USER_DATA';
  let payload = encodeParams(withoutReserved(call.params ?? {}));
  let signature: string | undefined;
  let timestamp: number | undefined;
  if (signed && context.signer !== undefined) {
    timestamp = Math.floor(context.timestamp);
    // An action's `recvWindow` parameter is honoured too, placed where the pipeline puts it.
    const fromParams = (call.params as { recvWindow?: unknown } | undefined)?.recvWindow;
    const recvWindow =
      call.recvWindow ??
      (typeof fromParams === 'number' || typeof fromParams === 'string' ? fromParams : context.recvWindow);
    const timing = `recvWindow=${recvWindow}&timestamp=${timestamp}`;
    payload = payload === '' ? timing : `${payload}&${timing}`;
    signature = context.signer.sign(payload);
    payload = `${payload}&signature=${signatureForQuery(signature, context.signer.keyType)}`;
  }
  const headers: Record<string, string> = { 'user-agent': context.userAgent };
  if (call.security !== 'NONE' && context.signer !== undefined)
    headers['x-mbx-apikey'] = context.signer.apiKey;
  const inBody = call.method === 'POST' || call.method === 'PUT';
  if (inBody && payload !== '') headers['content-type'] = 'application/x-www-form-urlencoded';
  return {
    wire: {
      method: call.method,
      path: call.path,
      query: inBody ? '' : payload,
      body: inBody ? payload : '',
      headers,
      timeoutMs: call.timeoutMs ?? context.timeoutMs,
    },
    signature,
    timestamp,
  };
}
