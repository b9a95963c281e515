import { BasisError, redactObject } from '@basis/core';

/** What a request was, as an {@link UnknownOutcomeError} reports it. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  /** `order`, `cancel` or `write`: requests the pipeline never resends blindly. */
  readonly kind: string;
  /** The action's parameters, before `timestamp`, `recvWindow` and `signature` were added; redacted. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The `timestamp` the request was signed with, ms (undefined for unsigned requests). */
  readonly timestamp: number | undefined;
}

/**
 * A request that changes state (an order, a cancel, a non-idempotent write) failed in a way that
 * leaves its outcome unknown: a timeout, a reset connection, a 5xx, 503 "Unknown error", -1000,
 * -1006, -1007. It may or may not have been executed.
 *
 * The pipeline never resends it. Reconcile first: query the order by `clientOrderId`
 * (`origClientOrderId`) or watch the user-data stream, and send again only once the order is proven
 * absent. `cause` is the failure itself (a `TimeoutError`, `ConnectionResetError`, `ServerError`...).
 */
export class UnknownOutcomeError extends BasisError {
  override name = 'UnknownOutcomeError' as const;
  /** What was sent (redacted; never the signature). */
  readonly request: SentRequest;
  /** The request's `newClientOrderId` (or `origClientOrderId`), if it had one: the key to reconcile by. */
  readonly clientOrderId: string | undefined;

  constructor(parameters: {
    readonly request: Omit<SentRequest, 'params'> & { readonly params: Readonly<Record<string, unknown>> };
    readonly cause: unknown;
    readonly secrets?: readonly string[];
  }) {
    const { request } = parameters;
    const id = request.params.newClientOrderId ?? request.params.origClientOrderId;
    const clientOrderId = typeof id === 'string' ? id : undefined;
    super(
      `The outcome of ${request.method} ${request.path} is unknown: it may or may not have been executed.`,
      {
        cause: parameters.cause,
        docsPath: 'sdk/errors#unknownoutcomeerror',
        metaMessages: [
          clientOrderId === undefined
            ? 'Reconcile (query open orders or the user-data stream) before sending it again.'
            : `Reconcile by client order id ${clientOrderId} before sending it again.`,
        ],
        ...(parameters.secrets === undefined ? {} : { secrets: parameters.secrets }),
      },
    );
    const params = redactObject(request.params, parameters.secrets ?? []) as Record<string, unknown>;
    this.request = Object.freeze({
      method: request.method,
      path: this.redactString(request.path),
      kind: request.kind,
      params: Object.freeze(params),
      timestamp: request.timestamp,
    });
    this.clientOrderId = clientOrderId;
  }
}
export type UnknownOutcomeErrorType = UnknownOutcomeError & { name: 'UnknownOutcomeError' };

/** A request needs an API key (and a secret or private key to sign) but the client has none. */
export class MissingCredentialsError extends BasisError {
  override name = 'MissingCredentialsError' as const;
  readonly method: string;
  readonly path: string;

  constructor(parameters: { readonly method: string; readonly path: string; readonly security: string }) {
    super(`${parameters.method} ${parameters.path} (${parameters.security}) needs credentials.`, {
      docsPath: 'sdk/errors#missingcredentialserror',
      metaMessages: [
        'Pass credentials: { apiKey, apiSecret } or { apiKey, privateKey } to createClient,',
        'or set BASIS_API_KEY with BASIS_API_SECRET or BASIS_PRIVATE_KEY_FILE for clientFromEnv.',
      ],
    });
    this.method = parameters.method;
    this.path = parameters.path;
  }
}
export type MissingCredentialsErrorType = MissingCredentialsError & { name: 'MissingCredentialsError' };

/** A request was made after `client.close()`. */
export class ClientClosedError extends BasisError {
  override name = 'ClientClosedError' as const;
  constructor(parameters: { readonly method: string; readonly path: string }) {
    super(`${parameters.method} ${parameters.path} was called after client.close().`, {
      docsPath: 'sdk/errors#clientclosederror',
    });
  }
}
export type ClientClosedErrorType = ClientClosedError & { name: 'ClientClosedError' };
