import { type SigningParams, stringifyJson, wsApiSigningPayload } from '@basis/core';
import { ApiError, apiError } from '../api/apiError.js';
import type { Security } from '../api/endpoint.js';
import { ParamReader, type RawParams } from '../api/params.js';
import {
  type Authenticator,
  createAuthenticator,
  DEFAULT_RECV_WINDOW,
  DEFAULT_RECV_WINDOW_MAX,
} from '../rest/authenticate.js';
import type { Account } from '../venue/account.js';
import type { Venue } from '../venue/venue.js';

/** A connection's logged-on key (`session.logon`), if any. */
export interface WsApiSessionKey {
  readonly apiKey: string;
  readonly authorizedSince: number;
}

const TIMESTAMP = /^\d{1,20}$/;
const NO_INPUT = { rawQuery: '', rawBody: '', jsonBody: false } as const;

/**
 * The WebSocket API's credential checks (§12), on REST's authenticator: the same key lookup,
 * permissions, timing rule and error codes. A signed request is verified over its parameters sorted
 * by name (core's `wsApiSigningPayload`: values percent-encoded as the official connectors sign
 * them; the unencoded form is accepted too, since Binance's docs show it); HMAC hex, Ed25519 and RSA
 * base64 as sent inside the JSON. After `session.logon`, requests without `apiKey` and `signature`
 * run as the session's key (`timestamp` and `recvWindow` are still checked).
 */
export class WsApiAuth {
  readonly #venue: Venue;
  readonly #authenticator: Authenticator;
  readonly #recvWindowMax: number;

  constructor(venue: Venue, recvWindowMax: number | undefined) {
    this.#venue = venue;
    this.#recvWindowMax = recvWindowMax ?? DEFAULT_RECV_WINDOW_MAX;
    this.#authenticator = createAuthenticator({ venue, recvWindowMax: this.#recvWindowMax });
  }

  /**
   * The account a request runs for, undefined for NONE.
   *
   * @param params the request's `params` as sent (for the signature).
   * @param raw the endpoint's parameters (strings, without `apiKey`, `signature`, `returnRateLimits`).
   */
  authenticate(
    security: Security,
    params: Readonly<Record<string, unknown>>,
    raw: RawParams,
    session: WsApiSessionKey | undefined,
    now: number,
  ): Account | undefined {
    if (security === 'NONE') return undefined;
    const apiKey = typeof params.apiKey === 'string' ? params.apiKey : undefined;
    const signature = params.signature;
    if (security === 'USER_STREAM' || security === 'MARKET_DATA') {
      return this.#authenticator.authenticate(security, apiKey ?? session?.apiKey, raw, NO_INPUT, now);
    }
    if (apiKey === undefined && signature === undefined && session !== undefined) {
      return this.#sessionAccount(security, session.apiKey, raw, now);
    }
    return this.#signed(security, apiKey ?? session?.apiKey, params, raw, now);
  }

  /** `session.logon`: an Ed25519 key and a valid signature; returns the key's account. */
  logon(params: Readonly<Record<string, unknown>>, raw: RawParams, now: number): Account {
    const apiKey = typeof params.apiKey === 'string' ? params.apiKey : undefined;
    const entry = apiKey === undefined ? undefined : this.#venue.keys.get(apiKey);
    if (entry !== undefined && entry.key.type !== 'ED25519') throw apiError(-4056);
    const account = this.#signed('USER_DATA', apiKey, params, raw, now);
    if (account === undefined) throw apiError(-2015);
    return account;
  }

  #signed(
    security: Security,
    apiKey: string | undefined,
    params: Readonly<Record<string, unknown>>,
    raw: RawParams,
    now: number,
  ): Account | undefined {
    const signature = params.signature;
    const signatureText = signature === undefined || signature === null ? undefined : String(signature);
    const suffix = signatureText === undefined ? '' : `&signature=${encodeURIComponent(signatureText)}`;
    const encoded = wsApiSigningPayload(params as SigningParams);
    try {
      return this.#authenticator.authenticate(
        security,
        apiKey,
        raw,
        { rawQuery: encoded + suffix, rawBody: '', jsonBody: false },
        now,
      );
    } catch (error) {
      const plain = plainPayload(params);
      if (!(error instanceof ApiError) || error.code !== -1022 || plain === encoded) throw error;
      return this.#authenticator.authenticate(
        security,
        apiKey,
        raw,
        { rawQuery: plain + suffix, rawBody: '', jsonBody: false },
        now,
      );
    }
  }

  /** A request on a logged-on session: the key must still exist and be permitted, the timing must hold. */
  #sessionAccount(security: Security, apiKey: string, raw: RawParams, now: number): Account {
    const entry = this.#venue.keys.get(apiKey);
    if (entry === undefined) throw apiError(-2015);
    const { permissions } = entry.key;
    if ((security === 'TRADE' && !permissions.trade) || (security === 'USER_DATA' && !permissions.read))
      throw apiError(-2015);
    const timestampText = raw.timestamp;
    if (timestampText === undefined || !TIMESTAMP.test(timestampText)) throw apiError(-1102, ['timestamp']);
    const recvWindow = new ParamReader(raw).integer('recvWindow') ?? DEFAULT_RECV_WINDOW;
    if (recvWindow <= 0 || recvWindow > this.#recvWindowMax) throw apiError(-1130, ['recvWindow']);
    const timestamp = Number(timestampText);
    if (timestamp >= now + 1000) throw apiError(-1021, [], { template: 1 });
    if (now - timestamp > recvWindow) throw apiError(-1021);
    return entry.account;
  }
}

/** `name=value` pairs sorted by name, values unencoded (the form Binance's documentation prints). */
function plainPayload(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'signature' && params[key] !== undefined && params[key] !== null)
    .sort()
    .map((key) => {
      const value = params[key];
      return `${key}=${typeof value === 'object' ? stringifyJson(value) : String(value)}`;
    })
    .join('&');
}
