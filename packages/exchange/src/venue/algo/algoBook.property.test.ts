import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { Venue } from '../venue.js';
import { AlgoBook } from './algoBook.js';
import { type AlgoOrderRecord, firesUpward } from './algoRecord.js';
import { btcOrder, T0 } from './testing.js';

/*
 * Random mark-price paths (steps of 0.05, so most marks are off the 0.10 tick grid) against random
 * conditional orders, one fresh book per run on a shared venue without a synthetic market. After
 * every step the book is processed, and each order must have fired exactly when a plain model of
 * Binance's rule says: a STOP / TAKE_PROFIT at the first step its condition holds, a trailing stop
 * at the first step the price is back by the callback from its watermark.
 */

const START_TICK = 960_000; // 96000.00 on BTCUSDT (tick 0.10)
const BTC = DEFAULT_SYMBOLS.filter((s) => s.symbol === 'BTCUSDT');

/** The mark of a path step: 96000 + offset × 0.05. */
function markOf(offset: number): Decimal {
  return Decimal.parse('96000.00').add(Decimal.fromUnits(BigInt(offset * 5), 2));
}

/** Floor and ceil of the mark in ticks: offsets are in half ticks. */
function ticksOf(offset: number): { floor: number; ceil: number } {
  const halfTicks = 2 * START_TICK + offset;
  return { floor: Math.floor(halfTicks / 2), ceil: Math.ceil(halfTicks / 2) };
}

function setup() {
  const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none', symbols: BTC });
  const market = venue.market('BTCUSDT');
  return {
    venue,
    market,
    /** A fresh book and trader, the mark back at the start. */
    fresh() {
      market.markPrice = markOf(0);
      return { book: new AlgoBook(venue), trader: venue.createAccount({ balances: { USDT: '1000000' } }) };
    },
  };
}

/** How many matching-engine orders each algo order placed (by its client id). */
function childrenOf(venue: Venue, accountId: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of venue.account(accountId).orders.values()) {
    counts.set(order.clientOrderId, (counts.get(order.clientOrderId) ?? 0) + 1);
  }
  return counts;
}

const path = fc.array(fc.integer({ min: -12_000, max: 12_000 }), { minLength: 1, maxLength: 25 });

describe('AlgoBook (property)', () => {
  test('default: random price paths fire each STOP / TAKE_PROFIT exactly once, never before its condition', () => {
    const { venue, market, fresh } = setup();
    const orders = fc.array(
      fc.record({
        side: fc.constantFrom('BUY' as const, 'SELL' as const),
        type: fc.constantFrom('STOP_MARKET' as const, 'TAKE_PROFIT_MARKET' as const),
        distance: fc.integer({ min: 1, max: 4000 }), // ticks from the start price, on the side it waits
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(orders, path, (specs, steps) => {
        const { book, trader } = fresh();
        const placed = specs.map((spec, i) => {
          const upward = firesUpward(spec.type, spec.side);
          const tick = upward ? START_TICK + spec.distance : START_TICK - spec.distance;
          const algo = book.place(
            trader,
            btcOrder(spec.side, spec.type, {
              triggerPrice: market.priceOf(tick).toString(),
              workingType: 'MARK_PRICE',
              clientAlgoId: `p${i}`,
            }),
          );
          return { algo, tick, upward, held: false };
        });
        let fired = 0;
        for (const offset of steps) {
          market.markPrice = markOf(offset);
          book.notePrice('BTCUSDT', 'MARK_PRICE');
          fired += book.process();
          const { floor, ceil } = ticksOf(offset);
          for (const p of placed) {
            p.held ||= p.upward ? floor >= p.tick : ceil <= p.tick;
            expect(p.algo.status !== 'NEW').toBe(p.held);
          }
        }
        const expected = placed.filter((p) => p.held).length;
        expect(fired).toBe(expected);
        const children = childrenOf(venue, trader.id);
        for (const p of placed) expect(children.get(p.algo.clientAlgoId) ?? 0).toBe(p.held ? 1 : 0);
      }),
      { numRuns: 1000 },
    );
  });

  test('behavior: random price paths fire each trailing stop exactly when the model does', () => {
    const { market, fresh } = setup();
    const orders = fc.array(
      fc.record({
        side: fc.constantFrom('BUY' as const, 'SELL' as const),
        rateTenths: fc.constantFrom(1, 3, 5, 10, 25, 100), // callbackRate 0.1 … 10 (%)
        activation: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }), // ticks beyond the start
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(orders, path, (specs, steps) => {
        const { book, trader } = fresh();
        const placed = specs.map((spec) => {
          const sell = spec.side === 'SELL';
          const activateTick =
            spec.activation === undefined
              ? undefined
              : START_TICK + (sell ? spec.activation : -spec.activation);
          const algo: AlgoOrderRecord = book.place(
            trader,
            btcOrder(spec.side, 'TRAILING_STOP_MARKET', {
              callbackRate: String(spec.rateTenths / 10),
              workingType: 'MARK_PRICE',
              ...(activateTick === undefined
                ? {}
                : { activatePrice: market.priceOf(activateTick).toString() }),
            }),
          );
          // The model: Binance's rule on whole ticks (SELL watermark on floors, BUY on ceilings).
          return {
            algo,
            sell,
            rate: spec.rateTenths,
            activateTick,
            active: activateTick === undefined,
            watermark: START_TICK,
            fired: false,
          };
        });
        for (const offset of steps) {
          market.markPrice = markOf(offset);
          book.notePrice('BTCUSDT', 'MARK_PRICE');
          book.process();
          const { floor, ceil } = ticksOf(offset);
          for (const m of placed) {
            if (m.fired) continue;
            if (!m.active) {
              if (m.sell ? floor >= m.activateTick! : ceil <= m.activateTick!) {
                m.active = true;
                m.watermark = m.sell ? floor : ceil;
              }
            } else {
              m.watermark = m.sell ? Math.max(m.watermark, floor) : Math.min(m.watermark, ceil);
              const stop = m.sell
                ? Math.floor((m.watermark * (1000 - m.rate)) / 1000)
                : Math.ceil((m.watermark * (1000 + m.rate)) / 1000);
              m.fired = m.sell ? ceil <= stop : floor >= stop;
            }
            expect(m.algo.status !== 'NEW').toBe(m.fired);
            if (!m.fired && m.active) expect(m.algo.watermarkTick).toBe(m.watermark);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
