import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Rational } from './rational.js';

const d = Decimal.parse;

describe('Rational', () => {
  test('default', () => {
    const third = Rational.ratio(d('1'), d('3'));
    expect(third.mul(3).round(8, 'down').toString()).toBe('1.00000000');
    expect(third.round(8, 'down').toString()).toBe('0.33333333');
    expect(third.round(8, 'half-up').toString()).toBe('0.33333333');
    expect(Rational.ratio(d('2'), d('3')).round(8, 'half-up').toString()).toBe('0.66666667');
  });

  test('behavior: arithmetic results are reduced, with a positive denominator', () => {
    const r = Rational.fraction(6n, -4n);
    expect([r.num, r.den]).toEqual([-3n, 2n]);
    expect(Rational.of(d('0.50')).cmp(Rational.fraction(1n, 2n))).toBe(0);
    expect(Rational.of(d('0.50')).add(Rational.ZERO)).toEqual(Rational.fraction(1n, 2n));
    expect(Rational.of(7).num).toBe(7n);
  });

  test('behavior: arithmetic, comparisons, min and max', () => {
    const a = Rational.ratio(d('1'), d('4'));
    const b = Rational.of(d('0.5'));
    expect(a.add(b).round(2, 'down').toString()).toBe('0.75');
    expect(a.sub(b).round(2, 'down').toString()).toBe('-0.25');
    expect(a.div(b).round(1, 'down').toString()).toBe('0.5');
    expect(a.neg().abs().cmp(a)).toBe(0);
    expect(a.lt(b)).toBe(true);
    expect(b.gte(a)).toBe(true);
    expect(a.min(b)).toBe(a);
    expect(a.max(b)).toBe(b);
    expect([a.sign(), a.neg().sign(), Rational.ZERO.sign()]).toEqual([1, -1, 0]);
    expect(Rational.ZERO.isZero()).toBe(true);
  });

  test('behavior: division by zero throws the DecimalError of core', () => {
    expect(() => Rational.ONE.div(Rational.ZERO)).toThrow(/division by zero|greater than zero/);
    expect(() => Rational.fraction(1n, 0n)).toThrow(/division by zero|greater than zero/);
    expect(() => Rational.ONE.roundToStep(Decimal.ZERO, 'down')).toThrow(
      /division by zero|greater than zero/,
    );
  });

  test('behavior: roundToStep rounds once to the grid', () => {
    const x = Rational.ratio(d('63050'), d('1.005')); // 62736.318407…
    expect(x.roundToStep(d('0.01'), 'half-up').toString()).toBe('62736.32');
    expect(x.roundToStep(d('0.10'), 'down').toString()).toBe('62736.30');
    expect(x.roundToStep(d('25'), 'ceil').toString()).toBe('62750');
  });

  test('behavior: rounding a Decimal through Rational equals Decimal.round (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('down', 'up', 'floor', 'ceil', 'half-up', 'half-down', 'half-even' as const),
        (units, scale, target, mode) => {
          const x = Decimal.fromUnits(units, scale);
          const a = Rational.of(x).round(target, mode);
          const b = x.round(target, mode);
          if (a.toString() !== b.toString()) throw new Error(`${x} → ${a} vs ${b}`);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
