import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Heap } from './heap.js';

describe('Heap', () => {
  test('default: pops in order', () => {
    const heap = new Heap<number>((a, b) => a < b);
    for (const n of [5, 1, 4, 1, 3]) heap.push(n);
    expect(heap.peek()).toBe(1);
    const out: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) out.push(n);
    expect(out).toEqual([1, 1, 3, 4, 5]);
  });

  test('behavior: pushes, pops and retain agree with a sorted array', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1), fc.constant(-2))),
        (ops) => {
          const heap = new Heap<number>((a, b) => a > b);
          let model: number[] = [];
          for (const op of ops) {
            if (op === -1) {
              model.sort((a, b) => b - a);
              expect(heap.pop()).toBe(model.shift());
            } else if (op === -2) {
              heap.retain((n) => n % 2 === 0);
              model = model.filter((n) => n % 2 === 0);
            } else {
              heap.push(op);
              model.push(op);
            }
            expect(heap.size).toBe(model.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
