import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inverse, LINEAR } from './contract.js';
import {
  averagePremiumIndex,
  fundingPayment,
  fundingRate,
  fundingTimesBetween,
  impactMarginNotional,
  impactNotionalUnits,
  impactPrice,
  linearImpactPriceOfTicks,
  nextFundingTime,
  perInterval,
  premiumIndex,
} from './funding.js';
import { API_PRICE, toPrice } from './precision.js';
import { Rational } from './rational.js';

const d = Decimal.parse;
const BTCUSD = inverse(d('100'));
const level = (price: string, qty: string) => ({ price: d(price), qty: d(qty) });
const utc = (iso: string) => Date.parse(iso);

/** Ask levels as (gap in whole prices from the previous, quantity in 0.001) pairs. */
const askSteps = fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 5000 })), {
  minLength: 1,
  maxLength: 12,
});

/** The ask side those steps describe from 60000, each price with `fraction` after the point. */
function asksFrom(steps: readonly (readonly [number, number])[], fraction = '') {
  let price = 60000;
  return steps.map(([gap, qty]) => {
    price += gap;
    return level(`${price}${fraction}`, Decimal.fromUnits(BigInt(qty), 3).toString());
  });
}

describe('impact prices', () => {
  test('default', () => {
    // §2.9: BTC at 125× (IMR 0.8%) → 25,000 USDT.
    expect(impactMarginNotional(125).toString()).toBe('25000');
    // 0.2 @ 60,000 (12,000) then 13,000 of the 60,010 level: 25,000 / 0.41663056… = 60,005.19958403…
    expect(impactPrice(LINEAR, [level('60000', '0.2'), level('60010', '0.5')], d('25000'))?.toString()).toBe(
      '60005.19958403',
    );
  });

  test('behavior: COIN-M averages harmonically in coin; a thin book has no impact price', () => {
    // 200 contracts @ 50,000 (0.4 BTC) + 50.1 of the 50,100 level (0.1 BTC): 250.1 × 100 / 0.5 = 50,020.
    expect(impactPrice(BTCUSD, [level('50000', '200'), level('50100', '100')], d('0.5'))?.toString()).toBe(
      '50020.00000000',
    );
    expect(impactPrice(LINEAR, [level('60000', '0.2')], d('25000'))).toBeUndefined();
    expect(impactPrice(LINEAR, [], d('0'))).toBeUndefined();
    expect(impactMarginNotional(50, d('0.01')).toString()).toBe('0.50');
  });

  test('behavior: the impact price lies between the best and the last level used (property)', () => {
    fc.assert(
      fc.property(askSteps, fc.integer({ min: 1, max: 2_000_000 }), (steps, target) => {
        const levels = asksFrom(steps);
        const p = impactPrice(LINEAR, levels, Decimal.from(target));
        if (p === undefined) return;
        if (p.lt(levels[0]!.price) || p.gt(levels[levels.length - 1]!.price))
          throw new Error(`${p} outside the book`);
      }),
      { numRuns: 10_000 },
    );
  });

  test('behavior: on a linear contract, the exact size-weighted walk rounded once (property)', () => {
    fc.assert(
      fc.property(
        askSteps,
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.constantFrom('', '.3', '.07'),
        fc.constantFrom(API_PRICE, { step: d('0.1'), mode: 'down' as const }),
        (steps, target, fraction, rounding) => {
          const levels = asksFrom(steps, fraction);
          const notional = Decimal.fromUnits(BigInt(target), 1);
          // The walk in exact fractions: whole levels, then the part of the last that fills the notional.
          let remaining = Rational.of(notional);
          let size = Rational.ZERO;
          let expected: Decimal | undefined;
          for (const l of levels) {
            const value = Rational.of(l.price).mul(l.qty);
            const qty = value.gte(remaining) ? remaining.div(l.price) : Rational.of(l.qty);
            size = size.add(qty);
            remaining = remaining.sub(Rational.of(l.price).mul(qty));
            if (remaining.isZero()) {
              expected = toPrice(Rational.of(notional).div(size), rounding);
              break;
            }
          }
          expect(impactPrice(LINEAR, levels, notional, rounding)?.toString()).toBe(expected?.toString());
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('impact prices in ticks and steps', () => {
  const tick = d('0.10');
  const step = d('0.001');

  test('default', () => {
    // The example above: 0.2 @ 60,000 then 0.5 @ 60,010, 25,000 USDT = 250,000,000 units of 0.0001.
    const units = impactNotionalUnits(d('25000'), tick, step);
    expect(units).toBe(250_000_000);
    expect(linearImpactPriceOfTicks([600_000, 200, 600_100, 500], tick, units!)?.toString()).toBe(
      '60005.19958403',
    );
  });

  test('behavior: a thin side is short; a notional off the unit grid or sums past 2^53 go to the decimal walk', () => {
    expect(linearImpactPriceOfTicks([600_000, 200], tick, 250_000_000)).toBe('short');
    expect(linearImpactPriceOfTicks([], tick, 1)).toBe('short');
    expect(impactNotionalUnits(d('0.00005'), tick, step)).toBeUndefined();
    expect(impactNotionalUnits(d('0'), tick, step)).toBeUndefined();
    expect(impactNotionalUnits(d('1e30'), tick, step)).toBeUndefined();
    expect(linearImpactPriceOfTicks([2 ** 40, 2 ** 20], tick, 2 ** 62)).toBeUndefined();
    expect(linearImpactPriceOfTicks([2 ** 30, 1, 2 ** 30, 1], tick, 2 ** 30 + 5)).toBeUndefined();
  });

  test('behavior: the same price as the decimal walk, or short exactly when it finds none (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5000 })), {
          minLength: 0,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.boolean(),
        fc.constantFrom(
          API_PRICE,
          { step: d('0.1'), mode: 'down' as const },
          { step: d('0.05'), mode: 'up' as const },
        ),
        (gaps, target, bids, rounding) => {
          // Best first: asks rise from 60,000.0, bids fall from it.
          let t = 600_000;
          const depth: number[] = [];
          for (const [gap, steps] of gaps) {
            t += bids ? -gap : gap;
            depth.push(t, steps);
          }
          const notional = Decimal.fromUnits(BigInt(target), 1);
          const levels = [];
          for (let i = 0; i < depth.length; i += 2)
            levels.push({ price: tick.mul(depth[i]!), qty: step.mul(depth[i + 1]!) });
          const expected = impactPrice(LINEAR, levels, notional, rounding);
          const units = impactNotionalUnits(notional, tick, step)!;
          const actual = linearImpactPriceOfTicks(depth, tick, units, rounding);
          expect(actual === 'short' ? undefined : actual?.toString()).toBe(expected?.toString());
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('premiumIndex', () => {
  test('default', () => {
    expect(premiumIndex(d('60030'), d('60040'), d('60000')).toString()).toBe('0.00050000');
  });

  test('behavior: zero inside the spread, negative when the asks are below the index', () => {
    expect(premiumIndex(d('59990'), d('60010'), d('60000')).toString()).toBe('0.00000000');
    expect(premiumIndex(d('59950'), d('59970'), d('60000')).toString()).toBe('-0.00050000');
  });
});

describe('averagePremiumIndex', () => {
  test('default', () => {
    // (1×0.0001 + 2×0.0002 + 3×0.0003) / 6 = 0.000233333…
    expect(averagePremiumIndex([d('0.0001'), d('0.0002'), d('0.0003')]).toString()).toBe('0.00023333');
  });

  test('behavior: later samples weigh more; no samples is 0', () => {
    expect(averagePremiumIndex([d('0'), d('0.0003')]).toString()).toBe('0.00020000');
    expect(averagePremiumIndex([]).toString()).toBe('0.00000000');
  });
});

describe('fundingRate', () => {
  const base = { intervalHours: 8, cap: d('0.02'), floor: d('-0.02') };

  test('default', () => {
    // Within ±0.05% of the interest rate the rate is the interest rate.
    expect(fundingRate({ ...base, averagePremiumIndex: d('0.0002') }).toString()).toBe('0.00010000');
  });

  test('behavior: beyond the clamp the premium shows through, then cap and floor bind', () => {
    expect(fundingRate({ ...base, averagePremiumIndex: d('0.001') }).toString()).toBe('0.00050000');
    expect(fundingRate({ ...base, averagePremiumIndex: d('-0.001') }).toString()).toBe('-0.00050000');
    expect(fundingRate({ ...base, averagePremiumIndex: d('0.05') }).toString()).toBe('0.02000000');
    expect(fundingRate({ ...base, averagePremiumIndex: d('-0.05') }).toString()).toBe('-0.02000000');
    // No interest (BNB pairs): a premium within the clamp gives 0.
    expect(
      fundingRate({ ...base, averagePremiumIndex: d('0.0002'), interestRate8h: d('0') }).toString(),
    ).toBe('0.00000000');
  });

  test('behavior: interest and clamp scale with the interval', () => {
    expect(perInterval(d('0.0001'), 4).eq('0.00005')).toBe(true);
    expect(perInterval(d('0.0001'), 1).eq('0.0000125')).toBe(true);
    expect(fundingRate({ ...base, intervalHours: 4, averagePremiumIndex: d('0') }).eq('0.00005')).toBe(true);
    // 4 h: I = 0.005%, clamp ±0.025%: 0.001 − 0.00025 = 0.00075.
    expect(fundingRate({ ...base, intervalHours: 4, averagePremiumIndex: d('0.001') }).eq('0.00075')).toBe(
      true,
    );
  });
});

describe('fundingPayment', () => {
  test('default', () => {
    // §2.9 ✓: long 2 BTC, mark 60,000, F = +0.01% → pays 12; the short receives 12.
    expect(fundingPayment(LINEAR, d('2'), d('60000'), d('0.0001')).toString()).toBe('-12.00000000');
    expect(fundingPayment(LINEAR, d('-2'), d('60000'), d('0.0001')).toString()).toBe('12.00000000');
  });

  test('behavior: negative rates pay longs; COIN-M pays in coin; flat pays nothing', () => {
    expect(fundingPayment(LINEAR, d('2'), d('60000'), d('-0.0001')).toString()).toBe('12.00000000');
    // 100 contracts at 30,000: 0.33333333… BTC × 0.01% = 0.0000333…
    expect(fundingPayment(BTCUSD, d('100'), d('30000'), d('0.0001')).toString()).toBe('-0.00003333');
    expect(fundingPayment(BTCUSD, d('-100'), d('30000'), d('0.0001')).toString()).toBe('0.00003333');
    expect(fundingPayment(LINEAR, d('0'), d('60000'), d('0.0001')).isZero()).toBe(true);
  });
});

describe('funding times', () => {
  test('default', () => {
    expect(nextFundingTime(utc('2024-05-01T03:00:00Z'), 8)).toBe(utc('2024-05-01T08:00:00Z'));
  });

  test('behavior: strictly after now, aligned to 00:00 UTC, restarting at midnight', () => {
    expect(nextFundingTime(utc('2024-05-01T08:00:00Z'), 8)).toBe(utc('2024-05-01T16:00:00Z'));
    expect(nextFundingTime(utc('2024-05-01T07:59:59.999Z'), 8)).toBe(utc('2024-05-01T08:00:00Z'));
    expect(nextFundingTime(utc('2024-05-01T16:00:00Z'), 8)).toBe(utc('2024-05-02T00:00:00Z'));
    expect(nextFundingTime(utc('2024-05-01T13:30:00Z'), 4)).toBe(utc('2024-05-01T16:00:00Z'));
    expect(nextFundingTime(utc('2024-05-01T21:00:00Z'), 5)).toBe(utc('2024-05-02T00:00:00Z'));
  });

  test('behavior: fundingTimesBetween lists (from, to]', () => {
    expect(fundingTimesBetween(utc('2024-05-01T00:00:00Z'), utc('2024-05-02T00:00:00Z'), 8)).toEqual([
      utc('2024-05-01T08:00:00Z'),
      utc('2024-05-01T16:00:00Z'),
      utc('2024-05-02T00:00:00Z'),
    ]);
    expect(fundingTimesBetween(utc('2024-05-01T01:00:00Z'), utc('2024-05-01T07:00:00Z'), 8)).toEqual([]);
  });
});
