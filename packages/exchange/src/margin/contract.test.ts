import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import {
  exactNotional,
  inverse,
  LINEAR,
  notional,
  priceOfUnitValue,
  unitValue,
  unitValueSign,
} from './contract.js';
import { Rational } from './rational.js';

const d = Decimal.parse;
const BTCUSD = inverse(d('100'));

describe('notional', () => {
  test('default', () => {
    expect(notional(LINEAR, d('1'), d('60000')).toString()).toBe('60000.00000000');
  });

  test('behavior: §2.4 COIN-M: 100 BTCUSD contracts at mark 25,000 are 0.4 BTC', () => {
    expect(notional(BTCUSD, d('100'), d('25000')).toString()).toBe('0.40000000');
  });

  test('behavior: the sign of the size is ignored; results are cut toward zero', () => {
    expect(notional(LINEAR, d('-0.003'), d('37113.25148824')).toString()).toBe('111.33975446');
    expect(notional(BTCUSD, d('-1'), d('11661.2')).toString()).toBe('0.00857544'); // cumBase of a COIN-M fill
    expect(exactNotional(BTCUSD, d('1'), d('3')).cmp(Rational.ratio(d('100'), d('3')))).toBe(0);
  });
});

describe('unitValue', () => {
  test('default', () => {
    expect(unitValue(LINEAR, d('60000')).round(0, 'down').toString()).toBe('60000');
    expect(unitValue(BTCUSD, d('50000')).round(4, 'down').toString()).toBe('-0.0020');
    expect([unitValueSign(LINEAR), unitValueSign(BTCUSD)]).toEqual([1, -1]);
  });

  test('behavior: priceOfUnitValue inverts unitValue and refuses values of no positive price', () => {
    for (const c of [LINEAR, BTCUSD]) {
      const u = unitValue(c, d('45636.36'));
      expect(priceOfUnitValue(c, u)?.round(2, 'down').toString()).toBe('45636.36');
    }
    expect(priceOfUnitValue(LINEAR, Rational.of(d('-1')))).toBeUndefined();
    expect(priceOfUnitValue(LINEAR, Rational.ZERO)).toBeUndefined();
    expect(priceOfUnitValue(BTCUSD, Rational.of(d('0.001')))).toBeUndefined();
  });

  test('behavior: inverse() freezes its kind', () => {
    expect(BTCUSD).toEqual({ kind: 'inverse', contractSize: d('100') });
    expect(Object.isFrozen(BTCUSD) && Object.isFrozen(LINEAR)).toBe(true);
  });
});
