import type { Clock, TimerHandle } from '@basis/core';
import type { StreamFaultPlan } from '../faults/streamFaults.js';

interface Held {
  readonly data: Buffer | string;
  readonly releaseAt: number;
  readonly seq: number;
  readonly stream: string;
}

/**
 * The frames of one connection that stream faults hold back (`delay`, `reorder`), released on the
 * exchange clock. Each frame gets a release time when it is held:
 *
 * - a frame with no reorder plan (a `delay`, or no rule while others are still held) is released
 *   `delayMs` from now but never before any frame held earlier: the connection's order is kept;
 * - a `reorder` frame is released `delayMs + reorderHoldMs` from now but never before an earlier
 *   frame of the same stream: it may overtake other streams' frames, never its own stream's.
 *
 * Frames go out in (release time, arrival) order, which keeps both rules.
 */
export class HeldFrames {
  readonly #clock: Clock;
  readonly #deliver: (data: Buffer | string) => void;
  /** A binary min-heap on (releaseAt, seq). */
  readonly #heap: Held[] = [];
  /** Per stream: the latest release time held and how many frames of it are held. */
  readonly #streams = new Map<string, { last: number; count: number }>();
  #lastAll = Number.NEGATIVE_INFINITY;
  #seq = 0;
  #bytes = 0;
  #timer: TimerHandle | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(clock: Clock, deliver: (data: Buffer | string) => void) {
    this.#clock = clock;
    this.#deliver = deliver;
  }

  /** Frames held. */
  get size(): number {
    return this.#heap.length;
  }

  /** Bytes held (they count toward the slow-consumer cap). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Holds `data` of `stream` as `plan` says (no plan: only behind what is already held); releases what is due. */
  hold(data: Buffer | string, stream: string, plan: StreamFaultPlan | undefined): void {
    const now = this.#clock.now();
    const delay = plan?.delayMs ?? 0;
    const state = this.#streams.get(stream);
    let releaseAt: number;
    if (plan !== undefined && plan.reorderWindowMs > 0) {
      releaseAt = Math.max(now + delay + (plan.reorderHoldMs ?? 0), state?.last ?? now);
    } else {
      releaseAt = Math.max(now + delay, this.#lastAll);
    }
    this.#lastAll = Math.max(this.#lastAll, releaseAt);
    if (state === undefined) this.#streams.set(stream, { last: releaseAt, count: 1 });
    else {
      state.last = Math.max(state.last, releaseAt);
      state.count += 1;
    }
    this.#push({ data, releaseAt, seq: this.#seq++, stream });
    this.#bytes += byteLength(data);
    this.#release();
  }

  /** Drops everything held and stops the timer (the connection is gone). */
  clear(): void {
    this.#heap.length = 0;
    this.#streams.clear();
    this.#bytes = 0;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  /** Sends every frame due by now, then waits for the next one. */
  #release(): void {
    const now = this.#clock.now();
    for (let top = this.#heap[0]; top !== undefined && top.releaseAt <= now; top = this.#heap[0]) {
      this.#pop();
      this.#bytes -= byteLength(top.data);
      const state = this.#streams.get(top.stream)!;
      state.count -= 1;
      if (state.count === 0) this.#streams.delete(top.stream);
      this.#deliver(top.data);
      // Delivering may have closed the connection (and cleared everything).
    }
    const next = this.#heap[0];
    if (next === undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#timerAt = Number.POSITIVE_INFINITY;
      return;
    }
    if (next.releaseAt >= this.#timerAt && this.#timer !== undefined) return;
    this.#clock.clearTimeout(this.#timer);
    this.#timerAt = next.releaseAt;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Number.POSITIVE_INFINITY;
      this.#release();
    }, next.releaseAt - now);
  }

  #push(item: Held): void {
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}

function before(a: Held, b: Held): boolean {
  return a.releaseAt < b.releaseAt || (a.releaseAt === b.releaseAt && a.seq < b.seq);
}

function byteLength(data: Buffer | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}
