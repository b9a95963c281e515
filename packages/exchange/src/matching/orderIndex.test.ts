import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OrderNode } from './level.js';
import { OrderIndex } from './orderIndex.js';

function node(ref: number): OrderNode {
  const n = new OrderNode();
  n.ref = ref;
  return n;
}

describe('OrderIndex', () => {
  test('default', () => {
    const index = new OrderIndex();
    const a = node(7);
    expect(index.add(a)).toBe(true);
    expect(index.get(7)).toBe(a);
    expect(index.get(8)).toBeUndefined();
    expect(index.size).toBe(1);
    expect(index.remove(7)).toBe(a);
    expect(index.remove(7)).toBeUndefined();
    expect(index.size).toBe(0);
  });

  test('behavior: a duplicate ref is refused and the first node kept', () => {
    const index = new OrderIndex();
    const a = node(1);
    index.add(a);
    expect(index.add(node(1))).toBe(false);
    expect(index.get(1)).toBe(a);
    expect(index.size).toBe(1);
  });

  test('behavior: refs beyond int32, negative and differing only in the high word stay distinct', () => {
    const index = new OrderIndex();
    const refs = [2 ** 32, 2 * 2 ** 32, 3 * 2 ** 32, Number.MAX_SAFE_INTEGER, -1, -(2 ** 40), 0, 2 ** 31];
    for (const ref of refs) expect(index.add(node(ref))).toBe(true);
    for (const ref of refs) expect(index.get(ref)?.ref).toBe(ref);
    expect(index.remove(2 * 2 ** 32)?.ref).toBe(2 * 2 ** 32);
    for (const ref of refs) expect(index.get(ref)?.ref).toBe(ref === 2 * 2 ** 32 ? undefined : ref);
  });

  test('behavior: clear forgets everything and the index stays usable', () => {
    const index = new OrderIndex();
    for (let ref = 0; ref < 500; ref++) index.add(node(ref));
    index.clear();
    expect(index.size).toBe(0);
    expect(index.get(3)).toBeUndefined();
    index.add(node(3));
    expect(index.get(3)?.ref).toBe(3);
  });

  test('behavior: agrees with a Map under random add/remove/get, including long probe runs', () => {
    // Fresh refs from a small range and multiples of 2^16 and 2^32 (which share low bits); removes and
    // gets mostly name a present ref, so backward shifts run through real probe sequences.
    const fresh = fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 40 }).map((k) => k * 65_536),
      fc.integer({ min: 0, max: 20 }).map((k) => k * 2 ** 32),
    );
    const op = fc.tuple(fc.constantFrom('add', 'add', 'remove', 'get'), fresh, fc.nat());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const index = new OrderIndex();
        const model = new Map<number, OrderNode>();
        for (const [kind, raw, pick] of ops) {
          const present = [...model.keys()];
          const ref =
            kind === 'add' || present.length === 0 || pick % 6 === 0 ? raw : present[pick % present.length]!;
          if (kind === 'add') {
            const n = node(ref);
            const isNew = !model.has(ref);
            if (isNew) model.set(ref, n);
            if (index.add(n) !== isNew) return false;
          } else if (kind === 'remove') {
            const want = model.get(ref);
            model.delete(ref);
            if (index.remove(ref) !== want) return false;
          } else if (index.get(ref) !== model.get(ref)) {
            return false;
          }
          if (index.size !== model.size) return false;
        }
        for (const [r, n] of model) if (index.get(r) !== n) return false;
        return true;
      }),
      { numRuns: 1_000 },
    );
  });

  test('behavior: removing a slot keeps a neighbour that sits at its own home slot reachable', () => {
    // With 64 slots, ref 0 hashes to slot 0 and ref 68 to slot 1: a backward shift must not move 68.
    const index = new OrderIndex();
    index.add(node(0));
    index.add(node(68));
    index.remove(0);
    expect(index.get(68)?.ref).toBe(68);
  });
});
