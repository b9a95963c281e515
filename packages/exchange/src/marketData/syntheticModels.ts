import type { Rng } from '@basis/core';
import { Decimal, normal, poisson, toSteps } from '@basis/core';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { type BookSide, BUY, SELL } from '../matching/types.js';
import { MarketDataArgumentError } from './marketDataError.js';

/** One price level the market maker wants to quote. */
export interface LadderLevel {
  readonly priceTick: number;
  readonly qtySteps: number;
}

/** The market maker's desired book: bids best (highest) first, asks best (lowest) first. */
export interface Ladder {
  readonly bids: readonly LadderLevel[];
  readonly asks: readonly LadderLevel[];
}

/** Shape of the market maker's quotes; see {@link quoteLadder}. */
export interface LadderParams {
  /** Best bid = ⌈fair⌉ − h and best ask = ⌊fair⌋ + h: a spread of 1 tick (fractional fair) or 2h. ≥ 1. */
  readonly halfSpreadTicks: number;
  /** Levels per side (≥ 1). */
  readonly levels: number;
  /** Spacing in ticks of the levels in the first zone (≥ 1). */
  readonly firstGapTicks: number;
  /** Each further zone's spacing is the previous one's times this (≥ 1), rounded to whole ticks. */
  readonly gapGrowth: number;
  /** Levels per zone of equal spacing (default 3). */
  readonly levelsPerZone?: number;
  /** Size of the best level in steps (≥ 1). */
  readonly topQtySteps: number;
  /** Size grows by this factor per level of depth (> 0), smoothly in the distance from the best price. */
  readonly sizeGrowth: number;
  /** Relative size noise in [0, 1): a fixed hash of (seed, side, price), so a level keeps its size. */
  readonly sizeNoise: number;
  /** Seed of the size noise (an integer). */
  readonly noiseSeed: number;
  /** Inventory (steps, + long) at which the skew is full (> 0). */
  readonly maxInventorySteps: number;
  /** Ticks the quotes lean at full inventory: long → lower, to sell more and buy less (≥ 0). */
  readonly maxSkewTicks: number;
  /** Relative size change at full inventory in [0, 1): long → smaller bids, larger asks. */
  readonly sizeSkew: number;
  /** Inventory is quantised to this many buckets per side (default 8) so sizes do not churn per fill. */
  readonly inventoryBuckets?: number;
}

/**
 * The market maker's desired ladder around `fairTick` (may be fractional), leaning against its
 * inventory. Depth is cut into zones of `levelsPerZone` levels; zone j spaces its levels
 * `round(firstGapTicks × gapGrowth^j)` ticks apart, on multiples of that spacing, so the deep book sits
 * on fixed absolute prices: a one-tick move of fair adds a level at the top, drops one at the bottom and
 * moves at most one level per zone boundary. Sizes grow smoothly with the distance from the best price
 * and carry a fixed per-price noise, so with {@link diffLadder}'s tolerance a level keeps its order
 * while the fair price drifts a few ticks. Pure and deterministic. With `depth`, only the best `depth`
 * levels of each side (the same as the full ladder's first ones).
 *
 * @example
 * const ladder = quoteLadder(960_000.4, params, mmPositionSteps);
 * const { cancels, adds } = diffLadder(restingMmOrders, ladder, { tolerance: 0.25 });
 */
export function quoteLadder(
  fairTick: number,
  params: LadderParams,
  inventorySteps = 0,
  depth = params.levels,
): Ladder {
  checkLadderParams(params);
  if (!Number.isFinite(fairTick) || fairTick <= 0) {
    throw new MarketDataArgumentError(`fairTick must be finite and > 0, got ${fairTick}.`);
  }
  const buckets = params.inventoryBuckets ?? 8;
  const ratio = Math.max(-1, Math.min(1, inventorySteps / params.maxInventorySteps));
  const lean = Math.round(ratio * buckets) / buckets;
  const fair = fairTick - Math.round(lean * params.maxSkewTicks);
  const h = params.halfSpreadTicks;
  return {
    bids: ladderSide(Math.ceil(fair) - h, BUY, 1 - params.sizeSkew * lean, params, depth),
    asks: ladderSide(Math.floor(fair) + h, SELL, 1 + params.sizeSkew * lean, params, depth),
  };
}

