import { createRng } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { fastNormal, normalQuantile } from './fastNormal.js';

describe('normalQuantile', () => {
  test('default', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8);
    expect(normalQuantile(1e-9)).toBeCloseTo(-5.997807015, 6);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 12);
  });

  test('behavior: fastNormal has the requested mean and standard deviation, deterministically', () => {
    const rng = createRng(9);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = fastNormal(rng, 3, 2);
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(2, 1);
    expect(fastNormal(createRng(1), 0, 1)).toBe(fastNormal(createRng(1), 0, 1));
  });
});
