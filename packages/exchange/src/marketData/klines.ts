import { Decimal, type DecimalInput, toSteps } from '@basis/core';
import {
  isKlineInterval,
  type KlineInterval,
  klineNextOpenTime,
  klineOpenTime,
  klinePreviousOpenTime,
} from './klineIntervals.js';
import {
  assertInteger,
  MARKET_DATA_ERRORS,
  MarketDataArgumentError,
  MarketDataQueryError,
  QUERY_LIMITS,
  resolveLimit,
} from './marketDataError.js';
import { type TradeId, TradeIdBase } from './tradeId.js';
import { TradeValue } from './tradeValue.js';

/**
 * One candle in Binance's 12-field shape, as exact values; the endpoint layer prints them with the
 * symbol's precision. Sample klines (mark, index, premium index) have zero volumes and count samples.
 */
export interface Kline {
  readonly openTime: number;
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly close: Decimal;
  /** Traded quantity: base asset (USD-M) or contracts (COIN-M). */
  readonly volume: Decimal;
  /** `openTime` of the next candle minus 1 ms. */
  readonly closeTime: number;
  /**
   * Σ of the trades' {@link TradeValue}, kline index 7: the quote-asset volume of a linear market
   * (price × qty, exact), the base-asset volume of an inverse one (qty × contractSize / price).
   */
  readonly quoteVolume: Decimal;
  /** Trades (or samples) in the candle. */
  readonly count: number;
  /** Volume of trades whose taker bought (`isBuyerMaker` false), and its value. */
  readonly takerBuyVolume: Decimal;
  readonly takerBuyQuoteVolume: Decimal;
  /** First and last trade id in the candle (kline stream `f`/`L`); `undefined` without trades. */
  readonly firstTradeId: TradeId | undefined;
  readonly lastTradeId: TradeId | undefined;
}

/** A complete 1-minute bar in store units, for bulk loading (backfill, replayed 1m klines). */
export interface MinuteBarInput {
  /** Minute-aligned open time (ms). */
  readonly openTime: number;
  /** Prices in units of the store's `priceUnit` (ticks for trade klines). */
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Trades or samples; 0 makes a flat bar that only carries the price. */
  readonly count: number;
  /** Volumes in units of `qtyUnit` (steps); quote volumes in units of the store's `tradeValue`. */
  readonly volume?: number;
  readonly quoteVolume?: bigint;
  readonly takerBuyVolume?: number;
  readonly takerBuyQuoteVolume?: bigint;
  readonly firstTradeId?: TradeId;
  readonly lastTradeId?: TradeId;
}

/** Options of {@link KlineStore}. */
export interface KlineStoreOptions {
  /** Value of one price unit: the tick size for trade klines, `'0.00000001'` for sample klines. */
  readonly priceUnit: DecimalInput;
  /** Value of one quantity unit (the step size). Omit it for sample klines, whose volumes are 0. */
  readonly qtyUnit?: DecimalInput;
  /**
   * USD per contract of an inverse (COIN-M) market, with `qtyUnit`: trades are then valued in the
   * base asset (see {@link TradeValue}).
   */
  readonly contractSize?: DecimalInput;
  /** Minutes kept (default 43,200: 30 days); older minutes are overwritten. */
  readonly retentionMinutes?: number;
}

/**
 * A {@link KlineStore} as plain JSON (see {@link KlineStore.snapshot}): the kept minutes, oldest
 * first, as columns of store units (NaN, written as null, marks a minute without a trade id).
 */
export interface KlineStoreSnapshot {
  /** Minute number (`time / 60,000`) of the first minute ever ingested; null when empty. */
  readonly firstMinute: number | null;
  /** Minute number of the latest minute; null when empty. The columns end with it. */
  readonly lastMinute: number | null;
  readonly lastTime: number | null;
  readonly lastClose: number | null;
  /** The trade id at offset 0 of the trade-id columns; null before the first id. */
  readonly idBase: TradeId | null;
  readonly open: readonly number[];
  readonly high: readonly number[];
  readonly low: readonly number[];
  readonly close: readonly number[];
  readonly count: readonly number[];
  /** Volume columns (trade klines only); quote volumes as 52-bit halves. */
  readonly volume: KlineVolumeSnapshot | null;
}

