import { type ContractStatus, Decimal, fromSteps } from '@basis/core';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { type Bracket, deriveBrackets } from '../margin/brackets.js';
import { type ContractKind, inverse, LINEAR, notional } from '../margin/contract.js';
import { KlineStore, type KlineStoreSnapshot } from '../marketData/klines.js';
import { TradeHistory, type TradeHistorySnapshot } from '../marketData/trades.js';
import { OrderBook } from '../matching/orderBook.js';
import { type BookReader, type BookSide, BUY, SELL } from '../matching/types.js';
import { type Id, IdSequence, toId } from './idSequence.js';
import type { OrderRecord } from './orderRecord.js';
import { StepCount } from './stepCount.js';

/** Where a market's id sequences start (configurable so clients can be tested above 2^53). */
export interface IdStarts {
  readonly orderId: bigint;
  readonly tradeId: bigint;
  readonly updateId: bigint;
}

/** How much history each market and account keeps. */
export interface HistoryLimits {
  /** Public trades (and aggregate trades) kept per symbol. */
  readonly tradeCapacity: number;
  /** Minutes of klines kept per symbol. */
  readonly klineRetentionMinutes: number;
  /**
   * Records of each kind an account keeps (orders, fills, income, amendments, margin changes), on
   * top of Binance's retention times; the oldest go first, open orders always stay. Default 100,000,
   * at least 1,000.
   */
  readonly recordsPerAccount?: number;
}

export const DEFAULT_HISTORY: HistoryLimits = { tradeCapacity: 50_000, klineRetentionMinutes: 14 * 24 * 60 };

/**
 * A market's state as plain JSON (see {@link Market.snapshot}). Orders are indexes into the venue
 * snapshot's order table, so the book, the market's resting map and the accounts share one record.
 */
export interface MarketSnapshot {
  readonly symbol: string;
  readonly updateId: Id;
  readonly nextRef: number;
  readonly nextOrderId: Id;
  /** Tick of the last trade; null before the first. */
  readonly lastPriceTick: number | null;
  readonly lastQtySteps: number;
  readonly markPrice: string;
  readonly indexPrice: string;
  readonly lastFundingRate: string;
  readonly nextFundingTime: number;
  readonly fundingHistory: readonly {
    readonly fundingRate: string;
    readonly fundingTime: number;
    readonly markPrice: string;
  }[];
  readonly openInterest: string;
  /** The contract status (delivery contracts move on to DELIVERING and DELIVERED); TRADING when absent. */
  readonly status?: ContractStatus;
  /**
   * The book in price-time priority (bids best first, then asks best first, each level front to
   * back), five numbers per order: ref, side, price tick, remaining steps, owner. Re-adding them in
   * this order rebuilds the same priorities.
   */
  readonly book: readonly number[];
  /** The `resting` map in its order, as order indexes. */
  readonly resting: readonly number[];
  readonly trades: TradeHistorySnapshot;
  readonly klines: KlineStoreSnapshot;
  readonly markKlines: KlineStoreSnapshot;
  readonly indexKlines: KlineStoreSnapshot;
  readonly premiumKlines: KlineStoreSnapshot;
}

/**
 * One symbol's market: its parsed filters, its order book, the orders resting on it, and its price
 * state (last trade, mark, index, funding). Prices and quantities are integer ticks and steps.
 */
export class Market {
  /** Replaced when the quarter rolls (a NEXT_QUARTER contract becomes CURRENT_QUARTER). */
  spec: SymbolSpec;
  readonly symbol: string;
  readonly contract: ContractKind;
  readonly tickSize: Decimal;
  readonly stepSize: Decimal;
  /** Fraction digits Binance prints prices and quantities with. */
  readonly priceDecimals: number;
  readonly qtyDecimals: number;
  readonly minPriceTick: number;
  readonly maxPriceTick: number;
  readonly minQtySteps: number;
  readonly maxQtySteps: number;
  readonly marketMinQtySteps: number;
  readonly marketMaxQtySteps: number;
  readonly minNotional: Decimal;
  readonly multiplierUp: Decimal;
  readonly multiplierDown: Decimal;
  readonly triggerProtect: Decimal;
  readonly liquidationFee: Decimal;
  readonly brackets: readonly Bracket[];
  readonly book: OrderBook;
  /**
   * What reads of the book see (depth, book ticker, price feeds): the book itself, or, while a replay
   * keeps its maker's ladder off the book (print path `virtual`), the book that ladder makes.
   */
  bookView: BookReader;
  /** Resting orders by engine ref. */
  readonly resting = new Map<number, OrderRecord>();
  readonly orderIds: IdSequence;
  /** Public trades and aggregate trades (ids allocated here). */
  readonly trades: TradeHistory;
  /** Trade klines, and sample klines of the mark, index and premium index. */
  readonly klines: KlineStore;
  readonly markKlines: KlineStore;
  readonly indexKlines: KlineStore;
  readonly premiumKlines: KlineStore;
  /** The order-book update sequence shared by depth snapshots, diff streams and bookTicker. */
  updateId: bigint;
  readonly #prices: UnitMultiples;
  readonly #qtys: UnitMultiples;
  #nextRef = 1;

