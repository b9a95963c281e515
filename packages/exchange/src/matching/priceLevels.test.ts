import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Level } from './level.js';
import { PriceLevels } from './priceLevels.js';

function level(tick: number): Level {
  const l = new Level();
  l.tick = tick;
  return l;
}

/** Ticks near page borders (multiples of 1,024), inside one word, negative and huge. */
const tick = fc.oneof(
  fc.integer({ min: 1000, max: 1060 }),
  fc.integer({ min: -3, max: 3 }).map((k) => k * 1024 + (k & 1 ? 31 : 0)),
  fc.integer({ min: 0, max: 4095 }),
  fc.constantFrom(-5000, 2 ** 40, 2 ** 40 + 1, Number.MAX_SAFE_INTEGER - 1),
);

describe('PriceLevels', () => {
  test('default', () => {
    const asks = new PriceLevels(false);
    expect(asks.bestTick).toBeNaN();
    expect(asks.bestLevel).toBeNull();
    const a = level(105);
    const b = level(101);
    asks.insert(a);
    asks.insert(b);
    expect(asks.bestTick).toBe(101);
    expect(asks.bestLevel).toBe(b);
    expect(asks.get(105)).toBe(a);
    expect(asks.get(104)).toBeNull();
    expect(asks.worse(101)).toBe(105);
    expect(asks.nth(2)).toBe(105);
    expect(asks.nth(3)).toBeNaN();
    asks.remove(b);
    expect(asks.bestTick).toBe(105);
    asks.remove(a);
    expect(asks.bestTick).toBeNaN();
    expect(asks.size).toBe(0);
  });

  test('behavior: bids rank higher ticks first and walk across pages', () => {
    const bids = new PriceLevels(true);
    for (const t of [5, 1023, 1024, 40_000, -7]) bids.insert(level(t));
    const walk: number[] = [];
    for (let t = bids.bestTick; !Number.isNaN(t); t = bids.worse(t)) walk.push(t);
    expect(walk).toEqual([40_000, 1024, 1023, 5, -7]);
  });

  test('behavior: reset empties the side and it stays usable', () => {
    const bids = new PriceLevels(true);
    for (let t = 0; t < 3000; t += 7) bids.insert(level(t));
    bids.reset();
    expect(bids.size).toBe(0);
    expect(bids.bestTick).toBeNaN();
    expect(bids.get(7)).toBeNull();
    bids.insert(level(7));
    expect(bids.bestTick).toBe(7);
    expect(bids.below(8)).toBe(7);
    expect(bids.below(7)).toBeNaN();
  });

  test('behavior: agrees with a sorted array under random inserts and removes', () => {
    const op = fc.tuple(fc.boolean(), tick, tick);
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { maxLength: 60 }), (descending, ops) => {
        const side = new PriceLevels(descending);
        const model = new Map<number, Level>();
        for (const [insert, t, probe] of ops) {
          const existing = model.get(t);
          if (insert && existing === undefined) {
            const l = level(t);
            model.set(t, l);
            side.insert(l);
          } else if (!insert && existing !== undefined) {
            model.delete(t);
            side.remove(existing);
          }
          const sorted = [...model.keys()].sort((a, b) => (descending ? b - a : a - b));
          expect(side.size).toBe(sorted.length);
          expect(side.bestTick).toBe(sorted[0] ?? Number.NaN);
          expect(side.bestLevel).toBe(model.get(sorted[0] ?? Number.NaN) ?? null);
          expect(side.get(probe)).toBe(model.get(probe) ?? null);
          const below = sorted.filter((x) => x < probe);
          const above = sorted.filter((x) => x > probe);
          expect(side.below(probe)).toBe(below.length > 0 ? Math.max(...below) : Number.NaN);
          expect(side.above(probe)).toBe(above.length > 0 ? Math.min(...above) : Number.NaN);
          for (let n = 1; n <= sorted.length + 1; n++) expect(side.nth(n)).toBe(sorted[n - 1] ?? Number.NaN);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
