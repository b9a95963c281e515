import {
  assertInteger,
  MARKET_DATA_ERRORS,
  MarketDataArgumentError,
  MarketDataQueryError,
  QUERY_LIMITS,
  resolveLimit,
} from './marketDataError.js';
import { type TradeId, TradeIdBase } from './tradeId.js';

/** One trade as `GET /fapi/v1/trades` and `historicalTrades` list it, in ticks and steps. */
export interface TradeRecord {
  readonly id: TradeId;
  readonly priceTick: number;
  readonly qtySteps: number;
  /** Trade time, ms since the epoch. */
  readonly time: number;
  readonly isBuyerMaker: boolean;
}

/** One aggregate trade as `GET /fapi/v1/aggTrades` and the `@aggTrade` stream carry it. */
export interface AggTradeRecord {
  /** `a`: the aggregate trade id. */
  readonly aggId: TradeId;
  readonly priceTick: number;
  /** Sum of the merged fills' quantities. */
  readonly qtySteps: number;
  /** `f` and `l`: the first and last trade id merged into this aggregate. */
  readonly firstTradeId: TradeId;
  readonly lastTradeId: TradeId;
  /** `T`: time of the first merged fill. */
  readonly time: number;
  readonly isBuyerMaker: boolean;
}

/** Options of {@link TradeHistory}. */
export interface TradeHistoryOptions {
  /** How many trades are kept; the oldest are dropped (default 100,000). */
  capacity?: number;
  /** How many aggregate trades are kept (default: `capacity`). */
  aggCapacity?: number;
  /** The id of the first trade recorded (default 1). */
  firstTradeId?: TradeId;
  /** The id of the first aggregate trade (default 1). */
  firstAggTradeId?: TradeId;
}

/**
 * A {@link TradeHistory} as plain JSON (see {@link TradeHistory.snapshot}): the kept trades and
 * aggregate trades oldest first, as columns. Ids are offsets from `idBase` / `aggIdBase`; the offset
 * and time columns hold differences from the previous row (the first row: the value itself), so a
 * long tape stays small.
 */
export interface TradeHistorySnapshot {
  readonly idBase: TradeId;
  readonly aggIdBase: TradeId;
  readonly nextTradeOffset: number;
  readonly nextAggOffset: number;
  /** Time of the latest fill; null before the first. */
  readonly lastTime: number | null;
  /** Merge key of the aggregate trade still open for merging; null when none. */
  readonly openKey: number | null;
  readonly trades: {
    readonly offset: readonly number[];
    readonly price: readonly number[];
    readonly qty: readonly number[];
    readonly time: readonly number[];
    /** 1 when the buyer was the maker. */
    readonly maker: readonly number[];
  };
  readonly aggs: {
    readonly offset: readonly number[];
    readonly price: readonly number[];
    readonly qty: readonly number[];
    /** Offset of the first merged trade, as a difference from the previous row's. */
    readonly first: readonly number[];
    /** Offset of the last merged trade minus the first's. */
    readonly last: readonly number[];
    readonly time: readonly number[];
    readonly maker: readonly number[];
  };
}

/** Query of {@link TradeHistory.historicalTrades}: Binance's `fromId` and `limit`. */
export interface HistoricalTradesQuery {
  fromId?: TradeId | undefined;
  limit?: number | undefined;
}

/** Query of {@link TradeHistory.aggTrades}: Binance's `fromId`, `startTime`, `endTime`, `limit`. */
export interface AggTradesQuery {
  fromId?: TradeId | undefined;
  startTime?: number | undefined;
  endTime?: number | undefined;
  limit?: number | undefined;
}

const HOUR_MS = 3_600_000;
const DEFAULT_CAPACITY = 100_000;

/**
 * The recent trades of one symbol and their aggregation into Binance's aggregate trades, in two
 * bounded rings of parallel typed arrays (no object per trade; the oldest entries are overwritten).
 *
 * The venue calls {@link TradeHistory.recordFill} for every fill, in time order. The history allocates
 * consecutive trade ids and merges consecutive fills of one taker order (`takerSequence`) at one price
 * into one aggregate trade, as Binance does ("trades that fill at the same time, from the same taker
 * order, with the same price"). After a taker order finished matching, every aggregate trade with an
 * id above the last one published is final: stream them with `aggTrades({ fromId })`.
 *
 * @example
 * const history = new TradeHistory({ capacity: 100_000 });
 * const tradeId = history.recordFill(631234, 5, now, false, takerSeq);
 * history.recentTrades(500); // Binance's GET /fapi/v1/trades, ascending
 */