  lastPriceTick = Number.NaN;
  lastQtySteps = 0;
  markPrice: Decimal;
  indexPrice: Decimal;
  lastFundingRate: Decimal = Decimal.parse('0.00010000');
  nextFundingTime = 0;
  /** Settled funding rates, oldest first (`GET /fapi/v1/fundingRate`). */
  readonly fundingHistory: {
    readonly fundingRate: Decimal;
    readonly fundingTime: number;
    readonly markPrice: Decimal;
  }[] = [];
  /** Σ of long position amounts over every account, in steps (see {@link openInterest}). */
  readonly openInterestSteps: StepCount;
  /** `status` / `contractStatus`: TRADING, then DELIVERING and DELIVERED for a delivered quarterly. */
  status: ContractStatus = 'TRADING';

  constructor(
    spec: SymbolSpec,
    ids: IdStarts,
    history: HistoryLimits,
    onLevelChange?: (side: BookSide, tick: number, qty: number) => void,
  ) {
    this.spec = spec;
    this.symbol = spec.symbol;
    this.contract =
      spec.contractSize === undefined ? LINEAR : inverse(Decimal.parse(String(spec.contractSize)));
    this.tickSize = Decimal.parse(spec.tickSize);
    this.stepSize = Decimal.parse(spec.stepSize);
    this.#prices = new UnitMultiples(this.tickSize);
    this.#qtys = new UnitMultiples(this.stepSize);
    this.openInterestSteps = new StepCount(this.stepSize);
    this.priceDecimals = spec.pricePrecision;
    this.qtyDecimals = spec.quantityPrecision;
    this.minPriceTick = this.ticksOf(spec.minPrice);
    this.maxPriceTick = this.ticksOf(spec.maxPrice);
    this.minQtySteps = this.stepsOf(spec.minQty);
    this.maxQtySteps = this.stepsOf(spec.maxQty);
    this.marketMinQtySteps = this.stepsOf(spec.marketMinQty);
    this.marketMaxQtySteps = this.stepsOf(spec.marketMaxQty);
    this.minNotional = Decimal.parse(spec.minNotional);
    this.multiplierUp = Decimal.parse(spec.multiplierUp);
    this.multiplierDown = Decimal.parse(spec.multiplierDown);
    this.triggerProtect = Decimal.parse(spec.triggerProtect);
    this.liquidationFee = Decimal.parse(spec.liquidationFee);
    this.brackets = deriveBrackets(spec.tiers);
    this.orderIds = new IdSequence(ids.orderId);
    this.trades = new TradeHistory({
      capacity: history.tradeCapacity,
      firstTradeId: toId(ids.tradeId),
      firstAggTradeId: toId(ids.tradeId),
    });
    const retention = { retentionMinutes: history.klineRetentionMinutes };
    this.klines = KlineStore.forTrades(this.tickSize, this.stepSize, {
      ...retention,
      ...(this.contract.kind === 'inverse' ? { contractSize: this.contract.contractSize } : {}),
    });
    this.markKlines = KlineStore.forSamples(8, retention);
    this.indexKlines = KlineStore.forSamples(8, retention);
    this.premiumKlines = KlineStore.forSamples(8, retention);
    this.updateId = ids.updateId;
    const initial = Decimal.parse(spec.synthetic.initialPrice);
    this.markPrice = initial;
    this.indexPrice = initial;
    this.book = new OrderBook({
      onLevelChange: (side, tick, qty) => {
        this.updateId += 1n;
        onLevelChange?.(side, tick, qty);
      },
    });
    this.bookView = this.book;
  }

