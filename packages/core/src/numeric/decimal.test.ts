import { describe, expect, test } from 'vitest';
import { Decimal } from './decimal.js';
import { DecimalError } from './decimalError.js';
import { ROUNDING_MODES, type RoundingMode } from './rounding.js';

const d = (text: string) => Decimal.parse(text);

/** Runs `fn` and returns the DecimalError it throws (fails the test if it throws nothing else). */
function caught(fn: () => unknown): DecimalError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DecimalError) return error;
    throw error;
  }
  throw new Error('expected a DecimalError');
}

describe('Decimal', () => {
  test('behavior: the TSDoc example holds', () => {
    const price = Decimal.parse('63123.40');
    const notional = price.mul('0.003');
    expect(notional.toString()).toBe('189.37020');
    expect(notional.round(2, 'half-even').toString()).toBe('189.37');
    expect(price.roundToStep('0.50', 'down').toString()).toBe('63123.00');
    expect(price.div(3, 8, 'half-up').toString()).toBe('21041.13333333');
  });
});

describe('Decimal.parse', () => {
  test('default', () => {
    const price = d('60000.10');
    expect(price.units).toBe(6000010n);
    expect(price.scale).toBe(2);
    expect(price.toString()).toBe('60000.10');
  });

  test.each([
    ['0.00000000', 0n, 8],
    ['-0.00010000', -10000n, 8],
    ['122607.35137903', 12260735137903n, 8],
    ['63123.40', 6312340n, 2],
    ['0.003', 3n, 3],
    ['-0.5', -5n, 1],
    ['5', 5n, 0],
    ['0', 0n, 0],
    ['-7', -7n, 0],
    ['0.1', 1n, 1],
  ])('behavior: Binance string %s keeps its units and scale', (text, units, scale) => {
    const value = d(text);
    expect(value.units).toBe(units);
    expect(value.scale).toBe(scale);
    expect(value.toString()).toBe(text);
  });

  test('behavior: values beyond 2^64 and 15 digits are exact', () => {
    const huge = '123456789012345678901234567890.123456789';
    expect(d(huge).units).toBe(123456789012345678901234567890123456789n);
    expect(d(huge).toString()).toBe(huge);
    expect(d('18446744073709551617').units).toBe(2n ** 64n + 1n);
    expect(d('-18446744073709551617').units).toBe(-(2n ** 64n) - 1n);
    // 16 digits is where the fast double accumulator stops being exact.
    expect(d('9007199254740993').units).toBe(9007199254740993n);
    expect(d('900719925474.0993').units).toBe(9007199254740993n);
    expect(d('999999999999999').units).toBe(999999999999999n);
    expect(d('99999999999999.9').units).toBe(999999999999999n);
  });

  test('behavior: long fractions (30+ digits) are exact', () => {
    const text = '0.000000000000000000000000000000123456789';
    expect(d(text).scale).toBe(39);
    expect(d(text).units).toBe(123456789n);
    expect(d(text).toString()).toBe(text);
  });

  test('behavior: negative zero parses to zero and keeps its scale', () => {
    for (const text of ['-0', '-0.00', '-0.00000000', '-0e3', '-0.0e-2']) {
      const value = d(text);
      expect(value.units).toBe(0n);
      expect(value.isNegative()).toBe(false);
      expect(value.toString()).not.toContain('-');
    }
    expect(d('-0.00').toString()).toBe('0.00');
    expect(d('-0.00').scale).toBe(2);
  });

  test.each([
    ['1e-8', '0.00000001', 8],
    ['1E-8', '0.00000001', 8],
    ['1.5E+3', '1500', 0],
    ['1.5e3', '1500', 0],
    ['1.50e1', '15.0', 1],
    ['-2.5e-3', '-0.0025', 4],
    ['0e5', '0', 0],
    ['12e0', '12', 0],
    ['1e007', '10000000', 0],
    ['5e-324', `0.${'0'.repeat(323)}5`, 324],
    ['1e1000', `1${'0'.repeat(1000)}`, 0],
  ])('behavior: exponent input %s becomes plain %s', (text, plain, scale) => {
    expect(d(text).toString()).toBe(plain);
    expect(d(text).scale).toBe(scale);
  });

  test.each([
    ['', 'empty'],
    ['.', 'missing-integer-digits'],
    ['.5', 'missing-integer-digits'],
    ['-.5', 'missing-integer-digits'],
    ['-', 'missing-integer-digits'],
    ['1.', 'missing-fraction-digits'],
    ['1.e5', 'missing-fraction-digits'],
    ['+1', 'plus-sign'],
    ['+Infinity', 'plus-sign'],
    [' 1', 'whitespace'],
    ['1 ', 'whitespace'],
    ['1\n', 'whitespace'],
    ['1 000', 'whitespace'],
    ['NaN', 'not-finite'],
    ['Infinity', 'not-finite'],
    ['-Infinity', 'not-finite'],
    ['inf', 'not-finite'],
    ['01', 'leading-zero'],
    ['-00.5', 'leading-zero'],
    ['0x10', 'syntax'],
    ['1_000', 'syntax'],
    ['1,5', 'syntax'],
    ['1.2.3', 'syntax'],
    ['--1', 'syntax'],
    ['abc', 'syntax'],
    ['e5', 'syntax'],
    ['1e5x', 'syntax'],
    ['١', 'syntax'],
    ['1e', 'missing-exponent-digits'],
    ['1e+', 'missing-exponent-digits'],
    ['1e1001', 'exponent-range'],
    ['1e-1001', 'exponent-range'],
    ['1e99999999999999999999', 'exponent-range'],
  ])('behavior: rejects %j with rule %s', (text, rule) => {
    const error = caught(() => Decimal.parse(text));
    expect(error.rule).toBe(rule);
    expect(error.value).toBe(text);
    expect(Decimal.tryParse(text)).toBeUndefined();
  });

  test('behavior: a non-string is an invalid-type error', () => {
    expect(caught(() => Decimal.parse(5 as unknown as string)).rule).toBe('invalid-type');
    expect(Decimal.tryParse(null as unknown as string)).toBeUndefined();
  });

  test('behavior: the error message names the rule and the input', () => {
    expect(caught(() => Decimal.parse('0x10')).shortMessage).toMatchInlineSnapshot(
      `"not a decimal number: "0x10" (unexpected "x" at index 1) [syntax]"`,
    );
    expect(caught(() => Decimal.parse('1.')).shortMessage).toMatchInlineSnapshot(
      `"digits are required after the decimal point: "1." [missing-fraction-digits]"`,
    );
  });
});

