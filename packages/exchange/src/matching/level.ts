import type { BookSide, RestingOrderView } from './types.js';

/**
 * A resting order: an intrusive node of its level's FIFO (internal to the matching core). Nodes are pooled
 * by the book, so every field is initialised in the constructor (one hidden class) and overwritten on reuse.
 * Keep refs, owners, ticks and quantities below 2^30 where possible: V8 then stores them unboxed.
 */
export class OrderNode implements RestingOrderView {
  ref = 0;
  side: BookSide = 0;
  priceTick = 0;
  qty = 0;
  owner = 0;
  seq = 0;
  /** The order ahead in the level (higher priority), or `null` at the front. */
  prev: OrderNode | null = null;
  /** The order behind in the level, or `null` at the back. */
  next: OrderNode | null = null;
  /** The level holding the node, or `null` once it has left the book. */
  level: Level | null = null;
}

/** One price level: a doubly-linked FIFO of orders with a running total, so depth reads are O(1). */
export class Level {
  /** The level's price in ticks. */
  tick = 0;
  /** Sum of the remaining quantities of the orders in the FIFO. */
  total = 0;
  /** Number of orders in the FIFO. */
  count = 0;
  /** Front of the queue: the next order to fill. */
  head: OrderNode | null = null;
  /** Back of the queue: the latest arrival. */
  tail: OrderNode | null = null;

  /** Appends `node` at the back (lowest time priority). */
  push(node: OrderNode): void {
    const tail = this.tail;
    node.prev = tail;
    node.next = null;
    node.level = this;
    if (tail === null) this.head = node;
    else tail.next = node;
    this.tail = node;
    this.total += node.qty;
    this.count++;
  }

  /** Unlinks `node`, which must belong to this level. */
  unlink(node: OrderNode): void {
    const prev = node.prev;
    const next = node.next;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    node.prev = null;
    node.next = null;
    node.level = null;
    this.total -= node.qty;
    this.count--;
  }
}