  /**
   * Records a public trade in the market's history (trades, aggregate trades, klines) and returns its
   * id. Consecutive fills of one taker order at one price share an aggregate trade.
   */
  recordTrade(
    priceTick: number,
    qtySteps: number,
    isBuyerMaker: boolean,
    takerSequence: number,
    time: number,
  ): Id {
    const id = this.trades.recordFill(priceTick, qtySteps, time, isBuyerMaker, takerSequence);
    this.klines.addTrade(time, priceTick, qtySteps, isBuyerMaker, id);
    this.lastPriceTick = priceTick;
    this.lastQtySteps = qtySteps;
    return id;
  }

  /** The market's state; `indexOf` gives an order's index in the venue snapshot's order table. */
  snapshot(indexOf: (order: OrderRecord) => number): MarketSnapshot {
    const book: number[] = [];
    this.book.forEachOrder((o) => {
      book.push(o.ref, o.side, o.priceTick, o.qty, o.owner);
    });
    return {
      symbol: this.symbol,
      updateId: toId(this.updateId),
      nextRef: this.#nextRef,
      nextOrderId: this.orderIds.peek(),
      lastPriceTick: Number.isNaN(this.lastPriceTick) ? null : this.lastPriceTick,
      lastQtySteps: this.lastQtySteps,
      markPrice: this.markPrice.toString(),
      indexPrice: this.indexPrice.toString(),
      lastFundingRate: this.lastFundingRate.toString(),
      nextFundingTime: this.nextFundingTime,
      fundingHistory: this.fundingHistory.map((f) => ({
        fundingRate: f.fundingRate.toString(),
        fundingTime: f.fundingTime,
        markPrice: f.markPrice.toString(),
      })),
      openInterest: this.openInterest.toString(),
      status: this.status,
      book,
      resting: [...this.resting.values()].map(indexOf),
      trades: this.trades.snapshot(),
      klines: this.klines.snapshot(),
      markKlines: this.markKlines.snapshot(),
      indexKlines: this.indexKlines.snapshot(),
      premiumKlines: this.premiumKlines.snapshot(),
    };
  }

  /**
   * Replaces the market's state with a {@link snapshot}; `orderAt` resolves the order indexes. The
   * book is rebuilt in priority order (its level changes bump nothing: the update id is restored
   * after).
   */
  restore(snapshot: MarketSnapshot, orderAt: (index: number) => OrderRecord): void {
    if (snapshot.symbol !== this.symbol) {
      throw new RangeError(`a snapshot of ${snapshot.symbol} cannot restore ${this.symbol}`);
    }
    this.resting.clear();
    for (const index of snapshot.resting) {
      const order = orderAt(index);
      this.resting.set(order.ref, order);
    }
    if (this.book.orderCount() > 0) this.book.clear();
    const flat = snapshot.book;
    if (flat.length % 5 !== 0) throw new RangeError(`the snapshot of ${this.symbol} has a torn book`);
    for (let i = 0; i < flat.length; i += 5) {
      const ref = flat[i]!;
      if (!this.resting.has(ref))
        throw new RangeError(`order ref ${ref} rests on no order of ${this.symbol}`);
      this.book.add(ref, flat[i + 1] === BUY ? BUY : SELL, flat[i + 2]!, flat[i + 3]!, flat[i + 4]!);
    }
    this.updateId = BigInt(snapshot.updateId);
    this.#nextRef = snapshot.nextRef;
    this.orderIds.state = BigInt(snapshot.nextOrderId);
    this.lastPriceTick = snapshot.lastPriceTick ?? Number.NaN;
    this.lastQtySteps = snapshot.lastQtySteps;
    this.markPrice = Decimal.parse(snapshot.markPrice);
    this.indexPrice = Decimal.parse(snapshot.indexPrice);
    this.lastFundingRate = Decimal.parse(snapshot.lastFundingRate);
    this.nextFundingTime = snapshot.nextFundingTime;
    this.fundingHistory.length = 0;
    for (const f of snapshot.fundingHistory) {
      this.fundingHistory.push({
        fundingRate: Decimal.parse(f.fundingRate),
        fundingTime: f.fundingTime,
        markPrice: Decimal.parse(f.markPrice),
      });
    }
    this.openInterest = Decimal.parse(snapshot.openInterest);
    this.status = snapshot.status ?? 'TRADING';
    this.trades.restore(snapshot.trades);
    this.klines.restore(snapshot.klines);
    this.markKlines.restore(snapshot.markKlines);
    this.indexKlines.restore(snapshot.indexKlines);
    this.premiumKlines.restore(snapshot.premiumKlines);
  }

