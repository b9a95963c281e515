import { Level, OrderNode } from './level.js';
import { OrderIndex } from './orderIndex.js';
import { PriceLevels } from './priceLevels.js';
import {
  type BookReader,
  type BookSide,
  BUY,
  type LevelChangeListener,
  type MatchResult,
  type MatchSink,
  type OrderBookOptions,
  type RestingOrderView,
  STP_EXPIRE_BOTH,
  STP_EXPIRE_TAKER,
  STP_NONE,
  type TakerOrder,
} from './types.js';

const DEFAULT_MAX_POOLED_ORDERS = 65_536;
/** Released levels kept for reuse; levels churn far less than orders. */
const MAX_POOLED_LEVELS = 4_096;

function noLevelChange(): void {}

/**
 * The limit order book of one symbol: resting orders in price-time priority, and the matching of takers
 * against them. Prices are integer ticks, quantities integer steps; nothing here is a float.
 *
 * The book is deliberately narrow: the venue validates orders, holds accounts and margin, decides
 * time-in-force and emits events; the book stores orders and matches. Orders are addressed by `ref`, a
 * venue-chosen safe integer (the venue maps Binance's order ids to refs).
 *
 * Guarantees:
 * - Deterministic: the same calls give the same fills, callbacks and state; there is no clock, no
 *   randomness and no dependence on hash order.
 * - The book is never crossed: `add` and `requeue` reject a price that would take liquidity (call
 *   {@link OrderBook.match} first).
 * - Callbacks (`onLevelChange`, the {@link MatchSink}, `forEachOrder`'s visitor) see a consistent book and
 *   must not mutate it; a mutating call from inside `match`, `clear` or `forEachOrder` throws.
 * - `onLevelChange` fires once per level whose total an operation changed, with the total after the
 *   operation (during `match`: when the taker leaves the level), so a depth-diff stream needs no merging.
 * - Allocation-light: order nodes, levels and index pages are pooled; queries return numbers, `NaN` when
 *   there is no price; `depth` and `match` can write into caller-owned objects.
 *
 * Programming errors (duplicate ref, non-integer or non-positive quantity, unknown ref for `reduce` or
 * `requeue`, a crossing price) throw `RangeError`: the venue validates before calling.
 */
export class OrderBook implements BookReader {
  private readonly bids = new PriceLevels(true);
  private readonly asks = new PriceLevels(false);
  private readonly orders = new OrderIndex();
  private readonly nodePool: OrderNode[] = [];
  private readonly levelPool: Level[] = [];
  private readonly maxPooledOrders: number;
  private readonly notify: LevelChangeListener;
  private nextSeq = 1;
  private busy = false;

  /** Creates an empty book. See {@link OrderBookOptions}. */
  constructor(options: OrderBookOptions = {}) {
    this.notify = options.onLevelChange ?? noLevelChange;
    this.maxPooledOrders = options.maxPooledOrders ?? DEFAULT_MAX_POOLED_ORDERS;
  }

  /**
   * Rests a new order at the back of its price level.
   * @throws RangeError on a duplicate `ref`, a `qty` that is not a positive safe integer, a `priceTick` that
   *   is not a safe integer, or a price that would cross the opposite side.
   */
  add(ref: number, side: BookSide, priceTick: number, qty: number, owner: number): void {
    this.assertIdle();
    checkOrder(priceTick, qty);
    if (!Number.isSafeInteger(ref)) throw new RangeError(`order ref must be a safe integer, got ${ref}`);
    this.assertPassive(side, priceTick);
    const node = this.nodePool.pop() ?? new OrderNode();
    node.ref = ref;
    if (!this.orders.add(node)) {
      this.nodePool.push(node);
      throw new RangeError(`order ref ${ref} is already in the book`);
    }
    node.side = side;
    node.priceTick = priceTick;
    node.qty = qty;
    node.owner = owner;
    node.seq = this.nextSeq++;
    const level = this.levelFor(side, priceTick);
    level.push(node);
    this.notify(side, priceTick, level.total);
  }

  /** Removes an order; returns its remaining quantity, or 0 when `ref` is not in the book. */
  cancel(ref: number): number {
    this.assertIdle();
    const node = this.orders.remove(ref);
    if (node === undefined) return 0;
    const qty = node.qty;
    const side = node.side;
    const tick = node.priceTick;
    const total = this.unlink(node);
    this.releaseNode(node);
    this.notify(side, tick, total);
    return qty;
  }

