import { Decimal, type DecimalInput, type Id, type PriceLevel } from '@basis/core';
import { BookSide } from './bookSide.js';
import {
  decimalToTicks,
  fractionDigits,
  isZeroQuantity,
  MAX_PRICE_SCALE,
  NEEDS_RESCALE,
  parseTicks,
  pow10Number,
  ticksToDecimal,
} from './ticks.js';
import type {
  BookLevel,
  BookSideName,
  DepthDiff,
  DepthSnapshot,
  DepthSummary,
  FillEstimate,
  OrderBookQueries,
  PriceBand,
} from './types.js';

/**
 * What {@link LocalOrderBook.apply} did with a diff:
 * - `applied`: it continued the sequence and its levels are in the book;
 * - `stale`: older than the book (`u` below the snapshot, or already applied), ignored;
 * - `gap`: it does not continue the sequence (§10 steps 4-5): the book must be resynchronised;
 * - `unsynced`: there is no snapshot yet.
 */
export type ApplyResult = 'applied' | 'stale' | 'gap' | 'unsynced';

/** Whether two update ids are equal, across number and bigint (ids above 2^53 arrive as bigints). */
export function sameId(a: Id, b: Id): boolean {
  return a === b || (typeof a !== typeof b && a <= b && a >= b);
}

/** Options of {@link LocalOrderBook}. */
export interface LocalOrderBookOptions {
  /**
   * Fraction digits of the price ticks (from exchangeInfo's `pricePrecision`/`tickSize`). Default:
   * inferred from the prices seen, growing if a finer price arrives.
   */
  readonly priceScale?: number;
  /**
   * Levels kept per side (default: no limit). After each {@link LocalOrderBook.reset} and each
   * applied diff, the levels farthest from the touch beyond this count are dropped.
   */
  readonly maxLevelsPerSide?: number;
}

/**
 * A local order book with no I/O: load a REST snapshot with {@link reset}, then {@link apply} diff
 * events; it checks Binance's futures continuity rules (reference §10) and answers exact queries.
 * {@link createOrderBook} wraps it with buffering, resynchronisation and verification.
 *
 * Internally prices are integer ticks (`price × 10^priceScale`, a safe-integer number) kept in a sorted
 * array per side with the best level last; quantities are kept as the strings Binance sent, so a diff
 * level costs one string scan and no allocation. Decimals are built only by queries.
 */
export class LocalOrderBook implements OrderBookQueries {
  readonly #bids = new BookSide(1);
  readonly #asks = new BookSide(-1);
  #scale: number;
  readonly #fixedScale: boolean;
  readonly #maxLevels: number;
  #lastId: Id | undefined;
  /** True between a snapshot and the first diff applied after it (§10 step 4's rule applies). */
  #awaitingFirst = false;

  constructor(options: LocalOrderBookOptions = {}) {
    const scale = options.priceScale;
    if (scale !== undefined && !(Number.isInteger(scale) && scale >= 0 && scale <= MAX_PRICE_SCALE)) {
      throw new RangeError(`priceScale must be an integer in 0…${MAX_PRICE_SCALE}`);
    }
    this.#scale = scale ?? 0;
    this.#fixedScale = scale !== undefined;
    const max = options.maxLevelsPerSide ?? Number.POSITIVE_INFINITY;
    if (!(max >= 1)) throw new RangeError('maxLevelsPerSide must be at least 1');
    this.#maxLevels = Math.floor(max);
  }

  get lastUpdateId(): Id | undefined {
    return this.#lastId;
  }

  get priceScale(): number {
    return this.#scale;
  }

  /** Whether a snapshot is loaded (the book follows the sequence from its `lastUpdateId`). */
  get synced(): boolean {
    return this.#lastId !== undefined;
  }

  /** Replaces the whole book with a snapshot; the next diff must cover its `lastUpdateId` (§10 step 4). */
  reset(snapshot: DepthSnapshot): void {
    if (!this.#fixedScale) {
      let scale = this.#scale;
      for (const [price] of snapshot.bids) scale = Math.max(scale, fractionDigits(price));
      for (const [price] of snapshot.asks) scale = Math.max(scale, fractionDigits(price));
      this.#rescaleTo(scale);
    }
    this.#load(this.#bids, snapshot.bids);
    this.#load(this.#asks, snapshot.asks);
    this.#bids.dropWorst(this.#bids.size - this.#maxLevels);
    this.#asks.dropWorst(this.#asks.size - this.#maxLevels);
    this.#lastId = snapshot.lastUpdateId;
    this.#awaitingFirst = true;
  }

