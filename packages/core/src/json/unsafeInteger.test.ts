import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isUnsafeInteger, mayHoldUnsafeInteger } from './unsafeInteger.js';

// The pre-check's contract, written the slow obvious way: some maximal run of 16+ digits sits where an
// integer token could (after start, ':', '[', ',' or JSON whitespace, optionally with '-'; before end,
// ',', ']', '}' or JSON whitespace).
function referencePreCheck(text: string): boolean {
  for (const match of text.matchAll(/[0-9]{16,}/g)) {
    const start = match.index;
    const stop = start + match[0].length;
    const before = text.slice(0, start).replace(/-$/, '');
    const opens = before === '' || /[:[,\t\n\r ]$/.test(before);
    const closes = stop === text.length || /^[,\]}\t\n\r ]/.test(text.slice(stop));
    if (opens && closes) return true;
  }
  return false;
}

describe('isUnsafeInteger', () => {
  test('default', () => {
    expect(isUnsafeInteger(2n ** 53n)).toBe(true);
    expect(isUnsafeInteger(-(2n ** 53n))).toBe(true);
    expect(isUnsafeInteger(18446744073709551615n)).toBe(true);
  });

  test('behavior: safe bigints, numbers and other values are not unsafe integers', () => {
    expect(isUnsafeInteger(2n ** 53n - 1n)).toBe(false);
    expect(isUnsafeInteger(-(2n ** 53n - 1n))).toBe(false);
    expect(isUnsafeInteger(5n)).toBe(false);
    expect(isUnsafeInteger(2 ** 60)).toBe(false);
    expect(isUnsafeInteger('9007199254740993')).toBe(false);
    expect(isUnsafeInteger(null)).toBe(false);
  });
});

describe('mayHoldUnsafeInteger', () => {
  test('default', () => {
    expect(mayHoldUnsafeInteger('{"orderId":9007199254740993}')).toBe(true);
    expect(mayHoldUnsafeInteger('{"orderId":8886774,"E":1718000000000}')).toBe(false);
  });

  test('behavior: 16-digit literals anywhere a number can stand are flagged', () => {
    for (const text of [
      '1234567890123456',
      '-1234567890123456',
      '[1234567890123456]',
      '[1,-12345678901234567890 ]',
      '{"a":\n1234567890123456\r\n}',
      '\t1234567890123456\t',
    ]) {
      expect(mayHoldUnsafeInteger(text), text).toBe(true);
    }
  });

  test('behavior: long digit runs inside strings and floats are not flagged', () => {
    for (const text of [
      '{"listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"}',
      '{"listenKey":"1234567890123456789012345678901234567890123456789012345678901234"}',
      '{"p":"0.00000000000000001"}',
      '{"p":0.12345678901234567890}',
      '{"p":12345678901234567890.5}',
      '{"p":12345678901234567890e0}',
      '{"c":"x-12345678901234567890"}',
      '{"12345678901234567890":1}',
      '123456789012345',
    ]) {
      expect(mayHoldUnsafeInteger(text), text).toBe(false);
    }
  });

  test('behavior: agrees with the reference on digit-heavy text', () => {
    const alphabet = fc.constantFrom(...'0123456789012345678901234567890123456789-.e:[],{}" \n\tx');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 120 }), (text) => {
        expect(mayHoldUnsafeInteger(text)).toBe(referencePreCheck(text));
      }),
      { numRuns: 10_000 },
    );
  });

  test('behavior: agrees with the reference around every window offset', () => {
    // A run of 16 placed at each offset relative to the 16-character sampling grid, and runs of 15.
    for (let pad = 0; pad < 40; pad++) {
      for (const run of ['1234567890123456', '123456789012345', '12345678901234567']) {
        for (const [open, close] of [
          [':', '}'],
          ['"', '"'],
          ['.', ','],
        ] as const) {
          const text = `${'x'.repeat(pad)}${open}${run}${close}${'y'.repeat(pad % 7)}`;
          expect(mayHoldUnsafeInteger(text), text).toBe(referencePreCheck(text));
        }
      }
    }
  });
});
