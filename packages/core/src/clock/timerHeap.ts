/** An entry of a {@link TimerHeap}: ordered by `due`, then by `seq` (creation order). */
export interface HeapEntry {
  /** When the entry is due. */
  due: number;
  /** Tie-breaker: lower first. Must be unique per heap. */
  readonly seq: number;
  /** Position in the heap array; -1 when not in a heap. Maintained by the heap. */
  index: number;
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/**
 * A binary min-heap keyed by (due, seq) whose entries know their index, so removing any entry is
 * O(log n) and membership is O(1). Used by `VirtualClock`; fast enough for millions of timers.
 */
export class TimerHeap<T extends HeapEntry> {
  readonly #items: T[] = [];

  /** Number of entries. */
  get size(): number {
    return this.#items.length;
  }

  /** The earliest entry, without removing it. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Whether `entry` is in this heap. */
  has(entry: T): boolean {
    return entry.index >= 0 && this.#items[entry.index] === entry;
  }

  /** Adds an entry (which must not be in any heap). */
  push(entry: T): void {
    entry.index = this.#items.length;
    this.#items.push(entry);
    this.#up(entry.index);
  }

  /** Removes and returns the earliest entry. */
  pop(): T | undefined {
    const top = this.#items[0];
    if (top !== undefined) this.#removeAt(0);
    return top;
  }

  /** Removes `entry` if it is in this heap; returns whether it was. */
  remove(entry: T): boolean {
    if (!this.has(entry)) return false;
    this.#removeAt(entry.index);
    return true;
  }

  #removeAt(i: number): void {
    const items = this.#items;
    const removed = items[i]!;
    const last = items.pop()!;
    removed.index = -1;
    if (last === removed) return;
    items[i] = last;
    last.index = i;
    // The moved entry may belong above or below its new slot.
    if (i > 0 && before(last, items[(i - 1) >> 1]!)) this.#up(i);
    else this.#down(i);
  }

  #up(i: number): void {
    const items = this.#items;
    const entry = items[i]!;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = items[parentIndex]!;
      if (!before(entry, parent)) break;
      items[i] = parent;
      parent.index = i;
      i = parentIndex;
    }
    items[i] = entry;
    entry.index = i;
  }

  #down(i: number): void {
    const items = this.#items;
    const n = items.length;
    const entry = items[i]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(items[right]!, items[left]!) ? right : left;
      const childEntry = items[child]!;
      if (!before(childEntry, entry)) break;
      items[i] = childEntry;
      childEntry.index = i;
      i = child;
    }
    items[i] = entry;
    entry.index = i;
  }
}