/** The volume columns of a {@link KlineStoreSnapshot}. */
export interface KlineVolumeSnapshot {
  readonly volume: readonly number[];
  readonly quoteLo: readonly number[];
  readonly quoteHi: readonly number[];
  readonly takerVolume: readonly number[];
  readonly takerQuoteLo: readonly number[];
  readonly takerQuoteHi: readonly number[];
  readonly firstId: readonly (number | null)[];
  readonly lastId: readonly (number | null)[];
}

/** A `GET /fapi/v1/klines` query (also mark/index/premium index klines). */
export interface KlineQuery {
  readonly interval: KlineInterval;
  readonly startTime?: number | undefined;
  readonly endTime?: number | undefined;
  /** Default 500, max 1500. */
  readonly limit?: number | undefined;
  /** The venue's current time: the open candle is the one containing it (default: the last data). */
  readonly now?: number | undefined;
}

const MINUTE = 60_000;
const TWO_52 = 4_503_599_627_370_496;
const TWO_52_BIG = 4_503_599_627_370_496n;
const MASK_52 = TWO_52_BIG - 1n;
const DEFAULT_RETENTION = 43_200;
/** 10^0 … 10^22, each exact as a double: a sample's scaling without `**` (Math.pow) every second. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * A running sum of non-negative integers, exact beyond 2^53: `hi × 2^52 + lo` with `lo < 2^52`.
 * Each addend must be below 2^52.
 */
class ExactSum {
  hi = 0;
  lo = 0;

  add(hi: number, lo: number): void {
    let l = this.lo + lo;
    if (l >= TWO_52) {
      l -= TWO_52;
      this.hi += 1;
    }
    this.lo = l;
    this.hi += hi;
  }

  reset(): void {
    this.hi = 0;
    this.lo = 0;
  }

  toBigInt(): bigint {
    return this.hi === 0 ? BigInt(this.lo) : BigInt(this.hi) * TWO_52_BIG + BigInt(this.lo);
  }
}

/** Scratch state of one aggregation, reused between candles. */
class Accumulator {
  open = Number.NaN;
  high = Number.NaN;
  low = Number.NaN;
  close = Number.NaN;
  count = 0;
  readonly volume = new ExactSum();
  readonly quote = new ExactSum();
  readonly takerVolume = new ExactSum();
  readonly takerQuote = new ExactSum();
  first = Number.NaN;
  last = Number.NaN;

  reset(): void {
    this.open = this.high = this.low = this.close = Number.NaN;
    this.count = 0;
    this.volume.reset();
    this.quote.reset();
    this.takerVolume.reset();
    this.takerQuote.reset();
    this.first = this.last = Number.NaN;
  }
}

/** Volume columns, present only when the store aggregates quantities. */
interface VolumeColumns {
  readonly volume: Float64Array;
  readonly quoteLo: Float64Array;
  readonly quoteHi: Float64Array;
  readonly takerVolume: Float64Array;
  readonly takerQuoteLo: Float64Array;
  readonly takerQuoteHi: Float64Array;
  readonly firstId: Float64Array;
  readonly lastId: Float64Array;
}

