import { describe, expect, test } from 'vitest';
import { DECIMAL_ERROR_RULES, DecimalError } from './decimalError.js';

describe('DecimalError', () => {
  test('default', () => {
    const error = new DecimalError({ rule: 'plus-sign', value: '+1' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DecimalError');
    expect(error.rule).toBe('plus-sign');
    expect(error.value).toBe('+1');
    expect(error.shortMessage).toMatchInlineSnapshot(`"a leading "+" is not allowed: "+1" [plus-sign]"`);
  });

  test('behavior: every rule has a message', () => {
    for (const rule of DECIMAL_ERROR_RULES) {
      const message = new DecimalError({ rule, value: 'x' }).shortMessage;
      expect(message.startsWith('undefined')).toBe(false);
      expect(message.endsWith(`[${rule}]`)).toBe(true);
    }
  });

  test('behavior: long values are cut in the message but kept whole on the error', () => {
    const value = '9'.repeat(1000);
    const error = new DecimalError({ rule: 'syntax', value });
    expect(error.value).toBe(value);
    expect(error.shortMessage.length).toBeLessThan(200);
  });
});