  /**
   * Lowers an order's quantity in place, keeping its time priority.
   * @throws RangeError when `ref` is unknown or `newQty` is not an integer with 0 < newQty < current qty.
   */
  reduce(ref: number, newQty: number): void {
    this.assertIdle();
    const node = this.orderOf(ref);
    if (!Number.isSafeInteger(newQty) || newQty <= 0 || newQty >= node.qty) {
      throw new RangeError(`reduce of order ${ref} needs 0 < newQty < ${node.qty}, got ${newQty}`);
    }
    const level = node.level!;
    level.total -= node.qty - newQty;
    node.qty = newQty;
    this.notify(node.side, node.priceTick, level.total);
  }

  /**
   * Modifies an order the way Binance does: it moves to the back of the level at `priceTick` (its own level
   * too) with quantity `qty` and a new time priority. It never matches: when the new price would take
   * liquidity the venue cancels and matches instead (the call throws).
   * @throws RangeError when `ref` is unknown, `qty`/`priceTick` are invalid, or the price would cross.
   */
  requeue(ref: number, priceTick: number, qty: number): void {
    this.assertIdle();
    const node = this.orderOf(ref);
    checkOrder(priceTick, qty);
    const side = node.side;
    this.assertPassive(side, priceTick);
    const oldTick = node.priceTick;
    node.seq = this.nextSeq++;
    if (oldTick === priceTick) {
      const level = node.level!;
      const before = level.total;
      level.unlink(node);
      node.qty = qty;
      level.push(node);
      if (level.total !== before) this.notify(side, priceTick, level.total);
      return;
    }
    const oldTotal = this.unlink(node);
    node.priceTick = priceTick;
    node.qty = qty;
    const level = this.levelFor(side, priceTick);
    level.push(node);
    this.notify(side, oldTick, oldTotal);
    this.notify(side, priceTick, level.total);
  }

  /**
   * A live, read-only view of a resting order, or `undefined`. Nothing is allocated: the view follows later
   * changes of the order and must not be kept once the order has left the book (its node is reused).
   */
  get(ref: number): RestingOrderView | undefined {
    return this.orders.get(ref);
  }

  /** Whether `ref` rests in the book. */
  has(ref: number): boolean {
    return this.orders.get(ref) !== undefined;
  }

  /** Highest bid tick, or `NaN` when there are no bids. */
  bestBid(): number {
    return this.bids.bestTick;
  }

  /** Lowest ask tick, or `NaN` when there are no asks. */
  bestAsk(): number {
    return this.asks.bestTick;
  }

  /** Total resting quantity at `priceTick` on `side` (0 when there is no level). */
  levelQty(side: BookSide, priceTick: number): number {
    const level = (side === BUY ? this.bids : this.asks).get(priceTick);
    return level === null ? 0 : level.total;
  }

  /** Number of resting orders at `priceTick` on `side`. */
  levelOrderCount(side: BookSide, priceTick: number): number {
    const level = (side === BUY ? this.bids : this.asks).get(priceTick);
    return level === null ? 0 : level.count;
  }

  /**
   * Tick of the `n`-th best distinct level of `side` (1 = best), or `NaN` when there are fewer levels.
   * Serves `priceMatch` OPPONENT_5 / QUEUE_5 and the like.
   */
  priceAtLevel(side: BookSide, n: number): number {
    return (side === BUY ? this.bids : this.asks).nth(n);
  }

  /**
   * The best `levels` levels of `side` as a flat array `[tick0, qty0, tick1, qty1, ...]`, best first. The
   * result has `2 × min(levels, levelCount(side))` entries. Pass `out` to reuse an array (it is
   * overwritten and truncated); otherwise a new array is returned.
   */
  depth(side: BookSide, levels: number, out: number[] = []): number[] {
    const index = side === BUY ? this.bids : this.asks;
    let n = 0;
    let tick = index.bestTick;
    while (n < levels && !Number.isNaN(tick)) {
      out[2 * n] = tick;
      out[2 * n + 1] = index.get(tick)!.total;
      n++;
      tick = index.worse(tick);
    }
    out.length = 2 * n;
    return out;
  }

  /** Number of distinct price levels on `side`. */
  levelCount(side: BookSide): number {
    return (side === BUY ? this.bids : this.asks).size;
  }

