import { Decimal } from '@basis/core';
import { foldEarlier } from '../report/earlier.js';
import type {
  DenialRecord,
  EarlierActivity,
  EquityPoint,
  FillRecord,
  FundingRecord,
  PositionPoint,
  PricePoint,
  RunMeta,
  RunRecord,
} from '../report/runRecord.js';
import type { Fill, FundingPayment } from '../strategy/events.js';
import { thinSamples } from './thinSamples.js';

/**
 * Equity and price samples kept per series before the older ones are thinned (one a second is about
 * 5.5 hours): a run of weeks keeps bounded memory, the recent past full detail.
 */
export const SAMPLE_CAPACITY = 20_000;

/**
 * Fills, position changes (per symbol) and denials the record lists: past it (by an eighth) the
 * oldest are folded into the record's `earlier` totals. About 45 MB of fills and position changes:
 * a market maker filling 100 times a minute runs for weeks in bounded memory, its summary the same.
 */
export const RECORD_CAPACITY = 100_000;

/** Money in the record: 8 decimals at most, as Binance prints it. */
function money(value: Decimal): string {
  return value.decimals() > 8 ? value.round(8, 'half-even').toString() : value.toString();
}

/**
 * Builds the {@link RunRecord} of a run: equity and price samples at the kernel's sample times,
 * positions on change, and every fill, funding payment and denial as it happens.
 */
export class RunRecorder {
  #equity: EquityPoint[] = [];
  readonly #prices = new Map<string, PricePoint[]>();
  readonly #positions = new Map<string, PositionPoint[]>();
  #fills: FillRecord[] = [];
  readonly #funding: FundingRecord[] = [];
  #denials: DenialRecord[] = [];
  #earlier: EarlierActivity | undefined;
  readonly #symbols: readonly string[];
  readonly #capacity: number;
  readonly #recordCapacity: number;
  readonly #meta: () => RunMeta;
  readonly #onFill: ((fill: FillRecord) => void) | undefined;

  /**
   * `meta` gives the run's meta when the recorder folds (its start, quote asset and contract sizes);
   * `onFill` sees every fill as the record lists it, folded ones included (a journal on disk).
   */
  constructor(
    symbols: readonly string[],
    meta: () => RunMeta,
    options: {
      readonly sampleCapacity?: number;
      readonly recordCapacity?: number;
      readonly onFill?: (fill: FillRecord) => void;
    } = {},
  ) {
    this.#symbols = symbols;
    this.#meta = meta;
    this.#onFill = options.onFill;
    this.#capacity = Math.max(8, options.sampleCapacity ?? SAMPLE_CAPACITY);
    this.#recordCapacity = Math.max(8, options.recordCapacity ?? RECORD_CAPACITY);
    for (const s of symbols) {
      this.#prices.set(s, []);
      this.#positions.set(s, []);
    }
  }

