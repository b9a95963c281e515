import { Decimal } from '@basis/core';
import { FillTotals, sweepEvents } from './earlier.js';
import { ExposureSweep } from './exposureSweep.js';
import { type PeriodReturns, periodReturns, ratioShortfall, sharpeRatio, sortinoRatio } from './returns.js';
import { AVERAGE_SCALE, type RoundTrip, RoundTripBuilder } from './roundTrips.js';
import type { RunMeta, RunRecord } from './runRecord.js';
import { TradeTally } from './tradeTally.js';

/**
 * The figures of a run. Money is a decimal string (exact sums of the record's strings; averages are divided
 * out to {@link AVERAGE_SCALE} digits, half-even, trailing zeros dropped). Ratios, percentages and statistics
 * are numbers; `…Pct` fields are percentages (12.5 means 12.5 %). `null` means "not defined for this run"
 * (no trades, too few returns, zero denominator…).
 */
export interface RunSummary {
  readonly run: RunMeta & { readonly durationMs: number };
  readonly pnl: PnlSummary;
  readonly drawdown: DrawdownSummary;
  readonly exposure: ExposureSummary;
  readonly trades: TradeSummary;
  readonly risk: RiskSummary;
  readonly denials: { readonly count: number; readonly byRule: Readonly<Record<string, number>> };
  /** Round-trip trades (see {@link deriveRoundTrips} for the rule), ordered by open time. */
  readonly roundTrips: readonly RoundTrip[];
}

export interface PnlSummary {
  readonly startingEquity: string;
  /** The last equity sample (or starting equity + the components if there is none). */
  readonly endingEquity: string;
  /** endingEquity − startingEquity. */
  readonly netPnl: string;
  /** netPnl / startingEquity · 100; `null` if starting equity is zero. */
  readonly returnPct: number | null;
  /** Σ fills' realizedPnl (exchange-reported, before fees). */
  readonly realizedPnl: string;
  /** The last equity sample's unrealizedPnl. */
  readonly unrealizedPnl: string;
  /** Fees paid in the quote asset (positive = paid). */
  readonly fees: string;
  readonly feesByAsset: Readonly<Record<string, string>>;
  /** Funding in the quote asset (positive = received). */
  readonly funding: string;
  readonly fundingByAsset: Readonly<Record<string, string>>;
  /**
   * netPnl − (realizedPnl − fees + funding + unrealizedPnl). Zero when the record is consistent and all fees
   * and funding are in the quote asset; anything else points at fees in another asset or a bookkeeping gap.
   */
  readonly unexplainedPnl: string;
  /**
   * COIN-M runs (whose money is in coin): the USD value of the equity at the coin's index price
   * (the record's `usdPrice`) at the first and last samples; `null` on USDⓈ-M. USD figures are
   * rounded to cents; the coin figures above stay exact.
   */
  readonly usd: UsdValueSummary | null;
}

export interface UsdValueSummary {
  /** The coin's USD index price at the first and at the last sample. */
  readonly startPrice: string;
  readonly endPrice: string;
  /** startingEquity × startPrice and endingEquity × endPrice. */
  readonly startingEquity: string;
  readonly endingEquity: string;
  /** endingEquity − startingEquity in USD: the strategy's PnL and the coin's own move together. */
  readonly change: string;
  /** netPnl × endPrice: the coin PnL's USD value at the end. */
  readonly netPnl: string;
}

export interface DrawdownSummary {
  /** Largest fall from a running equity peak, in money (≥ 0). */
  readonly max: string;
  /** Largest fall from a running peak as a percentage of that peak. */
  readonly maxPct: number;
  /** The peak, trough and recovery (back at the peak) times of the `max` drawdown; `null` if none. */
  readonly peakTime: number | null;
  readonly troughTime: number | null;
  readonly recoveryTime: number | null;
  /** Duration of the `max` drawdown: peak to recovery, or to the end of the run if it has not recovered. */
  readonly durationMs: number;
  /** Longest time spent below a previous peak (any drawdown). */
  readonly longestMs: number;
  /** Drawdown at the end of the run, in money (≥ 0). */
  readonly current: string;
}

export interface ExposureSummary {
  /** Share of [startTime, endTime] with a non-zero position in any symbol (time-weighted). */
  readonly timeInMarketPct: number | null;
  readonly timeInMarketPctBySymbol: Readonly<Record<string, number>>;
  /**
   * Time-weighted average and maximum of Σ |position| · last price over the run (prices from `prices`, and
   * fill prices where they are newer); `null` when no price is known.
   */
  readonly avgGrossNotional: string | null;
  readonly maxGrossNotional: string | null;
  /** Σ price · qty over all fills. */
  readonly tradedNotional: string;
  /** Time-weighted average equity over the run. */
  readonly averageEquity: string;
  /** tradedNotional / averageEquity; `null` if average equity is not positive. */
  readonly turnover: number | null;
}

