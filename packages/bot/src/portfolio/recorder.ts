import { Decimal } from '@basis/core';
import type {
  DenialRecord,
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
  readonly #fills: FillRecord[] = [];
  readonly #funding: FundingRecord[] = [];
  readonly #denials: DenialRecord[] = [];
  readonly #symbols: readonly string[];
  readonly #capacity: number;

  constructor(symbols: readonly string[], options: { readonly sampleCapacity?: number } = {}) {
    this.#symbols = symbols;
    this.#capacity = Math.max(8, options.sampleCapacity ?? SAMPLE_CAPACITY);
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
    else list.push({ time, amount: text });
  }

  fill(fill: Fill): void {
    this.#fills.push({
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
    });
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
    this.#denials.push({ time, rule, message, symbol });
  }

  get fillCount(): number {
    return this.#fills.length;
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
    };
  }
}
