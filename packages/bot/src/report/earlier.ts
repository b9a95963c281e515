import { Decimal } from '@basis/core';
import { ExposureSweep, notionalOf, type SweepEvent } from './exposureSweep.js';
import { RoundTripBuilder } from './roundTrips.js';
import type {
  EarlierActivity,
  FillRecord,
  FundingRecord,
  PositionPoint,
  PricePoint,
  RunMeta,
  RunRecord,
} from './runRecord.js';
import { TradeTally } from './tradeTally.js';

/** Σ realized PnL, fees per asset and traded notional of fills, on top of the folded ones. */
export class FillTotals {
  realized: Decimal;
  tradedNotional: Decimal;
  readonly fees = new Map<string, Decimal>();
  readonly #meta: RunMeta;

  constructor(meta: RunMeta, earlier?: EarlierActivity) {
    this.#meta = meta;
    this.realized = earlier === undefined ? Decimal.ZERO : Decimal.parse(earlier.realizedPnl);
    this.tradedNotional = earlier === undefined ? Decimal.ZERO : Decimal.parse(earlier.tradedNotional);
    for (const [asset, fee] of Object.entries(earlier?.feesByAsset ?? {}))
      this.fees.set(asset, Decimal.parse(fee));
  }

  add(fill: FillRecord): void {
    this.realized = this.realized.add(Decimal.parse(fill.realizedPnl));
    this.tradedNotional = this.tradedNotional.add(
      notionalOf(this.#meta, fill.symbol, Decimal.parse(fill.qty), Decimal.parse(fill.price)),
    );
    this.fees.set(fill.feeAsset, (this.fees.get(fill.feeAsset) ?? Decimal.ZERO).add(Decimal.parse(fill.fee)));
  }
}

/**
 * The exposure sweep's events in a record's lists, later than `after` and up to `through`: position
 * changes, price samples and the fills' prices (in that order for equal times, stable). A traded
 * symbol without position samples has its position rebuilt from its fills when `rebuild` allows
 * (a record with nothing folded; a folded one carries the position).
 */
export function sweepEvents(
  lists: {
    readonly positions: Readonly<Record<string, readonly PositionPoint[]>>;
    readonly prices: Readonly<Record<string, readonly PricePoint[]>>;
    readonly fills: readonly FillRecord[];
  },
  after: number,
  through: number,
  rebuild: boolean,
): SweepEvent[] {
  const events: SweepEvent[] = [];
  const within = (time: number) => time > after && time <= through;
  const symbols = new Set<string>([...Object.keys(lists.positions), ...lists.fills.map((f) => f.symbol)]);
  for (const symbol of symbols) {
    const points = lists.positions[symbol];
    if (points !== undefined && points.length > 0) {
      for (const p of points)
        if (within(p.time))
          events.push({ time: p.time, symbol, kind: 'position', value: Decimal.parse(p.amount) });
    } else if (rebuild) {
      let amount = Decimal.ZERO;
      for (const f of lists.fills) {
        if (f.symbol !== symbol) continue;
        const qty = Decimal.parse(f.qty);
        amount = f.side === 'BUY' ? amount.add(qty) : amount.sub(qty);
        if (within(f.time)) events.push({ time: f.time, symbol, kind: 'position', value: amount });
      }
    }
  }
  for (const [symbol, points] of Object.entries(lists.prices)) {
    for (const p of points)
      if (within(p.time)) events.push({ time: p.time, symbol, kind: 'price', value: Decimal.parse(p.price) });
  }
  for (const f of lists.fills) {
    if (within(f.time))
      events.push({ time: f.time, symbol: f.symbol, kind: 'price', value: Decimal.parse(f.price) });
  }
  return events.sort((a, b) => a.time - b.time);
}

/**
 * The part of a record its recorder stops listing: everything up to and including `until` (of the
 * price samples, which it keeps listing, only those up to `until` are read).
 */
export type FoldedPart = Pick<RunRecord, 'fills' | 'positions' | 'prices' | 'denials'> & {
  readonly until: number;
};

/**
 * Folds `part` into `earlier`: the same accumulators {@link summarize} runs over the listed part, so
 * a summary of the folded record equals the summary of the whole one. `funding` is every funding
 * payment so far (the round trips closed in `part` take theirs).
 */
export function foldEarlier(
  meta: RunMeta,
  earlier: EarlierActivity | undefined,
  part: FoldedPart,
  funding: readonly FundingRecord[],
): EarlierActivity {
  const totals = new FillTotals(meta, earlier);
  for (const fill of part.fills) totals.add(fill);
  const builder = new RoundTripBuilder(meta.quoteAsset, earlier?.openTrades);
  builder.addAll(part.fills);
  const tally = new TradeTally(earlier?.closedTrades);
  for (const trip of builder.takeClosed(funding)) tally.add(Decimal.parse(trip.netPnl));
  const sweep = new ExposureSweep(meta, earlier?.exposure);
  sweep.feed(
    sweepEvents(part, earlier?.until ?? Number.NEGATIVE_INFINITY, part.until, earlier === undefined),
  );
  const denialsByRule: Record<string, number> = { ...earlier?.denialsByRule };
  for (const d of part.denials) denialsByRule[d.rule] = (denialsByRule[d.rule] ?? 0) + 1;
  return {
    until: part.until,
    fills: (earlier?.fills ?? 0) + part.fills.length,
    realizedPnl: totals.realized.toString(),
    feesByAsset: Object.fromEntries([...totals.fees].map(([asset, fee]) => [asset, fee.toString()])),
    tradedNotional: totals.tradedNotional.toString(),
    closedTrades: tally.state(),
    openTrades: builder.openState(),
    exposure: sweep.state(),
    denials: (earlier?.denials ?? 0) + part.denials.length,
    denialsByRule,
  };
}
