import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { basisSample, markPrice, medianOfThree } from './markPrice.js';
import { API_PRICE, toPrice } from './precision.js';
import { Rational } from './rational.js';

const d = Decimal.parse;
const HOUR = 3_600_000;

describe('medianOfThree', () => {
  test('default', () => {
    // P1 < P2 < Last → P2.
    expect(medianOfThree(d('1'), d('2'), d('3')).toString()).toBe('2');
  });

  test('behavior: the middle value wins in every order (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), fc.bigInt(), (a, b, c) => {
        const m = medianOfThree(Decimal.fromUnits(a, 2), Decimal.fromUnits(b, 2), Decimal.fromUnits(c, 2));
        const sorted = [a, b, c].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        if (m.units * 1n !== sorted[1]) throw new Error(`median of ${a}, ${b}, ${c} is not ${m}`);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('basisSample', () => {
  test('default', () => {
    expect(basisSample(d('59990'), d('60010'), d('59995')).toString()).toBe('5.0');
  });
});

describe('markPrice', () => {
  const base = {
    indexPrice: d('60000'),
    lastFundingRate: d('0.0001'),
    msUntilNextFunding: 4 * HOUR,
    fundingIntervalMs: 8 * HOUR,
    basisSamples: [d('5'), d('7'), d('9')],
    lastPrice: d('60010'),
  };

  test('default', () => {
    // Price1 = 60,000 × (1 + 0.0001 × 4/8) = 60,003; Price2 = 60,000 + 7 = 60,007; last 60,010 → 60,007.
    expect(markPrice(base).toString()).toBe('60007.00000000');
  });

  test('behavior: whichever of Price1, Price2 and last is in the middle is the mark', () => {
    expect(markPrice({ ...base, lastPrice: d('60005') }).toString()).toBe('60005.00000000');
    expect(markPrice({ ...base, lastPrice: d('59000') }).toString()).toBe('60003.00000000');
    expect(markPrice({ ...base, basisSamples: [], lastPrice: d('59000') }).toString()).toBe('60000.00000000');
  });

  test('behavior: exact until one rounding to the grid', () => {
    const p = markPrice({
      ...base,
      msUntilNextFunding: 1,
      basisSamples: [d('1'), d('1'), d('2')],
      lastPrice: d('70000'),
    });
    // Price1 = 60,000.00000075 < Price2 = 60,001.33333333… → Price2.
    expect(p.toString()).toBe('60001.33333333');
    expect(markPrice({ ...base, rounding: { step: d('0.1'), mode: 'half-up' } }).toString()).toBe('60007.0');
  });

  test('behavior: equals the exact formula rounded once, for any prices, rates and samples (property)', () => {
    // Decimals of 0 to 10 digits: past 9 the index leaves the decimal path for the exact one.
    const decimals = (min: bigint, max: bigint) =>
      fc
        .bigInt({ min, max })
        .chain((units) => fc.integer({ min: 0, max: 10 }).map((scale) => Decimal.fromUnits(units, scale)));
    const price = decimals(1n, 10n ** 14n);
    const signed = decimals(-(10n ** 12n), 10n ** 12n);
    const rounding = fc.constantFrom(
      undefined,
      { step: d('0.01'), mode: 'half-up' as const },
      { step: d('0.00000001'), mode: 'half-even' as const },
      { step: d('0.5'), mode: 'half-up' as const },
    );
    fc.assert(
      fc.property(
        fc.record({
          indexPrice: price,
          lastFundingRate: fc
            .bigInt({ min: -(10n ** 6n), max: 10n ** 6n })
            .map((u) => Decimal.fromUnits(u, 8)),
          msUntilNextFunding: fc.integer({ min: 0, max: 8 * HOUR }),
          fundingIntervalMs: fc.constantFrom(HOUR, 4 * HOUR, 8 * HOUR),
          basisSamples: fc.array(signed, { maxLength: 7 }),
          lastPrice: price,
        }),
        rounding,
        (fields, round) => {
          const input = round === undefined ? fields : { ...fields, rounding: round };
          const {
            indexPrice,
            lastFundingRate,
            msUntilNextFunding,
            fundingIntervalMs,
            basisSamples,
            lastPrice,
          } = fields;
          // The formula in exact fractions, rounded once: the oracle.
          const index = Rational.of(indexPrice);
          const price1 = index.mul(
            Rational.ratio(msUntilNextFunding, fundingIntervalMs).mul(lastFundingRate).add(Rational.ONE),
          );
          let total = Rational.ZERO;
          for (const b of basisSamples) total = total.add(b);
          const price2 =
            basisSamples.length === 0 ? index : index.add(Rational.ratio(total, basisSamples.length));
          const sorted = [price1, price2, Rational.of(lastPrice)].sort((x, y) => x.cmp(y));
          const expected = toPrice(sorted[1]!, round ?? API_PRICE);
          expect(markPrice(input).toString()).toBe(expected.toString());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
