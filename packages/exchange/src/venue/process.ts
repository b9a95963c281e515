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
  /**
   * Whether the step just run touched no order and no mark price (a replayed print executed without
   * the book): then no other process's schedule moved and the venue's after-command work has nothing
   * to do, so the venue may run this process again, without asking the others, until one is due.
   */
  quiet?(): boolean;
  /**
   * Completes what the process deferred over the run of steps just taken (a replay moves its system
   * accounts' positions once per run, not per print). The venue calls it after each run of this
   * process, before anything else runs or reads.
   */
  settle?(): void;
}

/**
 * A process that may leave books behind its market (a replay executing prints without the book)
 * until something reads or trades on them: the venue asks it to bring them up to date first.
 */
export interface BookKeeper extends VenueProcess {
  /** Before an order is checked against or matched on `symbol`'s book. */
  prepareBook(symbol: string): void;
  /** Before another process runs (price feeds, funding, timers, liquidations read any book). */
  prepareBooks(): void;
}
