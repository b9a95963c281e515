import { createVerifier, restSigningPayload, stripSignature, type Verifier } from '@basis/core';
import { apiError } from '../api/apiError.js';
import type { Security } from '../api/endpoint.js';
import { ParamReader, type RawParams } from '../api/params.js';
import type { Account, ApiKeyRecord } from '../venue/account.js';
import type { Venue } from '../venue/venue.js';

/** What a signed request is checked against. */
export interface SignedInput {
  /** The query string as received (after `?`). */
  readonly rawQuery: string;
  /** The body as received. */
  readonly rawBody: string;
  /** True when the body is JSON: it is signed as-is and the signature must be in the query. */
  readonly jsonBody: boolean;
}

/** How an {@link Authenticator} is set up. */
export interface AuthenticatorOptions {
  readonly venue: Venue;
  /** Largest `recvWindow` accepted, ms; above it is -1130. Default 60000. */
  readonly recvWindowMax?: number;
}

/** Checks a request's credentials for its endpoint's security type. */
export interface Authenticator {
  /**
   * The account the request runs for: undefined for NONE (an API key sent anyway is ignored, as the
   * `binance` package sends one on every request); otherwise the key's account, after every check
   * Binance makes.
   *
   * @throws ApiError -2014 (no key, or a malformed unknown one), -2015 (unknown key, or a key without
   *   the permission), -1102 (`timestamp` or `signature` missing or malformed), -1100/-1130 (bad
   *   `recvWindow`), -1021 (outside the window), -1022 (bad signature).
   */
  authenticate(
    security: Security,
    apiKey: string | undefined,
    params: RawParams,
    input: SignedInput,
    now: number,
  ): Account | undefined;
}

/** Binance's default `recvWindow`, ms. */
export const DEFAULT_RECV_WINDOW = 5000;
/** Our default cap on `recvWindow` (Binance futures documents none; spot's is 60000). */
export const DEFAULT_RECV_WINDOW_MAX = 60_000;

// Binance API keys are 64 alphanumerics; an unknown key of another shape is "format invalid".
const API_KEY_SHAPE = /^[A-Za-z0-9]{64}$/;
const TIMESTAMP = /^\d{1,20}$/;

/**
 * Creates the credential checks of the REST transport (and of the WebSocket API later). Verifiers
 * are prepared once per key record and cached; a replaced or removed key is simply not found again.
 *
 * The order of checks: API key (present, known, permitted), then for TRADE and USER_DATA
 * `timestamp` (-1102), `signature` (-1102), `recvWindow`, the timing rule (-1021), and last the
 * signature itself (-1022), the costly check, so stale or replayed requests are refused cheaply.
 *
 * Timing (reference §2.6): accepted iff `timestamp < now + 1000` and `now - timestamp <= recvWindow`.
 * The signature is checked over the raw query without `signature` immediately followed by the raw
 * body without `signature` (HMAC: hex; Ed25519 and RSA: base64).
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { venue } = options;
  const recvWindowMax = options.recvWindowMax ?? DEFAULT_RECV_WINDOW_MAX;
  // Keyed by the record itself, so a key re-added with a new secret gets a new verifier.
  const verifiers = new WeakMap<ApiKeyRecord, Verifier | null>();

  const verifierOf = (key: ApiKeyRecord): Verifier | null => {
    let verifier = verifiers.get(key);
    if (verifier === undefined) {
      try {
        verifier = createVerifier(
          key.type === 'HMAC'
            ? { type: 'HMAC', secret: key.secret }
            : { type: key.type, publicKey: key.publicKey },
        );
      } catch {
        // A stored key that cannot verify anything: every signature is invalid.
        verifier = null;
      }
      verifiers.set(key, verifier);
    }
    return verifier;
  };

  return {
    authenticate(security, apiKey, params, input, now) {
      if (security === 'NONE') return undefined;
      if (apiKey === undefined || apiKey === '') throw apiError(-2014);
      const entry = venue.keys.get(apiKey);
      if (entry === undefined) throw apiError(API_KEY_SHAPE.test(apiKey) ? -2015 : -2014);
      const { permissions } = entry.key;
      if ((security === 'TRADE' && !permissions.trade) || (security === 'USER_DATA' && !permissions.read))
        throw apiError(-2015);
      if (security === 'TRADE' || security === 'USER_DATA') checkSigned(entry.key, params, input, now);
      return entry.account;
    },
  };

  function checkSigned(key: ApiKeyRecord, params: RawParams, input: SignedInput, now: number): void {
    const timestampText = params.timestamp;
    if (timestampText === undefined || !TIMESTAMP.test(timestampText)) throw apiError(-1102, ['timestamp']);
    const query = stripSignature(input.rawQuery);
    const body = input.jsonBody
      ? { unsigned: input.rawBody, signature: undefined }
      : stripSignature(input.rawBody);
    const signature = query.signature ?? body.signature;
    if (signature === undefined || signature === '') throw apiError(-1102, ['signature']);
    const recvWindow = new ParamReader(params).integer('recvWindow') ?? DEFAULT_RECV_WINDOW;
    if (recvWindow <= 0 || recvWindow > recvWindowMax) throw apiError(-1130, ['recvWindow']);
    const timestamp = Number(timestampText);
    if (timestamp >= now + 1000) throw apiError(-1021, [], { template: 1 });
    if (now - timestamp > recvWindow) throw apiError(-1021);
    const verifier = verifierOf(key);
    if (verifier === null || !verifier.verify(restSigningPayload(query.unsigned, body.unsigned), signature))
      throw apiError(-1022);
  }
}