/**
 * 1-minute buckets of one series, aggregated on demand into every Binance interval. One class serves
 * both kinds of kline: trade klines (price in ticks, quantity in steps, volumes and trade ids) and
 * price-sample klines for mark, index and premium index (`qtyUnit` omitted: volumes 0, `count` = samples).
 *
 * Minutes live in a ring of typed arrays indexed by minute number, so ingesting a trade is a handful of
 * array writes, and memory is bounded by `retentionMinutes`. A minute without data carries the previous
 * close (flat candle, count 0), as Binance prints candles without trades; an interval's open, high and
 * low come from its minutes that had data.
 *
 * @example
 * const klines = KlineStore.forTrades('0.10', '0.001');
 * klines.addTrade(time, 631234, 5, false, tradeId);
 * klines.klines({ interval: '15m', limit: 100, now });
 * const marks = KlineStore.forSamples(8);
 * marks.addSample(time, markPrice);
 */
export class KlineStore {
  /** Value of one price unit. */
  readonly priceUnit: Decimal;
  /** Value of one quantity unit; `undefined` for sample klines. */
  readonly qtyUnit: Decimal | undefined;
  /** How a trade's value (the quote volume columns) is counted; `undefined` for sample klines. */
  readonly tradeValue: TradeValue | undefined;
  /** Minutes kept. */
  readonly retentionMinutes: number;

  readonly #open: Float64Array;
  readonly #high: Float64Array;
  readonly #low: Float64Array;
  readonly #close: Float64Array;
  readonly #count: Float64Array;
  readonly #vol: VolumeColumns | undefined;
  #ids: TradeIdBase | undefined;

  #firstMinute = Number.NaN;
  #lastMinute = Number.NEGATIVE_INFINITY;
  #slot = 0;
  #lastTime = Number.NEGATIVE_INFINITY;
  #lastClose = Number.NaN;
  readonly #acc = new Accumulator();

  constructor(options: KlineStoreOptions) {
    this.priceUnit = Decimal.from(options.priceUnit);
    this.qtyUnit = options.qtyUnit === undefined ? undefined : Decimal.from(options.qtyUnit);
    if (!this.priceUnit.isPositive() || (this.qtyUnit !== undefined && !this.qtyUnit.isPositive())) {
      throw new MarketDataArgumentError('Kline price and quantity units must be positive.');
    }
    this.tradeValue =
      this.qtyUnit === undefined
        ? undefined
        : TradeValue.of(this.priceUnit, this.qtyUnit, options.contractSize);
    this.retentionMinutes = options.retentionMinutes ?? DEFAULT_RETENTION;
    assertInteger('retentionMinutes', this.retentionMinutes, 1);
    const n = this.retentionMinutes;
    this.#open = new Float64Array(n);
    this.#high = new Float64Array(n);
    this.#low = new Float64Array(n);
    this.#close = new Float64Array(n);
    this.#count = new Float64Array(n);
    this.#vol =
      this.qtyUnit === undefined
        ? undefined
        : {
            volume: new Float64Array(n),
            quoteLo: new Float64Array(n),
            quoteHi: new Float64Array(n),
            takerVolume: new Float64Array(n),
            takerQuoteLo: new Float64Array(n),
            takerQuoteHi: new Float64Array(n),
            firstId: new Float64Array(n),
            lastId: new Float64Array(n),
          };
  }

  /**
   * A store of trade klines: prices in ticks of `tickSize`, quantities in steps of `stepSize`;
   * `contractSize` for an inverse market.
   */
  static forTrades(
    tickSize: DecimalInput,
    stepSize: DecimalInput,
    options: { retentionMinutes?: number; contractSize?: DecimalInput } = {},
  ): KlineStore {
    return new KlineStore({ ...options, priceUnit: tickSize, qtyUnit: stepSize });
  }

  /** A store of price-sample klines (mark, index, premium index) with `decimals` fraction digits (8). */
  static forSamples(decimals = 8, options: { retentionMinutes?: number } = {}): KlineStore {
    assertInteger('decimals', decimals, 0);
    return new KlineStore({ ...options, priceUnit: Decimal.fromUnits(1n, decimals) });
  }

  /** Whether nothing was ingested yet. */
  get isEmpty(): boolean {
    return this.#lastMinute === Number.NEGATIVE_INFINITY;
  }