export interface TradeSummary {
  readonly fills: number;
  /** Closed round trips. */
  readonly closed: number;
  /** Round trips still open at the end of the record. */
  readonly open: number;
  /** Closed round trips with netPnl > 0, < 0 and = 0. */
  readonly wins: number;
  readonly losses: number;
  readonly breakeven: number;
  /** wins / closed · 100. */
  readonly winRatePct: number | null;
  /** Σ winning netPnl / |Σ losing netPnl|; `null` without a losing trade. */
  readonly profitFactor: number | null;
  readonly averageWin: string | null;
  /** Average losing netPnl (negative). */
  readonly averageLoss: string | null;
  readonly largestWin: string | null;
  readonly largestLoss: string | null;
  /** Σ netPnl / closed. */
  readonly expectancy: string | null;
}

export interface RiskSummary {
  /**
   * Annualised, zero risk-free rate; see {@link periodReturns} for the resampling. `null` on runs too short
   * for an annualised figure to mean anything (see {@link ratioShortfall}) and when undefined.
   */
  readonly sharpe: number | null;
  readonly sortino: number | null;
  /** Why `sharpe` is `null` (e.g. "run shorter than 30 days", "returns do not vary"); `null` when it is a number. */
  readonly sharpeNullReason: string | null;
  /** Why `sortino` is `null` (e.g. "run shorter than 30 days", "no losing period"); `null` when it is a number. */
  readonly sortinoNullReason: string | null;
  /** The period the equity curve was resampled to, and its annualisation factor. */
  readonly returnsPeriodMs: number | null;
  readonly periodsPerYear: number | null;
  readonly returnsCount: number;
}

/**
 * Computes the summary of a run from its record. Throws `DecimalError` if a decimal string in the record is
 * malformed.
 *
 * @example
 * const summary = summarize(record);
 * console.log(summary.pnl.netPnl, summary.drawdown.maxPct, summary.risk.sharpe);
 */
export function summarize(record: RunRecord): RunSummary {
  const { meta } = record;
  const quote = meta.quoteAsset;
  const startingEquity = Decimal.parse(meta.startingEquity);
  const curve = equityCurve(record, startingEquity);
  const endTime = Math.max(meta.endTime, curve[curve.length - 1]?.time ?? meta.endTime);

  // PnL components, on top of what a long run's record folded (`earlier`).
  const { earlier } = record;
  const fillTotals = new FillTotals(meta, earlier);
  for (const fill of record.fills) fillTotals.add(fill);
  const { realized, tradedNotional, fees } = fillTotals;
  const funding = new Map<string, Decimal>();
  for (const f of record.funding) addTo(funding, f.asset, Decimal.parse(f.amount));
  const lastSample = record.equity[record.equity.length - 1];
  const unrealized = lastSample === undefined ? Decimal.ZERO : Decimal.parse(lastSample.unrealizedPnl);
  const quoteFees = fees.get(quote) ?? Decimal.ZERO;
  const quoteFunding = funding.get(quote) ?? Decimal.ZERO;
  const explained = realized.sub(quoteFees).add(quoteFunding).add(unrealized);
  const endingEquity =
    lastSample === undefined ? startingEquity.add(explained) : Decimal.parse(lastSample.equity);
  const netPnl = endingEquity.sub(startingEquity);

  const builder = new RoundTripBuilder(quote, earlier?.openTrades);
  builder.addAll(record.fills);
  const roundTrips = builder.trips(record.funding);
  const tally = new TradeTally(earlier?.closedTrades);
  let open = 0;
  for (const trip of roundTrips) {
    if (trip.closeTime === null) open += 1;
    else tally.add(Decimal.parse(trip.netPnl));
  }

  const periods = periodReturns(curve.map((p) => ({ time: p.time, value: p.equity.toNumber() })));

  const denialsByRule: Record<string, number> = { ...earlier?.denialsByRule };
  for (const d of record.denials) denialsByRule[d.rule] = (denialsByRule[d.rule] ?? 0) + 1;

  return {
    run: { ...meta, durationMs: meta.endTime - meta.startTime },
    pnl: {
      startingEquity: startingEquity.toString(),
      endingEquity: endingEquity.toString(),
      netPnl: netPnl.toString(),
      returnPct: startingEquity.isZero() ? null : ratio(netPnl.mul(100), startingEquity),
      realizedPnl: realized.toString(),
      unrealizedPnl: unrealized.toString(),
      fees: quoteFees.toString(),
      feesByAsset: toRecord(fees),
      funding: quoteFunding.toString(),
      fundingByAsset: toRecord(funding),
      unexplainedPnl: netPnl.sub(explained).normalize().toString(),
      usd: usdValue(record, startingEquity, endingEquity, netPnl),
    },
    drawdown: drawdown(curve, endTime),
    exposure: exposure(record, curve, tradedNotional),
    trades: tradeStats((earlier?.fills ?? 0) + record.fills.length, open, tally),
    risk: riskSummary(periods),
    denials: { count: (earlier?.denials ?? 0) + record.denials.length, byRule: denialsByRule },
    roundTrips,
  };
}

