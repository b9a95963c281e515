import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inverse, LINEAR } from '../margin/contract.js';
import { applyFill, type FillResult, type Position } from '../margin/position.js';
import { applyFillFast } from './linearFill.js';

/** A fill result as text, so scales count too (`1.50` is not `1.5`). */
function text(r: FillResult): string[] {
  return [r.position.amount, r.position.entryPrice, r.closedQty, r.openedQty, r.realizedPnl].map(String);
}

const qty = fc.integer({ min: -5_000, max: 5_000 }).map((n) => Decimal.fromUnits(BigInt(n), 3));
const price = fc.integer({ min: 1, max: 9_000_000 }).map((n) => Decimal.fromUnits(BigInt(n), 1));
/** Positions as fills leave them: any size, an entry price averaged to 8 decimals. */
const position: fc.Arbitrary<Position> = fc
  .tuple(qty, fc.bigInt({ min: 1n, max: 900_000_000_000_000n }))
  .map(([amount, entry]) => ({
    amount,
    entryPrice: amount.isZero() ? Decimal.ZERO : Decimal.fromUnits(entry, 8),
  }));

describe('applyFillFast', () => {
  test('property: a linear fill gives applyFill’s result to the digit', () => {
    fc.assert(
      fc.property(position, qty, price, (p, q, px) => {
        expect(text(applyFillFast(LINEAR, p, q, px))).toEqual(text(applyFill(LINEAR, p, q, px)));
      }),
      { numRuns: 2_000 },
    );
  });

  test('behavior: adds, reduces, closes and flips as applyFill does; inverse contracts go to it', () => {
    const d = Decimal.parse;
    const long = { amount: d('0.003'), entryPrice: d('66000.10000000') };
    for (const [q, p] of [
      ['0.001', '66000.3'],
      ['-0.001', '65999.9'],
      ['-0.003', '66010.0'],
      ['-0.010', '66010.0'],
    ] as const) {
      expect(text(applyFillFast(LINEAR, long, d(q), d(p)))).toEqual(
        text(applyFill(LINEAR, long, d(q), d(p))),
      );
    }
    const coin = inverse(d('100'));
    const contracts = { amount: d('5'), entryPrice: d('66000.1') };
    expect(text(applyFillFast(coin, contracts, d('3'), d('66100.0')))).toEqual(
      text(applyFill(coin, contracts, d('3'), d('66100.0'))),
    );
  });
});
