declare const timerHandleBrand: unique symbol;

/**
 * An opaque timer handle. Only the clock that created it can clear it; clearing a handle from
 * another clock, or one that already fired or was cleared, does nothing.
 */
export interface TimerHandle {
  readonly [timerHandleBrand]: 'TimerHandle';
}

/**
 * The source of time and timers. Everything that reads the time or waits takes a `Clock`, so the
 * same code runs live ({@link LiveClock}) and in virtual time (`VirtualClock`), with many
 * independent clocks in one process.
 *
 * As in Node and browsers, `clearTimeout` and `clearInterval` clear either kind of timer.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once, `ms` milliseconds from now. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Calls `fn` every `ms` milliseconds, starting `ms` from now. */
  setInterval(fn: () => void, ms: number): TimerHandle;
  /** Cancels a timer; `undefined` or an unknown, fired or cleared handle is ignored. */
  clearTimeout(handle: TimerHandle | undefined): void;
  /** Cancels a timer; `undefined` or an unknown, fired or cleared handle is ignored. */
  clearInterval(handle: TimerHandle | undefined): void;
}
