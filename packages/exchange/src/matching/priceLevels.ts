import type { Level } from './level.js';

/*
 * Price index of one side: which ticks hold a level, in order.
 *
 * The tick axis is cut into pages of 1,024 ticks. A page holds its levels in a dense slot array plus an
 * occupancy bitmap of 32 words and one 32-bit summary word (bit w set when word w is non-zero), so the
 * next occupied tick inside a page is found with two `Math.clz32` steps, whatever the gaps. Pages exist
 * only while they hold a level and sit in a small array sorted by page number, so any tick works (no
 * fixed band, no re-centring) and memory follows the occupied price range. Lookups go through a
 * "hot page" cache: near the touch almost every access hits it and costs one subtraction.
 */

const PAGE_SHIFT = 10;
const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_WORDS = PAGE_SIZE >>> 5;
/** Empty pages kept for reuse per side; a price walking across page borders then allocates nothing. */
const MAX_POOLED_PAGES = 8;

/** Index of the lowest set bit of a non-zero int32. */
function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** Index of the highest set bit of a non-zero int32. */
function highestBit(x: number): number {
  return 31 - Math.clz32(x);
}

/** 1,024 consecutive ticks: `base .. base + 1023`. */
class Page {
  index = 0;
  base = 0;
  count = 0;
  summary = 0;
  readonly words = new Int32Array(PAGE_WORDS);
  readonly slots: (Level | null)[] = new Array<Level | null>(PAGE_SIZE).fill(null);

  /** Offset of the highest occupied slot; the page must not be empty. */
  highest(): number {
    const w = highestBit(this.summary);
    return (w << 5) + highestBit(this.words[w]!);
  }

  /** Offset of the lowest occupied slot; the page must not be empty. */
  lowest(): number {
    const w = lowestBit(this.summary);
    return (w << 5) + lowestBit(this.words[w]!);
  }

  /** Offset of the highest occupied slot below `off`, or -1. */
  below(off: number): number {
    let w = off >>> 5;
    // `(1 << 31) - 1` leaves int32 range, but `&` wraps it back to 0x7fffffff: the mask stays right.
    const m = this.words[w]! & ((1 << (off & 31)) - 1);
    if (m !== 0) return (w << 5) + highestBit(m);
    const s = this.summary & ((1 << w) - 1);
    if (s === 0) return -1;
    w = highestBit(s);
    return (w << 5) + highestBit(this.words[w]!);
  }

  /** Offset of the lowest occupied slot above `off`, or -1. */
  above(off: number): number {
    let w = off >>> 5;
    // For bit 31, `2 << 31` is 0, so the mask `~(0 - 1)` is 0: nothing lies above.
    const m = this.words[w]! & ~((2 << (off & 31)) - 1);
    if (m !== 0) return (w << 5) + lowestBit(m);
    const s = this.summary & ~((2 << w) - 1);
    if (s === 0) return -1;
    w = lowestBit(s);
    return (w << 5) + lowestBit(this.words[w]!);
  }
}

/**
 * The ordered set of price levels of one side of a book, keyed by integer tick.
 *
 * `descending` sides (bids) rank higher ticks better; ascending sides (asks) rank lower ticks better.
 * Costs: `get` O(1); `insert` and `remove` O(1), plus O(pages) when a page appears or empties;
 * walking to the next worse level O(1) within a page, O(log pages) across pages.
 */
export class PriceLevels {
  /** True when a higher tick is better (the bid side). */
  readonly descending: boolean;
  /** Best tick, or `NaN` when the side is empty. */
  bestTick = Number.NaN;
  /** Level at {@link bestTick}, or `null` when the side is empty. */
  bestLevel: Level | null = null;
  /** Number of levels. */
  size = 0;
  private readonly pages: Page[] = [];
  private readonly pool: Page[] = [];
  private hot: Page | null = null;

  /** @param descending true for bids (higher is better), false for asks. */
  constructor(descending: boolean) {
    this.descending = descending;
  }

  /** The level at `tick`, or `null`. */
  get(tick: number): Level | null {
    let page = this.hot;
    if (page === null || tick < page.base || tick - page.base >= PAGE_SIZE) {
      page = this.findPage(Math.floor(tick / PAGE_SIZE));
      if (page === null) return null;
      this.hot = page;
    }
    return page.slots[tick - page.base]!;
  }

  /** Adds `level` at `level.tick`, which must be free. */
  insert(level: Level): void {
    const tick = level.tick;
    let page = this.hot;
    if (page === null || tick < page.base || tick - page.base >= PAGE_SIZE) {
      page = this.pageFor(Math.floor(tick / PAGE_SIZE));
      this.hot = page;
    }
    const off = tick - page.base;
    page.slots[off] = level;
    const w = off >>> 5;
    page.words[w]! |= 1 << (off & 31);
    page.summary |= 1 << w;
    page.count++;
    this.size++;
    if (this.bestLevel === null || (this.descending ? tick > this.bestTick : tick < this.bestTick)) {
      this.bestTick = tick;
      this.bestLevel = level;
    }
  }

