import type { Clock, TimerHandle } from '@basis/core';

/** One `/time` round trip: the server's time and the local clock around the exchange. */
export interface TimeSample {
  /** `serverTime` from the answer, ms epoch. */
  readonly serverTime: number;
  /** Local clock just before the request was handed to the transport, ms. */
  readonly sentAt: number;
  /** Local clock just after the answer arrived, ms. */
  readonly receivedAt: number;
}

/** The result of one synchronisation. */
export interface TimeSyncResult {
  /** Estimated `serverTime − localTime`, ms. Add it to the local clock to get server time. */
  readonly offsetMs: number;
  /** Round trip of the sample used (the shortest), ms; the estimate is good to about half of it. */
  readonly rttMs: number;
  /** Samples taken. */
  readonly samples: number;
  /** Local time of the synchronisation, ms. */
  readonly at: number;
}

/** How the offset moves between synchronisations: a clock drifting or jumping shows here. */
export interface TimeDrift {
  /** The current offset estimate, ms (0 before the first synchronisation). */
  readonly offsetMs: number;
  /** Round trip of the last synchronisation's best sample, ms. */
  readonly rttMs: number | undefined;
  /** Local time of the last synchronisation, ms. */
  readonly lastSyncAt: number | undefined;
  /** Synchronisations completed. */
  readonly syncs: number;
  /** Change of the offset between the last two synchronisations, ms (undefined before the second). */
  readonly lastChangeMs: number | undefined;
  /**
   * That change per hour of local time, ms/h: a steadily drifting local clock has a stable non-zero
   * value; a clock that was stepped (NTP) shows one spike.
   */
  readonly driftMsPerHour: number | undefined;
}

/** Options of {@link createTimeSync}. */
export interface TimeSyncOptions {
  /** The local clock (its `now()` and the refresh timer). */
  readonly clock: Clock;
  /** One `/time` round trip (through the request pipeline, so it is rate-governed). */
  readonly sample: () => Promise<TimeSample>;
  /** Round trips per synchronisation (default 5); the shortest one is used. */
  readonly samples?: number;
  /** Refresh period, ms (default 10 minutes); `false` for no schedule (only on demand). */
  readonly intervalMs?: number | false;
  /** Told after each synchronisation. */
  readonly onSync?: (result: TimeSyncResult) => void;
  /** Told when a scheduled synchronisation fails (an on-demand one rejects instead). */
  readonly onError?: (error: unknown) => void;
}

/** The client's view of the server clock. */
export interface TimeSync {
  /** Estimated `serverTime − localTime`, ms (0 before the first synchronisation). */
  offset(): number;
  /** Estimated server time now: local clock plus offset, ms. */
  now(): number;
  /**
   * Synchronises now: `samples` round trips, keeps the one with the shortest round trip,
   * `offset = serverTime − (sentAt + rtt / 2)`. Concurrent calls share one synchronisation.
   * Starts the refresh schedule if it is not running.
   */
  sync(): Promise<TimeSyncResult>;
  /** Synchronises once if that never happened; later calls resolve at once. Never rejects. */
  ensureSynced(): Promise<void>;
  /** The drift metric. */
  drift(): TimeDrift;
  /** Whether a synchronisation has completed. */
  readonly synced: boolean;
  /** Stops the refresh schedule; `sync()` still works on demand. */
  stop(): void;
}

const DEFAULT_SAMPLES = 5;
const DEFAULT_INTERVAL_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * Estimates the server clock's offset from `/time` round trips (the NTP idea, simplified): for a
 * sample sent at `t0` and answered at `t1`, the server read its clock about `rtt / 2` after `t0`,
 * so `offset ≈ serverTime − (t0 + rtt / 2)`, wrong by at most `rtt / 2`. Of N samples the one with
 * the shortest round trip has the smallest error bound, so it wins.
 *
 * The schedule starts with the first synchronisation (a client that never signs never syncs) and
 * its timer runs on the injected clock; `stop()` clears it.
 */
export function createTimeSync(options: TimeSyncOptions): TimeSync {
  const { clock } = options;
  const samples = Math.max(1, Math.floor(options.samples ?? DEFAULT_SAMPLES));
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let offsetMs = 0;
  let rttMs: number | undefined;
  let lastSyncAt: number | undefined;
  let syncs = 0;
  let lastChangeMs: number | undefined;
  let driftMsPerHour: number | undefined;
  let inFlight: Promise<TimeSyncResult> | undefined;
  let first: Promise<void> | undefined;
  let timer: TimerHandle | undefined;
  let stopped = false;

  const measure = async (): Promise<TimeSyncResult> => {
    let best: { offset: number; rtt: number } | undefined;
    let lastError: unknown;
    for (let i = 0; i < samples; i++) {
      try {
        const { serverTime, sentAt, receivedAt } = await options.sample();
        const rtt = Math.max(0, receivedAt - sentAt);
        if (!Number.isFinite(serverTime)) continue;
        if (best === undefined || rtt < best.rtt) best = { offset: serverTime - (sentAt + rtt / 2), rtt };
      } catch (error) {
        lastError = error;
      }
    }
    if (best === undefined) throw lastError ?? new Error('No usable /time sample.');
    const at = clock.now();
    const offset = Math.round(best.offset);
    if (lastSyncAt !== undefined) {
      lastChangeMs = offset - offsetMs;
      const elapsed = at - lastSyncAt;
      driftMsPerHour = elapsed > 0 ? (lastChangeMs / elapsed) * HOUR_MS : undefined;
    }
    offsetMs = offset;
    rttMs = best.rtt;
    lastSyncAt = at;
    syncs += 1;
    const result = { offsetMs: offset, rttMs: best.rtt, samples, at };
    try {
      options.onSync?.(result);
    } catch {
      // A listener's failure is not the synchronisation's.
    }
    return result;
  };

  const schedule = (): void => {
    if (timer !== undefined || stopped || intervalMs === false) return;
    timer = clock.setInterval(() => {
      sync().catch((error: unknown) => {
        try {
          options.onError?.(error);
        } catch {
          // Nothing to do: the next scheduled sync tries again.
        }
      });
    }, intervalMs);
    // A refresh schedule must not keep the process alive on its own (a LiveClock's handle is Node's
    // Timeout, which has `unref`; a VirtualClock's has none and needs none).
    (timer as unknown as { unref?: () => void }).unref?.();
  };

  const sync = (): Promise<TimeSyncResult> => {
    schedule();
    inFlight ??= measure().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    offset: () => offsetMs,
    now: () => clock.now() + offsetMs,
    sync,
    ensureSynced() {
      first ??= sync().then(
        () => undefined,
        (error: unknown) => {
          // Let the next signed request try again; its own failure will speak for the network.
          first = undefined;
          try {
            options.onError?.(error);
          } catch {
            // ignored, as above
          }
        },
      );
      return first;
    },
    drift: () => ({ offsetMs, rttMs, lastSyncAt, syncs, lastChangeMs, driftMsPerHour }),
    get synced() {
      return syncs > 0;
    },
    stop() {
      stopped = true;
      clock.clearInterval(timer);
      timer = undefined;
    },
  };
}
