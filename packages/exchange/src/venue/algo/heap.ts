/**
 * A binary heap ordered by `before(a, b)` (true when `a` must come out first): O(log n) push and pop,
 * O(1) peek. The trigger indexes, the due queue and the GTD queue of the algo book are heaps.
 */
export class Heap<T> {
  readonly #items: T[] = [];
  readonly #before: (a: T, b: T) => boolean;

  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  /** How many items it holds (stale ones included, for heaps that delete lazily). */
  get size(): number {
    return this.#items.length;
  }

  /** The item that comes out next, without removing it. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.#siftDown(0);
    }
    return top;
  }

  /** Keeps only the items `keep` accepts (compaction of lazily deleted entries), in O(n). */
  retain(keep: (item: T) => boolean): void {
    const kept = this.#items.filter(keep);
    this.#items.length = 0;
    this.#items.push(...kept);
    for (let i = (kept.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  /** Every item, in no particular order. */
  values(): readonly T[] {
    return this.#items;
  }

  #siftDown(start: number): void {
    const items = this.#items;
    const n = items.length;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < n && this.#before(items[left]!, items[first]!)) first = left;
      if (right < n && this.#before(items[right]!, items[first]!)) first = right;
      if (first === i) return;
      [items[i], items[first]] = [items[first]!, items[i]!];
      i = first;
    }
  }
}
