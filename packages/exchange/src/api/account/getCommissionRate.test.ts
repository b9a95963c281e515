import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { getCommissionRate } from './getCommissionRate.js';
import { accountVenue, call, rejects } from './testing.js';

describe('getCommissionRate', () => {
  test('default: the account rates the fills use; symbol is mandatory', () => {
    const { venue, trader } = accountVenue();
    trader.makerRate = Decimal.parse('0.00016');
    trader.takerRate = Decimal.parse('0.00040');
    expect(call(getCommissionRate, venue, trader, { symbol: 'ETHUSDT' })).toEqual({
      symbol: 'ETHUSDT',
      makerCommissionRate: '0.00016',
      takerCommissionRate: '0.0004',
      rpiCommissionRate: '0.00016',
    });
    expect(rejects(() => call(getCommissionRate, venue, trader))).toBe(-1102);
    expect(rejects(() => call(getCommissionRate, venue, trader, { symbol: 'NOPE' }))).toBe(-1121);
  });
});
