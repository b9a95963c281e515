import { type BookSide, BUY } from '../matching/types.js';

/** What one diff-depth event carries: its ids, its last change's time and the changed levels. */
export interface DepthBatch {
  readonly U: bigint;
  readonly u: bigint;
  readonly pu: bigint;
  /** Time of the last change folded in, ms. */
  readonly T: number;
  /** Price tick → quantity in steps (0 = removed), the last change of each price. */
  readonly bids: ReadonlyMap<number, number>;
  readonly asks: ReadonlyMap<number, number>;
}

/**
 * The level changes of one diff-depth stream between two flushes (§10). Every book change has its
 * own update id (the book's sequence, shared with REST `lastUpdateId`), so an event holds exactly the
 * changes with ids in (pu, u], `pu` is the previous event's `u`, and consecutive events chain. A
 * later change of a price overrides an earlier one within the batch; quantities are absolute.
 */
export class DepthChanges {
  /** The `u` of the previous event (at creation: the book's update id then). */
  #previous: bigint;
  #first: bigint | undefined;
  #last: bigint;
  #time = 0;
  #bids = new Map<number, number>();
  #asks = new Map<number, number>();

  /** @param updateId the book's update id when the stream starts. */
  constructor(updateId: bigint) {
    this.#previous = updateId;
    this.#last = updateId;
  }

  record(side: BookSide, priceTick: number, qtySteps: number, updateId: bigint, time: number): void {
    // A change already covered by the starting point (never the case once subscribed) is skipped.
    if (updateId <= this.#previous) return;
    (side === BUY ? this.#bids : this.#asks).set(priceTick, qtySteps);
    this.#first ??= updateId;
    this.#last = updateId;
    this.#time = time;
  }

  /** The batch since the previous call, or undefined when nothing changed. */
  take(): DepthBatch | undefined {
    if (this.#first === undefined) return undefined;
    const batch: DepthBatch = {
      U: this.#first,
      u: this.#last,
      pu: this.#previous,
      T: this.#time,
      bids: this.#bids,
      asks: this.#asks,
    };
    this.#previous = this.#last;
    this.#first = undefined;
    this.#bids = new Map();
    this.#asks = new Map();
    return batch;
  }
}
