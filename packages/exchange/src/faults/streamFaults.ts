/**
 * The contract between fault injection and the WebSocket layer (`ws/`). This folder keeps the rules
 * and matches them; the ws layer applies them:
 *
 * - per outgoing message (or per flush), it asks `faults.streamFault(connection)` and, when a plan
 *   comes back, sends nothing (`silent`), holds the message `delayMs` keeping order, or holds it
 *   `reorderHoldMs` more (drawn by the rule's seeded generator, up to `reorderWindowMs`) and may
 *   deliver it after later messages of OTHER streams of the same connection (never reordering one
 *   stream: depth `pu` chains and an account's events stay in order). `faults.hasStreamRules` is a
 *   cheap check to skip the call when no such rule exists. Held messages count toward the
 *   connection's slow-consumer cap;
 * - before each server ping, and for each client ping it would answer, it asks
 *   `faults.streamFault(connection, 'control')` (silence rules only): a silent connection sends no
 *   pings and no pongs either, as a dead peer behind a live TCP connection;
 * - the WebSocket API asks `faults.wsApiClockSkew(request)` before its timestamp check (-1021), as
 *   REST's `clockSkew`;
 * - it registers its connections with `faults.attachConnections(ws)`, so `dropConnections` and
 *   `force24hDisconnect` (admin and library actions) can close them: the first with reason
 *   `server`, the second with `lifetime`, exactly as its own 24 h cut.
 *
 * `WebSocketConnectionInfo` of `ws/attachWebSockets.ts` satisfies {@link FaultConnection}, and the
 * `WebSockets` object satisfies {@link FaultConnectionSource}.
 */

/** A connection as fault rules match it. */
export interface FaultConnectionView {
  readonly id: number;
  readonly kind: 'stream' | 'wsApi';
  readonly ip: string;
  /** The connection path, e.g. `/ws`, `/stream`, `/private/ws`, `/ws-fapi/v1`. */
  readonly path: string;
  /** Stream names and listen keys it listens to. */
  readonly streams: readonly string[];
  /** The API key it is logged on with (WebSocket API). */
  readonly apiKey: string | undefined;
}

/** A connection the injector may close. */
export interface FaultConnection extends FaultConnectionView {
  close(reason?: 'server' | 'lifetime'): void;
}

/** Where the injector finds the open connections. */
export interface FaultConnectionSource {
  connections(): readonly FaultConnection[];
}

/** What to do with one outgoing message of a connection. */
export interface StreamFaultPlan {
  /** Send nothing (the connection stays open). */
  readonly silent: boolean;
  /** Hold the message this long, keeping order, ms (0: none). */
  readonly delayMs: number;
  /** Hold up to this long and allow reordering across streams, ms (0: none). */
  readonly reorderWindowMs: number;
  /**
   * With `reorderWindowMs`: how long this message is held on top of `delayMs`, in
   * [0, reorderWindowMs], drawn from the rule's seeded generator (same seed, same holds).
   */
  readonly reorderHoldMs?: number;
}

/** A frame the server is about to send: a data message, or a ping/pong (only `silence` applies). */
export type StreamFrame = 'message' | 'control';

/** One WebSocket API request, as the clock-skew check sees it. */
export interface WsApiFaultRequest {
  /** The connection it came on (its `apiKey` is the logged-on key, if any). */
  readonly connection: FaultConnectionView;
  /** The request's API key (its `apiKey` parameter, else the session's). */
  readonly apiKey: string | undefined;
  /** The WebSocket API method, e.g. `order.place`. */
  readonly method: string;
  /** The REST endpoint it runs (e.g. `newOrder`); undefined for `session.*`. */
  readonly endpoint: string | undefined;
}

/** What the WebSocket layer asks fault injection (`FaultInjector` implements it). */
export interface WebSocketFaults {
  /** Whether any stream rule is active: when false, {@link streamFault} need not be asked. */
  readonly hasStreamRules: boolean;
  /** What to do with one outgoing frame of `connection`; undefined when no rule fires. */
  streamFault(connection: FaultConnectionView, frame?: StreamFrame): StreamFaultPlan | undefined;
  /** The skew of the exchange clock the WebSocket API's timestamp check sees, ms; undefined for none. */
  wsApiClockSkew(request: WsApiFaultRequest): number | undefined;
}
