import {
  type Ladder,
  type LadderLevel,
  type LadderParams,
  quoteLadder,
} from '../marketData/syntheticModels.js';
import { type BookReader, type BookSide, BUY, SELL } from '../matching/types.js';

/** Where a replayed maker's ladder stands: its centre, and the best levels prints used up there. */
export interface LadderState {
  /** The ladder's centre in (fractional) ticks; NaN before the first print. */
  readonly fair: number;
  /** The best bid's tick when a print used it up at this centre, else NaN. */
  readonly spentBid: number;
  /** The best ask's tick when a print used it up at this centre, else NaN. */
  readonly spentAsk: number;
}

const NO_LADDER: Ladder = { bids: [], asks: [] };

/**
 * The book a replayed maker's ladder makes, answered without placing it: `quoteLadder` at the
 * centre (computed once per centre), less the best levels that prints used up there. It is what the
 * book holds right after the ladder is placed at this centre, so reads see the same prices and sizes
 * whether or not the ladder is in the book.
 *
 * @example
 * market.bookView = new LadderView(lane, params.ladder);
 * market.bookView.bestBid(); // the ladder's best bid, without an order in the book
 */
export class LadderView implements BookReader {
  readonly #state: LadderState;
  readonly #params: LadderParams;
  #fair = Number.NaN;
  /** The best `#depth` levels of each side at `#fair`: most reads need only the top two. */
  #ladder: Ladder = NO_LADDER;
  #depth = 0;

  constructor(state: LadderState, params: LadderParams) {
    this.#state = state;
    this.#params = params;
  }

  bestBid(): number {
    return this.#nth(BUY, 0)?.priceTick ?? Number.NaN;
  }

  bestAsk(): number {
    return this.#nth(SELL, 0)?.priceTick ?? Number.NaN;
  }

  levelQty(side: BookSide, priceTick: number): number {
    const levels = this.#levels(side, this.#params.levels);
    for (let i = this.#spent(side, levels); i < levels.length; i++) {
      if (levels[i]!.priceTick === priceTick) return levels[i]!.qtySteps;
    }
    return 0;
  }

  depth(side: BookSide, levels: number): number[] {
    const out: number[] = [];
    this.#levels(side, levels + 1);
    for (let i = 0; i < levels; i++) {
      const level = this.#nth(side, i);
      if (level === undefined) break;
      out.push(level.priceTick, level.qtySteps);
    }
    return out;
  }

  /** The `n`-th best level not used up (0 = best). */
  #nth(side: BookSide, n: number): LadderLevel | undefined {
    const levels = this.#levels(side, n + 2);
    return levels[n + this.#spent(side, levels)];
  }

  /** 1 when the best level is used up, else 0: a print takes only the top of a ladder quoted at its price. */
  #spent(side: BookSide, levels: readonly LadderLevel[]): number {
    const spent = side === BUY ? this.#state.spentBid : this.#state.spentAsk;
    return levels[0] !== undefined && levels[0].priceTick === spent ? 1 : 0;
  }

  /** The ladder's side at the current centre, at least `depth` levels deep (or all it has). */
  #levels(side: BookSide, depth: number): readonly LadderLevel[] {
    const fair = this.#state.fair;
    if (fair !== this.#fair || (depth > this.#depth && this.#depth < this.#params.levels)) {
      this.#depth = fair === this.#fair ? Math.max(depth, 2 * this.#depth) : Math.max(depth, 2);
      this.#fair = fair;
      this.#ladder = fair > 0 ? quoteLadder(fair, this.#params, 0, this.#depth) : NO_LADDER;
    }
    return side === BUY ? this.#ladder.bids : this.#ladder.asks;
  }
}