describe('Decimal.tryParse', () => {
  test('default', () => {
    expect(Decimal.tryParse('0.003')?.toString()).toBe('0.003');
    expect(Decimal.tryParse('1.5E+3')?.toString()).toBe('1500');
    expect(Decimal.tryParse('nope')).toBeUndefined();
  });
});

describe('Decimal.from', () => {
  test('default', () => {
    expect(Decimal.from('1.50').toString()).toBe('1.50');
    expect(Decimal.from(12n).toString()).toBe('12');
    expect(Decimal.from(-3).toString()).toBe('-3');
    expect(Decimal.from(Number.MAX_SAFE_INTEGER).units).toBe(9007199254740991n);
  });

  test('behavior: a Decimal is returned as is', () => {
    const value = d('1.5');
    expect(Decimal.from(value)).toBe(value);
  });

  test('behavior: -0 becomes zero', () => {
    expect(Decimal.from(-0).toString()).toBe('0');
  });

  test('behavior: numbers must be safe integers', () => {
    expect(caught(() => Decimal.from(0.1)).rule).toBe('not-a-safe-integer');
    expect(caught(() => Decimal.from(2 ** 53)).rule).toBe('not-a-safe-integer');
    expect(caught(() => Decimal.from(Number.NaN)).rule).toBe('not-finite');
    expect(caught(() => Decimal.from(Number.POSITIVE_INFINITY)).rule).toBe('not-finite');
    expect(caught(() => Decimal.from(0.1)).shortMessage).toMatchInlineSnapshot(
      `"a number input must be a safe integer; pass fractional values as strings: "0.1" [not-a-safe-integer]"`,
    );
  });

  test('behavior: a { units, scale } object from another copy of the package is accepted', () => {
    const foreign = { units: 6000010n, scale: 2 } as unknown as Decimal;
    expect(Decimal.from(foreign).toString()).toBe('60000.10');
    expect(d('1').add(foreign).toString()).toBe('60001.10');
  });

  test('behavior: anything else is an invalid-type error', () => {
    for (const value of [null, undefined, {}, [], true, { units: 1, scale: 0 }]) {
      expect(caught(() => Decimal.from(value as unknown as Decimal)).rule).toBe('invalid-type');
    }
    expect(caught(() => Decimal.from({ units: 1n, scale: -1 } as unknown as Decimal)).rule).toBe(
      'invalid-scale',
    );
  });
});

