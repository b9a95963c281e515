import { createRng, Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { periodReturns } from '../report/returns.js';
import type { RunMeta } from '../report/runRecord.js';
import { summarize } from '../report/summarize.js';
import { RunRecorder } from './recorder.js';
import { thinSamples } from './thinSamples.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);

/** A seeded random walk sampled every `everyMs`. */
function walk(count: number, everyMs: number, seed: string): { time: number; value: number }[] {
  const rng = createRng(seed);
  let value = 10_000;
  return Array.from({ length: count }, (_, i) => {
    value += (rng.next() - 0.5) * 20;
    return { time: START + i * everyMs, value: Math.round(value * 100) / 100 };
  });
}

describe('thinSamples', () => {
  test("default: keeps about half: each bucket's lowest and highest point, in order, and both ends", () => {
    const points = walk(1_001, 1_000, 'thin');
    const kept = thinSamples(points, (p) => p.value);
    expect(kept.length).toBeLessThanOrEqual(Math.ceil(points.length / 2) + 2);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    expect(kept.every((p, i) => i === 0 || p.time > kept[i - 1]!.time)).toBe(true);
    for (let start = 0; start < points.length; start += 4) {
      const bucket = points.slice(start, start + 4);
      const values = bucket.map((p) => p.value);
      const inBucket = kept.filter((p) => bucket.includes(p)).map((p) => p.value);
      expect(inBucket).toContain(Math.min(...values));
      expect(inBucket).toContain(Math.max(...values));
    }
  });

  test('behavior: the last sample of each UTC day stays, so daily closes (Sharpe, Sortino) are unchanged', () => {
    const points = walk(10 * 24 * 60, 60_000, 'days'); // 10 days, a sample a minute
    let kept = points;
    for (let round = 0; round < 5; round++) kept = thinSamples(kept, (p) => p.value);
    expect(kept.length).toBeLessThan(points.length / 16);
    const dayCloses = (series: readonly { time: number; value: number }[]) =>
      series.filter((p, i) => {
        const next = series[i + 1];
        return next === undefined || Math.floor(next.time / DAY) !== Math.floor(p.time / DAY);
      });
    expect(dayCloses(kept)).toEqual(dayCloses(points));
    // Over 7 days the returns are daily: the same from the thinned series.
    const returns = (series: readonly { time: number; value: number }[]) => periodReturns(series);
    expect(returns(kept)).toEqual(returns(points));
  });
});

describe('RunRecorder samples', () => {
  const meta = (endTime: number): RunMeta => ({
    strategy: 'thin',
    mode: 'paper',
    env: 'local',
    symbols: ['BTCUSDT'],
    startTime: START,
    endTime,
    quoteAsset: 'USDT',
    startingEquity: '10000',
  });

  function record(capacity: number, points: readonly { time: number; value: number }[]) {
    const recorder = new RunRecorder(['BTCUSDT'], () => meta(points.at(-1)!.time), {
      sampleCapacity: capacity,
    });
    for (const p of points) {
      const equity = Decimal.parse(p.value.toFixed(2));
      recorder.sample(p.time, equity, Decimal.ZERO, () => equity.mul(10));
    }
    return recorder.build(meta(points.at(-1)!.time));
  }

  test('behavior: a long run keeps at most the capacity of samples per series, extremes and the end intact', () => {
    const points = walk(20_000, 1_000, 'long');
    const full = record(1_000_000, points);
    const bounded = record(256, points);
    expect(full.equity).toHaveLength(20_000);
    expect(bounded.equity.length).toBeLessThan(256);
    expect(bounded.prices.BTCUSDT!.length).toBeLessThan(256);
    expect(bounded.equity.at(-1)).toEqual(full.equity.at(-1));
    const values = (r: typeof full) => r.equity.map((p) => Number(p.equity));
    expect(Math.min(...values(bounded))).toBe(Math.min(...values(full)));
    expect(Math.max(...values(bounded))).toBe(Math.max(...values(full)));
    // Drawdown from the thinned curve: never more than the full one's, and close to it.
    const fullDrawdown = Number(summarize(full).drawdown.max);
    const boundedDrawdown = Number(summarize(bounded).drawdown.max);
    expect(boundedDrawdown).toBeLessThanOrEqual(fullDrawdown);
    expect(boundedDrawdown).toBeGreaterThan(fullDrawdown * 0.9);
  });
});