/**
 * A COIN-M run's figures in USD: equity at the coin's index price of the first and last samples
 * that carry one. Undefined on USDⓈ-M and without such samples.
 */
function usdValue(
  record: RunRecord,
  startingEquity: Decimal,
  endingEquity: Decimal,
  netPnl: Decimal,
): UsdValueSummary | null {
  const priced = record.equity.filter((p) => p.usdPrice !== undefined);
  const first = priced[0];
  const last = priced[priced.length - 1];
  if (first === undefined || last === undefined) return null;
  const startPrice = Decimal.parse(first.usdPrice!);
  const endPrice = Decimal.parse(last.usdPrice!);
  const starting = usd(startingEquity.mul(startPrice));
  const ending = usd(endingEquity.mul(endPrice));
  return {
    startPrice: startPrice.toString(),
    endPrice: endPrice.toString(),
    startingEquity: starting.toString(),
    endingEquity: ending.toString(),
    change: ending.sub(starting).toString(),
    netPnl: usd(netPnl.mul(endPrice)).toString(),
  };
}

/** USD figures: cents, half-even. */
function usd(value: Decimal): Decimal {
  return value.round(2, 'half-even');
}

function riskSummary(periods: PeriodReturns | null): RiskSummary {
  const base = {
    returnsPeriodMs: periods?.periodMs ?? null,
    periodsPerYear: periods?.periodsPerYear ?? null,
    returnsCount: periods?.returns.length ?? 0,
  };
  const shortfall = ratioShortfall(periods);
  // (A null `periods` always has a shortfall; it is tested again only so the type narrows below.)
  if (periods === null || shortfall !== null) {
    return {
      sharpe: null,
      sortino: null,
      sharpeNullReason: shortfall,
      sortinoNullReason: shortfall,
      ...base,
    };
  }
  const sharpe = sharpeRatio(periods.returns, periods.periodsPerYear);
  const sortino = sortinoRatio(periods.returns, periods.periodsPerYear);
  // With enough returns, these are the only ways the ratios come out null (see sharpeRatio / sortinoRatio).
  return {
    sharpe,
    sortino,
    sharpeNullReason: sharpe === null ? 'returns do not vary' : null,
    sortinoNullReason: sortino === null ? 'no losing period' : null,
    ...base,
  };
}

interface CurvePoint {
  readonly time: number;
  readonly equity: Decimal;
}

/** The equity samples in time order, preceded by (startTime, startingEquity) if they begin later. */
function equityCurve(record: RunRecord, startingEquity: Decimal): CurvePoint[] {
  const points = record.equity
    .map((p) => ({ time: p.time, equity: Decimal.parse(p.equity) }))
    .sort((a, b) => a.time - b.time);
  const first = points[0];
  if (first === undefined || first.time > record.meta.startTime) {
    points.unshift({ time: record.meta.startTime, equity: startingEquity });
  }
  return points;
}

function drawdown(curve: readonly CurvePoint[], endTime: number): DrawdownSummary {
  let peak = curve[0]!.equity;
  let peakTime = curve[0]!.time;
  let underwater = false;
  let max = Decimal.ZERO;
  let maxPct = 0;
  let maxEpisode: { peakTime: number; troughTime: number; recoveryTime: number | null } | null = null;
  let longestMs = 0;
  let current = Decimal.ZERO;

  for (const p of curve) {
    if (p.equity.gte(peak)) {
      if (underwater) {
        longestMs = Math.max(longestMs, p.time - peakTime);
        if (maxEpisode !== null && maxEpisode.peakTime === peakTime && maxEpisode.recoveryTime === null) {
          maxEpisode.recoveryTime = p.time;
        }
        underwater = false;
      }
      peak = p.equity;
      peakTime = p.time;
      current = Decimal.ZERO;
      continue;
    }
    underwater = true;
    current = peak.sub(p.equity);
    if (current.gt(max)) {
      max = current;
      maxEpisode = { peakTime, troughTime: p.time, recoveryTime: null };
    }
    if (peak.isPositive()) maxPct = Math.max(maxPct, ratio(current.mul(100), peak));
  }
  if (underwater) longestMs = Math.max(longestMs, endTime - peakTime);

  return {
    max: max.toString(),
    maxPct,
    peakTime: maxEpisode?.peakTime ?? null,
    troughTime: maxEpisode?.troughTime ?? null,
    recoveryTime: maxEpisode?.recoveryTime ?? null,
    durationMs: maxEpisode === null ? 0 : (maxEpisode.recoveryTime ?? endTime) - maxEpisode.peakTime,
    longestMs,
    current: current.toString(),
  };
}

