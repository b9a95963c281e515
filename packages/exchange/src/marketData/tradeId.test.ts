import { describe, expect, test } from 'vitest';
import { compareTradeIds, normalizeTradeId, TradeIdBase } from './tradeId.js';

describe('trade ids', () => {
  test('default', () => {
    const base = new TradeIdBase(1000);
    expect(base.idAt(5)).toBe(1005);
    expect(base.offsetOf(1005)).toBe(5);
    expect(base.offsetOf(1005n)).toBe(5);
  });

  test('behavior: ids cross 2^53 as bigints and come back as numbers below it', () => {
    const base = new TradeIdBase(2n ** 53n - 2n);
    expect(base.idAt(1)).toBe(2 ** 53 - 1);
    expect(base.idAt(2)).toBe(2n ** 53n);
    expect(base.offsetOf(2n ** 53n + 10n)).toBe(12);
    const big = new TradeIdBase(2n ** 60n);
    expect(big.idAt(3)).toBe(2n ** 60n + 3n);
    expect(big.offsetOf(2n ** 60n + 3n)).toBe(3);
    expect(normalizeTradeId(7n)).toBe(7);
    expect(() => normalizeTradeId(1.5)).toThrow(/integer/);
  });

  test('behavior: compareTradeIds orders numbers and bigints together', () => {
    expect(compareTradeIds(1, 2)).toBeLessThan(0);
    expect(compareTradeIds(2n ** 60n, 5)).toBeGreaterThan(0);
    expect(compareTradeIds(5n, 5)).toBe(0);
  });
});
