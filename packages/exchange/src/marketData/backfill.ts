import type { Rng } from '@basis/core';
import { Decimal, type DecimalInput, poisson } from '@basis/core';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { fastNormal } from './fastNormal.js';
import { YEAR_MS } from './indexProcess.js';
import type { KlineStore, MinuteBarInput } from './klines.js';
import { assertInteger, MarketDataArgumentError } from './marketDataError.js';
import { syntheticParamsFromSpec, type TakerParams } from './syntheticModels.js';
import { type TradeId, TradeIdBase } from './tradeId.js';
import type { TradeHistory } from './trades.js';
import { TradeValue } from './tradeValue.js';

/** The basis of mark over index: an Ornstein–Uhlenbeck process of the relative premium. */
export interface PremiumParams {
  /** Long-run mean of `mark / index − 1` (default 0). */
  readonly mean?: number;
  /** Stationary standard deviation (default 0.0002: 2 bp). */
  readonly stdDev?: number;
  /** Half-life of a deviation in minutes (default 30). */
  readonly halfLifeMinutes?: number;
}

/** Parameters of {@link generateBackfill}. */
export interface BackfillParams {
  /** The exchange's start time: history covers the `minutes` whole minutes before its minute. */
  readonly endTime: number;
  /** Minutes of history (default 2,880: two days, enough for 500 candles up to 5m). */
  readonly minutes?: number;
  /** The index price at `endTime`: the live index process starts from exactly this price. */
  readonly indexPrice: DecimalInput;
  /** Annualised volatility of the index, e.g. 0.5. */
  readonly annualVolatility: number;
  readonly tickSize: DecimalInput;
  readonly stepSize: DecimalInput;
  /** USD per contract of an inverse (COIN-M) market: bars then carry base-asset trade values. */
  readonly contractSize?: DecimalInput;
  /** The takers' flow (rate, sizes); sides are even, prices at the quoted spread around the index. */
  readonly taker: TakerParams;
  /** The market maker's half spread in ticks (best bid ⌈fair⌉ − h, best ask ⌊fair⌋ + h). */
  readonly halfSpreadTicks: number;
  readonly premium?: PremiumParams;
  /** Index/mark samples per minute, the `count` of sample klines (default 60, one a second). */
  readonly samplesPerMinute?: number;
  /** Fraction digits of index, mark and premium prices (default 8). */
  readonly decimals?: number;
  /** Id of the first backfilled trade (default 1). */
  readonly firstTradeId?: TradeId;
  /** How many of the latest trades to return individually, for `GET trades` at start (default 1,000). */
  readonly tailTrades?: number;
}

/** One backfilled trade, for the trade history. */
export interface BackfillTrade {
  readonly id: TradeId;
  readonly priceTick: number;
  readonly qtySteps: number;
  readonly time: number;
  readonly isBuyerMaker: boolean;
}

/** Synthetic history before the exchange's start; load it with {@link applyBackfill}. */
export interface BackfillResult {
  /** Open time of the first backfilled minute. */
  readonly startTime: number;
  /** End of the history (exclusive): the minute-aligned start of live data. */
  readonly endTime: number;
  /** 1-minute trade bars in ticks and steps, ascending. */
  readonly trades: readonly MinuteBarInput[];
  /** 1-minute index, mark and premium-index sample bars in units of 10^-decimals. */
  readonly index: readonly MinuteBarInput[];
  readonly mark: readonly MinuteBarInput[];
  readonly premium: readonly MinuteBarInput[];
  /** The latest trades, ascending, ids continuing the bars' ids. */
  readonly tail: readonly BackfillTrade[];
  /** The id the live market's first trade gets. */
  readonly nextTradeId: TradeId;
  /** Index price at `endTime` (equals `indexPrice`), and mark price and last trade there. */
  readonly lastIndexPrice: Decimal;
  readonly lastMarkPrice: Decimal;
  readonly lastTradeTick: number;
}

