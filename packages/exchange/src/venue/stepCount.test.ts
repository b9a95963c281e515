import { Decimal, fromSteps } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StepCount } from './stepCount.js';

const STEP = Decimal.parse('0.001');

describe('StepCount', () => {
  it('counts whole steps and builds the decimal when read', () => {
    const count = new StepCount(STEP);
    count.add(1500);
    count.add(-2);
    expect(count.steps).toBe(1498);
    expect(count.value.toString()).toBe('1.498');
    count.add(-1498);
    expect(count.value.isZero()).toBe(true);
  });

  it('keeps a value off the step grid as the decimal, and sums stay exact', () => {
    const count = new StepCount(STEP, Decimal.parse('0.0005'));
    expect(count.steps).toBeUndefined();
    count.add(3);
    expect(count.value.toString()).toBe('0.0035');
    count.value = Decimal.parse('2.000');
    expect(count.steps).toBe(2000);
  });

  it('leaves integers past 2^53 steps for decimals', () => {
    const count = new StepCount(STEP);
    count.add(Number.MAX_SAFE_INTEGER);
    count.add(1);
    expect(count.steps).toBeUndefined();
    expect(count.value.eq(fromSteps(BigInt(Number.MAX_SAFE_INTEGER) + 1n, STEP))).toBe(true);
  });

  it('equals decimal arithmetic over any sequence of additions and assignments', () => {
    const op = fc.oneof(
      fc.record({ add: fc.integer({ min: -1e9, max: 1e9 }) }),
      fc.record({
        set: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        scale: fc.integer({ min: 0, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const count = new StepCount(STEP);
        let expected = Decimal.ZERO;
        for (const o of ops) {
          if ('add' in o) {
            count.add(o.add);
            expected = expected.add(fromSteps(BigInt(o.add), STEP));
          } else {
            expected = Decimal.fromUnits(o.set, o.scale);
            count.value = expected;
          }
          expect(count.value.eq(expected)).toBe(true);
          const steps = count.steps;
          if (steps !== undefined) expect(fromSteps(BigInt(steps), STEP).eq(expected)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
