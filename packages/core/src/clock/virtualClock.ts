import type { Clock, TimerHandle } from './clock.js';
import { VirtualClockError } from './errors.js';
import { type HeapEntry, TimerHeap } from './timerHeap.js';

interface VirtualTimer extends HeapEntry {
  readonly fn: () => void;
  /** Interval period in ms; undefined for a timeout. */
  readonly period: number | undefined;
}

/** Node's rule for delays below 1 ms (or NaN); fractions are dropped so `now()` stays integral. */
function normaliseDelay(ms: number): number {
  return ms >= 1 && Number.isFinite(ms) ? Math.floor(ms) : 1;
}

/**
 * A clock whose time moves only when told to, for tests and backtests. Deterministic: timers fire in
 * order of due time, ties in creation order (an interval keeps its creation rank for every firing).
 *
 * - During a callback, `now()` is that timer's due time.
 * - A timer scheduled during a callback fires within the same `advance` if it falls due by the
 *   target time.
 * - An interval is rescheduled at previous due + period (no drift), before its callback runs, so the
 *   callback may clear it.
 * - A cleared timer never fires.
 * - Delays below 1 ms or not finite become 1 ms and fractions are floored, as in Node; unlike Node,
 *   delays above 2^31−1 ms are kept, not turned into 1 ms.
 * - If a callback throws, the error propagates out of `advance`/`run*`; the clock stays at that
 *   timer's due time and the remaining timers stay pending.
 *
 * @example
 * const clock = new VirtualClock(1_700_000_000_000);
 * clock.setTimeout(() => console.log(clock.now()), 1000);
 * clock.advance(1000); // logs 1700000001000
 */
export class VirtualClock implements Clock {
  readonly #timers = new TimerHeap<VirtualTimer>();
  #now: number;
  #seq = 0;
  #firing = false;

  /**
   * @param startMs the initial time, ms since the epoch (default 0).
   * @throws VirtualClockError when `startMs` is not finite.
   */
  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) throw new VirtualClockError('The start time must be a finite number.');
    this.#now = startMs;
  }

  /** The current virtual time in ms. */
  now(): number {
    return this.#now;
  }

  /** Schedules `fn` once at `now() + ms`. */
  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.#schedule(fn, normaliseDelay(ms), undefined);
  }

  /** Schedules `fn` at `now() + ms`, then every `ms` after the previous due time. */
  setInterval(fn: () => void, ms: number): TimerHandle {
    const period = normaliseDelay(ms);
    return this.#schedule(fn, period, period);
  }

  /** Cancels a timeout or an interval of this clock; anything else is ignored. */
  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle !== undefined) this.#timers.remove(handle as unknown as VirtualTimer);
  }

  /** Cancels a timeout or an interval of this clock; anything else is ignored. */
  clearInterval(handle: TimerHandle | undefined): void {
    this.clearTimeout(handle);
  }

  /** Number of scheduled timers (an interval counts once). */
  pending(): number {
    return this.#timers.size;
  }

  /** Due time of the next timer, or undefined when none is scheduled. */
  nextTime(): number | undefined {
    return this.#timers.peek()?.due;
  }

  /**
   * Moves time forward by `ms`, firing every timer due by then (see {@link advanceTo}).
   *
   * @throws VirtualClockError when `ms` is negative or not finite, or when called from a callback.
   */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) {
      throw new VirtualClockError(`advance(ms) needs a finite ms >= 0, got ${ms}.`);
    }
    this.advanceTo(this.#now + ms);
  }

  /**
   * Moves time forward to `timeMs`, firing in order every timer due at or before it (including
   * timers scheduled by those callbacks), then sets `now()` to `timeMs`.
   *
   * @throws VirtualClockError when `timeMs` is before `now()` or not finite, or when called from a
   * callback.
   */
  advanceTo(timeMs: number): void {
    this.#assertNotFiring('advanceTo');
    if (!(timeMs >= this.#now) || !Number.isFinite(timeMs)) {
      throw new VirtualClockError(`advanceTo(${timeMs}) would not move time forward from ${this.#now}.`);
    }
    for (
      let next = this.#timers.peek();
      next !== undefined && next.due <= timeMs;
      next = this.#timers.peek()
    ) {
      this.#fire(next);
    }
    this.#now = timeMs;
  }

  /**
   * Jumps to the next timer's due time and fires it.
   *
   * @returns false (and leaves time unchanged) when no timer is scheduled.
   * @throws VirtualClockError when called from a callback.
   */
  runNext(): boolean {
    this.#assertNotFiring('runNext');
    const next = this.#timers.peek();
    if (next === undefined) return false;
    this.#fire(next);
    return true;
  }

  /**
   * Fires timers in order until none is left, jumping time to each.
   *
   * @param limit the most callbacks to run (default 100000).
   * @returns the number of callbacks run.
   * @throws VirtualClockError when timers are still pending after `limit` callbacks (an interval
   * always is), or when called from a callback.
   */
  runAll(limit = 100_000): number {
    this.#assertNotFiring('runAll');
    let fired = 0;
    for (let next = this.#timers.peek(); next !== undefined; next = this.#timers.peek()) {
      if (fired >= limit) {
        throw new VirtualClockError(
          `runAll stopped after ${limit} callbacks with ${this.#timers.size} timers pending (an interval never ends).`,
        );
      }
      this.#fire(next);
      fired += 1;
    }
    return fired;
  }

  #schedule(fn: () => void, delay: number, period: number | undefined): TimerHandle {
    const timer: VirtualTimer = { fn, period, due: this.#now + delay, seq: this.#seq++, index: -1 };
    this.#timers.push(timer);
    return timer as unknown as TimerHandle;
  }

  #fire(timer: VirtualTimer): void {
    this.#timers.remove(timer);
    this.#now = timer.due;
    if (timer.period !== undefined) {
      timer.due += timer.period;
      this.#timers.push(timer);
    }
    this.#firing = true;
    try {
      timer.fn();
    } finally {
      this.#firing = false;
    }
  }

  #assertNotFiring(method: string): void {
    if (this.#firing) throw new VirtualClockError(`${method} was called from inside a timer callback.`);
  }
}