  /** Removes `level`, which must be in this index. */
  remove(level: Level): void {
    const tick = level.tick;
    let page = this.hot;
    if (page === null || tick < page.base || tick - page.base >= PAGE_SIZE) {
      page = this.findPage(Math.floor(tick / PAGE_SIZE))!;
    }
    const off = tick - page.base;
    page.slots[off] = null;
    const w = off >>> 5;
    const word = page.words[w]! & ~(1 << (off & 31));
    page.words[w] = word;
    if (word === 0) page.summary &= ~(1 << w);
    this.size--;
    if (--page.count === 0) this.dropPage(page);
    if (tick === this.bestTick) {
      const next = this.worse(tick);
      this.bestTick = next;
      this.bestLevel = Number.isNaN(next) ? null : this.get(next);
    }
  }

  /** The next worse occupied tick after `tick` (which need not be occupied), or `NaN`. */
  worse(tick: number): number {
    return this.descending ? this.below(tick) : this.above(tick);
  }

  /** The `n`-th best tick (1 = best), or `NaN` when there are fewer levels. */
  nth(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > this.size) return Number.NaN;
    let tick = this.bestTick;
    for (let i = 1; i < n; i++) tick = this.worse(tick);
    return tick;
  }

  /** Highest occupied tick strictly below `tick`, or `NaN`. */
  below(tick: number): number {
    const hot = this.hot;
    if (hot !== null && tick >= hot.base && tick - hot.base < PAGE_SIZE) {
      const off = hot.below(tick - hot.base);
      if (off >= 0) return hot.base + off;
    }
    const index = Math.floor(tick / PAGE_SIZE);
    const pages = this.pages;
    const pos = this.lowerBound(index);
    let page = pages[pos];
    if (page !== undefined && page.index === index) {
      const off = page.below(tick - page.base);
      if (off >= 0) {
        this.hot = page;
        return page.base + off;
      }
    }
    page = pages[pos - 1];
    if (page === undefined) return Number.NaN;
    this.hot = page;
    return page.base + page.highest();
  }

  /** Lowest occupied tick strictly above `tick`, or `NaN`. */
  above(tick: number): number {
    const hot = this.hot;
    if (hot !== null && tick >= hot.base && tick - hot.base < PAGE_SIZE) {
      const off = hot.above(tick - hot.base);
      if (off >= 0) return hot.base + off;
    }
    const index = Math.floor(tick / PAGE_SIZE);
    const pages = this.pages;
    let pos = this.lowerBound(index);
    let page = pages[pos];
    if (page !== undefined && page.index === index) {
      const off = page.above(tick - page.base);
      if (off >= 0) {
        this.hot = page;
        return page.base + off;
      }
      page = pages[++pos];
    }
    if (page === undefined) return Number.NaN;
    this.hot = page;
    return page.base + page.lowest();
  }

  /** Forgets every level (the caller owns the levels themselves). O(pages × page size). */
  reset(): void {
    for (const page of this.pages) this.recycle(page, true);
    this.pages.length = 0;
    this.hot = null;
    this.size = 0;
    this.bestTick = Number.NaN;
    this.bestLevel = null;
  }

  /** First position whose page index is ≥ `index`. */
  private lowerBound(index: number): number {
    const pages = this.pages;
    let lo = 0;
    let hi = pages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pages[mid]!.index < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private findPage(index: number): Page | null {
    const page = this.pages[this.lowerBound(index)];
    return page !== undefined && page.index === index ? page : null;
  }

  private pageFor(index: number): Page {
    const pos = this.lowerBound(index);
    let page = this.pages[pos];
    if (page !== undefined && page.index === index) return page;
    page = this.pool.pop() ?? new Page();
    page.index = index;
    page.base = index * PAGE_SIZE;
    this.pages.splice(pos, 0, page);
    return page;
  }

  private dropPage(page: Page): void {
    this.pages.splice(this.lowerBound(page.index), 1);
    if (this.hot === page) this.hot = null;
    this.recycle(page, false);
  }

  /** Pools an empty page. Slots and bits are already clear unless `dirty`. */
  private recycle(page: Page, dirty: boolean): void {
    if (this.pool.length >= MAX_POOLED_PAGES) return;
    if (dirty) {
      page.slots.fill(null);
      page.words.fill(0);
      page.summary = 0;
      page.count = 0;
    }
    this.pool.push(page);
  }
}
