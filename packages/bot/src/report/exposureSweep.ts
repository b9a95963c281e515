import { Decimal } from '@basis/core';
import type { RunMeta } from './runRecord.js';

/** A position or price change the exposure sweep reads, in time order. */
export interface SweepEvent {
  readonly time: number;
  readonly symbol: string;
  readonly kind: 'position' | 'price';
  readonly value: Decimal;
}

/** Where a sweep stands after the events it has read, as a record carries it (decimals as strings). */
export interface ExposureState {
  /** The time the sweep has reached. */
  readonly time: number;
  readonly amounts: Readonly<Record<string, string>>;
  readonly prices: Readonly<Record<string, string>>;
  readonly inMarketMs: number;
  readonly inMarketMsBySymbol: Readonly<Record<string, number>>;
  /** Σ gross notional × ms. */
  readonly notionalTime: string;
  readonly maxGross: string | null;
  readonly priced: boolean;
}

/** What the sweep measured over the run. */
export interface ExposureTotals {
  readonly inMarketMs: number;
  readonly inMarketMsBySymbol: ReadonlyMap<string, number>;
  readonly notionalTime: Decimal;
  readonly maxGross: Decimal | null;
  readonly priced: boolean;
}

/**
 * The notional of `qty` at `price` in the run's accounting asset: qty × price, or on COIN-M
 * qty × contractSize / price in coin (cut to 8 decimals, as the exchange does).
 */
export function notionalOf(meta: RunMeta, symbol: string, qty: Decimal, price: Decimal): Decimal {
  const size = meta.contractSizes?.[symbol];
  if (size === undefined) return qty.mul(price);
  return price.isZero() ? Decimal.ZERO : qty.mul(Decimal.parse(size)).div(price, 8, 'down');
}

/**
 * Time in the market and gross notional over time, swept over position and price changes from the
 * run's start: events up to the start set the opening state, each later time step adds its time in
 * market and notional × duration, then its events apply. It reads events in batches (a long run's
 * recorder feeds it what it stops listing) and carries its state in the record ({@link state}).
 */
export class ExposureSweep {
  readonly #meta: RunMeta;
  readonly #amounts = new Map<string, Decimal>();
  readonly #prices = new Map<string, Decimal>();
  readonly #inMarketBySymbol = new Map<string, number>();
  #time: number;
  #inMarketMs = 0;
  #notionalTime = Decimal.ZERO;
  /** Null until the sweep passes the start. */
  #maxGross: Decimal | null = null;
  #priced = false;

  constructor(meta: RunMeta, state?: ExposureState) {
    this.#meta = meta;
    this.#time = meta.startTime;
    if (state === undefined) return;
    this.#time = state.time;
    for (const [s, v] of Object.entries(state.amounts)) this.#amounts.set(s, Decimal.parse(v));
    for (const [s, v] of Object.entries(state.prices)) this.#prices.set(s, Decimal.parse(v));
    for (const [s, ms] of Object.entries(state.inMarketMsBySymbol)) this.#inMarketBySymbol.set(s, ms);
    this.#inMarketMs = state.inMarketMs;
    this.#notionalTime = Decimal.parse(state.notionalTime);
    this.#maxGross = state.maxGross === null ? null : Decimal.parse(state.maxGross);
    this.#priced = state.priced;
  }

  /** Reads `events`, sorted by time, all later than the events read before. */
  feed(events: readonly SweepEvent[]): void {
    const start = this.#meta.startTime;
    let i = 0;
    while (i < events.length) {
      const t = events[i]!.time;
      if (t > start) {
        this.#maxGross ??= this.#gross();
        this.#advance(t);
      }
      while (i < events.length && events[i]!.time === t) this.#apply(events[i++]!);
      if (t > start) {
        const gross = this.#gross();
        if (gross.gt(this.#maxGross!)) this.#maxGross = gross;
      }
    }
  }

  /** The totals at `endTime` (this sweep itself stays where it is). */
  totals(endTime: number): ExposureTotals {
    const end = new ExposureSweep(this.#meta, this.state());
    if (endTime > this.#meta.startTime) {
      end.#maxGross ??= end.#gross();
      end.#advance(endTime);
    }
    return {
      inMarketMs: end.#inMarketMs,
      inMarketMsBySymbol: end.#inMarketBySymbol,
      notionalTime: end.#notionalTime,
      maxGross: end.#maxGross,
      priced: end.#priced,
    };
  }

  state(): ExposureState {
    return {
      time: this.#time,
      amounts: textRecord(this.#amounts),
      prices: textRecord(this.#prices),
      inMarketMs: this.#inMarketMs,
      inMarketMsBySymbol: Object.fromEntries(this.#inMarketBySymbol),
      notionalTime: this.#notionalTime.toString(),
      maxGross: this.#maxGross?.toString() ?? null,
      priced: this.#priced,
    };
  }

  #advance(to: number): void {
    const dt = to - this.#time;
    if (dt <= 0) return;
    let any = false;
    for (const [symbol, amount] of this.#amounts) {
      if (amount.isZero()) continue;
      any = true;
      this.#inMarketBySymbol.set(symbol, (this.#inMarketBySymbol.get(symbol) ?? 0) + dt);
    }
    if (any) this.#inMarketMs += dt;
    this.#notionalTime = this.#notionalTime.add(this.#gross().mul(BigInt(dt)));
    this.#time = to;
  }

  #apply(e: SweepEvent): void {
    if (e.kind === 'position') this.#amounts.set(e.symbol, e.value);
    else {
      this.#prices.set(e.symbol, e.value);
      this.#priced = true;
    }
  }

  #gross(): Decimal {
    let sum = Decimal.ZERO;
    for (const [symbol, amount] of this.#amounts) {
      const price = this.#prices.get(symbol);
      if (price !== undefined) sum = sum.add(notionalOf(this.#meta, symbol, amount.abs(), price));
    }
    return sum;
  }
}

function textRecord(map: ReadonlyMap<string, Decimal>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of map) out[key] = value.toString();
  return out;
}
