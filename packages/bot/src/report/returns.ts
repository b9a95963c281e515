export const DAY_MS = 86_400_000;
/** Crypto futures trade every day of the year, so a year is 365 days of any period (not 252 sessions). */
export const YEAR_MS = 365 * DAY_MS;
/** Runs spanning at least this long are resampled to UTC days; shorter runs use their own sample period. */
export const DAILY_RESAMPLE_MIN_SPAN_MS = 7 * DAY_MS;

/**
 * Shortest run for which annualised ratios are reported. Whatever the sampling, the standard error of an
 * annualised Sharpe ratio is about √(1 / years covered) (Lo, 2002): ±19 after one day, ±3.5 after 30 days,
 * so a shorter run gives noise scaled up by √periodsPerYear rather than a figure. At 30 days the returns are
 * always daily (see {@link DAILY_RESAMPLE_MIN_SPAN_MS}), so intraday noise is never annualised, and a run
 * never loses its ratios by running longer (a one-day floor would show them for 1–7-day runs, which use
 * intraday periods, yet hide them for 7–29-day runs, which have fewer than 30 daily returns).
 */
export const MIN_RATIO_SPAN_MS = 30 * DAY_MS;
/**
 * Fewest returns for annualised ratios: about the least a sample standard deviation is trusted on. It matters
 * when the equity curve skips days (daily resampling has no value for a day without a sample).
 */
export const MIN_RATIO_RETURNS = 30;

export interface EquitySample {
  readonly time: number;
  /** Equity as a float: only ratios are taken from it. */
  readonly value: number;
}

export interface PeriodReturns {
  /** Time from the first to the last sample, in ms. */
  readonly spanMs: number;
  /** Length of one period in ms. */
  readonly periodMs: number;
  readonly periodsPerYear: number;
  /** Simple returns `E[k] / E[k-1] − 1`, one per period. */
  readonly returns: readonly number[];
}

/**
 * Resamples an equity curve (time-ordered, first sample = starting equity) to fixed periods and returns the
 * period returns.
 *
 * - Span ≥ {@link DAILY_RESAMPLE_MIN_SPAN_MS}: one value per UTC day, the last sample of that day (the first
 *   and last days may be partial), preceded by the first sample; so N days give N returns.
 * - Shorter spans: the period is the median spacing of the samples, and the values are the last sample at
 *   or before `first.time + k·period` for k = 0…⌊span / period⌋.
 *
 * Annualisation uses `periodsPerYear = 365 days / period`. Returns `null` if there are fewer than two
 * samples or the samples do not advance in time.
 */
export function periodReturns(samples: readonly EquitySample[]): PeriodReturns | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || samples.length < 2) return null;
  const span = last.time - first.time;
  if (span <= 0) return null;

  let periodMs: number;
  const values: number[] = [first.value];
  if (span >= DAILY_RESAMPLE_MIN_SPAN_MS) {
    periodMs = DAY_MS;
    // Last sample of each UTC day; the first day is skipped when it holds only the first sample.
    const closes: { day: number; value: number; count: number }[] = [];
    for (const s of samples) {
      const day = Math.floor(s.time / DAY_MS);
      const current = closes[closes.length - 1];
      if (current !== undefined && current.day === day) {
        current.value = s.value;
        current.count += 1;
      } else {
        closes.push({ day, value: s.value, count: 1 });
      }
    }
    for (const [i, c] of closes.entries()) if (i > 0 || c.count > 1) values.push(c.value);
  } else {
    const gaps: number[] = [];
    for (let i = 1; i < samples.length; i++) {
      const gap = samples[i]!.time - samples[i - 1]!.time;
      if (gap > 0) gaps.push(gap);
    }
    gaps.sort((a, b) => a - b);
    periodMs = gaps[Math.floor((gaps.length - 1) / 2)]!;
    const steps = Math.floor(span / periodMs);
    let j = 0;
    for (let k = 1; k <= steps; k++) {
      const boundary = first.time + k * periodMs;
      while (j + 1 < samples.length && samples[j + 1]!.time <= boundary) j++;
      values.push(samples[j]!.value);
    }
  }

  const returns: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]!;
    returns.push(prev === 0 ? 0 : values[i]! / prev - 1);
  }
  return { spanMs: span, periodMs, periodsPerYear: YEAR_MS / periodMs, returns };
}

/**
 * Why annualised ratios over `periods` would not mean anything (too short a run or too few returns, see
 * {@link MIN_RATIO_SPAN_MS} and {@link MIN_RATIO_RETURNS}), as a short phrase for a report; `null` if they
 * can be shown. `null` periods (no two samples apart in time) count as a run that is too short.
 */
export function ratioShortfall(periods: PeriodReturns | null): string | null {
  if (periods === null || periods.spanMs < MIN_RATIO_SPAN_MS) {
    return `run shorter than ${MIN_RATIO_SPAN_MS / DAY_MS} days`;
  }
  if (periods.returns.length < MIN_RATIO_RETURNS) {
    return `only ${periods.returns.length} return periods (${MIN_RATIO_RETURNS} needed)`;
  }
  return null;
}

/**
 * Annualised Sharpe ratio with a zero risk-free rate: `mean / stdev · √periodsPerYear`, stdev with n − 1.
 * `null` with fewer than 2 returns or zero deviation.
 */
export function sharpeRatio(returns: readonly number[], periodsPerYear: number): number | null {
  if (returns.length < 2) return null;
  const m = mean(returns);
  let ss = 0;
  for (const r of returns) ss += (r - m) ** 2;
  const sd = Math.sqrt(ss / (returns.length - 1));
  if (sd === 0 || !Number.isFinite(sd)) return null;
  return (m / sd) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sortino ratio with a zero target: `mean / downside deviation · √periodsPerYear`, where the
 * downside deviation is `√(Σ min(r, 0)² / n)` over all n returns. `null` with fewer than 2 returns or no
 * negative return.
 */
export function sortinoRatio(returns: readonly number[], periodsPerYear: number): number | null {
  if (returns.length < 2) return null;
  let ss = 0;
  for (const r of returns) if (r < 0) ss += r * r;
  const dd = Math.sqrt(ss / returns.length);
  if (dd === 0 || !Number.isFinite(dd)) return null;
  return (mean(returns) / dd) * Math.sqrt(periodsPerYear);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
