import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { inverse, LINEAR } from './contract.js';
import { addFillValue, averageFillPrice, exactValueOf } from './fillValue.js';

const d = Decimal.parse;
const BTCUSD = inverse(d('100'));

describe('averageFillPrice', () => {
  test('default: inverse fills average harmonically, exactly, rounded once', () => {
    let value = exactValueOf(Decimal.ZERO);
    value = addFillValue(BTCUSD, value, d('60'), d('47900'));
    value = addFillValue(BTCUSD, value, d('40'), d('47800'));
    // 100 / (60/47,900 + 40/47,800) = 47,859.9498…
    expect(averageFillPrice(BTCUSD, d('100'), value, 4, 'half-even').toString()).toBe('47859.9498');
    expect(averageFillPrice(BTCUSD, d('100'), value, 1, 'half-even').toString()).toBe('47859.9');
    // One fill gives its own price back, which the 8-decimal cumBase does not.
    const one = addFillValue(BTCUSD, exactValueOf(Decimal.ZERO), d('3'), d('95995.7'));
    expect(averageFillPrice(BTCUSD, d('3'), one, 1, 'half-even').toString()).toBe('95995.7');
    expect(averageFillPrice(BTCUSD, d('3'), exactValueOf(d('0.00312513')), 1, 'half-even').toString()).toBe(
      '95996.0',
    );
  });

  test('behavior: linear fills average by quantity; a value of nothing has no average', () => {
    const value = addFillValue(LINEAR, exactValueOf(d('100')), d('0.002'), d('60000'));
    expect(averageFillPrice(LINEAR, d('0.003'), value, 2, 'half-even').toString()).toBe('73333.33');
    expect(() => averageFillPrice(BTCUSD, d('1'), exactValueOf(Decimal.ZERO), 1, 'half-even')).toThrow(
      RangeError,
    );
  });
});
