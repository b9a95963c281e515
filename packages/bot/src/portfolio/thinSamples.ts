const DAY_MS = 86_400_000;
const BUCKET = 4;

/**
 * Halves a long series of samples so a run of weeks keeps bounded memory, keeping what the report
 * reads from it: in each run of 4 consecutive points the lowest and the highest (peaks, troughs and
 * spikes stay on the charts and in the drawdown), the last point of each UTC day (the daily closes
 * that Sharpe and Sortino are computed from), and the series' first and last points. Order is kept.
 * What is lost: the points between a bucket's extremes, so a drawdown whose peak and trough fall in
 * one bucket, in the wrong order, can read smaller than it was (as sampling itself misses moves
 * between samples).
 */
export function thinSamples<T extends { readonly time: number }>(
  points: readonly T[],
  value: (point: T) => number,
): T[] {
  const kept: T[] = [];
  const last = points.length - 1;
  for (let start = 0; start <= last; start += BUCKET) {
    const end = Math.min(last + 1, start + BUCKET);
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      const v = value(points[i]!);
      if (v < value(points[low]!)) low = i;
      if (v > value(points[high]!)) high = i;
    }
    for (let i = start; i < end; i++) {
      if (i === low || i === high || i === 0 || i === last || closesDay(points, i)) kept.push(points[i]!);
    }
  }
  return kept;
}

function closesDay(points: readonly { readonly time: number }[], i: number): boolean {
  const next = points[i + 1];
  return next !== undefined && Math.floor(next.time / DAY_MS) !== Math.floor(points[i]!.time / DAY_MS);
}
