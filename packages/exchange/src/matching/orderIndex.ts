import type { OrderNode } from './level.js';

/*
 * ref → order node, as an open-addressing hash table that stores the nodes themselves.
 *
 * Why not `Map<number, OrderNode>`: with tens of thousands of resting orders every lookup is a cache miss,
 * and a V8 Map pays for a bucket array, an entry array and then the node. Here a slot holds the node, so a
 * hit costs the slot plus the node (which the caller reads anyway). Measured on this machine with a 45k
 * live set (40% insert, 40% delete, 20% lookup), 6.4M vs 4.1M ops/s median; with 1k entries 37M vs 17M.
 *
 * Linear probing with Fibonacci hashing (sequential refs spread evenly), load ≤ 1/2, and backward-shift
 * deletion, so there are no tombstones and no periodic rehash. Iteration order is never exposed.
 */

const MIN_BITS = 6;

/** Hash of a safe-integer ref to `32 - shift` bits. */
function slotOf(ref: number, shift: number): number {
  const low = ref | 0;
  // Refs beyond int32 fold their high word in, so refs differing only there do not collide.
  const key = low === ref ? low : low ^ ((ref / 4294967296) | 0);
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** The book's ref → node index. */
export class OrderIndex {
  /** Number of nodes held. */
  size = 0;
  private bits = MIN_BITS;
  private shift = 32 - MIN_BITS;
  private mask = (1 << MIN_BITS) - 1;
  private slots: (OrderNode | null)[] = new Array<OrderNode | null>(1 << MIN_BITS).fill(null);

  /** The node with `ref`, or `undefined`. */
  get(ref: number): OrderNode | undefined {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = slotOf(ref, this.shift); ; i = (i + 1) & mask) {
      const node = slots[i]!;
      if (node === null) return undefined;
      if (node.ref === ref) return node;
    }
  }

  /** Adds `node` under `node.ref`; returns false (and changes nothing) when the ref is already present. */
  add(node: OrderNode): boolean {
    if (2 * (this.size + 1) > this.mask) this.grow();
    const ref = node.ref;
    const slots = this.slots;
    const mask = this.mask;
    for (let i = slotOf(ref, this.shift); ; i = (i + 1) & mask) {
      const other = slots[i]!;
      if (other === null) {
        slots[i] = node;
        this.size++;
        return true;
      }
      if (other.ref === ref) return false;
    }
  }

  /** Removes and returns the node with `ref`, or `undefined`. */
  remove(ref: number): OrderNode | undefined {
    const slots = this.slots;
    const mask = this.mask;
    const shift = this.shift;
    let hole = slotOf(ref, shift);
    let found: OrderNode | null;
    for (; ; hole = (hole + 1) & mask) {
      found = slots[hole]!;
      if (found === null) return undefined;
      if (found.ref === ref) break;
    }
    // Backward shift: pull later members of the probe run into the hole unless their home slot lies
    // cyclically within (hole, j], where moving them would put them before their home.
    for (let j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      const node = slots[j]!;
      if (node === null) break;
      const home = slotOf(node.ref, shift);
      if (hole <= j ? hole < home && home <= j : hole < home || home <= j) continue;
      slots[hole] = node;
      hole = j;
    }
    slots[hole] = null;
    this.size--;
    return found;
  }

  /** Forgets every node; the capacity stays (a cleared book usually fills up again). */
  clear(): void {
    this.slots.fill(null);
    this.size = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.shift = 32 - this.bits;
    this.mask = (1 << this.bits) - 1;
    this.slots = new Array<OrderNode | null>(1 << this.bits).fill(null);
    this.size = 0;
    for (const node of old) if (node !== null) this.add(node);
  }
}
