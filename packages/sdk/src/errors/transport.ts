import { BasisError } from '@basis/core';

/** The request an error is about: method and endpoint path (never the query, which may be signed). */
export interface RequestTarget {
  readonly method: string;
  readonly path: string;
}

/**
 * The request got no complete answer within `timeoutMs`. The request may have reached Binance and
 * been executed: an order that times out has an unknown outcome (the pipeline wraps it in an
 * `UnknownOutcomeError`).
 */
export class TimeoutError extends BasisError {
  override name = 'TimeoutError' as const;
  readonly method: string;
  readonly path: string;
  /** The limit that was exceeded, ms. */
  readonly timeoutMs: number;

  constructor(parameters: RequestTarget & { readonly timeoutMs: number; readonly cause?: unknown }) {
    super(`${parameters.method} ${parameters.path} timed out after ${parameters.timeoutMs} ms.`, {
      docsPath: 'sdk/errors#timeouterror',
      ...(parameters.cause === undefined ? {} : { cause: parameters.cause }),
    });
    this.method = parameters.method;
    this.path = this.redactString(parameters.path);
    this.timeoutMs = parameters.timeoutMs;
  }
}
export type TimeoutErrorType = TimeoutError & { name: 'TimeoutError' };

/** What a {@link NetworkError} is built from. */
export interface NetworkErrorParameters extends RequestTarget {
  /** The system or undici error code (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, ...). */
  readonly code?: string;
  /**
   * Whether any byte of the request may have reached the server: `false` when the connection was
   * never made (refused, DNS, connect timeout, proxy refused the tunnel), `undefined` when unknown.
   */
  readonly requestSent?: false;
  /** The origin (scheme, host, port) the request went to. Credentials in it are redacted. */
  readonly origin?: string;
  readonly cause?: unknown;
}

/**
 * The connection failed before a complete answer arrived. The original error (undici's or Node's)
 * is kept as `cause`; `code` is its system code. Leaves: {@link ConnectionRefusedError},
 * {@link ConnectionResetError}.
 */
export class NetworkError extends BasisError {
  override name: string = 'NetworkError';
  readonly method: string;
  readonly path: string;
  /** The system or undici error code, when known. */
  readonly code: string | undefined;
  /** `false` when the request certainly never left; `undefined` when it may have been sent. */
  readonly requestSent: false | undefined;

  constructor(
    parameters: NetworkErrorParameters,
    shortMessage = `${parameters.method} ${parameters.path} failed: network error${parameters.code === undefined ? '' : ` (${parameters.code})`}.`,
    docsPath = 'sdk/errors#networkerror',
  ) {
    super(shortMessage, {
      docsPath,
      ...(parameters.cause === undefined ? {} : { cause: parameters.cause }),
      ...(parameters.origin === undefined ? {} : { metaMessages: [`Origin: ${parameters.origin}`] }),
    });
    this.method = parameters.method;
    this.path = this.redactString(parameters.path);
    this.code = parameters.code;
    this.requestSent = parameters.requestSent;
  }
}
export type NetworkErrorType = NetworkError & { name: 'NetworkError' };

/** Nothing listens at the address (`ECONNREFUSED`). The request was never sent. */
export class ConnectionRefusedError extends NetworkError {
  override name = 'ConnectionRefusedError' as const;
  constructor(parameters: Omit<NetworkErrorParameters, 'requestSent'>) {
    super(
      { ...parameters, requestSent: false },
      `${parameters.method} ${parameters.path} failed: connection refused.`,
      'sdk/errors#connectionrefusederror',
    );
  }
}
export type ConnectionRefusedErrorType = ConnectionRefusedError & { name: 'ConnectionRefusedError' };

/**
 * The connection was reset or closed by the other side (`ECONNRESET`, `EPIPE`, undici's
 * `UND_ERR_SOCKET`) before the answer was complete. The request may have been executed.
 */
export class ConnectionResetError extends NetworkError {
  override name = 'ConnectionResetError' as const;
  constructor(parameters: Omit<NetworkErrorParameters, 'requestSent'>) {
    super(
      parameters,
      `${parameters.method} ${parameters.path} failed: the connection was closed before the answer was complete.`,
      'sdk/errors#connectionreseterror',
    );
  }
}
export type ConnectionResetErrorType = ConnectionResetError & { name: 'ConnectionResetError' };

/** Longest piece of a non-Binance body kept in {@link HttpResponseError} (an HTML error page). */
const BODY_EXCERPT = 200;

/**
 * An HTTP error status without a Binance error body: a WAF block (403), a gateway error (502, 504),
 * a proxy's answer, an HTML page. `bodyExcerpt` holds the start of the body, redacted.
 */
export class HttpResponseError extends BasisError {
  override name = 'HttpResponseError' as const;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The first 200 characters of the body, redacted. */
  readonly bodyExcerpt: string;

  constructor(
    parameters: RequestTarget & {
      readonly status: number;
      readonly body: string;
      readonly secrets?: readonly string[];
    },
  ) {
    const excerpt = parameters.body.slice(0, BODY_EXCERPT).replace(/\s+/g, ' ').trim();
    super(`${parameters.method} ${parameters.path} failed with HTTP ${parameters.status}.`, {
      docsPath: 'sdk/errors#httpresponseerror',
      metaMessages: excerpt === '' ? [] : [`Body: ${excerpt}`],
      ...(parameters.secrets === undefined ? {} : { secrets: parameters.secrets }),
    });
    this.method = parameters.method;
    this.path = this.redactString(parameters.path);
    this.status = parameters.status;
    this.bodyExcerpt = this.redactString(excerpt);
  }
}
export type HttpResponseErrorType = HttpResponseError & { name: 'HttpResponseError' };

/** A successful HTTP status with a body that is not JSON. The parser's error is the `cause`. */
export class InvalidResponseError extends BasisError {
  override name = 'InvalidResponseError' as const;
  readonly method: string;
  readonly path: string;
  readonly status: number;

  constructor(parameters: RequestTarget & { readonly status: number; readonly cause?: unknown }) {
    super(
      `${parameters.method} ${parameters.path} answered HTTP ${parameters.status} with a body that is not JSON.`,
      {
        docsPath: 'sdk/errors#invalidresponseerror',
        ...(parameters.cause === undefined ? {} : { cause: parameters.cause }),
      },
    );
    this.method = parameters.method;
    this.path = this.redactString(parameters.path);
    this.status = parameters.status;
  }
}
export type InvalidResponseErrorType = InvalidResponseError & { name: 'InvalidResponseError' };