describe('Decimal.fromUnits', () => {
  test('default', () => {
    expect(Decimal.fromUnits(6000010n, 2).toString()).toBe('60000.10');
    expect(Decimal.fromUnits(-5n, 3).toString()).toBe('-0.005');
    expect(Decimal.fromUnits(0n, 0).toString()).toBe('0');
  });

  test('behavior: the scale must be a non-negative safe integer', () => {
    for (const scale of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(caught(() => Decimal.fromUnits(1n, scale)).rule).toBe('invalid-scale');
    }
    expect(caught(() => Decimal.fromUnits(1 as unknown as bigint, 0)).rule).toBe('invalid-type');
  });
});

describe('Decimal.ZERO and Decimal.ONE', () => {
  test('default', () => {
    expect(Decimal.ZERO.toString()).toBe('0');
    expect(Decimal.ONE.toString()).toBe('1');
    expect(Decimal.ZERO.isZero()).toBe(true);
    expect(Decimal.ONE.eq('1.000')).toBe(true);
  });
});

describe('add', () => {
  test('default', () => {
    expect(d('122607.35137903').add('0.00000001').toString()).toBe('122607.35137904');
  });

  test('behavior: the result scale is the larger scale', () => {
    expect(d('1.5').add('2.25').toString()).toBe('3.75');
    expect(d('1.50').add('2').toString()).toBe('3.50');
    expect(d('2').add('0.001').toString()).toBe('2.001');
    expect(d('0.10').add('-0.10').toString()).toBe('0.00');
  });

  test('behavior: accepts bigint and safe integer inputs', () => {
    expect(d('1.25').add(2n).toString()).toBe('3.25');
    expect(d('1.25').add(-2).toString()).toBe('-0.75');
  });
});

describe('sub', () => {
  test('default', () => {
    expect(d('63123.40').sub('0.1').toString()).toBe('63123.30');
  });

  test('behavior: the result scale is the larger scale', () => {
    expect(d('1').sub('1.000').toString()).toBe('0.000');
    expect(d('0.003').sub('0.005').toString()).toBe('-0.002');
    expect(d('-5').sub('-5.5').toString()).toBe('0.5');
  });
});

describe('mul', () => {
  test('default', () => {
    expect(d('63123.40').mul('0.003').toString()).toBe('189.37020');
  });

  test('behavior: the result scale is the sum of the scales, exactly', () => {
    expect(d('0.1').mul('0.2').toString()).toBe('0.02');
    expect(d('-1.5').mul('2').toString()).toBe('-3.0');
    expect(d('0.00').mul('-3.1').toString()).toBe('0.000');
    expect(d('99999999999999999999.99').mul('99999999999999999999.99').toString()).toBe(
      '9999999999999999999998000000000000000000.0001',
    );
  });
});