  /** Forgets the sequence (the levels stay, stale, until the next {@link reset}). */
  invalidate(): void {
    this.#lastId = undefined;
    this.#awaitingFirst = false;
  }

  /** Applies one diff event if it continues the sequence (reference §10 steps 3-6). */
  apply(diff: DepthDiff): ApplyResult {
    const last = this.#lastId;
    if (last === undefined) return 'unsynced';
    const u = diff.u;
    if (this.#awaitingFirst) {
      // Step 3: drop events the snapshot already holds. Step 4: the first one must cover the
      // snapshot (U <= L <= u), or start right after it (pu == L, as ccxt accepts).
      if (u < last) return 'stale';
      if (!((diff.U <= last && last <= u) || sameId(diff.pu, last))) return 'gap';
    } else {
      if (u <= last) return 'stale'; // a duplicate (a replayed frame): already applied
      if (!sameId(diff.pu, last)) return 'gap'; // step 5
    }
    this.#applyLevels(this.#bids, diff.b);
    this.#applyLevels(this.#asks, diff.a);
    // Diffs also report levels beyond the snapshot's depth: keep the far end bounded.
    const max = this.#maxLevels;
    if (this.#bids.size > max) this.#bids.dropWorst(this.#bids.size - max);
    if (this.#asks.size > max) this.#asks.dropWorst(this.#asks.size - max);
    this.#lastId = u;
    this.#awaitingFirst = false;
    return 'applied';
  }

  // Queries ---------------------------------------------------------------------------------------

  bestBid(): BookLevel | undefined {
    return this.#levelAt(this.#bids, this.#bids.size - 1);
  }

  bestAsk(): BookLevel | undefined {
    return this.#levelAt(this.#asks, this.#asks.size - 1);
  }

  midPrice(): Decimal | undefined {
    const bid = this.#bids;
    const ask = this.#asks;
    if (bid.size === 0 || ask.size === 0) return undefined;
    const sum = BigInt(bid.keys[bid.size - 1]!) - BigInt(ask.keys[ask.size - 1]!);
    return Decimal.fromUnits(sum * 5n, this.#scale + 1);
  }

  spread(): Decimal | undefined {
    const bid = this.#bids;
    const ask = this.#asks;
    if (bid.size === 0 || ask.size === 0) return undefined;
    return ticksToDecimal(-ask.keys[ask.size - 1]! - bid.keys[bid.size - 1]!, this.#scale);
  }

  levels(side: BookSideName, n = Number.POSITIVE_INFINITY): BookLevel[] {
    const s = this.#side(side);
    const out: BookLevel[] = [];
    for (let i = s.size - 1; i >= 0 && out.length < n; i--) out.push(this.#levelAt(s, i)!);
    return out;
  }

  levelStrings(side: BookSideName, n = Number.POSITIVE_INFINITY): PriceLevel[] {
    const s = this.#side(side);
    const out: PriceLevel[] = [];
    for (let i = s.size - 1; i >= 0 && out.length < n; i--) {
      out.push([ticksToDecimal(s.sign * s.keys[i]!, this.#scale).toString(), s.quantities[i]!]);
    }
    return out;
  }

  size(side: BookSideName): number {
    return this.#side(side).size;
  }

  depth(side: BookSideName, band: PriceBand = {}): DepthSummary {
    const s = this.#side(side);
    const scale = this.#scale;
    let lowTick = Number.NEGATIVE_INFINITY;
    let highTick = Number.POSITIVE_INFINITY;
    if (band.withinBps !== undefined) {
      const mid = this.midPrice();
      if (mid === undefined) return { quantity: Decimal.ZERO, notional: Decimal.ZERO, levels: 0 };
      const bps = Decimal.from(band.withinBps);
      // mid × (10⁴ ∓ bps) / 10⁴, exact: shift the scale by 4 instead of dividing.
      const factor = side === 'bids' ? Decimal.from(10_000).sub(bps) : Decimal.from(10_000).add(bps);
      const product = mid.mul(factor);
      const bound = Decimal.fromUnits(product.units, product.scale + 4);
      if (side === 'bids') lowTick = decimalToTicks(bound, scale, 'ceil');
      else highTick = decimalToTicks(bound, scale, 'floor');
    } else {
      if (band.minPrice !== undefined) lowTick = decimalToTicks(Decimal.from(band.minPrice), scale, 'ceil');
      if (band.maxPrice !== undefined) highTick = decimalToTicks(Decimal.from(band.maxPrice), scale, 'floor');
    }
    let quantity = Decimal.ZERO;
    let notional = Decimal.ZERO;
    let levels = 0;
    for (let i = s.size - 1; i >= 0; i--) {
      const tick = s.sign * s.keys[i]!;
      // Walking from the best level: bids descend, asks ascend.
      if (s.sign === 1 ? tick < lowTick : tick > highTick) break;
      if (s.sign === 1 ? tick > highTick : tick < lowTick) continue;
      const q = Decimal.parse(s.quantities[i]!);
      quantity = quantity.add(q);
      notional = notional.add(q.mul(ticksToDecimal(tick, scale)));
      levels++;
    }
    return { quantity, notional, levels };
  }

  fillCost(
    side: 'buy' | 'sell',
    quantity: DecimalInput,
    options: { readonly limitPrice?: DecimalInput } = {},
  ): FillEstimate {
    const wanted = Decimal.from(quantity);
    if (wanted.isNegative()) throw new RangeError('quantity must not be negative');
    const s = side === 'buy' ? this.#asks : this.#bids;
    const scale = this.#scale;
    let limitTick = s.sign === 1 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (options.limitPrice !== undefined) {
      const limit = Decimal.from(options.limitPrice);
      limitTick = decimalToTicks(limit, scale, side === 'buy' ? 'floor' : 'ceil');
    }
    let remaining = wanted;
    let cost = Decimal.ZERO;
    let levels = 0;
    let worst: number | undefined;
    for (let i = s.size - 1; i >= 0 && remaining.isPositive(); i--) {
      const tick = s.sign * s.keys[i]!;
      if (side === 'buy' ? tick > limitTick : tick < limitTick) break;
      const available = Decimal.parse(s.quantities[i]!);
      const take = available.lt(remaining) ? available : remaining;
      cost = cost.add(take.mul(ticksToDecimal(tick, scale)));
      remaining = remaining.sub(take);
      worst = tick;
      levels++;
    }
    const filled = wanted.sub(remaining);
    return {
      side,
      quantity: wanted,
      filled,
      complete: !remaining.isPositive(),
      cost,
      averagePrice: filled.isPositive() ? cost.div(filled, scale + 8, 'half-even') : undefined,
      worstPrice: worst === undefined ? undefined : ticksToDecimal(worst, scale),
      levels,
    };
  }

  // Internals -------------------------------------------------------------------------------------

  #side(side: BookSideName): BookSide {
    if (side === 'bids') return this.#bids;
    if (side === 'asks') return this.#asks;
    throw new TypeError(`side must be 'bids' or 'asks', not ${JSON.stringify(side)}`);
  }

  #levelAt(s: BookSide, i: number): BookLevel | undefined {
    if (i < 0 || i >= s.size) return undefined;
    return {
      price: ticksToDecimal(s.sign * s.keys[i]!, this.#scale),
      quantity: Decimal.parse(s.quantities[i]!),
    };
  }

  #applyLevels(s: BookSide, levels: readonly PriceLevel[]): void {
    const sign = s.sign;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!;
      const price = level[0];
      const quantity = level[1];
      let tick = parseTicks(price, this.#scale);
      if (tick === NEEDS_RESCALE) {
        this.#rescaleTo(fractionDigits(price));
        tick = parseTicks(price, this.#scale);
      }
      if (isZeroQuantity(quantity)) s.remove(sign * tick);
      else s.set(sign * tick, quantity);
    }
  }

  #load(s: BookSide, levels: readonly PriceLevel[]): void {
    s.clear();
    const sign = s.sign;
    // Snapshots list the best level first; the side stores it last, so append from the worst.
    for (let i = levels.length - 1; i >= 0; i--) {
      const [price, quantity] = levels[i]!;
      if (isZeroQuantity(quantity)) continue;
      const key = sign * parseTicks(price, this.#scale);
      if (s.size === 0 || key > s.keys[s.size - 1]!) s.push(key, quantity);
      else s.set(key, quantity); // out of order or repeated: still correct, just slower
    }
  }

  #rescaleTo(scale: number): void {
    if (scale <= this.#scale) return;
    if (this.#fixedScale) {
      throw new RangeError(`a price has ${scale} fraction digits; the book's priceScale is ${this.#scale}`);
    }
    if (scale > MAX_PRICE_SCALE)
      throw new RangeError(`prices with more than ${MAX_PRICE_SCALE} fraction digits`);
    const factor = pow10Number(scale - this.#scale);
    this.#bids.scaleKeys(factor);
    this.#asks.scaleKeys(factor);
    this.#scale = scale;
  }
}
