/** Binance's connection rules, as the local exchange enforces them on every WebSocket (§9.1, §12). */
export interface WebSocketLimits {
  /** Incoming frames (messages, pings, pongs) per second on a market or user-data stream (10). */
  readonly maxIncomingPerSecond: number;
  /** Streams one connection may listen to (1024). */
  readonly maxStreamsPerConnection: number;
  /** A connection is closed this long after it opened, ms (24 h). */
  readonly maxLifetimeMs: number;
  /** The server pings this often, ms (3 min). */
  readonly pingIntervalMs: number;
  /** A connection that leaves a ping unanswered this long is dropped, ms (10 min). */
  readonly pongTimeoutMs: number;
  /**
   * Bytes a connection may have queued and unsent; a consumer that falls further behind is dropped
   * instead of letting the server's memory grow (Binance drops slow consumers too; the cap is ours).
   */
  readonly maxBufferedBytes: number;
  /** Largest incoming frame, bytes. */
  readonly maxPayloadBytes: number;
}

/** Binance's numbers; the buffer cap (4 MiB) and the frame cap (1 MiB) are ours. */
export const DEFAULT_WEBSOCKET_LIMITS: WebSocketLimits = {
  maxIncomingPerSecond: 10,
  maxStreamsPerConnection: 1024,
  maxLifetimeMs: 24 * 60 * 60 * 1000,
  pingIntervalMs: 3 * 60 * 1000,
  pongTimeoutMs: 10 * 60 * 1000,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxPayloadBytes: 1024 * 1024,
};