  /** Number of resting orders on both sides. */
  orderCount(): number {
    return this.orders.size;
  }

  /**
   * Visits every resting order: bids best to worst, then asks best to worst, each level front to back.
   * Re-adding the orders in this order to an empty book reproduces the same priorities (for snapshots).
   * `fn` must not mutate the book.
   */
  forEachOrder(fn: (order: RestingOrderView) => void): void {
    this.assertIdle();
    this.busy = true;
    try {
      for (const index of [this.bids, this.asks]) {
        for (let tick = index.bestTick; !Number.isNaN(tick); tick = index.worse(tick)) {
          for (let node = index.get(tick)!.head; node !== null; node = node.next) fn(node);
        }
      }
    } finally {
      this.busy = false;
    }
  }

  /**
   * Matches a taker against the opposite side in price-time priority, at the makers' prices, down to
   * `taker.limitTick` (inclusive). Fills and self-trade expiries go to `sink` in execution order; the book
   * is already updated when each is reported. The taker itself never rests: the venue decides whether to
   * `add` the remainder.
   *
   * Self-trade prevention applies when a maker's owner equals `taker.owner` and `taker.stp` is not
   * {@link STP_NONE}: `EXPIRE_TAKER` stops the taker before that maker, `EXPIRE_MAKER` removes the maker
   * and continues, `EXPIRE_BOTH` removes the maker and stops.
   *
   * `limitTick` may be `±Infinity` for an unbounded taker; `NaN` throws. Pass `out` to reuse a result object
   * (it is overwritten and returned).
   * @throws RangeError when `taker.qty` is not a positive safe integer or `taker.limitTick` is `NaN`.
   */
  match(
    taker: TakerOrder,
    sink: MatchSink,
    out: MatchResult = { filled: 0, remaining: 0, expiredBySelfTrade: false, lastTick: Number.NaN },
  ): MatchResult {
    this.assertIdle();
    const { side, limitTick, qty, owner, stp } = taker;
    if (!Number.isSafeInteger(qty) || qty <= 0)
      throw new RangeError(`taker qty must be a positive integer, got ${qty}`);
    if (Number.isNaN(limitTick)) throw new RangeError('taker limit tick is NaN');
    const isBuy = side === BUY;
    const index = isBuy ? this.asks : this.bids;
    const makerSide: BookSide = isBuy ? 1 : 0;
    const selfTrade = stp !== STP_NONE;
    let remaining = qty;
    let lastTick = Number.NaN;
    let stopped = false;
    this.busy = true;
    try {
      while (remaining > 0) {
        const level = index.bestLevel;
        if (level === null) break;
        const tick = level.tick;
        if (isBuy ? tick > limitTick : tick < limitTick) break;
        const before = level.total;
        let node = level.head;
        while (node !== null) {
          const next = node.next;
          // Self-trade prevention: this maker's owner is the taker's, so `owner` names both below.
          if (selfTrade && node.owner === owner) {
            if (stp === STP_EXPIRE_TAKER) {
              stopped = true;
              break;
            }
            const ref = node.ref;
            const makerQty = node.qty;
            this.removeFilled(node, level, index);
            sink.makerExpired(ref, owner, makerQty);
            if (stp === STP_EXPIRE_BOTH) {
              stopped = true;
              break;
            }
            node = next;
            continue;
          }
          const makerQty = node.qty;
          lastTick = tick;
          if (remaining < makerQty) {
            const left = makerQty - remaining;
            node.qty = left;
            level.total -= remaining;
            const traded = remaining;
            remaining = 0;
            sink.fill(node.ref, node.owner, tick, traded, left);
            break;
          }
          remaining -= makerQty;
          const ref = node.ref;
          const makerOwner = node.owner;
          this.removeFilled(node, level, index);
          sink.fill(ref, makerOwner, tick, makerQty, 0);
          if (remaining === 0) break;
          node = next;
        }
        if (level.count === 0) {
          this.releaseLevel(level);
          this.notify(makerSide, tick, 0);
        } else if (level.total !== before) {
          this.notify(makerSide, tick, level.total);
        }
        if (stopped) break;
      }
    } finally {
      this.busy = false;
    }
    out.filled = qty - remaining;
    out.remaining = remaining;
    out.expiredBySelfTrade = stopped;
    out.lastTick = lastTick;
    return out;
  }