const MINUTE = 60_000;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Generates `minutes` of plausible history ending at `endTime`: 1-minute trade klines (every taker
 * order of the synthetic flow, at the market maker's spread around the index), and matching index,
 * mark and premium-index sample klines, so a strategy asking for 500 klines at start gets them.
 *
 * The index path is drawn backwards from `indexPrice` (GBM increments are independent, so the reversed
 * walk is a GBM path too), hence the history ends exactly where the live {@link IndexProcess} starts.
 * Deterministic for a given `rng` state; it draws from labelled forks only.
 */
export function generateBackfill(params: BackfillParams, rng: Rng): BackfillResult {
  const minutes = params.minutes ?? 2880;
  const spm = params.samplesPerMinute ?? 60;
  const decimals = params.decimals ?? 8;
  const tailSize = params.tailTrades ?? 1000;
  assertInteger('minutes', minutes, 1);
  assertInteger('samplesPerMinute', spm, 1);
  assertInteger('decimals', decimals, 0);
  assertInteger('tailTrades', tailSize, 0);
  const sigma = params.annualVolatility;
  if (!(sigma >= 0 && Number.isFinite(sigma)))
    throw new MarketDataArgumentError(`Bad annualVolatility ${sigma}.`);
  const tick = Decimal.from(params.tickSize).toNumber();
  const endTime = Math.floor(params.endTime / MINUTE) * MINUTE;
  const startTime = endTime - minutes * MINUTE;
  const scale = 10 ** decimals;
  const lastIndexPrice = Decimal.from(params.indexPrice).round(decimals, 'half-up');
  if (!lastIndexPrice.isPositive()) throw new MarketDataArgumentError('indexPrice must be > 0.');

  // Index: log prices at every sample, walked backwards from the final price.
  const n = minutes * spm;
  const sampleMs = MINUTE / spm;
  const dtYears = sampleMs / YEAR_MS;
  const logs = new Float64Array(n + 1);
  logs[n] = Math.log(lastIndexPrice.toNumber());
  const walk = rng.fork('backfill:index');
  const step = sigma * Math.sqrt(dtYears);
  const driftStep = (-sigma * sigma * dtYears) / 2;
  for (let k = n - 1; k >= 0; k--)
    logs[k] = logs[k + 1]! - (step > 0 ? fastNormal(walk, driftStep, step) : driftStep);

  // Premium: forward OU.
  const premiumRng = rng.fork('backfill:premium');
  const pMean = params.premium?.mean ?? 0;
  const pStd = params.premium?.stdDev ?? 0.0002;
  const halfLife = (params.premium?.halfLifeMinutes ?? 30) * MINUTE;
  const a = Math.exp((-Math.LN2 * sampleMs) / halfLife);
  const shock = pStd * Math.sqrt(1 - a * a);
  const premium = new Float64Array(n + 1);
  premium[0] = fastNormal(premiumRng, pMean, pStd);
  for (let k = 1; k <= n; k++)
    premium[k] = pMean + (premium[k - 1]! - pMean) * a + fastNormal(premiumRng, 0, shock);

  // Prices at every sample, once (the bars and the trades all need them), then each bar's units.
  const prices = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) prices[k] = Math.exp(logs[k]!);
  const idxUnits = new Float64Array(n + 1);
  const markUnits = new Float64Array(n + 1);
  const premUnits = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    idxUnits[k] = Math.round(prices[k]! * scale);
    markUnits[k] = Math.round(prices[k]! * (1 + premium[k]!) * scale);
    premUnits[k] = Math.round(premium[k]! * scale);
  }
  const index: MinuteBarInput[] = [];
  const mark: MinuteBarInput[] = [];
  const premiumBars: MinuteBarInput[] = [];
  for (let m = 0; m < minutes; m++) {
    const openTime = startTime + m * MINUTE;
    index.push(sampleBar(openTime, m * spm, spm, idxUnits));
    mark.push(sampleBar(openTime, m * spm, spm, markUnits));
    premiumBars.push(sampleBar(openTime, m * spm, spm, premUnits));
  }

  // Trades: each taker order fills at the best quote around the index at its arrival.
  const ids = new TradeIdBase(params.firstTradeId ?? 1);
  const tape = new TradeTape(params, prices, rng.fork('backfill:trades'), tick, sampleMs, tailSize);
  const trades: MinuteBarInput[] = [];
  for (let m = 0; m < minutes; m++) trades.push(tape.minute(startTime + m * MINUTE, m * spm, spm, ids));
  const lastTick = tape.lastTick;
  const nextOffset = tape.nextOffset;
  const tail = tape.tail;
  return {
    startTime,
    endTime,
    trades,
    index,
    mark,
    premium: premiumBars,
    tail: tail.toTrades(ids),
    nextTradeId: ids.idAt(nextOffset),
    lastIndexPrice,
    lastMarkPrice: Decimal.fromUnits(BigInt(markUnits[n]!), decimals),
    lastTradeTick: lastTick,
  };
}

/**
 * The synthetic taker flow of the backfill, minute by minute. Arrivals are Poisson per index sample
 * (one second by default), so they come out in time order without sorting.
 */
class TradeTape {
  readonly tail: Ring;
  lastTick: number;
  nextOffset = 0;
  /** exp of the index's log price at every sample. */
  readonly #prices: Float64Array;
  readonly #rng: Rng;
  readonly #tick: number;
  readonly #sampleMs: number;
  readonly #startTime: number;
  readonly #h: number;
  readonly #perSample: number;
  /** e^-perSample, the stopping product of the Poisson draw (see `poisson`). */
  readonly #poissonLimit: number;
  readonly #logMedian: number;
  readonly #sigma: number;
  readonly #maxQty: number;
  readonly #value: TradeValue;
  readonly #offsets: number[] = [];
  // The minute being built.
  #open = 0;
  #high = 0;
  #low = 0;
  #count = 0;
  #volume = 0;
  #takerVolume = 0;
  readonly #quote = new BigSum();
  readonly #takerQuote = new BigSum();

