import { describe, expect, test } from 'vitest';
import { RecentMap } from './recentMap.js';

describe('RecentMap', () => {
  test('default: keeps the most recent entries, never more than the capacity and an eighth', () => {
    const map = new RecentMap<string, number>(64);
    for (let i = 0; i < 1_000; i++) {
      map.set(`order-${i}`, i);
      expect(map.size).toBeLessThanOrEqual(72);
    }
    expect(map.get('order-999')).toBe(999);
    expect(map.get(`order-${1_000 - 64}`)).toBe(1_000 - 64);
    expect(map.get('order-0')).toBeUndefined();
  });

  test('behavior: setting a key again makes it recent, so it outlives newer ones', () => {
    const map = new RecentMap<string, number>(8);
    map.set('kept', 0);
    for (let i = 0; i < 100; i++) {
      map.set(`order-${i}`, i);
      map.set('kept', i);
    }
    expect(map.get('kept')).toBe(99);
    expect(map.get('order-0')).toBeUndefined();
  });
});