  /**
   * Quantity the opposite side offers to a `side` taker down to `limitTick` (inclusive), capped at `need`:
   * the walk stops once `need` is reached. Self-trade prevention is ignored (Binance does not apply it to
   * FOK), so `fillableQty(...) === need` is the FOK test.
   */
  fillableQty(side: BookSide, limitTick: number, need: number): number {
    const isBuy = side === BUY;
    const index = isBuy ? this.asks : this.bids;
    let sum = 0;
    for (let tick = index.bestTick; !Number.isNaN(tick); tick = index.worse(tick)) {
      // Written so that a NaN limit matches nothing.
      if (isBuy ? !(tick <= limitTick) : !(tick >= limitTick)) break;
      sum += index.get(tick)!.total;
      if (sum >= need) return need;
    }
    return sum;
  }

  /** Whether an order of `side` at `priceTick` would take liquidity now (the GTX post-only test). */
  wouldCross(side: BookSide, priceTick: number): boolean {
    return side === BUY ? priceTick >= this.asks.bestTick : priceTick <= this.bids.bestTick;
  }

  /** Removes every order, reporting each removed level to `onLevelChange` (bids first, best first). */
  clear(): void {
    this.assertIdle();
    this.busy = true;
    try {
      for (const index of [this.bids, this.asks]) {
        const side: BookSide = index === this.bids ? 0 : 1;
        for (let tick = index.bestTick; !Number.isNaN(tick); tick = index.worse(tick)) {
          const level = index.get(tick)!;
          for (let node = level.head; node !== null; ) {
            const next = node.next;
            node.prev = null;
            node.next = null;
            node.level = null;
            this.releaseNode(node);
            node = next;
          }
          level.head = null;
          level.tail = null;
          level.count = 0;
          level.total = 0;
          this.releaseLevel(level);
          this.notify(side, tick, 0);
        }
        index.reset();
      }
      this.orders.clear();
      // Priority is relative, so an empty book may restart the sequence (keeps it a small integer).
      this.nextSeq = 1;
    } finally {
      this.busy = false;
    }
  }

  private assertIdle(): void {
    if (this.busy) throw new RangeError('the order book cannot be changed from inside its own callback');
  }

  private assertPassive(side: BookSide, priceTick: number): void {
    if (side === BUY ? priceTick >= this.asks.bestTick : priceTick <= this.bids.bestTick) {
      throw new RangeError(`a ${side === BUY ? 'buy' : 'sell'} at tick ${priceTick} would cross the book`);
    }
  }

  private orderOf(ref: number): OrderNode {
    const node = this.orders.get(ref);
    if (node === undefined) throw new RangeError(`order ref ${ref} is not in the book`);
    return node;
  }

  /** The level at `tick`, created (and indexed) when missing. */
  private levelFor(side: BookSide, tick: number): Level {
    const index = side === BUY ? this.bids : this.asks;
    let level = index.get(tick);
    if (level === null) {
      level = this.levelPool.pop() ?? new Level();
      level.tick = tick;
      index.insert(level);
    }
    return level;
  }

  /** Unlinks `node` from its level, dropping the level when it empties; returns the level's new total. */
  private unlink(node: OrderNode): number {
    const level = node.level!;
    level.unlink(node);
    if (level.count !== 0) return level.total;
    (node.side === BUY ? this.bids : this.asks).remove(level);
    this.releaseLevel(level);
    return 0;
  }

  /**
   * Takes a maker out during `match`: out of its level, the index (when the level empties) and the ref map.
   * The level object itself is released by the caller once it is done walking it.
   */
  private removeFilled(node: OrderNode, level: Level, index: PriceLevels): void {
    level.unlink(node);
    if (level.count === 0) index.remove(level);
    this.orders.remove(node.ref);
    this.releaseNode(node);
  }

  private releaseNode(node: OrderNode): void {
    // The node keeps its values, so a view obtained through `get` still reads them until reuse.
    if (this.nodePool.length < this.maxPooledOrders) this.nodePool.push(node);
  }

  private releaseLevel(level: Level): void {
    if (this.levelPool.length < MAX_POOLED_LEVELS) this.levelPool.push(level);
  }
}

function checkOrder(priceTick: number, qty: number): void {
  if (!Number.isSafeInteger(priceTick))
    throw new RangeError(`price tick must be a safe integer, got ${priceTick}`);
  if (!Number.isSafeInteger(qty) || qty <= 0)
    throw new RangeError(`qty must be a positive integer, got ${qty}`);
}