export class TradeHistory {
  /** Trades kept. */
  readonly capacity: number;
  /** Aggregate trades kept. */
  readonly aggCapacity: number;
  #ids: TradeIdBase;
  #aggIds: TradeIdBase;

  readonly #tOffset: Float64Array;
  readonly #tPrice: Float64Array;
  readonly #tQty: Float64Array;
  readonly #tTime: Float64Array;
  readonly #tMaker: Uint8Array;
  #tHead = 0;
  #tSize = 0;
  #nextTradeOffset = 0;

  readonly #aOffset: Float64Array;
  readonly #aPrice: Float64Array;
  readonly #aQty: Float64Array;
  readonly #aFirst: Float64Array;
  readonly #aLast: Float64Array;
  readonly #aTime: Float64Array;
  readonly #aMaker: Uint8Array;
  #aHead = 0;
  #aSize = 0;
  #nextAggOffset = 0;

  #lastTime = Number.NEGATIVE_INFINITY;
  /** Merge key of the aggregate still open for merging; NaN when none (NaN never equals anything). */
  #openKey = Number.NaN;

  constructor(options: TradeHistoryOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
    this.aggCapacity = options.aggCapacity ?? this.capacity;
    assertInteger('capacity', this.capacity, 1);
    assertInteger('aggCapacity', this.aggCapacity, 1);
    this.#ids = new TradeIdBase(options.firstTradeId ?? 1);
    this.#aggIds = new TradeIdBase(options.firstAggTradeId ?? 1);
    const n = this.capacity;
    this.#tOffset = new Float64Array(n);
    this.#tPrice = new Float64Array(n);
    this.#tQty = new Float64Array(n);
    this.#tTime = new Float64Array(n);
    this.#tMaker = new Uint8Array(n);
    const m = this.aggCapacity;
    this.#aOffset = new Float64Array(m);
    this.#aPrice = new Float64Array(m);
    this.#aQty = new Float64Array(m);
    this.#aFirst = new Float64Array(m);
    this.#aLast = new Float64Array(m);
    this.#aTime = new Float64Array(m);
    this.#aMaker = new Uint8Array(m);
  }

  /** Trades currently kept. */
  get size(): number {
    return this.#tSize;
  }

  /** Aggregate trades currently kept. */
  get aggSize(): number {
    return this.#aSize;
  }

  /** The id the next recorded trade gets. */
  get nextTradeId(): TradeId {
    return this.#ids.idAt(this.#nextTradeOffset);
  }

  /** Id of the latest aggregate trade, or `undefined` before the first. */
  get lastAggTradeId(): TradeId | undefined {
    return this.#nextAggOffset === 0 ? undefined : this.#aggIds.idAt(this.#nextAggOffset - 1);
  }

  /** The latest trade, or `undefined` when none is kept. */
  lastTrade(): TradeRecord | undefined {
    return this.#tSize === 0 ? undefined : this.#trade(this.#tSize - 1);
  }

  /**
   * Records one fill and returns its trade id. `takerSequence` identifies the taker order's matching
   * event: consecutive fills with the same sequence, price and side merge into one aggregate trade
   * (pass `NaN` to never merge). Times must not decrease; ticks and steps are positive integers.
   */
  recordFill(
    priceTick: number,
    qtySteps: number,
    time: number,
    isBuyerMaker: boolean,
    takerSequence: number,
  ): TradeId {
    const offset = this.#nextTradeOffset;
    this.#pushTrade(offset, priceTick, qtySteps, time, isBuyerMaker);
    this.#aggregate(offset, priceTick, qtySteps, time, isBuyerMaker, takerSequence);
    return this.#ids.idAt(offset);
  }

  /**
   * Appends a trade with its own id (replaying Binance's `trades` files). Ids must increase. Trades at
   * the same time and price on the same side are aggregated, standing in for "same taker order".
   */
  appendTrade(id: TradeId, priceTick: number, qtySteps: number, time: number, isBuyerMaker: boolean): void {
    const offset = this.#ids.offsetOf(id);
    if (offset < this.#nextTradeOffset) {
      throw new MarketDataArgumentError(`Trade id ${id} does not follow the previous trade id.`);
    }
    this.#pushTrade(offset, priceTick, qtySteps, time, isBuyerMaker);
    this.#aggregate(offset, priceTick, qtySteps, time, isBuyerMaker, time);
  }

