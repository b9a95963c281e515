/**
 * Something the venue runs as time passes (the synthetic market, mark prices, funding, order
 * expiry). The venue asks every process when it is next due and runs the earliest; a process must
 * be deterministic given the venue's state and the time it is run at.
 */
export interface VenueProcess {
  /** The next time (ms) this process wants to run; `Infinity` when it has nothing to do. */
  nextDue(): number;
  /** Runs the step due at `time` (the venue's clock already reads `time`). */
  run(time: number): void;
  /**
   * Skips ahead to `time` without simulating the gap (a restart after downtime): the process
   * re-anchors its schedule. Processes without it simply run what is due.
   */
  skipTo?(time: number): void;
}