  sample(
    time: number,
    wallet: Decimal,
    unrealized: Decimal,
    prices: (symbol: string) => Decimal | undefined,
    usdPrice?: Decimal,
  ): void {
    const last = this.#equity[this.#equity.length - 1];
    const equity = wallet.add(unrealized);
    const point: EquityPoint = {
      time,
      equity: money(equity),
      wallet: money(wallet),
      unrealizedPnl: money(unrealized),
      ...(usdPrice === undefined
        ? {}
        : { usdPrice: usdPrice.toString(), usdValue: money(Decimal.parse(money(equity)).mul(usdPrice)) }),
    };
    if (last !== undefined && last.time === time) this.#equity[this.#equity.length - 1] = point;
    else if (this.#equity.push(point) >= this.#capacity)
      this.#equity = thinSamples(this.#equity, (p) => Number(p.equity));
    for (const symbol of this.#symbols) {
      const price = prices(symbol);
      if (price === undefined) continue;
      const list = this.#prices.get(symbol)!;
      const prev = list[list.length - 1];
      if (prev !== undefined && prev.time === time) list[list.length - 1] = { time, price: price.toString() };
      else if (list.push({ time, price: price.toString() }) >= this.#capacity)
        this.#prices.set(
          symbol,
          thinSamples(list, (p) => Number(p.price)),
        );
    }
  }

  position(time: number, symbol: string, amount: Decimal): void {
    let list = this.#positions.get(symbol);
    if (list === undefined) {
      list = [];
      this.#positions.set(symbol, list);
    }
    const text = amount.toString();
    const prev = list[list.length - 1];
    if (prev !== undefined && prev.amount === text) return;
    if (prev !== undefined && prev.time === time) list[list.length - 1] = { time, amount: text };
    else if (list.push({ time, amount: text }) > this.#foldAt) this.#fold(list);
  }

  fill(fill: Fill): void {
    const record: FillRecord = {
      time: fill.time,
      symbol: fill.symbol,
      side: fill.side,
      price: fill.price.toString(),
      qty: fill.qty.toString(),
      fee: money(fill.fee),
      feeAsset: fill.feeAsset,
      realizedPnl: money(fill.realizedPnl),
      orderId: fill.orderId,
      clientOrderId: fill.clientOrderId,
      maker: fill.maker,
    };
    this.#fills.push(record);
    this.#onFill?.(record);
    if (this.#fills.length > this.#foldAt) this.#fold(this.#fills);
  }

  funding(payment: FundingPayment): void {
    this.#funding.push({
      time: payment.time,
      symbol: payment.symbol,
      amount: money(payment.amount),
      asset: payment.asset,
    });
  }

  denial(time: number, rule: string, message: string, symbol: string): void {
    if (this.#denials.push({ time, rule, message, symbol }) > this.#foldAt) this.#fold(this.#denials);
  }

  /** Every fill so far, folded ones included. */
  get fillCount(): number {
    return (this.#earlier?.fills ?? 0) + this.#fills.length;
  }

  /** A list folds once it passes the capacity by an eighth (amortized O(1) per entry). */
  get #foldAt(): number {
    return this.#recordCapacity + (this.#recordCapacity >>> 3);
  }

  /**
   * Folds everything up to the time that leaves `list` its capacity into `earlier`: fills, position
   * changes and denials alike, so the listed part starts after one instant. Entries of that instant
   * arriving later would fall behind it, so the fold waits while it is the newest one's.
   */
  #fold(list: readonly { readonly time: number }[]): void {
    const until = list[list.length - this.#recordCapacity - 1]!.time;
    if (until >= list[list.length - 1]!.time) return;
    const upTo = <T extends { readonly time: number }>(items: T[]): [T[], T[]] => [
      items.filter((x) => x.time <= until),
      items.filter((x) => x.time > until),
    ];
    const [fills, keptFills] = upTo(this.#fills);
    const [denials, keptDenials] = upTo(this.#denials);
    const positions: Record<string, PositionPoint[]> = {};
    for (const [symbol, points] of this.#positions) {
      const [folded, kept] = upTo(points);
      positions[symbol] = folded;
      this.#positions.set(symbol, kept);
    }
    const prices = Object.fromEntries(this.#prices);
    this.#earlier = foldEarlier(
      this.#meta(),
      this.#earlier,
      { until, fills, positions, prices, denials },
      this.#funding,
    );
    this.#fills = keptFills;
    this.#denials = keptDenials;
  }

  /** The last `count` fills, oldest first. */
  recentFills(count: number): readonly FillRecord[] {
    return this.#fills.slice(-count);
  }

  build(meta: RunMeta): RunRecord {
    return {
      meta,
      equity: this.#equity.slice(),
      prices: Object.fromEntries([...this.#prices].map(([s, l]) => [s, l.slice()])),
      positions: Object.fromEntries([...this.#positions].map(([s, l]) => [s, l.slice()])),
      fills: this.#fills.slice(),
      funding: this.#funding.slice(),
      denials: this.#denials.slice(),
      ...(this.#earlier === undefined ? {} : { earlier: this.#earlier }),
    };
  }
}
