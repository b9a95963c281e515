import { describe, expect, test } from 'vitest';
import { Decimal } from './decimal.js';
import { DecimalError } from './decimalError.js';
import { fromSteps, toSteps } from './steps.js';

describe('toSteps', () => {
  test('default', () => {
    expect(toSteps('63123.40', '0.10')).toBe(631234n);
  });

  test('behavior: exact across scales, signs and step shapes', () => {
    expect(toSteps('0.003', '0.001')).toBe(3n);
    expect(toSteps('0.0030000', '0.001')).toBe(3n);
    expect(toSteps('3', '0.001')).toBe(3000n);
    expect(toSteps('-100.5', '0.5')).toBe(-201n);
    expect(toSteps('63100', '25')).toBe(2524n);
    expect(toSteps('0', '25')).toBe(0n);
    expect(toSteps(Decimal.parse('123456789012345678901234567890.1'), Decimal.parse('0.1'))).toBe(
      1234567890123456789012345678901n,
    );
  });

  test('behavior: a value that is not a whole multiple throws not-a-multiple', () => {
    const error = (() => {
      try {
        toSteps('63123.45', '0.10');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DecimalError);
    expect((error as DecimalError).rule).toBe('not-a-multiple');
    expect((error as DecimalError).shortMessage).toMatchInlineSnapshot(
      `"the value is not a whole multiple of the step: "63123.45" (step 0.10) [not-a-multiple]"`,
    );
    expect(() => toSteps('75.5', '25')).toThrow(/not-a-multiple/);
  });

  test('behavior: the step must be greater than zero', () => {
    expect(() => toSteps('1', '0')).toThrow(/invalid-step/);
    expect(() => toSteps('1', '-1')).toThrow(/invalid-step/);
  });
});

describe('fromSteps', () => {
  test('default', () => {
    expect(fromSteps(631234n, '0.10').toString()).toBe('63123.40');
  });

  test('behavior: the result carries the step scale', () => {
    expect(fromSteps(3n, '0.001').toString()).toBe('0.003');
    expect(fromSteps(0n, '0.00100').toString()).toBe('0.00000');
    expect(fromSteps(-201n, '0.5').toString()).toBe('-100.5');
    expect(fromSteps(2524n, '25').toString()).toBe('63100');
  });

  test('behavior: invalid steps and counts throw', () => {
    expect(() => fromSteps(1n, '0')).toThrow(/invalid-step/);
    expect(() => fromSteps(1 as unknown as bigint, '0.1')).toThrow(/invalid-type/);
  });
});
