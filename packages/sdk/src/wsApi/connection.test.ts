import { createRng } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { reconnectDelayMs } from './connection.js';

describe('reconnectDelayMs', () => {
  test('default: half the doubling ceiling plus a random half, capped', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(reconnectDelayMs(1, options, () => 0)).toBe(50);
    expect(reconnectDelayMs(1, options, () => 0.999)).toBe(99);
    expect(reconnectDelayMs(3, options, () => 0)).toBe(200);
    expect(reconnectDelayMs(10, options, () => 0.5)).toBe(750);
    expect(reconnectDelayMs(1000, options, () => 1)).toBe(1000);
  });

  test('behavior: a seeded random source gives the same jittered series', () => {
    const series = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, (_, i) => reconnectDelayMs(i + 1, {}, () => rng.next()));
    };
    expect(series(3)).toEqual(series(3));
    for (const [i, delay] of series(3).entries()) {
      const ceiling = Math.min(10_000, 250 * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});
