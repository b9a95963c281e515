import { describe, expect, test } from 'vitest';
import { DecimalError } from './decimalError.js';
import {
  countDecimals,
  INVALID,
  isDecimalString,
  NO_POINT,
  scanPlain,
  splitExponential,
  syntaxError,
} from './grammar.js';

const PLAIN = [
  '0',
  '-0',
  '5',
  '-7',
  '0.00000000',
  '-0.00010000',
  '60000.10',
  '122607.35137903',
  '0.5',
  '1234567890123456789012345678901234567890.0123456789',
];
const NOT_PLAIN = [
  '',
  '-',
  '.',
  '.5',
  '1.',
  '+1',
  '01',
  '-01',
  '00',
  ' 1',
  '1 ',
  '1e-8',
  '1E8',
  'NaN',
  'Infinity',
  '0x10',
  '1.2.3',
  '1,5',
  '--1',
  '1-',
];

describe('isDecimalString', () => {
  test('default', () => {
    expect(isDecimalString('60000.10')).toBe(true);
    expect(isDecimalString('1e-8')).toBe(false);
  });

  test('behavior: accepts exactly the plain wire grammar', () => {
    for (const text of PLAIN) expect(isDecimalString(text), text).toBe(true);
    for (const text of NOT_PLAIN) expect(isDecimalString(text), text).toBe(false);
  });

  test('behavior: a non-string is not a decimal string', () => {
    expect(isDecimalString(5 as unknown as string)).toBe(false);
  });
});

describe('scanPlain', () => {
  test('default', () => {
    expect(scanPlain('60000.10')).toBe(5);
    expect(scanPlain('-7')).toBe(NO_POINT);
    expect(scanPlain('1e5')).toBe(INVALID);
  });
});

describe('countDecimals', () => {
  test('default', () => {
    expect(countDecimals('122607.35137903')).toBe(8);
  });

  test('behavior: counts trailing zeros, as the scale does', () => {
    expect(countDecimals('0.0010')).toBe(4);
    expect(countDecimals('0.00000000')).toBe(8);
    expect(countDecimals('5')).toBe(0);
    expect(countDecimals('-0.5')).toBe(1);
  });

  test('behavior: exponent input counts the digits of its plain value', () => {
    expect(countDecimals('1e-8')).toBe(8);
    expect(countDecimals('1.25e1')).toBe(1);
    expect(countDecimals('1.5E+3')).toBe(0);
  });

  test('behavior: invalid text throws the parse error', () => {
    expect(() => countDecimals('1.')).toThrow(DecimalError);
    expect(() => countDecimals('.5')).toThrow(/missing-integer-digits/);
    expect(() => countDecimals(1 as unknown as string)).toThrow(/invalid-type/);
  });
});

describe('splitExponential', () => {
  test('default', () => {
    expect(splitExponential('-1.5e3')).toEqual({ digits: '-15', scale: 0, zeros: 2 });
    expect(splitExponential('1.5e-3')).toEqual({ digits: '15', scale: 4, zeros: 0 });
  });

  test('behavior: undefined for anything but plain mantissa, marker and integer exponent', () => {
    for (const text of ['1e', 'e1', '1e+', '1e1.5', '.5e1', '1.e1', '1e1e1', '+1e1', '1e1001', '1']) {
      expect(splitExponential(text), text).toBeUndefined();
    }
  });
});

describe('syntaxError', () => {
  test('default', () => {
    const error = syntaxError('12a');
    expect(error.rule).toBe('syntax');
    expect(error.shortMessage).toMatchInlineSnapshot(
      `"not a decimal number: "12a" (unexpected "a" at index 2) [syntax]"`,
    );
  });
});
