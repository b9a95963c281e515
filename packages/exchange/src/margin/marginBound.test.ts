import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inverse, LINEAR } from './contract.js';
import { clearlyCovered } from './marginBound.js';
import { type MarginCheckInput, marginCheck } from './orderMargin.js';

const d = Decimal.parse;
/** A decimal of `scale` places from integer units. */
const units = (min: number, max: number, scale: number) =>
  fc.integer({ min, max }).map((u) => Decimal.fromUnits(BigInt(u), scale));

describe('clearlyCovered', () => {
  test('default: a balance far above the order passes; one at the exact requirement goes to the exact check', () => {
    // 1 BTC at 60,000, 20x: the exact check requires 3,000.
    const order = [LINEAR, 20, d('1'), d('60000'), d('60000')] as const;
    const [contract, leverage, qty, price, mark] = order;
    expect(clearlyCovered(contract, leverage, d('3100'), qty, price, mark)).toBe(true);
    expect(clearlyCovered(contract, leverage, d('3000'), qty, price, mark)).toBe(false);
    expect(clearlyCovered(contract, leverage, d('-5'), qty, price, mark)).toBe(false);
    // A buy above the mark adds its open loss (1 × 1,000) to the bound.
    expect(clearlyCovered(contract, leverage, d('3900'), qty, d('61000'), mark)).toBe(false);
    expect(clearlyCovered(inverse(d('100')), leverage, d('1000000'), qty, price, mark)).toBe(false);
  });

  test('behavior: whenever it says covered, the exact check passes (any position, resting orders, prices)', () => {
    const input = fc.record({
      leverage: fc.integer({ min: 1, max: 125 }),
      markPrice: units(1, 20_000_000, 2),
      position: units(-5_000, 5_000, 3),
      openBuyQty: units(0, 3_000, 3),
      openSellQty: units(0, 3_000, 3),
      bidValue: units(0, 50_000_000, 2),
      askValue: units(0, 50_000_000, 2),
      side: fc.constantFrom('BUY' as const, 'SELL' as const),
      qty: units(1, 5_000, 3),
      priceOffset: fc.integer({ min: -20_000, max: 20_000 }),
      // The balance lands around the bound: just below, at and just above it.
      slack: fc.integer({ min: -1_000, max: 1_000 }),
    });
    let covered = 0;
    fc.assert(
      fc.property(input, (i) => {
        const price = d('0.01').max(i.markPrice.add(Decimal.from(i.priceOffset).div(100, 2, 'down')));
        const q = i.qty.toNumber();
        const bound =
          (q * price.toNumber()) / i.leverage + q * Math.abs(i.markPrice.toNumber() - price.toNumber());
        const available = d(bound.toFixed(8)).add(Decimal.from(i.slack).div(100_000_000, 8, 'down'));
        if (!clearlyCovered(LINEAR, i.leverage, available, i.qty, price, i.markPrice)) return;
        covered++;
        const check: MarginCheckInput = {
          contract: LINEAR,
          leverage: i.leverage,
          markPrice: i.markPrice,
          availableBalance: available,
          positionAmount: i.position,
          openBuyQty: i.openBuyQty,
          openSellQty: i.openSellQty,
          bidValue: i.bidValue,
          askValue: i.askValue,
          order: { side: i.side, qty: i.qty, price },
        };
        expect(marginCheck(check).passes).toBe(true);
      }),
      { numRuns: 2_000, seed: 20261124 },
    );
    // The property was exercised, not skipped: a good share of the balances sit just above the bound.
    expect(covered).toBeGreaterThan(200);
  });
});