  /**
   * Appends a whole aggregate trade with its own ids (replaying Binance's `aggTrades` files, which have
   * no individual trades). Ids must increase; the trade ring is not touched.
   */
  appendAggTrade(record: AggTradeRecord): void {
    const offset = this.#aggIds.offsetOf(record.aggId);
    if (offset < this.#nextAggOffset) {
      throw new MarketDataArgumentError(
        `Aggregate trade id ${record.aggId} does not follow the previous one.`,
      );
    }
    this.#checkFill(record.priceTick, record.qtySteps, record.time);
    const first = this.#ids.offsetOf(record.firstTradeId);
    const last = this.#ids.offsetOf(record.lastTradeId);
    this.#pushAgg(offset, record.priceTick, record.qtySteps, first, last, record.time, record.isBuyerMaker);
    this.#lastTime = record.time;
    this.#openKey = Number.NaN;
    if (last >= this.#nextTradeOffset) this.#nextTradeOffset = last + 1;
  }

  /** Closes the open aggregate trade, so the next fill starts a new one whatever its sequence. */
  sealAggTrade(): void {
    this.#openKey = Number.NaN;
  }

  /** `GET /fapi/v1/trades`: the most recent `limit` trades (default 500, max 1000), ascending. */
  recentTrades(limit?: number): TradeRecord[] {
    const n = Math.min(resolveLimit(limit, QUERY_LIMITS.trades), this.#tSize);
    return this.#trades(this.#tSize - n, this.#tSize);
  }

  /**
   * `GET /fapi/v1/historicalTrades`: from `fromId` (inclusive; the oldest kept trade if it is older)
   * the next `limit` trades (default 100, max 500); without `fromId` the most recent ones. Ascending.
   */
  historicalTrades(query: HistoricalTradesQuery = {}): TradeRecord[] {
    const limit = resolveLimit(query.limit, QUERY_LIMITS.historicalTrades);
    if (query.fromId === undefined) {
      const n = Math.min(limit, this.#tSize);
      return this.#trades(this.#tSize - n, this.#tSize);
    }
    const from = this.#lowerBound(this.#tOffset, this.#tHead, this.#tSize, this.#ids.offsetOf(query.fromId));
    return this.#trades(from, Math.min(this.#tSize, from + limit));
  }

  /**
   * `GET /fapi/v1/aggTrades` (default limit 500, max 1000), ascending:
   * - `fromId`: the first `limit` aggregate trades with id ≥ `fromId`;
   * - `startTime` and `endTime` (both inclusive, at most 1 h apart, else `-1127`; start after end is
   *   `-1023`): the **last** `limit` aggregate trades in the window, as Binance counts the limit from the
   *   end of a window (binance-spot-api-docs#10, ccxt#6400);
   * - only one of them: a 1 h window starting or ending there (unconfirmed for USD-M);
   * - none: the most recent `limit`.
   *
   * `fromId` together with a time bound throws `-1128` (unconfirmed).
   */
  aggTrades(query: AggTradesQuery = {}): AggTradeRecord[] {
    const limit = resolveLimit(query.limit, QUERY_LIMITS.aggTrades);
    const { fromId, startTime, endTime } = query;
    const size = this.#aSize;
    if (fromId !== undefined) {
      if (startTime !== undefined || endTime !== undefined) {
        throw new MarketDataQueryError(MARKET_DATA_ERRORS.badCombination);
      }
      const from = this.#lowerBound(this.#aOffset, this.#aHead, size, this.#aggIds.offsetOf(fromId));
      return this.#aggs(from, Math.min(size, from + limit));
    }
    let start: number;
    let end: number;
    if (startTime === undefined) {
      if (endTime === undefined) return this.#aggs(Math.max(0, size - limit), size);
      end = endTime;
      start = end - HOUR_MS;
    } else {
      start = startTime;
      end = endTime ?? start + HOUR_MS;
    }
    if (start > end) throw new MarketDataQueryError(MARKET_DATA_ERRORS.startAfterEnd);
    if (end - start > HOUR_MS) throw new MarketDataQueryError(MARKET_DATA_ERRORS.windowTooLong);
    const lo = this.#lowerBound(this.#aTime, this.#aHead, size, start);
    const hi = this.#lowerBound(this.#aTime, this.#aHead, size, end + 1);
    return this.#aggs(Math.max(lo, hi - limit), hi);
  }

  /** The history's content as plain JSON, for venue snapshots. */
  snapshot(): TradeHistorySnapshot {
    const trades = {
      offset: [] as number[],
      price: [] as number[],
      qty: [] as number[],
      time: [] as number[],
      maker: [] as number[],
    };
    let prevOffset = 0;
    let prevTime = 0;
    for (let i = 0; i < this.#tSize; i++) {
      const slot = (this.#tHead + i) % this.capacity;
      const offset = this.#tOffset[slot]!;
      const time = this.#tTime[slot]!;
      trades.offset.push(offset - prevOffset);
      trades.price.push(this.#tPrice[slot]!);
      trades.qty.push(this.#tQty[slot]!);
      trades.time.push(time - prevTime);
      trades.maker.push(this.#tMaker[slot]!);
      prevOffset = offset;
      prevTime = time;
    }
    const aggs = {
      offset: [] as number[],
      price: [] as number[],
      qty: [] as number[],
      first: [] as number[],
      last: [] as number[],
      time: [] as number[],
      maker: [] as number[],
    };
    prevOffset = 0;
    prevTime = 0;
    let prevFirst = 0;
    for (let i = 0; i < this.#aSize; i++) {
      const slot = (this.#aHead + i) % this.aggCapacity;
      const offset = this.#aOffset[slot]!;
      const time = this.#aTime[slot]!;
      const first = this.#aFirst[slot]!;
      aggs.offset.push(offset - prevOffset);
      aggs.price.push(this.#aPrice[slot]!);
      aggs.qty.push(this.#aQty[slot]!);
      aggs.first.push(first - prevFirst);
      aggs.last.push(this.#aLast[slot]! - first);
      aggs.time.push(time - prevTime);
      aggs.maker.push(this.#aMaker[slot]!);
      prevOffset = offset;
      prevTime = time;
      prevFirst = first;
    }
    return {
      idBase: this.#ids.idAt(0),
      aggIdBase: this.#aggIds.idAt(0),
      nextTradeOffset: this.#nextTradeOffset,
      nextAggOffset: this.#nextAggOffset,
      lastTime: Number.isFinite(this.#lastTime) ? this.#lastTime : null,
      openKey: Number.isNaN(this.#openKey) ? null : this.#openKey,
      trades,
      aggs,
    };
  }

  /**
   * Replaces the history's content with a {@link snapshot}. A snapshot holding more rows than this
   * history's capacity keeps its newest ones.
   */
  restore(snapshot: TradeHistorySnapshot): void {
    const t = snapshot.trades;
    const a = snapshot.aggs;
    const tn = t.offset.length;
    const an = a.offset.length;
    for (const column of [t.price, t.qty, t.time, t.maker]) checkLength(column, tn);
    for (const column of [a.price, a.qty, a.first, a.last, a.time, a.maker]) checkLength(column, an);
    this.#ids = new TradeIdBase(snapshot.idBase);
    this.#aggIds = new TradeIdBase(snapshot.aggIdBase);
    this.#nextTradeOffset = snapshot.nextTradeOffset;
    this.#nextAggOffset = snapshot.nextAggOffset;
    this.#lastTime = snapshot.lastTime ?? Number.NEGATIVE_INFINITY;
    this.#openKey = snapshot.openKey ?? Number.NaN;
    let offset = 0;
    let time = 0;
    const tSkip = Math.max(0, tn - this.capacity);
    for (let i = 0; i < tn; i++) {
      offset += t.offset[i]!;
      time += t.time[i]!;
      if (i < tSkip) continue;
      const slot = i - tSkip;
      this.#tOffset[slot] = offset;
      this.#tPrice[slot] = t.price[i]!;
      this.#tQty[slot] = t.qty[i]!;
      this.#tTime[slot] = time;
      this.#tMaker[slot] = t.maker[i]!;
    }
    this.#tHead = 0;
    this.#tSize = tn - tSkip;
    offset = 0;
    time = 0;
    let first = 0;
    const aSkip = Math.max(0, an - this.aggCapacity);
    for (let i = 0; i < an; i++) {
      offset += a.offset[i]!;
      time += a.time[i]!;
      first += a.first[i]!;
      if (i < aSkip) continue;
      const slot = i - aSkip;
      this.#aOffset[slot] = offset;
      this.#aPrice[slot] = a.price[i]!;
      this.#aQty[slot] = a.qty[i]!;
      this.#aFirst[slot] = first;
      this.#aLast[slot] = first + a.last[i]!;
      this.#aTime[slot] = time;
      this.#aMaker[slot] = a.maker[i]!;
    }
    this.#aHead = 0;
    this.#aSize = an - aSkip;
  }

  #checkFill(priceTick: number, qtySteps: number, time: number): void {
    if (
      !(Number.isSafeInteger(priceTick) && priceTick > 0 && Number.isSafeInteger(qtySteps) && qtySteps > 0)
    ) {
      throw new MarketDataArgumentError(
        `A fill needs positive integer ticks and steps, got ${priceTick} x ${qtySteps}.`,
      );
    }
    if (!(time >= this.#lastTime) || !Number.isSafeInteger(time)) {
      throw new MarketDataArgumentError(
        `Trade time ${time} is before the previous trade (${this.#lastTime}).`,
      );
    }
  }

  #pushTrade(offset: number, priceTick: number, qtySteps: number, time: number, isBuyerMaker: boolean): void {
    this.#checkFill(priceTick, qtySteps, time);
    const cap = this.capacity;
    let slot: number;
    if (this.#tSize < cap) {
      slot = this.#tHead + this.#tSize;
      if (slot >= cap) slot -= cap;
      this.#tSize++;
    } else {
      slot = this.#tHead;
      this.#tHead = slot + 1 === cap ? 0 : slot + 1;
    }
    this.#tOffset[slot] = offset;
    this.#tPrice[slot] = priceTick;
    this.#tQty[slot] = qtySteps;
    this.#tTime[slot] = time;
    this.#tMaker[slot] = isBuyerMaker ? 1 : 0;
    this.#nextTradeOffset = offset + 1;
    this.#lastTime = time;
  }

  #aggregate(
    offset: number,
    priceTick: number,
    qtySteps: number,
    time: number,
    isBuyerMaker: boolean,
    key: number,
  ): void {
    if (key === this.#openKey && this.#aSize > 0) {
      let slot = this.#aHead + this.#aSize - 1;
      if (slot >= this.aggCapacity) slot -= this.aggCapacity;
      if (
        this.#aPrice[slot] === priceTick &&
        this.#aMaker[slot] === (isBuyerMaker ? 1 : 0) &&
        this.#aLast[slot] === offset - 1
      ) {
        this.#aQty[slot]! += qtySteps;
        this.#aLast[slot] = offset;
        return;
      }
    }
    this.#pushAgg(this.#nextAggOffset, priceTick, qtySteps, offset, offset, time, isBuyerMaker);
    this.#openKey = key;
  }

  #pushAgg(
    offset: number,
    priceTick: number,
    qtySteps: number,
    first: number,
    last: number,
    time: number,
    isBuyerMaker: boolean,
  ): void {
    const cap = this.aggCapacity;
    let slot: number;
    if (this.#aSize < cap) {
      slot = this.#aHead + this.#aSize;
      if (slot >= cap) slot -= cap;
      this.#aSize++;
    } else {
      slot = this.#aHead;
      this.#aHead = slot + 1 === cap ? 0 : slot + 1;
    }
    this.#aOffset[slot] = offset;
    this.#aPrice[slot] = priceTick;
    this.#aQty[slot] = qtySteps;
    this.#aFirst[slot] = first;
    this.#aLast[slot] = last;
    this.#aTime[slot] = time;
    this.#aMaker[slot] = isBuyerMaker ? 1 : 0;
    this.#nextAggOffset = offset + 1;
  }

  /** First logical index in [0, size) whose value is ≥ `target` (values ascending in ring order). */
  #lowerBound(values: Float64Array, head: number, size: number, target: number): number {
    const cap = values.length;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let slot = head + mid;
      if (slot >= cap) slot -= cap;
      if (values[slot]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #trade(index: number): TradeRecord {
    let slot = this.#tHead + index;
    if (slot >= this.capacity) slot -= this.capacity;
    return {
      id: this.#ids.idAt(this.#tOffset[slot]!),
      priceTick: this.#tPrice[slot]!,
      qtySteps: this.#tQty[slot]!,
      time: this.#tTime[slot]!,
      isBuyerMaker: this.#tMaker[slot] === 1,
    };
  }

  #trades(from: number, to: number): TradeRecord[] {
    const out: TradeRecord[] = [];
    for (let i = Math.max(0, from); i < to; i++) out.push(this.#trade(i));
    return out;
  }

  #aggs(from: number, to: number): AggTradeRecord[] {
    const out: AggTradeRecord[] = [];
    const cap = this.aggCapacity;
    for (let i = Math.max(0, from); i < to; i++) {
      let slot = this.#aHead + i;
      if (slot >= cap) slot -= cap;
      out.push({
        aggId: this.#aggIds.idAt(this.#aOffset[slot]!),
        priceTick: this.#aPrice[slot]!,
        qtySteps: this.#aQty[slot]!,
        firstTradeId: this.#ids.idAt(this.#aFirst[slot]!),
        lastTradeId: this.#ids.idAt(this.#aLast[slot]!),
        time: this.#aTime[slot]!,
        isBuyerMaker: this.#aMaker[slot] === 1,
      });
    }
    return out;
  }
}

function checkLength(column: readonly number[], length: number): void {
  if (column.length !== length) {
    throw new MarketDataArgumentError('A trade history snapshot has columns of different lengths.');
  }
}
