import { createRng } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { IndexProcess, indexParamsFromSpec, YEAR_MS } from './indexProcess.js';

/** Annualised realised volatility of `steps` log returns of `dtMs` each. */
function realisedVolatility(index: IndexProcess, steps: number, dtMs: number): number {
  let previous = Math.log(index.price.toNumber());
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < steps; i++) {
    const next = Math.log(index.advance(dtMs).toNumber());
    const r = next - previous;
    sum += r;
    sumSq += r * r;
    previous = next;
  }
  const variance = (sumSq - (sum * sum) / steps) / (steps - 1);
  return Math.sqrt(variance * (YEAR_MS / dtMs));
}

describe('IndexProcess', () => {
  test('default', () => {
    const index = new IndexProcess({ initialPrice: '96000.00', annualVolatility: 0.5 }, createRng(1));
    expect(index.price.toString()).toBe('96000.00000000');
    const next = index.advance(1000);
    expect(next.scale).toBe(8);
    expect(next.eq('96000')).toBe(false);
    expect(Math.abs(next.toNumber() / 96000 - 1)).toBeLessThan(0.01);
  });

  test('behavior: the same seed gives the same path', () => {
    const a = new IndexProcess({ initialPrice: '3400', annualVolatility: 0.65 }, createRng('seed'));
    const b = new IndexProcess({ initialPrice: '3400', annualVolatility: 0.65 }, createRng('seed'));
    const c = new IndexProcess({ initialPrice: '3400', annualVolatility: 0.65 }, createRng('other'));
    const pathA = Array.from({ length: 100 }, () => a.advance(250).toString());
    const pathB = Array.from({ length: 100 }, () => b.advance(250).toString());
    const pathC = Array.from({ length: 100 }, () => c.advance(250).toString());
    expect(pathA).toEqual(pathB);
    expect(pathA).not.toEqual(pathC);
  });

  test('behavior: realised volatility over 10,000 steps is within ±20% of the configured one', () => {
    for (const [sigma, dtMs, seed] of [
      [0.5, 60_000, 7],
      [0.8, 1_000, 8],
      [0.2, 3_600_000, 9],
    ] as const) {
      const index = new IndexProcess({ initialPrice: '100', annualVolatility: sigma }, createRng(seed));
      const realised = realisedVolatility(index, 10_000, dtMs);
      expect(realised / sigma).toBeGreaterThan(0.8);
      expect(realised / sigma).toBeLessThan(1.2);
    }
  });

  test('behavior: moveTo follows a log-linear path and lands exactly on the target', () => {
    const index = new IndexProcess({ initialPrice: '100', annualVolatility: 0.5 }, createRng(3));
    index.moveTo('400', 10_000);
    expect(index.moving).toBe(true);
    expect(index.advance(5_000).toNumber()).toBeCloseTo(200, 6); // geometric midpoint
    expect(index.advance(5_000).toString()).toBe('400.00000000');
    expect(index.moving).toBe(false);
    expect(index.advance(1_000).eq('400')).toBe(false); // the walk resumes
    index.moveTo('50', 1_000);
    const after = index.advance(2_000); // 1 s of move, then 1 s of walk
    expect(Math.abs(after.toNumber() / 50 - 1)).toBeLessThan(0.01);
    index.set('123.456');
    expect(index.price.toString()).toBe('123.45600000');
    expect(index.advance(0).toString()).toBe('123.45600000');
  });

  test('behavior: jumps are off by default and move the price when on', () => {
    const still = new IndexProcess({ initialPrice: '100', annualVolatility: 0 }, createRng(4));
    for (let i = 0; i < 100; i++) still.advance(86_400_000);
    expect(still.price.toString()).toBe('100.00000000');
    const jumpy = new IndexProcess(
      {
        initialPrice: '100',
        annualVolatility: 0,
        jumps: { intensityPerYear: 365, meanLogJump: 0, stdLogJump: 0.05 },
      },
      createRng(4),
    );
    const moves = new Set<string>();
    for (let i = 0; i < 100; i++) moves.add(jumpy.advance(86_400_000).toString());
    expect(moves.size).toBeGreaterThan(20); // about 63% of days have a jump
  });

  test('behavior: parameters come from the symbol spec', () => {
    const params = indexParamsFromSpec(DEFAULT_SYMBOLS[0]!);
    expect(params).toEqual({ initialPrice: '96000.00', annualVolatility: 0.5 });
    expect(() => new IndexProcess({ initialPrice: '0', annualVolatility: 0.5 }, createRng(1))).toThrow(/> 0/);
    expect(() => new IndexProcess({ initialPrice: '1', annualVolatility: -1 }, createRng(1))).toThrow(
      /annualVolatility/,
    );
  });
});
