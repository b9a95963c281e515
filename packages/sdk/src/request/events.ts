/**
 * What a client reports as it works: structured, and free of secrets (method and path, never the
 * query or headers). Listeners must not throw; if one does, the error is dropped.
 */
export type ClientEvent =
  | {
      readonly type: 'response';
      readonly method: string;
      readonly path: string;
      readonly status: number;
      /** Attempt number, 1 for the first. */
      readonly attempt: number;
      /** Round trip through the transport, ms. */
      readonly durationMs: number;
    }
  | {
      readonly type: 'retry';
      readonly method: string;
      readonly path: string;
      /** The attempt that failed. */
      readonly attempt: number;
      readonly delayMs: number;
      /** The failure's error name (`TimeoutError`, `ServerError`...). */
      readonly reason: string;
    }
  | {
      readonly type: 'rateLimitWait';
      readonly method: string;
      readonly path: string;
      /** How long the call waited for budget, ms. */
      readonly waitedMs: number;
    }
  | {
      readonly type: 'timeSync';
      readonly offsetMs: number;
      readonly rttMs: number;
      readonly samples: number;
    }
  | { readonly type: 'timeSyncFailed'; readonly error: unknown }
  | {
      readonly type: 'clockResync';
      readonly method: string;
      readonly path: string;
      /** The offset before and after the resync forced by a -1021, ms. */
      readonly offsetBeforeMs: number;
      readonly offsetAfterMs: number;
    };

/** A logger the client writes one line per notable event to (retries, resyncs, sync failures). */
export interface Logger {
  debug?(message: string, data?: Readonly<Record<string, unknown>>): void;
  info?(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn?(message: string, data?: Readonly<Record<string, unknown>>): void;
  error?(message: string, data?: Readonly<Record<string, unknown>>): void;
}
