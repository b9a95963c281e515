import { describe, expect, test } from 'vitest';
import { RandomArgumentError } from './errors.js';
import { createRng, type Rng } from './rng.js';

const N = 100_000;

function draws(rng: Rng, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(rng.next());
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

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const x = meanAndVariance(xs);
  const y = meanAndVariance(ys);
  let cov = 0;
  for (let i = 0; i < xs.length; i++) cov += (xs[i]! - x.mean) * (ys[i]! - y.mean);
  return cov / (xs.length - 1) / Math.sqrt(x.variance * y.variance);
}

describe('createRng', () => {
  test('default', () => {
    const rng = createRng(42);
    expect(draws(rng, 5)).toMatchInlineSnapshot(`
      [
        0.2533672722056508,
        0.9676854095887393,
        0.006375933764502406,
        0.8535589445382357,
        0.26194925722666085,
      ]
    `);
  });

  test('behavior: same seed, same sequence; different seeds, different sequences', () => {
    expect(draws(createRng(42), 100)).toEqual(draws(createRng(42), 100));
    expect(draws(createRng('market'), 100)).toEqual(draws(createRng('market'), 100));
    const firsts = new Set<number>();
    for (const seed of [0, 1, 2, 42, -1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, '', '42', 'a', 'b']) {
      firsts.add(createRng(seed).nextUint32());
    }
    expect(firsts.size).toBe(12);
  });

  test('behavior: uint32 outputs of seed 42 are pinned', () => {
    const rng = createRng(42);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toMatchInlineSnapshot(`
      [
        1088204148,
        4156177187,
        27384427,
      ]
    `);
  });

  test('behavior: non-safe-integer numeric seeds are refused', () => {
    for (const seed of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => createRng(seed)).toThrow(RandomArgumentError);
    }
  });
});

describe('Rng.next', () => {
  test('default', () => {
    const values = draws(createRng(1), N);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  test('behavior: consecutive draws are uncorrelated', () => {
    const values = draws(createRng('lag'), N + 1);
    expect(Math.abs(correlation(values.slice(0, N), values.slice(1)))).toBeLessThan(0.015);
  });
});

describe('Rng.nextInt', () => {
  test('default', () => {
    const rng = createRng(7);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < N; i++) {
      const v = rng.nextInt(10);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    // Chi-square with 9 degrees of freedom: 99.9th percentile is 27.9.
    const expected = N / 10;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.9);
  });

  test('behavior: bounds 1 and 2^32 work; results are integers in range', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1_000; i++) {
      expect(rng.nextInt(1)).toBe(0);
      const v = rng.nextInt(2 ** 32);
      expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
      const w = rng.nextInt(3_000_000_001);
      expect(Number.isInteger(w) && w >= 0 && w < 3_000_000_001).toBe(true);
    }
  });

  test('behavior: a bound above 2^31 is unbiased (rejection, not modulo)', () => {
    // With modulo, values below 2^32 - 3e9 would be twice as likely as the rest.
    const rng = createRng(11);
    const bound = 3_000_000_000;
    let low = 0;
    for (let i = 0; i < N; i++) if (rng.nextInt(bound) < bound / 2) low += 1;
    expect(Math.abs(low / N - 0.5)).toBeLessThan(0.01);
  });

  test('behavior: invalid bounds throw', () => {
    const rng = createRng(3);
    for (const bound of [0, -1, 1.5, Number.NaN, 2 ** 32 + 1]) {
      expect(() => rng.nextInt(bound)).toThrow(RandomArgumentError);
    }
  });
});

describe('Rng.nextBetween', () => {
  test('default', () => {
    const rng = createRng(5);
    const values: number[] = [];
    for (let i = 0; i < N; i++) values.push(rng.nextBetween(-2, 6));
    expect(values.every((v) => v >= -2 && v < 6)).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean - 2)).toBeLessThan(0.05);
    expect(Math.abs(variance - 64 / 12)).toBeLessThan(0.1);
  });

  test('behavior: an empty range gives min; invalid ranges throw', () => {
    const rng = createRng(5);
    expect(rng.nextBetween(3, 3)).toBe(3);
    expect(() => rng.nextBetween(2, 1)).toThrow(RandomArgumentError);
    expect(() => rng.nextBetween(0, Number.POSITIVE_INFINITY)).toThrow(RandomArgumentError);
  });
});

describe('Rng.fork', () => {
  test('default', () => {
    const a = createRng(42).fork('prices');
    const b = createRng(42).fork('prices');
    expect(draws(a, 50)).toEqual(draws(b, 50));
  });

  test('behavior: forking does not advance the parent', () => {
    const plain = createRng(42);
    const forked = createRng(42);
    forked.fork('x');
    forked.fork();
    expect(draws(forked, 20)).toEqual(draws(plain, 20));
  });

  test('behavior: labelled forks depend only on seed and label, not on draws or order', () => {
    const early = createRng(42);
    const late = createRng(42);
    draws(late, 1_000);
    late.fork('other');
    expect(draws(late.fork('prices'), 20)).toEqual(draws(early.fork('prices'), 20));
  });

  test('behavior: unlabelled forks are distinct from each other and deterministic by position', () => {
    const rng = createRng(9);
    const first = draws(rng.fork(), 20);
    const second = draws(rng.fork(), 20);
    expect(first).not.toEqual(second);
    const again = createRng(9);
    expect(draws(again.fork(), 20)).toEqual(first);
    expect(draws(again.fork(), 20)).toEqual(second);
  });

  test('behavior: children are independent of the parent, of siblings and of the seed "label"', () => {
    const parent = createRng(42);
    const child = parent.fork('a');
    const sibling = parent.fork('b');
    const grandchild = child.fork('a');
    const p = draws(parent, N);
    const c = draws(child, N);
    const s = draws(sibling, N);
    const g = draws(grandchild, N);
    for (const [x, y] of [
      [p, c],
      [c, s],
      [c, g],
      [p, g],
    ] as const) {
      expect(Math.abs(correlation(x, y))).toBeLessThan(0.015);
    }
    expect(draws(createRng('a'), 10)).not.toEqual(draws(createRng(42).fork('a'), 10));
    expect(draws(createRng(42).fork(''), 10)).not.toEqual(draws(createRng(42).fork(), 10));
  });
});

describe('snapshot and restore', () => {
  test('default: a restored generator continues the same sequence, forks included', () => {
    const a = createRng('snapshot');
    for (let i = 0; i < 17; i++) a.next();
    a.fork();
    const state = JSON.parse(JSON.stringify(a.snapshot())) as ReturnType<typeof a.snapshot>;
    const b = createRng('something else');
    b.restore(state);
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => a.nextUint32()),
    );
    expect(b.fork().next()).toBe(a.fork().next());
    expect(b.fork('x').next()).toBe(a.fork('x').next());
  });

  test('behavior: a malformed state is rejected', () => {
    expect(() => createRng(1).restore({ key: [1, 2, 3], words: [1, 2, 3, 4], forks: 0 } as never)).toThrow(
      /Not an Rng state/,
    );
  });
});
