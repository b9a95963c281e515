import { Decimal } from '@basis/core';
import type { RunRecord } from './runRecord.js';

/** Most points a chart series carries; longer series are reduced to the min and max of equal buckets. */
export const MAX_CHART_POINTS = 4000;

/** `[time in UTC seconds, value]`; times strictly increasing (what lightweight-charts requires). */
export type ChartPoint = readonly [number, number];

export interface ChartMarker {
  /** A time of the symbol's price series (the fill's time snapped to the bar at or before it). */
  readonly time: number;
  readonly side: 'BUY' | 'SELL';
  /** `entry` opens or adds, `exit` reduces or closes, `flip` closes and reopens the other way. */
  readonly kind: 'entry' | 'exit' | 'flip';
  readonly price: string;
  readonly qty: string;
}

export interface SymbolChart {
  readonly symbol: string;
  readonly price: readonly ChartPoint[];
  readonly pricePrecision: number;
  readonly markers: readonly ChartMarker[];
  readonly position: readonly ChartPoint[];
  readonly positionPrecision: number;
}

/** What the report's charts draw. Floats here are chart coordinates only. */
export interface ChartData {
  readonly equity: readonly ChartPoint[];
  /** Digits the equity axis shows: 2 for a quote asset, 8 for a coin (COIN-M). */
  readonly equityPrecision: number;
  /** COIN-M runs: the equity's USD value at each sample (the record's `usdValue`); empty otherwise. */
  readonly equityUsd: readonly ChartPoint[];
  /** Drawdown from the running peak, in percent (≤ 0). */
  readonly drawdownPct: readonly ChartPoint[];
  readonly symbols: readonly SymbolChart[];
}

/** Builds the chart series of a record: seconds, deduplicated (last value wins), downsampled. */
export function buildChartData(record: RunRecord): ChartData {
  const { meta } = record;
  const equitySamples: [number, number][] = [];
  if (record.equity.length === 0 || record.equity[0]!.time > meta.startTime) {
    equitySamples.push([meta.startTime, Number(meta.startingEquity)]);
  }
  for (const p of record.equity) equitySamples.push([p.time, Number(p.equity)]);
  const equity = toSeconds(equitySamples);

  const drawdown: [number, number][] = [];
  let peak = Number.NEGATIVE_INFINITY;
  for (const [t, v] of equity) {
    peak = Math.max(peak, v);
    drawdown.push([t, peak > 0 ? (v / peak - 1) * 100 : 0]);
  }

  const symbols = [
    ...new Set([
      ...meta.symbols,
      ...Object.keys(record.prices),
      ...Object.keys(record.positions),
      ...record.fills.map((f) => f.symbol),
    ]),
  ];
  const usd = record.equity.flatMap((p): [number, number][] =>
    p.usdValue === undefined ? [] : [[p.time, Number(p.usdValue)]],
  );
  return {
    equity: downsample(equity),
    equityPrecision: meta.contractSizes === undefined ? 2 : 8,
    equityUsd: downsample(toSeconds(usd)),
    drawdownPct: downsample(drawdown),
    symbols: symbols.map((symbol) => symbolChart(record, symbol)),
  };
}

function symbolChart(record: RunRecord, symbol: string): SymbolChart {
  const fills = record.fills
    .map((fill, index) => ({ fill, index }))
    .filter((f) => f.fill.symbol === symbol)
    .sort((a, b) => a.fill.time - b.fill.time || a.index - b.index)
    .map((f) => f.fill);
  const pricePoints = record.prices[symbol] ?? [];
  const priceSource =
    pricePoints.length > 0 ? pricePoints : fills.map((f) => ({ time: f.time, price: f.price }));
  const price = downsample(toSeconds(priceSource.map((p) => [p.time, Number(p.price)])));
  // The tick's decimals (BTCUSDT 0.10 → 1), not the mark price's 8; records without ticks: the prices'.
  const tick = record.meta.tickSizes?.[symbol];
  const pricePrecision =
    tick === undefined ? precisionOf(priceSource.map((p) => p.price)) : precisionOf([trimZeros(tick)]);

  let position = Decimal.ZERO;
  const derivedPositions: { time: number; amount: string }[] = [];
  const markers: ChartMarker[] = [];
  for (const fill of fills) {
    const qty = Decimal.parse(fill.qty);
    const next = fill.side === 'BUY' ? position.add(qty) : position.sub(qty);
    const kind =
      position.isZero() || position.sign() === (fill.side === 'BUY' ? 1 : -1)
        ? 'entry'
        : next.isZero() || next.sign() === position.sign()
          ? 'exit'
          : 'flip';
    position = next;
    derivedPositions.push({ time: fill.time, amount: position.toString() });
    markers.push({
      time: snap(price, fill.time / 1000),
      side: fill.side,
      kind,
      price: fill.price,
      qty: fill.qty,
    });
  }

  const positionSource =
    (record.positions[symbol]?.length ?? 0) > 0 ? record.positions[symbol]! : derivedPositions;
  const positionSamples: [number, number][] = positionSource.map((p) => [p.time, Number(p.amount)]);
  const lastPosition = positionSamples[positionSamples.length - 1];
  if (lastPosition !== undefined && record.meta.endTime > lastPosition[0]) {
    positionSamples.push([record.meta.endTime, lastPosition[1]]);
  }
  if (positionSamples.length > 0 && positionSamples[0]![0] > record.meta.startTime) {
    positionSamples.unshift([record.meta.startTime, 0]);
  }

  return {
    symbol,
    price,
    pricePrecision,
    markers: markers.sort((a, b) => a.time - b.time),
    position: downsample(toSeconds(positionSamples)),
    positionPrecision: precisionOf(positionSource.map((p) => p.amount)),
  };
}

/** ms → whole seconds, sorted, one point per second (the last one). */
function toSeconds(points: readonly (readonly [number, number])[]): ChartPoint[] {
  const sorted = points
    .map(([t, v], i) => ({ t: Math.floor(t / 1000), v, i }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const out: [number, number][] = [];
  for (const { t, v } of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === t) last[1] = v;
    else out.push([t, v]);
  }
  return out;
}

/** Keeps the first and last point and, per bucket, the lowest and highest point in time order. */
export function downsample(points: readonly ChartPoint[], max = MAX_CHART_POINTS): ChartPoint[] {
  if (points.length <= max) return [...points];
  const buckets = Math.floor((max - 2) / 2);
  const inner = points.length - 2;
  const out: ChartPoint[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (points[i]![1] < points[lo]![1]) lo = i;
      if (points[i]![1] > points[hi]![1]) hi = i;
    }
    if (lo === hi) out.push(points[lo]!);
    else if (lo < hi) out.push(points[lo]!, points[hi]!);
    else out.push(points[hi]!, points[lo]!);
  }
  out.push(points[points.length - 1]!);
  return out;
}

/** The time of the last point at or before `time` (the first point if none); `time` if there are none. */
function snap(series: readonly ChartPoint[], time: number): number {
  if (series.length === 0) return Math.floor(time);
  let lo = 0;
  let hi = series.length - 1;
  if (series[0]![0] > time) return series[0]![0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (series[mid]![0] <= time) lo = mid;
    else hi = mid - 1;
  }
  return series[lo]![0];
}

/** `0.10` → `0.1`, `1.00` → `1`. */
function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

function precisionOf(values: readonly string[]): number {
  let max = 0;
  for (const v of values) {
    const dot = v.indexOf('.');
    if (dot >= 0) max = Math.max(max, v.length - dot - 1);
  }
  return Math.min(max, 8);
}