function ladderSide(
  best: number,
  side: BookSide,
  sizeFactor: number,
  params: LadderParams,
  maxLevels: number,
): LadderLevel[] {
  const count = Math.min(maxLevels, params.levels);
  const perZone = params.levelsPerZone ?? 3;
  const direction = side === BUY ? -1 : 1;
  const levels: LadderLevel[] = [];
  const logGrowth = Math.log(params.sizeGrowth);
  let zoneStart = 0; // distance from the best price where zone j starts
  let spacing = params.firstGapTicks;
  for (let zone = 0; levels.length < count; zone++) {
    const g = Math.max(1, Math.round(spacing));
    // The zone's prices are the multiples of g whose distance from the best lies in [start, start + perZone·g).
    const near = best + direction * zoneStart;
    let price = side === BUY ? Math.floor(near / g) * g : Math.ceil(near / g) * g;
    for (let k = 0; k < perZone && levels.length < count; k++, price += direction * g) {
      if (price < 1) return levels;
      const distance = (price - best) * direction;
      const depth = zone * perZone + (distance - zoneStart) / g; // fractional level index
      const base = params.topQtySteps * Math.exp(logGrowth * depth) * sizeFactor;
      levels.push({ priceTick: price, qtySteps: levelSize(base, side, price, params) });
    }
    zoneStart += perZone * g;
    spacing *= params.gapGrowth;
  }
  return levels;
}

/** A resting market-maker order, in time priority order within its price. */
export interface RestingQuote {
  /** The venue's handle for the order. */
  readonly ref: number;
  readonly side: BookSide;
  readonly priceTick: number;
  /** Remaining quantity. */
  readonly qtySteps: number;
}

/** A new order to place. */
export interface LadderOrder {
  readonly side: BookSide;
  readonly priceTick: number;
  readonly qtySteps: number;
}

/** What turns the resting orders into the desired ladder: cancel these refs first, then place these. */
export interface LadderDiff {
  /** Refs to cancel, in input order. */
  readonly cancels: number[];
  /** Orders to place: bids best first, then asks best first. */
  readonly adds: LadderOrder[];
}

/** Options of {@link diffLadder}. */
export interface DiffLadderOptions {
  /**
   * Relative size slack in [0, 1): a level whose kept quantity is within `±tolerance` of the desired one
   * is left alone, so partial fills and small size changes (a level moving one place deeper) do not
   * cause a cancel and a new order on every step. Default 0: exact sizes.
   */
  readonly tolerance?: number;
}

/**
 * The fewest cancels and adds, level by level, that turn `resting` into `desired`. At a desired price
 * the orders are kept in time priority while their sum stays within the desired size (plus tolerance),
 * so the oldest keep their queue position; the rest are cancelled, and one order tops the level up
 * when it falls short by more than the tolerance. Resting orders at prices no longer desired are
 * cancelled. Apply the cancels first, so new quotes never cross old ones.
 */
export function diffLadder(
  resting: readonly RestingQuote[],
  desired: Ladder,
  options: DiffLadderOptions = {},
): LadderDiff {
  const tolerance = options.tolerance ?? 0;
  if (!(tolerance >= 0 && tolerance < 1))
    throw new MarketDataArgumentError(`tolerance must be in [0, 1), got ${tolerance}.`);
  // Runs on every quote of every market: levels are found by binary search in the ordered sides and
  // kept sizes counted per level index, without building maps.
  const keptBids = new Float64Array(desired.bids.length);
  const keptAsks = new Float64Array(desired.asks.length);
  const cancels: number[] = [];
  for (const order of resting) {
    const buy = order.side === BUY;
    const levels = buy ? desired.bids : desired.asks;
    const kept = buy ? keptBids : keptAsks;
    const i = levelIndex(levels, order.priceTick, buy);
    if (i >= 0 && kept[i]! + order.qtySteps <= levels[i]!.qtySteps * (1 + tolerance)) {
      kept[i] = kept[i]! + order.qtySteps;
    } else cancels.push(order.ref);
  }
  const adds: LadderOrder[] = [];
  addShortfalls(adds, BUY, desired.bids, keptBids, tolerance);
  addShortfalls(adds, SELL, desired.asks, keptAsks, tolerance);
  return { cancels, adds };
}

