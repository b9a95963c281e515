import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { inverse, LINEAR } from './contract.js';
import { commission, commissionRate, liquidationClearanceFee } from './fees.js';

const d = Decimal.parse;
const rates = { maker: d('0.0002'), taker: d('0.0005') };

describe('commission', () => {
  test('default', () => {
    // §2.11: a 1 BTC fill at 60,000 → taker 30 USDT, maker 12 USDT.
    expect(commission(LINEAR, d('1'), d('60000'), commissionRate(rates, false)).toString()).toBe(
      '30.00000000',
    );
    expect(commission(LINEAR, d('1'), d('60000'), commissionRate(rates, true)).toString()).toBe(
      '12.00000000',
    );
  });

  test('behavior: rounds up to 8 decimals; rebates round toward zero', () => {
    // 0.001 × 63,123.45 × 0.0005 = 0.031561725
    expect(commission(LINEAR, d('0.001'), d('63123.45'), d('0.0005')).toString()).toBe('0.03156173');
    expect(commission(LINEAR, d('0.001'), d('63123.45'), d('-0.0001')).toString()).toBe('-0.00631234');
    // BTCUSDT grids with default rates need no rounding: 0.001 × 63,123.4 × 0.0005.
    expect(commission(LINEAR, d('0.001'), d('63123.4'), d('0.0005')).toString()).toBe('0.03156170');
  });

  test('behavior: COIN-M charges in coin', () => {
    // 100 contracts × 100 USD / 50,000 = 0.2 BTC × 0.05% = 0.0001 BTC.
    expect(commission(inverse(d('100')), d('100'), d('50000'), d('0.0005')).toString()).toBe('0.00010000');
    // 1 contract at 11,661.2: 0.0085754467… × 0.0005 = 0.00000428772… → 0.00000429
    expect(commission(inverse(d('100')), d('1'), d('11661.2'), d('0.0005')).toString()).toBe('0.00000429');
  });
});

describe('liquidationClearanceFee', () => {
  test('default', () => {
    // 1 BTC at 57,000 × 1.25% = 712.5, but only 236.18 is left.
    expect(liquidationClearanceFee(LINEAR, d('1'), d('57000'), d('0.0125'), d('236.18')).toString()).toBe(
      '236.18000000',
    );
    expect(liquidationClearanceFee(LINEAR, d('0.1'), d('57000'), d('0.0125'), d('236.18')).toString()).toBe(
      '71.25000000',
    );
  });

  test('behavior: nothing left, nothing charged', () => {
    expect(liquidationClearanceFee(LINEAR, d('1'), d('57000'), d('0.0125'), d('-5')).toString()).toBe(
      '0.00000000',
    );
  });
});
