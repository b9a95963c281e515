import { describe, expect, test } from 'vitest';
import {
  DAY_MS,
  MIN_RATIO_RETURNS,
  MIN_RATIO_SPAN_MS,
  type PeriodReturns,
  periodReturns,
  ratioShortfall,
  sharpeRatio,
  sortinoRatio,
} from './returns.js';

describe('sharpeRatio / sortinoRatio', () => {
  test('default', () => {
    // mean 0.005; sample variance (0.005² + 0.025² + 0.025² + 0.005²) / 3 = 0.0013 / 3
    const returns = [0.01, -0.02, 0.03, 0];
    expect(sharpeRatio(returns, 4)).toBeCloseTo((0.005 / Math.sqrt(0.0013 / 3)) * 2, 12);
    // downside deviation √(0.02² / 4) = 0.01
    expect(sortinoRatio(returns, 4)).toBeCloseTo((0.005 / 0.01) * 2, 12);
  });

  test('behavior: null with fewer than 2 returns, no dispersion or no losing period', () => {
    expect(sharpeRatio([], 365)).toBeNull();
    expect(sharpeRatio([0.01], 365)).toBeNull();
    expect(sortinoRatio([0.01], 365)).toBeNull();
    expect(sharpeRatio([0.01, 0.01], 365)).toBeNull();
    expect(sortinoRatio([0.01, 0.02], 365)).toBeNull();
    expect(sharpeRatio([0.01, 0.02], 365)).not.toBeNull();
  });
});

describe('periodReturns', () => {
  test('default', () => {
    // 8 UTC days at midnight: the first day holds only the first sample, so 7 daily returns.
    const values = [100, 110, 99, 99, 120, 120, 90, 100];
    const samples = values.map((value, day) => ({ time: Date.UTC(2026, 0, 1) + day * DAY_MS, value }));
    const periods = periodReturns(samples);
    expect(periods?.spanMs).toBe(7 * DAY_MS);
    expect(periods?.periodMs).toBe(DAY_MS);
    expect(periods?.periodsPerYear).toBe(365);
    expect(periods?.returns).toEqual(values.slice(1).map((v, i) => v / values[i]! - 1));
  });

  test('behavior: daily values are the last sample of each UTC day', () => {
    const t0 = Date.UTC(2026, 0, 1, 12);
    const samples = [
      { time: t0, value: 100 },
      { time: t0 + 6 * 3600_000, value: 105 },
      { time: t0 + 24 * 3600_000, value: 90 },
      { time: t0 + 30 * 3600_000, value: 99 },
      { time: t0 + 8 * DAY_MS, value: 110 },
    ];
    // day 1 closes at 105 (2 samples), day 2 at 99, day 9 at 110
    expect(periodReturns(samples)?.returns).toEqual([105 / 100 - 1, 99 / 105 - 1, 110 / 99 - 1]);
  });

  test('behavior: short runs use the median sample spacing and hold the last value', () => {
    const samples = [
      { time: 0, value: 100 },
      { time: 60_000, value: 101 },
      { time: 90_000, value: 102 },
      { time: 180_000, value: 99 },
      { time: 240_000, value: 100 },
    ];
    // gaps 60, 30, 90, 60 s → 60 s; values at 0, 60, 120, 180, 240 s: 100, 101, 102, 99, 100
    const periods = periodReturns(samples);
    expect(periods?.periodMs).toBe(60_000);
    expect(periods?.periodsPerYear).toBe(365 * 24 * 60);
    expect(periods?.returns).toEqual([101 / 100 - 1, 102 / 101 - 1, 99 / 102 - 1, 100 / 99 - 1]);
  });

  test('behavior: null without two samples spread in time', () => {
    expect(periodReturns([])).toBeNull();
    expect(periodReturns([{ time: 0, value: 1 }])).toBeNull();
    expect(
      periodReturns([
        { time: 5, value: 1 },
        { time: 5, value: 2 },
      ]),
    ).toBeNull();
  });
});

describe('ratioShortfall', () => {
  const periods = (spanMs: number, count: number): PeriodReturns => ({
    spanMs,
    periodMs: DAY_MS,
    periodsPerYear: 365,
    returns: Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 0.01 : -0.005)),
  });

  test('default', () => {
    expect(MIN_RATIO_SPAN_MS).toBe(30 * DAY_MS);
    expect(MIN_RATIO_RETURNS).toBe(30);
    expect(ratioShortfall(periods(30 * DAY_MS, 30))).toBeNull();
    expect(ratioShortfall(periods(365 * DAY_MS, 365))).toBeNull();
  });

  test('behavior: a run shorter than 30 days, or fewer than 30 returns, is not annualised', () => {
    expect(ratioShortfall(null)).toBe('run shorter than 30 days');
    expect(ratioShortfall(periods(30 * DAY_MS - 1, 60))).toBe('run shorter than 30 days');
    // A two-minute paper run sampled every second: plenty of returns, far too short.
    expect(ratioShortfall({ ...periods(120_000, 120), periodMs: 1000, periodsPerYear: 365 * 86_400 })).toBe(
      'run shorter than 30 days',
    );
    expect(ratioShortfall(periods(40 * DAY_MS, 29))).toBe('only 29 return periods (30 needed)');
  });
});