/** The orders that top up each level of `levels` whose kept size falls short beyond the tolerance. */
function addShortfalls(
  adds: LadderOrder[],
  side: BookSide,
  levels: readonly LadderLevel[],
  kept: Float64Array,
  tolerance: number,
): void {
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const have = kept[i]!;
    if (have > 0 && have >= level.qtySteps * (1 - tolerance)) continue;
    adds.push({ side, priceTick: level.priceTick, qtySteps: level.qtySteps - have });
  }
}

/** Where `priceTick` is in a ladder side (bids descending, asks ascending), or -1. */
function levelIndex(levels: readonly LadderLevel[], priceTick: number, descending: boolean): number {
  let lo = 0;
  let hi = levels.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = levels[mid]!.priceTick;
    if (p === priceTick) return mid;
    if (descending ? p > priceTick : p < priceTick) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Flow of the system takers; see {@link takerArrivals}. */
export interface TakerParams {
  /** Mean taker orders per second (Poisson). */
  readonly ratePerSecond: number;
  /** Median order size in steps; sizes are log-normal around it. */
  readonly medianQtySteps: number;
  /** σ of the log size (1.2 gives an occasional order 20–50 × the median). */
  readonly sizeSigma: number;
  /** Largest order in steps. */
  readonly maxQtySteps: number;
  /** Buy probability added per tick the book mid sits below the fair price. */
  readonly tiltPerTick: number;
  /** Cap on |P(buy) − 0.5|. */
  readonly maxTilt: number;
}

/** Where the book is relative to where it should be, for the takers' side tilt. */
export interface BookPull {
  /** The book's mid price in ticks (may be fractional). */
  readonly midTick: number;
  /** The fair (index) price in ticks. */
  readonly fairTick: number;
}

/** One taker order arriving during a step. */
export interface TakerArrival {
  /** Whole ms after the step's start, in [0, dtMs); arrivals are in time order. */
  readonly offsetMs: number;
  readonly side: BookSide;
  readonly qtySteps: number;
}

/**
 * The taker (market) orders arriving in a step of `dtMs`: a Poisson count at `ratePerSecond`, each
 * with a uniform arrival time, a log-normal size around the median, and a side whose probability leans
 * toward pulling the book mid back to the fair price. Deterministic for a given `rng` state.
 */
export function takerArrivals(dtMs: number, params: TakerParams, rng: Rng, pull?: BookPull): TakerArrival[] {
  if (!(dtMs >= 0) || !Number.isFinite(dtMs))
    throw new MarketDataArgumentError(`dtMs must be >= 0, got ${dtMs}.`);
  const n = poisson(rng, (params.ratePerSecond * dtMs) / 1000);
  if (n === 0) return [];
  const tilt =
    pull === undefined
      ? 0
      : Math.max(
          -params.maxTilt,
          Math.min(params.maxTilt, params.tiltPerTick * (pull.fairTick - pull.midTick)),
        );
  const pBuy = 0.5 + tilt;
  const logMedian = Math.log(params.medianQtySteps);
  const out: TakerArrival[] = [];
  for (let i = 0; i < n; i++) {
    const offsetMs = Math.floor(rng.next() * dtMs);
    const side: BookSide = rng.next() < pBuy ? BUY : SELL;
    const size = Math.round(Math.exp(normal(rng, logMedian, params.sizeSigma)));
    out.push({ offsetMs, side, qtySteps: Math.max(1, Math.min(params.maxQtySteps, size)) });
  }
  return out.sort((a, b) => a.offsetMs - b.offsetMs);
}

/** Ladder and taker parameters of one symbol's synthetic market. */
export interface SyntheticParams {
  readonly ladder: LadderParams;
  readonly taker: TakerParams;
  /** Options for {@link diffLadder} when the venue refreshes the market maker's quotes. */
  readonly diff: DiffLadderOptions;
}

/**
 * Parameters for a symbol's synthetic market from `spec.synthetic`: the best level holds half of
 * `levelQty` and deeper levels grow 10% each; takers arrive at `takerRate` with a median of
 * `typicalTradeQty` and σ 1.2, which on BTCUSDT gives a few trades per second, a 1–2 tick spread and a
 * sweep past the best level roughly once a minute. Quotes are refreshed with a 25% size tolerance.
 */
export function syntheticParamsFromSpec(spec: SymbolSpec, noiseSeed = 0): SyntheticParams {
  const s = spec.synthetic;
  const levelQty = Math.max(1, Number(toSteps(Decimal.parse(s.levelQty), spec.stepSize)));
  const typical = Math.max(1, Number(toSteps(Decimal.parse(s.typicalTradeQty), spec.stepSize)));
  return {
    ladder: {
      halfSpreadTicks: Math.max(1, s.halfSpreadTicks),
      levels: 25,
      firstGapTicks: 1,
      gapGrowth: 1.5,
      levelsPerZone: 3,
      topQtySteps: Math.max(1, Math.round(levelQty / 2)),
      sizeGrowth: 1.1,
      sizeNoise: 0.15,
      noiseSeed,
      maxInventorySteps: levelQty * 20,
      maxSkewTicks: 3,
      sizeSkew: 0.5,
    },
    taker: {
      ratePerSecond: s.takerRate,
      medianQtySteps: typical,
      sizeSigma: 1.2,
      maxQtySteps: levelQty * 10,
      tiltPerTick: 0.05,
      maxTilt: 0.35,
    },
    diff: { tolerance: 0.25 },
  };
}

function levelSize(base: number, side: BookSide, priceTick: number, params: LadderParams): number {
  const u = hashUnit(params.noiseSeed, side, priceTick);
  return Math.max(1, Math.round(base * (1 + params.sizeNoise * (2 * u - 1))));
}

/** A uniform in [0, 1) fixed by (seed, side, tick): MurmurHash3's finaliser over the three words. */
function hashUnit(seed: number, side: number, tick: number): number {
  // The tick's low word, then its high word (no array per call: this runs for every ladder level).
  const h = mixWord(
    mixWord(Math.imul(seed | 0, 0x9e3779b1) ^ side, tick >>> 0),
    Math.floor(tick / 4_294_967_296) >>> 0,
  );
  return (h >>> 0) / 4_294_967_296;
}

function mixWord(hash: number, word: number): number {
  let h = Math.imul(hash ^ word, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function checkLadderParams(p: LadderParams): void {
  const ok =
    Number.isSafeInteger(p.halfSpreadTicks) &&
    p.halfSpreadTicks >= 1 &&
    Number.isSafeInteger(p.levels) &&
    p.levels >= 1 &&
    (p.levelsPerZone === undefined || (Number.isSafeInteger(p.levelsPerZone) && p.levelsPerZone >= 1)) &&
    p.firstGapTicks >= 1 &&
    p.gapGrowth >= 1 &&
    p.topQtySteps >= 1 &&
    p.sizeGrowth > 0 &&
    p.sizeNoise >= 0 &&
    p.sizeNoise < 1 &&
    p.maxInventorySteps > 0 &&
    p.maxSkewTicks >= 0 &&
    p.sizeSkew >= 0 &&
    p.sizeSkew < 1;
  if (!ok) throw new MarketDataArgumentError('Invalid ladder parameters.', { details: JSON.stringify(p) });
}