  /** Σ of long position amounts over every account: open interest. */
  get openInterest(): Decimal {
    return this.openInterestSteps.value;
  }

  set openInterest(value: Decimal) {
    this.openInterestSteps.value = value;
  }

  /** A fresh engine ref for a new order. */
  nextRef(): number {
    return this.#nextRef++;
  }

  /** The price of `tick` ticks, with the tick size's scale. */
  priceOf(tick: number): Decimal {
    return this.#prices.of(tick);
  }

  /**
   * The value of `qty` at `price` in the margin asset: `qty × price` exactly (USD-M, quote asset), or
   * `qty × contractSize / price` cut to 8 decimals (COIN-M, coin). Fills add it to an order's
   * `cumQuote` / `cumBase`, resting orders reserve it, leverage caps compare it.
   */
  valueOf(qty: Decimal, price: Decimal): Decimal {
    return this.contract.kind === 'linear' ? qty.mul(price) : notional(this.contract, qty, price);
  }

  /** The quantity of `steps` steps, with the step size's scale. */
  qtyOf(steps: number): Decimal {
    return this.#qtys.of(steps);
  }

  /** Whole ticks in a decimal price string known to be on the grid (config values). */
  ticksOf(price: string): number {
    return Number(Decimal.parse(price).div(this.tickSize, 0, 'down').units);
  }

  stepsOf(qty: string): number {
    return Number(Decimal.parse(qty).div(this.stepSize, 0, 'down').units);
  }

  /** Binance's price string: the symbol's price precision. */
  formatPrice(tick: number): string {
    return this.priceOf(tick).round(this.priceDecimals, 'half-even').toString();
  }

  formatQty(steps: number): string {
    return this.qtyOf(steps).round(this.qtyDecimals, 'half-even').toString();
  }

  /** The best bid or ask in ticks (NaN when that side is empty). */
  best(side: BookSide): number {
    return side === BUY ? this.bookView.bestBid() : this.bookView.bestAsk();
  }

  /** The last trade price, or the mark price before the first trade. */
  lastPrice(): Decimal {
    return Number.isNaN(this.lastPriceTick) ? this.markPrice : this.priceOf(this.lastPriceTick);
  }

  /** Mid price in ticks, falling back to the mark price when a side is empty. */
  midTick(): number {
    const bid = this.book.bestBid();
    const ask = this.book.bestAsk();
    if (!Number.isNaN(bid) && !Number.isNaN(ask)) return Math.round((bid + ask) / 2);
    return Number(this.markPrice.div(this.tickSize, 0, 'half-even').units);
  }
}

/** Slots of a {@link UnitMultiples} cache (a power of two). */
const MULTIPLES_SLOTS = 2048;

/**
 * Whole multiples of a tick or step as decimals, cached: each costs two BigInt products, and a
 * market reads the same few thousand prices and sizes over and over (every print converts its price
 * and size for the tape, the streams and a strategy). Direct-mapped by the count's low bits, so a
 * lookup is one comparison; decimals are immutable, so one instance serves every reader.
 */
class UnitMultiples {
  readonly #unit: Decimal;
  readonly #counts = new Float64Array(MULTIPLES_SLOTS).fill(Number.NaN);
  readonly #values = new Array<Decimal>(MULTIPLES_SLOTS).fill(Decimal.ZERO);

  constructor(unit: Decimal) {
    this.#unit = unit;
  }

  of(count: number): Decimal {
    const slot = count & (MULTIPLES_SLOTS - 1);
    if (this.#counts[slot] === count) return this.#values[slot]!;
    const value = fromSteps(BigInt(count), this.#unit);
    this.#counts[slot] = count;
    this.#values[slot] = value;
    return value;
  }
}

export { BUY, SELL };