  /** Time of the latest ingested data (ms), `-Infinity` when empty. */
  get lastTime(): number {
    return this.#lastTime;
  }

  /** Open time of the oldest minute kept, `NaN` when empty. */
  get firstTime(): number {
    return this.#firstRetained() * MINUTE;
  }

  /** The latest price (close of the latest minute), `undefined` when empty. */
  get lastClose(): Decimal | undefined {
    return this.isEmpty ? undefined : this.#price(this.#lastClose);
  }

  /**
   * Ingests one trade (hot path: no allocation). Times must not decrease. `isBuyerMaker` false counts
   * the quantity as taker-buy volume. `tradeId` feeds the candle's first/last trade id.
   */
  addTrade(
    time: number,
    priceTick: number,
    qtySteps: number,
    isBuyerMaker: boolean,
    tradeId?: TradeId,
  ): void {
    if (!(Number.isSafeInteger(qtySteps) && qtySteps >= 0)) {
      throw new MarketDataArgumentError(`Quantity must be a non-negative integer of steps, got ${qtySteps}.`);
    }
    this.#addUnits(time, priceTick);
    const vol = this.#vol;
    if (vol === undefined) return;
    const s = this.#slot;
    const value = this.tradeValue!.units(priceTick, qtySteps);
    vol.volume[s]! += qtySteps;
    addUnits(vol.quoteHi, vol.quoteLo, s, value);
    if (!isBuyerMaker) {
      vol.takerVolume[s]! += qtySteps;
      addUnits(vol.takerQuoteHi, vol.takerQuoteLo, s, value);
    }
    if (tradeId !== undefined) {
      this.#ids ??= new TradeIdBase(tradeId);
      const offset = this.#ids.offsetOf(tradeId);
      if (Number.isNaN(vol.firstId[s])) vol.firstId[s] = offset;
      vol.lastId[s] = offset;
    }
  }

  /**
   * Ingests one price sample (mark, index or premium index), rounded half-up to the price unit.
   * `count` of the candle is the number of samples.
   */
  addSample(time: number, value: DecimalInput): void {
    const unit = this.priceUnit;
    const decimal = Decimal.from(value);
    // A value already on a power-of-ten grid (a mark price at 8 decimals) needs no rounding: scale it.
    if (unit.units === 1n && decimal.scale <= unit.scale) {
      const units = Number(decimal.units) * (POWERS_OF_TEN[unit.scale - decimal.scale] ?? Number.NaN);
      if (Number.isSafeInteger(units)) {
        this.#addUnits(time, units);
        return;
      }
    }
    const units = toSteps(decimal.roundToStep(unit, 'half-up'), unit);
    this.#addUnits(time, Number(units));
  }

  /** Ingests one sample already in price units (a safe integer); the fast form of `addSample`. */
  addSampleUnits(time: number, units: number): void {
    this.#addUnits(time, units);
  }

  /**
   * Loads one complete 1-minute bar (backfill, replayed `1m` klines). Its minute must come after every
   * minute ingested so far.
   */
  addMinute(bar: MinuteBarInput): void {
    const m = bar.openTime / MINUTE;
    if (!Number.isSafeInteger(m))
      throw new MarketDataArgumentError(`Bar open time ${bar.openTime} is not a minute.`);
    if (m <= this.#lastMinute) {
      throw new MarketDataArgumentError(
        `Bar ${bar.openTime} does not follow the latest minute already kept.`,
      );
    }
    for (const v of [bar.open, bar.high, bar.low, bar.close]) {
      if (!Number.isSafeInteger(v))
        throw new MarketDataArgumentError(`Bar prices must be integer units, got ${v}.`);
    }
    assertInteger('count', bar.count, 0);
    this.#openMinute(m);
    const s = this.#slot;
    this.#open[s] = bar.open;
    this.#high[s] = bar.high;
    this.#low[s] = bar.low;
    this.#close[s] = bar.close;
    this.#count[s] = bar.count;
    this.#lastClose = bar.close;
    this.#lastTime = bar.openTime + MINUTE - 1;
    const vol = this.#vol;
    if (vol === undefined) return;
    vol.volume[s] = bar.volume ?? 0;
    vol.takerVolume[s] = bar.takerBuyVolume ?? 0;
    splitInto(vol.quoteHi, vol.quoteLo, s, bar.quoteVolume ?? 0n);
    splitInto(vol.takerQuoteHi, vol.takerQuoteLo, s, bar.takerBuyQuoteVolume ?? 0n);
    if (bar.firstTradeId !== undefined && bar.lastTradeId !== undefined) {
      this.#ids ??= new TradeIdBase(bar.firstTradeId);
      vol.firstId[s] = this.#ids.offsetOf(bar.firstTradeId);
      vol.lastId[s] = this.#ids.offsetOf(bar.lastTradeId);
    }
  }

