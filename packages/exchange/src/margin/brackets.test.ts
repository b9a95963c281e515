import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bracketForNotional,
  bracketIndexForNotional,
  deriveBrackets,
  isValidLeverage,
  maxLeverage,
  maxNotionalForLeverage,
  tierProblems,
} from './brackets.js';
import {
  BTCUSD_PERP_TIERS,
  BTCUSDT_TIERS_2021,
  BTCUSDT_TIERS_2024,
  ETHUSDT_TIERS_2021,
} from './sampleTiers.js';

const d = Decimal.parse;
const BTC = deriveBrackets(BTCUSDT_TIERS_2024);

describe('deriveBrackets', () => {
  test('default', () => {
    expect(BTC.map((b) => b.cum.toString())).toEqual([
      '0',
      '50',
      '950',
      '11450',
      '131450',
      '481450',
      '2981450',
      '14481450',
      '26481450',
      '41481450',
      '121481450',
      '421481450',
    ]);
    expect(BTC[1]).toEqual({
      bracket: 2,
      initialLeverage: 100,
      notionalFloor: d('50000'),
      notionalCap: d('600000'),
      maintMarginRatio: d('0.005'),
      cum: d('50'),
    });
  });

  test('behavior: §2.2 worked cums ✓ (50, 950, 11,450)', () => {
    expect(BTC[1]!.cum.eq('50')).toBe(true);
    expect(BTC[2]!.cum.eq('950')).toBe(true);
    expect(BTC[3]!.cum.eq('11450')).toBe(true);
  });

  test('behavior: the FAQ-era tables give the FAQ cums (BTC 16,300; ETH 135,365)', () => {
    expect(deriveBrackets(BTCUSDT_TIERS_2021)[3]!.cum.eq('16300')).toBe(true);
    expect(deriveBrackets(ETHUSDT_TIERS_2021)[5]!.cum.eq('135365')).toBe(true);
  });

  test('behavior: empty tiers give no brackets', () => {
    expect(deriveBrackets([])).toEqual([]);
  });

  test('behavior: maintenance margin is continuous at every boundary (property)', () => {
    const tables = [BTCUSDT_TIERS_2024, BTCUSDT_TIERS_2021, ETHUSDT_TIERS_2021, BTCUSD_PERP_TIERS].map(
      deriveBrackets,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 11 }), (t, i) => {
        const brackets = tables[t]!;
        if (i >= brackets.length) return;
        const lower = brackets[i - 1]!;
        const upper = brackets[i]!;
        const n = upper.notionalFloor;
        const a = n.mul(lower.maintMarginRatio).sub(lower.cum);
        const b = n.mul(upper.maintMarginRatio).sub(upper.cum);
        if (!a.eq(b)) throw new Error(`discontinuous at ${n}: ${a} vs ${b}`);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('tierProblems', () => {
  test('default', () => {
    expect(tierProblems(BTCUSDT_TIERS_2024)).toEqual([]);
    expect(tierProblems(BTCUSD_PERP_TIERS)).toEqual([]);
  });

  test('behavior: names each broken rule', () => {
    expect(tierProblems([])).toEqual(['no tiers']);
    expect(
      tierProblems([
        ['10', '5', '0.004', 125],
        ['6', '20', '0.003', 150],
        ['20', '30', '1', 0],
        ['x', '40', '0.5', 1],
      ]),
    ).toEqual([
      'tier 1: floor must be 0, got 10',
      'tier 1: cap 5 must be above floor 10',
      'tier 2: floor 6 must equal the previous cap 5',
      'tier 2: MMR 0.003 is below the previous 0.004',
      'tier 2: max leverage 150 is above the previous 125',
      'tier 3: MMR 1 must be in (0, 1)',
      'tier 3: max leverage 0 must be a positive integer',
      'tier 4: floor, cap and MMR must be decimal strings',
    ]);
  });
});

describe('bracketForNotional', () => {
  test('default', () => {
    expect(bracketForNotional(BTC, d('60000')).bracket).toBe(2);
  });

  test('behavior: floors are inclusive, caps exclusive, the ends clamp', () => {
    expect(bracketForNotional(BTC, d('0')).bracket).toBe(1);
    expect(bracketForNotional(BTC, d('49999.99')).bracket).toBe(1);
    expect(bracketForNotional(BTC, d('50000')).bracket).toBe(2);
    expect(bracketForNotional(BTC, d('1800000000')).bracket).toBe(12);
    expect(bracketForNotional(BTC, d('5000000000')).bracket).toBe(12);
    expect(bracketForNotional(BTC, d('-60000')).bracket).toBe(2);
  });

  test('behavior: the index agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2_000_000_000_00n }), (cents) => {
        const n = Decimal.fromUnits(cents, 2);
        const i = bracketIndexForNotional(BTC, n);
        const b = BTC[i]!;
        const inside = n.gte(b.notionalFloor) && (n.lt(b.notionalCap) || i === BTC.length - 1);
        if (!inside) throw new Error(`${n} not in bracket ${b.bracket}`);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('leverage limits', () => {
  test('default', () => {
    expect(maxLeverage(BTC)).toBe(125);
    expect(maxNotionalForLeverage(BTC, 20)?.toString()).toBe('100000000');
  });

  test('behavior: maxNotionalValue is the cap of the highest tier allowing the leverage', () => {
    expect(maxNotionalForLeverage(BTC, 125)?.toString()).toBe('50000');
    expect(maxNotionalForLeverage(BTC, 101)?.toString()).toBe('50000');
    expect(maxNotionalForLeverage(BTC, 100)?.toString()).toBe('600000');
    expect(maxNotionalForLeverage(BTC, 1)?.toString()).toBe('1800000000');
    expect(maxNotionalForLeverage(BTC, 126)).toBeUndefined();
    expect(maxLeverage([])).toBe(0);
  });

  test('behavior: leverage must be an integer from 1 to the maximum', () => {
    expect(isValidLeverage(BTC, 1)).toBe(true);
    expect(isValidLeverage(BTC, 125)).toBe(true);
    expect(isValidLeverage(BTC, 0)).toBe(false);
    expect(isValidLeverage(BTC, 126)).toBe(false);
    expect(isValidLeverage(BTC, 2.5)).toBe(false);
  });
});