describe('div', () => {
  test('default', () => {
    expect(d('1').div('3', 8, 'half-even').toString()).toBe('0.33333333');
    expect(d('2').div('3', 8, 'half-even').toString()).toBe('0.66666667');
  });

  test('behavior: rounds once, at the requested scale, with the requested mode', () => {
    expect(d('122607.35137903').div('63123.40', 3, 'down').toString()).toBe('1.942');
    expect(d('-1').div('3', 2, 'floor').toString()).toBe('-0.34');
    expect(d('-1').div('3', 2, 'ceil').toString()).toBe('-0.33');
    expect(d('1').div('8', 2, 'half-even').toString()).toBe('0.12');
    expect(d('3').div('8', 2, 'half-even').toString()).toBe('0.38');
    expect(d('1').div('8', 2, 'half-up').toString()).toBe('0.13');
    expect(d('-1').div('8', 2, 'half-up').toString()).toBe('-0.13');
    expect(d('1').div('-8', 2, 'half-down').toString()).toBe('-0.12');
    expect(d('10').div('4', 0, 'up').toString()).toBe('3');
    expect(d('10').div('-4', 0, 'up').toString()).toBe('-3');
  });

  test('behavior: the result scale may be below either operand scale', () => {
    expect(d('100.000').div('0.5', 0, 'down').toString()).toBe('200');
    expect(d('7.77777').div('1.1', 1, 'half-up').toString()).toBe('7.1');
    expect(d('6').div('2', 4, 'down').toString()).toBe('3.0000');
  });

  test('behavior: division by zero at any scale throws', () => {
    const error = caught(() => d('5').div('0.00', 2, 'down'));
    expect(error.rule).toBe('division-by-zero');
    expect(error.value).toBe('0.00');
    expect(error.shortMessage).toMatchInlineSnapshot(
      `"division by zero: "0.00" (dividend 5) [division-by-zero]"`,
    );
    expect(caught(() => d('0').div(0, 2, 'down')).rule).toBe('division-by-zero');
  });

  test('behavior: an invalid scale or mode throws', () => {
    expect(caught(() => d('1').div('3', -1, 'down')).rule).toBe('invalid-scale');
    expect(caught(() => d('1').div('3', 2, 'nearest' as RoundingMode)).rule).toBe('invalid-rounding-mode');
  });
});

describe('neg and abs', () => {
  test('default', () => {
    expect(d('1.50').neg().toString()).toBe('-1.50');
    expect(d('-1.50').neg().toString()).toBe('1.50');
    expect(d('-1.50').abs().toString()).toBe('1.50');
    expect(d('1.50').abs().toString()).toBe('1.50');
  });

  test('behavior: zero stays unsigned', () => {
    expect(d('0.00').neg().toString()).toBe('0.00');
    expect(d('0.00').abs().toString()).toBe('0.00');
  });
});

describe('sign, isZero, isNegative, isPositive', () => {
  test('default', () => {
    expect([d('-0.1').sign(), d('0.00').sign(), d('0.1').sign()]).toEqual([-1, 0, 1]);
    expect([d('-0.1').isZero(), d('0.00').isZero(), d('0.1').isZero()]).toEqual([false, true, false]);
    expect([d('-0.1').isNegative(), d('0.00').isNegative(), d('0.1').isNegative()]).toEqual([
      true,
      false,
      false,
    ]);
    expect([d('-0.1').isPositive(), d('0.00').isPositive(), d('0.1').isPositive()]).toEqual([
      false,
      false,
      true,
    ]);
  });
});

describe('cmp, eq, lt, lte, gt, gte', () => {
  test('default', () => {
    expect(d('1.0').cmp('1')).toBe(0);
    expect(d('1.01').cmp('1.1')).toBe(-1);
    expect(d('63123.40').cmp('63123.3')).toBe(1);
  });

  test('behavior: comparison is numeric and ignores scale', () => {
    expect(d('1.0').eq('1')).toBe(true);
    expect(d('0.00').eq('-0')).toBe(true);
    expect(d('0.00').eq(0)).toBe(true);
    expect(d('-0.5').eq('-0.50')).toBe(true);
    expect(d('2').eq('2.0000000000000000000000001')).toBe(false);
  });

  test('behavior: signs decide before scales', () => {
    expect(d('-0.001').cmp('0')).toBe(-1);
    expect(d('0').cmp('-0.001')).toBe(1);
    expect(d('-100').cmp('0.001')).toBe(-1);
    expect(d('0.000').cmp('0')).toBe(0);
    expect(d('-1.5').cmp('-1.25')).toBe(-1);
    expect(d('-1.25').cmp('-1.5')).toBe(1);
  });

  test('behavior: lt, lte, gt, gte agree with cmp', () => {
    const pairs: Array<[string, string]> = [
      ['1', '2'],
      ['2.00', '2'],
      ['3', '2.5'],
    ];
    for (const [a, b] of pairs) {
      const c = d(a).cmp(b);
      expect(d(a).lt(b)).toBe(c < 0);
      expect(d(a).lte(b)).toBe(c <= 0);
      expect(d(a).gt(b)).toBe(c > 0);
      expect(d(a).gte(b)).toBe(c >= 0);
      expect(d(a).eq(b)).toBe(c === 0);
    }
  });
});