  constructor(
    params: BackfillParams,
    prices: Float64Array,
    rng: Rng,
    tick: number,
    sampleMs: number,
    tailSize: number,
  ) {
    this.#prices = prices;
    this.#rng = rng;
    this.#tick = tick;
    this.#sampleMs = sampleMs;
    this.#startTime = Math.floor(params.endTime / MINUTE) * MINUTE - (prices.length - 1) * sampleMs;
    this.#h = params.halfSpreadTicks;
    this.#perSample = (params.taker.ratePerSecond * sampleMs) / 1000;
    this.#poissonLimit = Math.exp(-this.#perSample);
    this.#logMedian = Math.log(params.taker.medianQtySteps);
    this.#sigma = params.taker.sizeSigma;
    this.#maxQty = params.taker.maxQtySteps;
    this.#value = TradeValue.of(params.tickSize, params.stepSize, params.contractSize);
    this.tail = new Ring(tailSize);
    this.lastTick = Math.max(1, Math.round(prices[0]! / tick));
  }

  /** The bar of the minute opening at `openTime`, covering samples [first, first + samples). */
  minute(openTime: number, first: number, samples: number, ids: TradeIdBase): MinuteBarInput {
    this.#open = this.#high = this.#low = this.lastTick;
    this.#count = this.#volume = this.#takerVolume = 0;
    this.#quote.reset();
    this.#takerQuote.reset();
    const firstOffset = this.nextOffset;
    for (let k = first; k < first + samples; k++) this.#sample(k);
    const close = this.lastTick;
    if (this.#count === 0) return { openTime, open: close, high: close, low: close, close, count: 0 };
    return {
      openTime,
      open: this.#open,
      high: this.#high,
      low: this.#low,
      close,
      count: this.#count,
      volume: this.#volume,
      quoteVolume: this.#quote.value(),
      takerBuyVolume: this.#takerVolume,
      takerBuyQuoteVolume: this.#takerQuote.value(),
      firstTradeId: ids.idAt(firstOffset),
      lastTradeId: ids.idAt(this.nextOffset - 1),
    };
  }

  #sample(k: number): void {
    const arrivals = this.#arrivals();
    if (arrivals === 0) return;
    // The sample's arrival offsets, sorted in place at the front of a reused array (no reallocation).
    const offsets = this.#offsets;
    for (let i = 0; i < arrivals; i++)
      insertSorted(offsets, i, Math.floor(this.#rng.next() * this.#sampleMs));
    const fair = this.#prices[k]! / this.#tick;
    const sampleStart = this.#startTime + k * this.#sampleMs;
    for (let i = 0; i < arrivals; i++) this.#trade(fair, Math.floor(sampleStart + offsets[i]!));
  }

  /**
   * `poisson(rng, perSample)`, the same draws and result: below a mean of 10 it multiplies uniforms
   * until the product drops to e^-mean, with that limit computed once here instead of per sample.
   */
  #arrivals(): number {
    const lambda = this.#perSample;
    if (!(lambda > 0)) return 0;
    if (lambda >= 10) return poisson(this.#rng, lambda);
    const rng = this.#rng;
    const limit = this.#poissonLimit;
    let k = 0;
    let product = rng.next();
    while (product > limit) {
      k += 1;
      product *= rng.next();
    }
    return k;
  }

  #trade(fair: number, time: number): void {
    const buy = this.#rng.next() < 0.5;
    const priceTick = Math.max(1, buy ? Math.floor(fair) + this.#h : Math.ceil(fair) - this.#h);
    const size = Math.round(Math.exp(fastNormal(this.#rng, this.#logMedian, this.#sigma)));
    const qtySteps = Math.max(1, Math.min(this.#maxQty, size));
    if (this.#count === 0) this.#open = this.#high = this.#low = priceTick;
    else if (priceTick > this.#high) this.#high = priceTick;
    else if (priceTick < this.#low) this.#low = priceTick;
    this.#count++;
    this.#volume += qtySteps;
    const value = this.#value.units(priceTick, qtySteps);
    this.#quote.add(value);
    if (buy) {
      this.#takerVolume += qtySteps;
      this.#takerQuote.add(value);
    }
    this.tail.push(this.nextOffset, priceTick, qtySteps, time, !buy);
    this.nextOffset++;
    this.lastTick = priceTick;
  }
}

/** Where {@link applyBackfill} loads a backfill; each target is optional. */
export interface BackfillTargets {
  readonly trades?: KlineStore;
  readonly index?: KlineStore;
  readonly mark?: KlineStore;
  readonly premium?: KlineStore;
  /** Receives the tail trades; create it with `firstTradeId: result.tail[0]?.id ?? result.nextTradeId`. */
  readonly history?: TradeHistory;
}

/**
 * Loads a backfill into fresh stores: the bars into the kline stores (before any live data) and the
 * tail trades into the trade history, each as its own aggregate trade.
 */
export function applyBackfill(result: BackfillResult, targets: BackfillTargets): void {
  for (const bar of result.trades) targets.trades?.addMinute(bar);
  for (const bar of result.index) targets.index?.addMinute(bar);
  for (const bar of result.mark) targets.mark?.addMinute(bar);
  for (const bar of result.premium) targets.premium?.addMinute(bar);
  const history = targets.history;
  if (history === undefined) return;
  for (const trade of result.tail) {
    history.appendTrade(trade.id, trade.priceTick, trade.qtySteps, trade.time, trade.isBuyerMaker);
    history.sealAggTrade();
  }
}

/** Backfill parameters from a symbol's synthetic spec (see `syntheticParamsFromSpec`). */
export function backfillParamsFromSpec(
  spec: SymbolSpec,
  endTime: number,
  overrides: Partial<Omit<BackfillParams, 'endTime'>> = {},
): BackfillParams {
  const synthetic = syntheticParamsFromSpec(spec);
  return {
    endTime,
    indexPrice: spec.synthetic.initialPrice,
    annualVolatility: Decimal.parse(spec.synthetic.annualVolatility).toNumber(),
    tickSize: spec.tickSize,
    stepSize: spec.stepSize,
    ...(spec.contractSize === undefined ? {} : { contractSize: String(spec.contractSize) }),
    taker: synthetic.taker,
    halfSpreadTicks: synthetic.ladder.halfSpreadTicks,
    ...overrides,
  };
}

/**
 * Inserts into the ascending first `size` elements of `values` (a handful: arrivals within one
 * sample), which then hold `size + 1`; elements past those are left over from earlier use.
 */
function insertSorted(values: number[], size: number, value: number): void {
  let i = size;
  while (i > 0 && values[i - 1]! > value) {
    values[i] = values[i - 1]!;
    i--;
  }
  values[i] = value;
}

function sampleBar(openTime: number, first: number, count: number, units: Float64Array): MinuteBarInput {
  const open = units[first]!;
  let high = open;
  let low = open;
  let close = open;
  for (let k = first + 1; k < first + count; k++) {
    close = units[k]!;
    if (close > high) high = close;
    if (close < low) low = close;
  }
  return { openTime, open, high, low, close, count };
}

/** Σ of trade values over one minute (`TradeValue` units), exact: a float while it is safe, a bigint beyond. */
class BigSum {
  #small = 0;
  #big = 0n;

  add(units: number | bigint): void {
    if (typeof units === 'bigint' || this.#small + units > MAX_SAFE) {
      this.#big += BigInt(this.#small) + BigInt(units);
      this.#small = 0;
    } else this.#small += units;
  }

  value(): bigint {
    return this.#big + BigInt(this.#small);
  }

  reset(): void {
    this.#small = 0;
    this.#big = 0n;
  }
}

/** The latest `capacity` trades, struct-of-arrays. */
class Ring {
  readonly #offset: Float64Array;
  readonly #price: Float64Array;
  readonly #qty: Float64Array;
  readonly #time: Float64Array;
  readonly #maker: Uint8Array;
  #next = 0;
  #size = 0;

  constructor(capacity: number) {
    this.#offset = new Float64Array(capacity);
    this.#price = new Float64Array(capacity);
    this.#qty = new Float64Array(capacity);
    this.#time = new Float64Array(capacity);
    this.#maker = new Uint8Array(capacity);
  }

  push(offset: number, price: number, qty: number, time: number, isBuyerMaker: boolean): void {
    const cap = this.#offset.length;
    if (cap === 0) return;
    const i = this.#next;
    this.#offset[i] = offset;
    this.#price[i] = price;
    this.#qty[i] = qty;
    this.#time[i] = time;
    this.#maker[i] = isBuyerMaker ? 1 : 0;
    this.#next = i + 1 === cap ? 0 : i + 1;
    if (this.#size < cap) this.#size++;
  }

  toTrades(ids: TradeIdBase): BackfillTrade[] {
    const cap = this.#offset.length;
    const out: BackfillTrade[] = [];
    for (let j = 0; j < this.#size; j++) {
      const i = (this.#next - this.#size + j + cap) % cap;
      out.push({
        id: ids.idAt(this.#offset[i]!),
        priceTick: this.#price[i]!,
        qtySteps: this.#qty[i]!,
        time: this.#time[i]!,
        isBuyerMaker: this.#maker[i] === 1,
      });
    }
    return out;
  }
}
