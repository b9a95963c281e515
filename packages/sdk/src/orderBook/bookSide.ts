// One side of a local book: price keys in a sorted Float64Array with the best level LAST, so the
// top-of-book churn that dominates diff streams inserts and deletes by moving a few slots, and the
// quantities (Binance's strings, exact) in a parallel array.

const INITIAL_CAPACITY = 256;

/**
 * A sorted price-level array. Keys are integer ticks, signed so that the best level sorts last:
 * bids store `+tick` (ascending: the highest bid last), asks store `-tick` (the lowest ask last).
 */
export class BookSide {
  /** `+1` for bids, `-1` for asks: `key = sign × tick`. */
  readonly sign: 1 | -1;
  /** Ascending keys in `[0, size)`; the best level is at `size - 1`. */
  keys: Float64Array;
  /** Quantity strings, parallel to `keys`. */
  quantities: string[];
  size = 0;

  constructor(sign: 1 | -1, capacity = INITIAL_CAPACITY) {
    this.sign = sign;
    this.keys = new Float64Array(capacity);
    this.quantities = new Array<string>(capacity).fill('');
  }

  /**
   * The slot of `key`, or `~insertionPoint` when absent. Gallops down from the best level (most
   * updates land within a few levels of it), then bisects the bracket it found.
   */
  find(key: number): number {
    const keys = this.keys;
    let hi = this.size - 1;
    if (hi < 0 || key > keys[hi]!) return ~(hi + 1);
    if (key === keys[hi]) return hi;
    // keys[hi] > key: gallop towards the worst level until a key <= key brackets it.
    let step = 1;
    let lo = hi - step;
    while (lo >= 0 && keys[lo]! > key) {
      hi = lo;
      step <<= 1;
      lo = hi - step;
    }
    // Now keys[hi] > key and (lo < 0 or keys[lo] <= key): bisect (lo, hi).
    if (lo < 0) lo = 0;
    else if (keys[lo] === key) return lo;
    hi--;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return ~lo;
  }

  /** Sets the level `key` to `quantity` (inserting it if new). */
  set(key: number, quantity: string): void {
    const at = this.find(key);
    if (at >= 0) {
      this.quantities[at] = quantity;
      return;
    }
    this.insertAt(~at, key, quantity);
  }

  /** Removes the level `key`; removing an absent level is normal (§10 step 6) and does nothing. */
  remove(key: number): void {
    const at = this.find(key);
    if (at >= 0) this.removeAt(at);
  }

  insertAt(at: number, key: number, quantity: string): void {
    const size = this.size;
    if (size === this.keys.length) this.#grow();
    const keys = this.keys;
    const quantities = this.quantities;
    if (at < size) {
      keys.copyWithin(at + 1, at, size);
      for (let i = size; i > at; i--) quantities[i] = quantities[i - 1]!;
    }
    keys[at] = key;
    quantities[at] = quantity;
    this.size = size + 1;
  }

  removeAt(at: number): void {
    const last = this.size - 1;
    const quantities = this.quantities;
    if (at < last) {
      this.keys.copyWithin(at, at + 1, last + 1);
      for (let i = at; i < last; i++) quantities[i] = quantities[i + 1]!;
    }
    quantities[last] = '';
    this.size = last;
  }

  /** Appends a level that sorts after every stored key (loading a snapshot worst-first). */
  push(key: number, quantity: string): void {
    if (this.size === this.keys.length) this.#grow();
    this.keys[this.size] = key;
    this.quantities[this.size] = quantity;
    this.size++;
  }

  /** Removes the `n` worst levels (the farthest from the touch); `n <= 0` does nothing. */
  dropWorst(n: number): void {
    if (n <= 0) return;
    const size = this.size;
    if (n >= size) {
      this.clear();
      return;
    }
    this.keys.copyWithin(0, n, size);
    const quantities = this.quantities;
    quantities.copyWithin(0, n, size);
    quantities.fill('', size - n, size);
    this.size = size - n;
  }

  clear(): void {
    this.quantities.fill('', 0, this.size);
    this.size = 0;
  }

  /** Multiplies every key by `factor` (a finer price scale); order is preserved. */
  scaleKeys(factor: number): void {
    const keys = this.keys;
    for (let i = 0; i < this.size; i++) {
      const scaled = keys[i]! * factor;
      if (!Number.isSafeInteger(scaled)) throw new RangeError('a finer price scale would exceed 2^53 ticks');
      keys[i] = scaled;
    }
  }

  #grow(): void {
    const capacity = this.keys.length * 2;
    const keys = new Float64Array(capacity);
    keys.set(this.keys);
    this.keys = keys;
    const quantities = this.quantities;
    for (let i = quantities.length; i < capacity; i++) quantities.push('');
  }
}