describe('min and max', () => {
  test('default', () => {
    expect(d('1.5').min('2').toString()).toBe('1.5');
    expect(d('1.5').max('2').toString()).toBe('2');
    expect(d('-1').min('-2.5').toString()).toBe('-2.5');
    expect(d('-1').max('-2.5').toString()).toBe('-1');
  });

  test('behavior: a tie returns this, with its own scale', () => {
    const value = d('1.50');
    expect(value.min('1.5')).toBe(value);
    expect(value.max('1.5')).toBe(value);
  });
});

// The classic table (as in Java's RoundingMode docs): each value rounded to an integer in each mode.
const ROUNDING_TABLE: Array<[string, Record<RoundingMode, string>]> = [
  ['5.5', { up: '6', down: '5', ceil: '6', floor: '5', 'half-up': '6', 'half-down': '5', 'half-even': '6' }],
  ['2.5', { up: '3', down: '2', ceil: '3', floor: '2', 'half-up': '3', 'half-down': '2', 'half-even': '2' }],
  ['1.6', { up: '2', down: '1', ceil: '2', floor: '1', 'half-up': '2', 'half-down': '2', 'half-even': '2' }],
  ['1.1', { up: '2', down: '1', ceil: '2', floor: '1', 'half-up': '1', 'half-down': '1', 'half-even': '1' }],
  ['1.0', { up: '1', down: '1', ceil: '1', floor: '1', 'half-up': '1', 'half-down': '1', 'half-even': '1' }],
  ['0.5', { up: '1', down: '0', ceil: '1', floor: '0', 'half-up': '1', 'half-down': '0', 'half-even': '0' }],
  [
    '-0.5',
    { up: '-1', down: '0', ceil: '0', floor: '-1', 'half-up': '-1', 'half-down': '0', 'half-even': '0' },
  ],
  [
    '-1.0',
    { up: '-1', down: '-1', ceil: '-1', floor: '-1', 'half-up': '-1', 'half-down': '-1', 'half-even': '-1' },
  ],
  [
    '-1.1',
    { up: '-2', down: '-1', ceil: '-1', floor: '-2', 'half-up': '-1', 'half-down': '-1', 'half-even': '-1' },
  ],
  [
    '-1.6',
    { up: '-2', down: '-1', ceil: '-1', floor: '-2', 'half-up': '-2', 'half-down': '-2', 'half-even': '-2' },
  ],
  [
    '-2.5',
    { up: '-3', down: '-2', ceil: '-2', floor: '-3', 'half-up': '-3', 'half-down': '-2', 'half-even': '-2' },
  ],
  [
    '-5.5',
    { up: '-6', down: '-5', ceil: '-5', floor: '-6', 'half-up': '-6', 'half-down': '-5', 'half-even': '-6' },
  ],
];

describe('round', () => {
  test('default', () => {
    expect(d('189.37020').round(2, 'half-even').toString()).toBe('189.37');
  });

  for (const mode of ROUNDING_MODES) {
    test(`behavior: ${mode} on positive and negative ties and non-ties`, () => {
      for (const [value, expected] of ROUNDING_TABLE) {
        expect(d(value).round(0, mode).toString(), `${value} ${mode}`).toBe(expected[mode]);
        // The same table scaled down by 1000 checks rounding at a fraction digit.
        const scaled = d(value).div(1000, 4, 'down');
        const want = d(expected[mode]).div(1000, 3, 'down').toString();
        expect(scaled.round(3, mode).toString(), `${scaled} ${mode}`).toBe(want);
      }
    });
  }

  test('behavior: a larger scale appends zeros; the same scale returns this', () => {
    expect(d('1.5').round(4, 'down').toString()).toBe('1.5000');
    const value = d('1.50');
    expect(value.round(2, 'up')).toBe(value);
  });

  test('behavior: rounding to zero never yields -0', () => {
    expect(d('-0.004').round(2, 'half-even').toString()).toBe('0.00');
    expect(d('-0.4').round(0, 'down').toString()).toBe('0');
  });

  test('behavior: an invalid scale or mode throws, even when nothing needs rounding', () => {
    expect(caught(() => d('1.5').round(-1, 'down')).rule).toBe('invalid-scale');
    expect(caught(() => d('1.5').round(3, 'bankers' as RoundingMode)).rule).toBe('invalid-rounding-mode');
    expect(caught(() => d('1.5').round(1, 'bankers' as RoundingMode)).rule).toBe('invalid-rounding-mode');
    expect(caught(() => d('1.50').round(1, 'bankers' as RoundingMode)).rule).toBe('invalid-rounding-mode');
  });
});

