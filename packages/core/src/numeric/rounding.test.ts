import { describe, expect, test } from 'vitest';
import { DecimalError } from './decimalError.js';
import {
  assertRoundingMode,
  divRound,
  isRoundingMode,
  ROUNDING_MODES,
  type RoundingMode,
} from './rounding.js';

describe('ROUNDING_MODES', () => {
  test('default', () => {
    expect(ROUNDING_MODES).toMatchInlineSnapshot(`
      [
        "down",
        "up",
        "floor",
        "ceil",
        "half-up",
        "half-down",
        "half-even",
      ]
    `);
  });
});

describe('isRoundingMode and assertRoundingMode', () => {
  test('default', () => {
    for (const mode of ROUNDING_MODES) {
      expect(isRoundingMode(mode)).toBe(true);
      expect(() => assertRoundingMode(mode)).not.toThrow();
    }
    for (const value of ['HALF_UP', 'half_even', '', 4, undefined, null]) {
      expect(isRoundingMode(value)).toBe(false);
      expect(() => assertRoundingMode(value)).toThrow(DecimalError);
    }
  });
});

describe('divRound', () => {
  test('default', () => {
    expect(divRound(-25n, 10n, 'half-even')).toBe(-2n);
    expect(divRound(7n, 2n, 'down')).toBe(3n);
  });

  // numerator / 10 for numerators that are ties, just below and just above ties, and exact.
  const cases: Array<[bigint, Record<RoundingMode, bigint>]> = [
    [25n, { down: 2n, up: 3n, floor: 2n, ceil: 3n, 'half-up': 3n, 'half-down': 2n, 'half-even': 2n }],
    [35n, { down: 3n, up: 4n, floor: 3n, ceil: 4n, 'half-up': 4n, 'half-down': 3n, 'half-even': 4n }],
    [24n, { down: 2n, up: 3n, floor: 2n, ceil: 3n, 'half-up': 2n, 'half-down': 2n, 'half-even': 2n }],
    [26n, { down: 2n, up: 3n, floor: 2n, ceil: 3n, 'half-up': 3n, 'half-down': 3n, 'half-even': 3n }],
    [30n, { down: 3n, up: 3n, floor: 3n, ceil: 3n, 'half-up': 3n, 'half-down': 3n, 'half-even': 3n }],
    [-25n, { down: -2n, up: -3n, floor: -3n, ceil: -2n, 'half-up': -3n, 'half-down': -2n, 'half-even': -2n }],
    [-35n, { down: -3n, up: -4n, floor: -4n, ceil: -3n, 'half-up': -4n, 'half-down': -3n, 'half-even': -4n }],
    [-24n, { down: -2n, up: -3n, floor: -3n, ceil: -2n, 'half-up': -2n, 'half-down': -2n, 'half-even': -2n }],
    [-26n, { down: -2n, up: -3n, floor: -3n, ceil: -2n, 'half-up': -3n, 'half-down': -3n, 'half-even': -3n }],
    [-5n, { down: 0n, up: -1n, floor: -1n, ceil: 0n, 'half-up': -1n, 'half-down': 0n, 'half-even': 0n }],
    [5n, { down: 0n, up: 1n, floor: 0n, ceil: 1n, 'half-up': 1n, 'half-down': 0n, 'half-even': 0n }],
  ];

  for (const mode of ROUNDING_MODES) {
    test(`behavior: ${mode} with positive and negative numerators and denominators`, () => {
      for (const [numerator, expected] of cases) {
        expect(divRound(numerator, 10n, mode), `${numerator}/10`).toBe(expected[mode]);
        // The sign may sit on either operand.
        expect(divRound(-numerator, -10n, mode), `${-numerator}/-10`).toBe(expected[mode]);
      }
    });
  }

  test('behavior: an unknown mode throws even for exact quotients', () => {
    expect(() => divRound(10n, 5n, 'nearest' as RoundingMode)).toThrow(DecimalError);
    expect(() => divRound(11n, 5n, 'nearest' as RoundingMode)).toThrow(DecimalError);
  });
});
