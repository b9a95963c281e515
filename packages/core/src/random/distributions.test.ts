import { describe, expect, test } from 'vitest';
import { exponential, logGamma, normal, poisson } from './distributions.js';
import { RandomArgumentError } from './errors.js';
import { createRng } from './rng.js';

const N = 100_000;

function sample(n: number, draw: () => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(draw());
  return out;
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

describe('normal', () => {
  test('default', () => {
    const rng = createRng('normal');
    const { mean, variance } = meanAndVariance(sample(N, () => normal(rng)));
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  test('behavior: mean and stdDev scale; tails look Gaussian', () => {
    const rng = createRng('normal-2');
    const values = sample(N, () => normal(rng, 100, 5));
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean - 100)).toBeLessThan(0.08);
    expect(Math.abs(variance - 25)).toBeLessThan(0.6);
    // P(|Z| > 1.96) = 5%.
    const outside = values.filter((v) => Math.abs(v - 100) > 1.96 * 5).length / N;
    expect(Math.abs(outside - 0.05)).toBeLessThan(0.004);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  test('behavior: deterministic; stdDev 0 gives the mean; invalid parameters throw', () => {
    expect(sample(5, () => normal(createRng(1)))).toEqual(sample(5, () => normal(createRng(1))));
    expect(normal(createRng(1), 3, 0)).toBe(3);
    expect(() => normal(createRng(1), 0, -1)).toThrow(RandomArgumentError);
    expect(() => normal(createRng(1), Number.NaN)).toThrow(RandomArgumentError);
  });
});

describe('exponential', () => {
  test('default', () => {
    const rng = createRng('exp');
    const values = sample(N, () => exponential(rng, 2));
    expect(values.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 0.25)).toBeLessThan(0.015);
  });

  test('behavior: memoryless tail, P(X > 1/rate) = 1/e', () => {
    const rng = createRng('exp-tail');
    const share = sample(N, () => exponential(rng, 0.004)).filter((v) => v > 250).length / N;
    expect(Math.abs(share - Math.exp(-1))).toBeLessThan(0.006);
  });

  test('behavior: invalid rates throw', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => exponential(createRng(1), rate)).toThrow(RandomArgumentError);
    }
  });
});

describe('poisson', () => {
  test('default', () => {
    const rng = createRng('poisson');
    const values = sample(N, () => poisson(rng, 3));
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean - 3)).toBeLessThan(0.03);
    expect(Math.abs(variance - 3)).toBeLessThan(0.08);
  });

  test.each([0.05, 9.99, 10, 50, 1_000, 1e6])('behavior: mean and variance match lambda = %s', (lambda) => {
    const rng = createRng(`poisson-${lambda}`);
    const values = sample(N, () => poisson(rng, lambda));
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    // Five standard errors of the mean, and a loose 5% band on the variance.
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / N));
    expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
  });

  test('behavior: the rejection branch reproduces the exact pmf (lambda = 15)', () => {
    const lambda = 15;
    const rng = createRng('pmf');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = poisson(rng, lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // Chi-square over k = 5..25 (each expected count > 100), with the two tails pooled.
    let chi2 = 0;
    let lowObserved = 0;
    let lowExpected = 0;
    let highObserved = N;
    let highExpected = 1;
    for (let k = 0; k <= 25; k++) {
      const p = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
      const observed = counts.get(k) ?? 0;
      highObserved -= observed;
      highExpected -= p;
      if (k < 5) {
        lowObserved += observed;
        lowExpected += p;
      } else {
        chi2 += (observed - N * p) ** 2 / (N * p);
      }
    }
    chi2 += (lowObserved - N * lowExpected) ** 2 / (N * lowExpected);
    chi2 += (highObserved - N * highExpected) ** 2 / (N * highExpected);
    // 23 cells, 22 degrees of freedom: the 99.9th percentile is 48.3.
    expect(chi2).toBeLessThan(48.3);
  });

  test('behavior: lambda 0 gives 0; invalid lambdas throw', () => {
    expect(poisson(createRng(1), 0)).toBe(0);
    for (const lambda of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => poisson(createRng(1), lambda)).toThrow(RandomArgumentError);
    }
  });
});

describe('logGamma', () => {
  test('default', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 12);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9);
  });

  test('behavior: satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    for (const x of [0.01, 0.3, 1.5, 6.9, 7, 7.1, 42.42, 1e5]) {
      expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 9);
    }
  });

  test('behavior: x <= 0 throws', () => {
    expect(() => logGamma(0)).toThrow(RandomArgumentError);
    expect(() => logGamma(-1)).toThrow(RandomArgumentError);
  });
});
