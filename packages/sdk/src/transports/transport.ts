/** The HTTP methods Binance's REST API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One HTTP request as the pipeline hands it to a transport: already encoded and signed. Transports
 * send it as is; they never read or change parameters.
 */
export interface WireRequest {
  readonly method: HttpMethod;
  /** The endpoint path, e.g. `/fapi/v1/order` (the transport adds its base URL). */
  readonly path: string;
  /** The encoded query string without `?` (empty when none). */
  readonly query: string;
  /** The `application/x-www-form-urlencoded` body (empty when none). */
  readonly body: string;
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The whole exchange (connect, send, receive the full body) must finish within this, ms. */
  readonly timeoutMs: number;
}

/** The answer to a {@link WireRequest}. */
export interface WireResponse {
  readonly status: number;
  /** Response headers, lower-case names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body: bytes from the network, a string from an in-process handler. */
  readonly body: Uint8Array | string;
}

/**
 * Moves a {@link WireRequest} to an exchange and its answer back. It owns sockets and time limits,
 * nothing else: signing, rate governance and error mapping happen before and after it, in the request
 * pipeline.
 *
 * A transport rejects only with the SDK's transport errors (`TimeoutError`, `NetworkError` and its
 * leaves); any HTTP status, 4xx and 5xx included, is a resolved {@link WireResponse}.
 */
export interface Transport {
  /** A short name for logs and events (`http`, `inProcess`). */
  readonly kind: string;
  /** The base URL requests go to, when the transport has one (the production guard reads it). */
  readonly baseUrl?: string;
  /**
   * The proxy URL the transport tunnels through, behind a call so that printing the transport never
   * shows its credentials. Streams, user-data streams and the WebSocket API made from a client use it
   * unless given a `proxy` of their own.
   */
  readonly proxy?: () => string | undefined;
  request(request: WireRequest): Promise<WireResponse>;
  /** Releases sockets and pools; requests after it fail. */
  close?(): Promise<void>;
}
