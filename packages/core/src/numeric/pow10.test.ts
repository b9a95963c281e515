import { describe, expect, test } from 'vitest';
import { pow10 } from './pow10.js';

describe('pow10', () => {
  test('default', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(8)).toBe(100_000_000n);
  });

  test('behavior: exact inside and beyond the cached table', () => {
    for (const n of [1, 18, 19, 64, 127, 128, 129, 300]) expect(pow10(n)).toBe(BigInt(`1${'0'.repeat(n)}`));
  });
});
