import { fromSteps } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { DEFAULT_HISTORY, Market } from './market.js';

const IDS = { orderId: 1n, tradeId: 1n, updateId: 1n };

describe('Market unit conversions', () => {
  it('priceOf and qtyOf are exact multiples of the tick and step, whatever their cache held before', () => {
    const market = new Market(DEFAULT_SYMBOLS[0]!, IDS, DEFAULT_HISTORY);
    // Counts that share cache slots (differ by multiples of 2048), negatives and counts past 2^31.
    const count = fc.oneof(
      fc.integer({ min: 0, max: 4096 }),
      fc.integer({ min: 0, max: 8 }).map((k) => 600_000 + k * 2048),
      fc.integer({ min: -5000, max: -1 }),
      fc.integer({ min: 2 ** 31, max: 2 ** 40 }),
    );
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 60 }), (counts) => {
        for (const c of counts) {
          expect(market.priceOf(c).eq(fromSteps(BigInt(c), market.tickSize))).toBe(true);
          expect(market.priceOf(c).scale).toBe(market.tickSize.scale);
          expect(market.qtyOf(c).eq(fromSteps(BigInt(c), market.stepSize))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
