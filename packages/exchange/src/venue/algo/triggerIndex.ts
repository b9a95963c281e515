import type { Decimal, WorkingType } from '@basis/core';
import type { Market } from '../market.js';
import type { AlgoOrderRecord } from './algoRecord.js';
import { Heap } from './heap.js';

/**
 * A trigger price reading in whole ticks: `floor` and `ceil` of the price / tickSize. Contract prices
 * are on the tick grid (floor = ceil); mark prices need not be. "price ≥ T ticks" is exactly
 * `floor ≥ T` and "price ≤ T ticks" is exactly `ceil ≤ T`, so every comparison is on integers.
 */
export interface Reading {
  readonly floor: number;
  readonly ceil: number;
}

/** The price a working type watches, as a reading: the last trade (the mark before any) or the mark. */
export function readingOf(market: Market, kind: WorkingType): Reading {
  if (kind === 'CONTRACT_PRICE' && !Number.isNaN(market.lastPriceTick)) {
    return { floor: market.lastPriceTick, ceil: market.lastPriceTick };
  }
  return readingOfPrice(market, market.markPrice);
}

/** The reading of an arbitrary price. */
export function readingOfPrice(market: Market, price: Decimal): Reading {
  return {
    floor: Number(price.div(market.tickSize, 0, 'floor').units),
    ceil: Number(price.div(market.tickSize, 0, 'ceil').units),
  };
}

/** Whether "price ≥ tick" (upward) or "price ≤ tick" holds for `reading`. */
export function crosses(reading: Reading, tick: number, upward: boolean): boolean {
  return upward ? reading.floor >= tick : reading.ceil <= tick;
}

/**
 * One entry of a trigger index: wake `algo` when the price crosses `key`. `raise` entries move a
 * trailing order's watermark (or activate it) instead of firing it. An entry is live while its
 * `version` equals the order's and the order is NEW; replaced entries are dropped lazily.
 */
export interface TriggerEntry {
  readonly key: number;
  readonly algo: AlgoOrderRecord;
  readonly version: number;
  readonly raise: boolean;
}

/** Whether `entry` still stands for its order. */
export function isLive(entry: TriggerEntry): boolean {
  return entry.version === entry.algo.version && entry.algo.status === 'NEW';
}

/**
 * The trigger index of one symbol and working type: a min-heap of "fire when price ≥ key" entries and
 * a max-heap of "fire when price ≤ key" entries. A new price pops exactly the crossed entries:
 * O((k + 1) log n) for k crossed. Dead entries (cancelled, re-armed) are skipped when popped and
 * compacted away whenever a heap has doubled since its last compaction, so memory stays O(live).
 */
export class TriggerIndex {
  readonly #up = new Heap<TriggerEntry>((a, b) => a.key < b.key);
  readonly #down = new Heap<TriggerEntry>((a, b) => a.key > b.key);
  #upFloor = 0;
  #downFloor = 0;

  /** Adds an entry that wakes when the price goes to or beyond `entry.key` upward or downward. */
  add(entry: TriggerEntry, upward: boolean): void {
    const heap = upward ? this.#up : this.#down;
    heap.push(entry);
    const floor = upward ? this.#upFloor : this.#downFloor;
    if (heap.size > 2 * floor + 64) {
      heap.retain(isLive);
      if (upward) this.#upFloor = heap.size;
      else this.#downFloor = heap.size;
    }
  }

  /** Removes and appends to `out` every live entry the reading crosses. */
  popCrossed(reading: Reading, out: TriggerEntry[]): void {
    for (;;) {
      const top = this.#up.peek();
      if (top === undefined || top.key > reading.floor) break;
      this.#up.pop();
      if (isLive(top)) out.push(top);
    }
    for (;;) {
      const top = this.#down.peek();
      if (top === undefined || top.key < reading.ceil) break;
      this.#down.pop();
      if (isLive(top)) out.push(top);
    }
  }

  /** Entries held, dead ones included (for tests of compaction). */
  get size(): number {
    return this.#up.size + this.#down.size;
  }
}