  /**
   * `GET /fapi/v1/klines` (and the mark/index/premium variants) with Binance's selection rules, ascending:
   * - neither `startTime` nor `endTime`: the most recent `limit` candles, the open one included;
   * - only `startTime`: the first `limit` candles opening at or after it;
   * - only `endTime`: the last `limit` candles opening at or before it;
   * - both: the first `limit` candles opening in `[startTime, endTime]`; start after end throws `-1023`.
   *
   * `limit` defaults to 500, max 1500. Candles exist from the one containing the oldest kept minute
   * (partial if retention cut it) to the one containing `now`; candles after the last data are flat.
   */
  klines(query: KlineQuery): Kline[] {
    const { interval, startTime, endTime } = query;
    if (!isKlineInterval(interval)) throw new MarketDataQueryError(MARKET_DATA_ERRORS.badInterval);
    const limit = resolveLimit(query.limit, QUERY_LIMITS.klines);
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
      throw new MarketDataQueryError(MARKET_DATA_ERRORS.startAfterEnd);
    }
    if (this.isEmpty) return [];
    const firstOpen = klineOpenTime(interval, this.#firstRetained() * MINUTE);
    const lastOpen = klineOpenTime(interval, this.#nowOf(query.now));
    const opens: number[] = [];
    if (startTime === undefined) {
      let open = endTime === undefined ? lastOpen : Math.min(lastOpen, klineOpenTime(interval, endTime));
      for (; open >= firstOpen && opens.length < limit; open = klinePreviousOpenTime(interval, open)) {
        opens.push(open);
      }
      opens.reverse();
    } else {
      const aligned = klineOpenTime(interval, startTime);
      let open = Math.max(firstOpen, aligned === startTime ? aligned : klineNextOpenTime(interval, aligned));
      const last = endTime === undefined ? lastOpen : Math.min(lastOpen, endTime);
      for (; open <= last && opens.length < limit; open = klineNextOpenTime(interval, open)) opens.push(open);
    }
    return opens.map((open) => this.#candle(open, klineNextOpenTime(interval, open) - 1));
  }

  /**
   * The candle of `interval` containing `now` (default: the latest data), for the `@kline_<interval>`
   * stream; `undefined` while the store is empty.
   */
  current(interval: KlineInterval, now?: number): Kline | undefined {
    if (this.isEmpty) return undefined;
    const open = klineOpenTime(interval, this.#nowOf(now));
    return this.#candle(open, klineNextOpenTime(interval, open) - 1);
  }

  /**
   * Aggregates the minutes from the one containing `startTime` to the one containing `endTime` into one
   * candle stamped `[startTime, endTime]` (rolling statistics such as the 24 h ticker); `undefined` while
   * empty. Without data in the range the candle is flat at the last price before it.
   */
  aggregate(startTime: number, endTime: number): Kline | undefined {
    if (this.isEmpty) return undefined;
    return this.#aggregateMinutes(
      Math.floor(startTime / MINUTE),
      Math.floor(endTime / MINUTE),
      startTime,
      endTime,
    );
  }

  /** The store's content as plain JSON, for venue snapshots. */
  snapshot(): KlineStoreSnapshot {
    const empty = this.isEmpty;
    const from = empty ? 0 : this.#firstRetained();
    const to = empty ? -1 : this.#lastMinute;
    const column = (values: Float64Array): number[] => {
      const out: number[] = [];
      for (let m = from; m <= to; m++) out.push(values[slotOf(m, this.retentionMinutes)]!);
      return out;
    };
    const vol = this.#vol;
    return {
      firstMinute: empty ? null : this.#firstMinute,
      lastMinute: empty ? null : this.#lastMinute,
      lastTime: empty ? null : this.#lastTime,
      lastClose: Number.isNaN(this.#lastClose) ? null : this.#lastClose,
      idBase: this.#ids === undefined ? null : this.#ids.idAt(0),
      open: column(this.#open),
      high: column(this.#high),
      low: column(this.#low),
      close: column(this.#close),
      count: column(this.#count),
      volume:
        vol === undefined
          ? null
          : {
              volume: column(vol.volume),
              quoteLo: column(vol.quoteLo),
              quoteHi: column(vol.quoteHi),
              takerVolume: column(vol.takerVolume),
              takerQuoteLo: column(vol.takerQuoteLo),
              takerQuoteHi: column(vol.takerQuoteHi),
              firstId: column(vol.firstId),
              lastId: column(vol.lastId),
            },
    };
  }

  /**
   * Replaces the store's content with a {@link snapshot} of a store of the same kind (trade or
   * sample klines). A snapshot holding more minutes than this store keeps keeps its newest ones.
   */
  restore(snapshot: KlineStoreSnapshot): void {
    const vol = this.#vol;
    if ((vol === undefined) !== (snapshot.volume === null)) {
      throw new MarketDataArgumentError('A kline snapshot of the other kind (trade or sample klines).');
    }
    const n = snapshot.open.length;
    const columns = [snapshot.high, snapshot.low, snapshot.close, snapshot.count];
    if (snapshot.volume !== null) columns.push(...(Object.values(snapshot.volume) as number[][]));
    if (columns.some((c) => c.length !== n)) {
      throw new MarketDataArgumentError('A kline snapshot has columns of different lengths.');
    }
    this.#ids = snapshot.idBase === null ? undefined : new TradeIdBase(snapshot.idBase);
    this.#lastClose = snapshot.lastClose ?? Number.NaN;
    if (snapshot.lastMinute === null || snapshot.firstMinute === null || n === 0) {
      this.#firstMinute = Number.NaN;
      this.#lastMinute = Number.NEGATIVE_INFINITY;
      this.#lastTime = Number.NEGATIVE_INFINITY;
      this.#slot = 0;
      return;
    }
    const cap = this.retentionMinutes;
    const last = snapshot.lastMinute;
    const first = last - n + 1;
    const from = Math.max(first, last - cap + 1);
    // Minutes the snapshot does not carry (a store that keeps more) must not count as kept.
    const needed = Math.max(snapshot.firstMinute, last - cap + 1);
    this.#firstMinute = needed >= first ? snapshot.firstMinute : first;
    this.#lastMinute = last;
    this.#lastTime = snapshot.lastTime ?? Number.NEGATIVE_INFINITY;
    this.#slot = slotOf(last, cap);
    const put = (values: Float64Array, source: readonly (number | null)[]): void => {
      for (let m = from; m <= last; m++) values[slotOf(m, cap)] = source[m - first] ?? Number.NaN;
    };
    put(this.#open, snapshot.open);
    put(this.#high, snapshot.high);
    put(this.#low, snapshot.low);
    put(this.#close, snapshot.close);
    put(this.#count, snapshot.count);
    if (vol === undefined || snapshot.volume === null) return;
    const v = snapshot.volume;
    put(vol.volume, v.volume);
    put(vol.quoteLo, v.quoteLo);
    put(vol.quoteHi, v.quoteHi);
    put(vol.takerVolume, v.takerVolume);
    put(vol.takerQuoteLo, v.takerQuoteLo);
    put(vol.takerQuoteHi, v.takerQuoteHi);
    put(vol.firstId, v.firstId);
    put(vol.lastId, v.lastId);
  }

  #nowOf(now: number | undefined): number {
    return now === undefined || now < this.#lastTime ? this.#lastTime : now;
  }

  #firstRetained(): number {
    return Math.max(this.#firstMinute, this.#lastMinute - this.retentionMinutes + 1);
  }

  #addUnits(time: number, units: number): void {
    if (!Number.isSafeInteger(units))
      throw new MarketDataArgumentError(`Price must be integer units, got ${units}.`);
    if (!(time >= this.#lastTime)) {
      throw new MarketDataArgumentError(
        `Kline data at ${time} is before the latest data (${this.#lastTime}).`,
      );
    }
    const m = Math.floor(time / MINUTE);
    if (m !== this.#lastMinute) this.#openMinute(m);
    const s = this.#slot;
    const count = this.#count[s]!;
    if (count === 0) {
      this.#open[s] = units;
      this.#high[s] = units;
      this.#low[s] = units;
    } else {
      if (units > this.#high[s]!) this.#high[s] = units;
      if (units < this.#low[s]!) this.#low[s] = units;
    }
    this.#close[s] = units;
    this.#count[s] = count + 1;
    this.#lastClose = units;
    this.#lastTime = time;
  }

  /** Starts minute `m` (after the latest), filling skipped minutes with flat bars at the last close. */
  #openMinute(m: number): void {
    const cap = this.retentionMinutes;
    if (this.isEmpty) this.#firstMinute = m;
    else {
      for (let k = Math.max(this.#lastMinute + 1, m - cap + 1); k < m; k++)
        this.#resetSlot(k, this.#lastClose);
    }
    this.#resetSlot(m, this.#lastClose);
    this.#lastMinute = m;
    this.#slot = slotOf(m, cap);
  }

  #resetSlot(m: number, carry: number): void {
    const s = slotOf(m, this.retentionMinutes);
    this.#open[s] = carry;
    this.#high[s] = carry;
    this.#low[s] = carry;
    this.#close[s] = carry;
    this.#count[s] = 0;
    const vol = this.#vol;
    if (vol === undefined) return;
    vol.volume[s] = 0;
    vol.quoteLo[s] = 0;
    vol.quoteHi[s] = 0;
    vol.takerVolume[s] = 0;
    vol.takerQuoteLo[s] = 0;
    vol.takerQuoteHi[s] = 0;
    vol.firstId[s] = Number.NaN;
    vol.lastId[s] = Number.NaN;
  }

  #candle(openTime: number, closeTime: number): Kline {
    return this.#aggregateMinutes(openTime / MINUTE, Math.floor(closeTime / MINUTE), openTime, closeTime);
  }

  #aggregateMinutes(m0: number, m1: number, openTime: number, closeTime: number): Kline {
    const acc = this.#acc;
    acc.reset();
    const cap = this.retentionMinutes;
    const from = Math.max(m0, this.#firstRetained());
    const to = Math.min(m1, this.#lastMinute);
    // The price before the range: a flat candle shows it when the range has no data.
    let carry = from <= to ? this.#open[slotOf(from, cap)]! : this.#lastClose;
    if (from > to && m1 < this.#firstRetained()) carry = this.#open[slotOf(this.#firstRetained(), cap)]!;
    const vol = this.#vol;
    for (let m = from; m <= to; m++) {
      const s = slotOf(m, cap);
      const n = this.#count[s]!;
      if (n === 0) continue;
      if (acc.count === 0) {
        acc.open = this.#open[s]!;
        acc.high = this.#high[s]!;
        acc.low = this.#low[s]!;
      } else {
        if (this.#high[s]! > acc.high) acc.high = this.#high[s]!;
        if (this.#low[s]! < acc.low) acc.low = this.#low[s]!;
      }
      acc.close = this.#close[s]!;
      acc.count += n;
      if (vol !== undefined) {
        acc.volume.add(0, vol.volume[s]!);
        acc.quote.add(vol.quoteHi[s]!, vol.quoteLo[s]!);
        acc.takerVolume.add(0, vol.takerVolume[s]!);
        acc.takerQuote.add(vol.takerQuoteHi[s]!, vol.takerQuoteLo[s]!);
        const first = vol.firstId[s]!;
        if (!Number.isNaN(first) && Number.isNaN(acc.first)) acc.first = first;
        const last = vol.lastId[s]!;
        if (!Number.isNaN(last)) acc.last = last;
      }
    }
    if (acc.count === 0) acc.open = acc.high = acc.low = acc.close = carry;
    return this.#toKline(acc, openTime, closeTime);
  }

  #price(units: number): Decimal {
    const unit = this.priceUnit;
    return Decimal.fromUnits(BigInt(units) * unit.units, unit.scale);
  }

  #toKline(acc: Accumulator, openTime: number, closeTime: number): Kline {
    const q = this.qtyUnit;
    const value = this.tradeValue;
    let volume = Decimal.ZERO;
    let quoteVolume = Decimal.ZERO;
    let takerBuyVolume = Decimal.ZERO;
    let takerBuyQuoteVolume = Decimal.ZERO;
    if (q !== undefined && value !== undefined) {
      volume = Decimal.fromUnits(acc.volume.toBigInt() * q.units, q.scale);
      quoteVolume = value.fromUnits(acc.quote.toBigInt());
      takerBuyVolume = Decimal.fromUnits(acc.takerVolume.toBigInt() * q.units, q.scale);
      takerBuyQuoteVolume = value.fromUnits(acc.takerQuote.toBigInt());
    }
    const ids = this.#ids;
    const hasIds = ids !== undefined && !Number.isNaN(acc.first);
    return {
      openTime,
      open: this.#price(acc.open),
      high: this.#price(acc.high),
      low: this.#price(acc.low),
      close: this.#price(acc.close),
      volume,
      closeTime,
      quoteVolume,
      count: acc.count,
      takerBuyVolume,
      takerBuyQuoteVolume,
      firstTradeId: hasIds ? ids.idAt(acc.first) : undefined,
      lastTradeId: hasIds ? ids.idAt(acc.last) : undefined,
    };
  }
}

function slotOf(minute: number, capacity: number): number {
  const s = minute % capacity;
  return s < 0 ? s + capacity : s;
}

/** Adds `units` (a non-negative integer: a safe number or a bigint) exactly to the hi/lo pair at `slot`. */
function addUnits(hi: Float64Array, lo: Float64Array, slot: number, units: number | bigint): void {
  let h = 0;
  let l: number;
  if (typeof units === 'bigint') {
    h = Number(units >> 52n);
    l = Number(units & MASK_52);
  } else if (units >= TWO_52) {
    h = Math.floor(units / TWO_52);
    l = units - h * TWO_52;
  } else l = units;
  let sum = lo[slot]! + l;
  if (sum >= TWO_52) {
    sum -= TWO_52;
    h += 1;
  }
  lo[slot] = sum;
  hi[slot]! += h;
}

/** Stores a non-negative bigint as a hi/lo pair at `slot`. */
function splitInto(hi: Float64Array, lo: Float64Array, slot: number, value: bigint): void {
  if (value < 0n) throw new MarketDataArgumentError(`Volumes must not be negative, got ${value}.`);
  hi[slot] = Number(value >> 52n);
  lo[slot] = Number(value & MASK_52);
}