function exposure(record: RunRecord, curve: readonly CurvePoint[], tradedNotional: Decimal): ExposureSummary {
  const { startTime, endTime } = record.meta;
  const span = endTime - startTime;
  const { earlier } = record;
  const sweep = new ExposureSweep(record.meta, earlier?.exposure);
  sweep.feed(sweepEvents(record, earlier?.until ?? Number.NEGATIVE_INFINITY, endTime, earlier === undefined));
  const { inMarketMs, inMarketMsBySymbol, notionalTime, maxGross, priced } = sweep.totals(endTime);
  const symbols = new Set<string>([
    ...Object.keys(record.positions),
    ...record.fills.map((f) => f.symbol),
    ...Object.keys(earlier?.exposure.amounts ?? {}),
  ]);

  const byPct: Record<string, number> = {};
  for (const symbol of [...symbols].sort()) {
    byPct[symbol] = span > 0 ? ((inMarketMsBySymbol.get(symbol) ?? 0) / span) * 100 : 0;
  }

  const averageEquity = timeWeightedEquity(curve, startTime, endTime);
  return {
    timeInMarketPct: span > 0 ? (inMarketMs / span) * 100 : null,
    timeInMarketPctBySymbol: byPct,
    avgGrossNotional:
      span > 0 && priced ? notionalTime.div(span, AVERAGE_SCALE, 'half-even').normalize().toString() : null,
    maxGrossNotional: priced && maxGross !== null ? maxGross.normalize().toString() : null,
    tradedNotional: tradedNotional.toString(),
    averageEquity: averageEquity.toString(),
    turnover: averageEquity.isPositive() ? ratio(tradedNotional, averageEquity) : null,
  };
}

/** Time-weighted mean of the equity step curve over [startTime, endTime] (the last value if the span is 0). */
function timeWeightedEquity(curve: readonly CurvePoint[], startTime: number, endTime: number): Decimal {
  const last = curve[curve.length - 1]!;
  if (endTime <= startTime) return last.equity;
  let sum = Decimal.ZERO;
  let value = curve[0]!.equity;
  let prev = startTime;
  for (const p of curve) {
    const t = Math.min(Math.max(p.time, startTime), endTime);
    if (t > prev) sum = sum.add(value.mul(BigInt(t - prev)));
    prev = Math.max(prev, t);
    value = p.equity;
  }
  if (endTime > prev) sum = sum.add(value.mul(BigInt(endTime - prev)));
  return sum.div(endTime - startTime, AVERAGE_SCALE, 'half-even').normalize();
}

function tradeStats(fills: number, open: number, tally: TradeTally): TradeSummary {
  const { closed: n, wins, losses, grossProfit, grossLoss, total, largestWin, largestLoss } = tally;
  return {
    fills,
    closed: n,
    open,
    wins,
    losses,
    breakeven: n - wins - losses,
    winRatePct: n === 0 ? null : (wins / n) * 100,
    profitFactor: grossLoss.isZero() ? null : ratio(grossProfit, grossLoss),
    averageWin: wins === 0 ? null : mean(grossProfit, wins),
    averageLoss: losses === 0 ? null : mean(grossLoss.neg(), losses),
    largestWin: largestWin?.toString() ?? null,
    largestLoss: largestLoss?.toString() ?? null,
    expectancy: n === 0 ? null : mean(total, n),
  };
}

function mean(sum: Decimal, n: number): string {
  return sum.div(n, AVERAGE_SCALE, 'half-even').normalize().toString();
}

/** a / b as a float, for ratios only (the division is exact to 18 digits before the conversion). */
function ratio(a: Decimal, b: Decimal): number {
  return a.div(b, 18, 'half-even').toNumber();
}

function addTo(map: Map<string, Decimal>, key: string, value: Decimal): void {
  map.set(key, (map.get(key) ?? Decimal.ZERO).add(value));
}

function toRecord(map: ReadonlyMap<string, Decimal>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!.toString();
  return out;
}