describe('roundToStep', () => {
  test('default', () => {
    expect(d('0.12345').roundToStep('0.001', 'down').toString()).toBe('0.123');
  });

  test.each([
    // value, step, mode, expected
    ['63123.47', '0.10', 'down', '63123.40'],
    ['63123.47', '0.10', 'half-up', '63123.50'],
    ['63123.45', '0.10', 'half-even', '63123.40'],
    ['63123.55', '0.10', 'half-even', '63123.60'],
    ['-63123.47', '0.10', 'floor', '-63123.50'],
    ['-63123.47', '0.10', 'ceil', '-63123.40'],
    ['0.0129', '0.001', 'down', '0.012'],
    ['0.0129', '0.001', 'up', '0.013'],
    ['0.0125', '0.001', 'half-down', '0.012'],
    ['0.0125', '0.001', 'half-up', '0.013'],
    ['-0.0125', '0.001', 'half-up', '-0.013'],
    ['-0.0125', '0.001', 'half-down', '-0.012'],
    ['0.003', '0.001', 'up', '0.003'],
    ['3', '0.001', 'down', '3.000'],
    ['100.74', '0.5', 'down', '100.5'],
    ['100.75', '0.5', 'half-even', '101.0'],
    ['100.25', '0.5', 'half-even', '100.0'],
    ['100.25', '0.5', 'half-up', '100.5'],
    ['-100.25', '0.5', 'half-up', '-100.5'],
    ['63123.40', '25', 'down', '63100'],
    ['63137.5', '25', 'half-even', '63150'],
    ['63112.5', '25', 'half-even', '63100'],
    ['63112.5', '25', 'half-down', '63100'],
    ['63112.5', '25', 'half-up', '63125'],
    ['63100.01', '25', 'ceil', '63125'],
    ['-63100.01', '25', 'up', '-63125'],
  ] as const)('behavior: %s to step %s (%s) is %s', (value, step, mode, expected) => {
    expect(d(value).roundToStep(step, mode).toString()).toBe(expected);
  });

  test('behavior: the step must be greater than zero', () => {
    expect(caught(() => d('1').roundToStep('0', 'down')).rule).toBe('invalid-step');
    expect(caught(() => d('1').roundToStep('-0.1', 'down')).rule).toBe('invalid-step');
    expect(caught(() => d('1').roundToStep('x', 'down')).rule).toBe('syntax');
  });
});

describe('isMultipleOf', () => {
  test('default', () => {
    expect(d('63123.40').isMultipleOf('0.10')).toBe(true);
    expect(d('63123.45').isMultipleOf('0.10')).toBe(false);
  });

  test('behavior: works across scales and signs', () => {
    expect(d('0.003').isMultipleOf('0.001')).toBe(true);
    expect(d('0.0030000').isMultipleOf('0.001')).toBe(true);
    expect(d('0.0031').isMultipleOf('0.001')).toBe(false);
    expect(d('-100.5').isMultipleOf('0.5')).toBe(true);
    expect(d('75').isMultipleOf('25')).toBe(true);
    expect(d('75.5').isMultipleOf('25')).toBe(false);
    expect(d('0').isMultipleOf('25')).toBe(true);
    expect(d('63100').isMultipleOf('0.1')).toBe(true);
  });

  test('behavior: the step must be greater than zero', () => {
    expect(caught(() => d('1').isMultipleOf(0)).rule).toBe('invalid-step');
  });
});

