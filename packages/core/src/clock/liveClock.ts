import type { Clock, TimerHandle } from './clock.js';

/** Options for {@link LiveClock}. */
export interface LiveClockOptions {
  /**
   * Call `unref()` on every timer, so pending timers do not keep the process alive. Default false:
   * a live client's heartbeat usually should.
   */
  readonly unref?: boolean;
}

type NodeTimer = ReturnType<typeof globalThis.setTimeout>;

/**
 * The wall clock: `Date.now()` and the global timers. Timer semantics are Node's: delays below 1 ms
 * (or above 2^31−1 ms) become 1 ms.
 *
 * @example
 * const clock = new LiveClock({ unref: true });
 * const handle = clock.setInterval(() => ping(), 180_000);
 */
export class LiveClock implements Clock {
  readonly #unref: boolean;

  /** @param options see {@link LiveClockOptions}. */
  constructor(options: LiveClockOptions = {}) {
    this.#unref = options.unref ?? false;
  }

  /** `Date.now()`. */
  now(): number {
    return Date.now();
  }

  /** `setTimeout`, unref'ed when the clock was created with `unref: true`. */
  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.#wrap(globalThis.setTimeout(fn, ms));
  }

  /** `setInterval`, unref'ed when the clock was created with `unref: true`. */
  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.#wrap(globalThis.setInterval(fn, ms));
  }

  /** `clearTimeout`. */
  clearTimeout(handle: TimerHandle | undefined): void {
    globalThis.clearTimeout(handle as NodeTimer | undefined);
  }

  /** `clearInterval`. */
  clearInterval(handle: TimerHandle | undefined): void {
    globalThis.clearInterval(handle as NodeTimer | undefined);
  }

  #wrap(timer: NodeTimer): TimerHandle {
    if (this.#unref) timer.unref();
    return timer as unknown as TimerHandle;
  }
}

/** Creates a {@link LiveClock}. */
export function createLiveClock(options?: LiveClockOptions): LiveClock {
  return new LiveClock(options);
}
