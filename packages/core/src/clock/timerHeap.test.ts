import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type HeapEntry, TimerHeap } from './timerHeap.js';

function entry(due: number, seq: number): HeapEntry {
  return { due, seq, index: -1 };
}

describe('TimerHeap', () => {
  test('default', () => {
    const heap = new TimerHeap<HeapEntry>();
    const a = entry(5, 0);
    const b = entry(1, 1);
    const c = entry(5, 2);
    heap.push(c);
    heap.push(a);
    heap.push(b);
    expect(heap.size).toBe(3);
    expect(heap.peek()).toBe(b);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([b, a, c, undefined]);
    expect(a.index).toBe(-1);
  });

  test('behavior: remove works anywhere; unknown entries are refused', () => {
    const heap = new TimerHeap<HeapEntry>();
    const entries = [3, 1, 4, 1, 5, 9, 2, 6].map((due, seq) => entry(due, seq));
    for (const e of entries) heap.push(e);
    expect(heap.remove(entries[2]!)).toBe(true);
    expect(heap.remove(entries[2]!)).toBe(false);
    expect(heap.has(entries[2]!)).toBe(false);
    expect(heap.remove(entry(1, 1))).toBe(false);
    const order: number[] = [];
    for (let e = heap.pop(); e !== undefined; e = heap.pop()) order.push(e.seq);
    expect(order).toEqual([1, 3, 6, 0, 4, 7, 5]);
  });

  test('behavior: random push/pop/remove matches a sorted list (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), due: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('remove' as const), which: fc.nat({ max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const heap = new TimerHeap<HeapEntry>();
        const model: HeapEntry[] = [];
        const all: HeapEntry[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const e = entry(o.due, all.length);
            all.push(e);
            heap.push(e);
            model.push(e);
            model.sort((x, y) => x.due - y.due || x.seq - y.seq);
          } else if (o.kind === 'pop') {
            expect(heap.pop()).toBe(model.shift());
          } else {
            const e = all[o.which % Math.max(1, all.length)];
            if (e === undefined) continue;
            const i = model.indexOf(e);
            expect(heap.remove(e)).toBe(i >= 0);
            if (i >= 0) model.splice(i, 1);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model[0]);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