describe('rescale', () => {
  test('default', () => {
    expect(d('1.5').rescale(3).toString()).toBe('1.500');
    expect(d('1.500').rescale(1).toString()).toBe('1.5');
  });

  test('behavior: refuses to drop a non-zero digit', () => {
    const error = caught(() => d('1.55').rescale(1));
    expect(error.rule).toBe('precision-loss');
    expect(error.shortMessage).toMatchInlineSnapshot(
      `"the value has more fraction digits than the requested scale: "1.55" (to scale 1) [precision-loss]"`,
    );
    expect(caught(() => d('1.5').rescale(-1)).rule).toBe('invalid-scale');
  });

  test('behavior: the same scale returns this', () => {
    const value = d('2.50');
    expect(value.rescale(2)).toBe(value);
  });
});

describe('normalize', () => {
  test('default', () => {
    expect(d('1.500').normalize().toString()).toBe('1.5');
  });

  test('behavior: strips only fraction zeros', () => {
    expect(d('0.00000000').normalize().toString()).toBe('0');
    expect(d('100').normalize().toString()).toBe('100');
    expect(d('100.00').normalize().toString()).toBe('100');
    expect(d('-0.10000').normalize().toString()).toBe('-0.1');
    expect(d('1.25').normalize().toString()).toBe('1.25');
  });
});

describe('decimals', () => {
  test('default', () => {
    expect(d('0.00000000').decimals()).toBe(8);
    expect(d('5').decimals()).toBe(0);
  });
});

describe('toFixed', () => {
  test('default', () => {
    expect(d('1.23456').toFixed(2)).toBe('1.23');
  });

  test('behavior: defaults to rounding down (toward zero), so it never overstates', () => {
    expect(d('1.999').toFixed(2)).toBe('1.99');
    expect(d('-1.999').toFixed(2)).toBe('-1.99');
    expect(d('1.999').toFixed(2, 'half-up')).toBe('2.00');
    expect(d('1.5').toFixed(4)).toBe('1.5000');
    expect(d('5').toFixed(0)).toBe('5');
  });
});

describe('toString and toJSON', () => {
  test('default', () => {
    expect(d('122607.35137903').toString()).toBe('122607.35137903');
    expect(d('122607.35137903').toJSON()).toBe('122607.35137903');
  });

  test('behavior: pads small fractions and never uses an exponent', () => {
    expect(Decimal.fromUnits(5n, 3).toString()).toBe('0.005');
    expect(Decimal.fromUnits(-5n, 3).toString()).toBe('-0.005');
    expect(Decimal.fromUnits(123n, 3).toString()).toBe('0.123');
    expect(Decimal.fromUnits(-123n, 3).toString()).toBe('-0.123');
    expect(Decimal.fromUnits(1234n, 3).toString()).toBe('1.234');
    expect(Decimal.fromUnits(-1234n, 3).toString()).toBe('-1.234');
    expect(Decimal.fromUnits(1n, 30).toString()).toBe('0.000000000000000000000000000001');
    expect(Decimal.fromUnits(10n ** 30n, 0).toString()).toBe('1000000000000000000000000000000');
  });

  test('behavior: JSON carries the exact string', () => {
    expect(JSON.stringify({ price: d('60000.10'), qty: d('0.00000000') })).toBe(
      '{"price":"60000.10","qty":"0.00000000"}',
    );
  });

  test('behavior: template literals and String() print; numeric conversion throws', () => {
    const price = d('9.50');
    expect(`${price}`).toBe('9.50');
    expect(String(price)).toBe('9.50');
    const loose = price as unknown as number;
    expect(caught(() => loose < 10).rule).toBe('implicit-conversion');
    expect(caught(() => loose * 2).rule).toBe('implicit-conversion');
    // biome-ignore lint/style/useTemplate: the concatenation is what is being tested.
    expect(caught(() => 'price ' + loose).rule).toBe('implicit-conversion');
  });
});

describe('toNumber', () => {
  test('default', () => {
    expect(d('63123.40').toNumber()).toBe(63123.4);
    expect(d('0.1').toNumber()).toBe(0.1);
  });

  test('behavior: the nearest double, on the fast and the slow path', () => {
    for (const text of [
      '0.00000000',
      '-0.00010000',
      '122607.35137903',
      '9007199254740993',
      '0.30000000000000004',
      '123456789012345678901234567890.123',
      '0.000000000000000000000000000001',
      '-5',
    ]) {
      expect(d(text).toNumber(), text).toBe(Number(text) === 0 ? 0 : Number(text));
    }
  });
});
