import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Account } from './account.js';
import type { NewOrderInput } from './orderInput.js';
import { Venue } from './venue.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'] as const;

interface Op {
  readonly account: number;
  readonly symbol: (typeof SYMBOLS)[number];
  readonly side: 'BUY' | 'SELL';
  readonly kind: 'market' | 'limit' | 'cancel' | 'close' | 'leverage' | 'wait';
  readonly size: number;
  readonly offset: number;
}

const op = fc.record({
  account: fc.integer({ min: 0, max: 2 }),
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('BUY' as const, 'SELL' as const),
  kind: fc.constantFrom(
    'market',
    'market',
    'limit',
    'limit',
    'cancel',
    'close',
    'leverage',
    'wait',
  ) as fc.Arbitrary<Op['kind']>,
  size: fc.integer({ min: 1, max: 40 }),
  offset: fc.integer({ min: -30, max: 30 }),
});

function input(venue: Venue, o: Op, account: Account): NewOrderInput | undefined {
  const market = venue.market(o.symbol);
  const base = {
    symbol: o.symbol,
    side: o.side,
    positionSide: undefined,
    reduceOnly: undefined,
    newClientOrderId: undefined,
    newOrderRespType: 'RESULT' as const,
    priceMatch: undefined,
    selfTradePreventionMode: undefined,
    goodTillDate: undefined,
  };
  const minQty = market.minNotional
    .div(market.markPrice, market.stepSize.decimals(), 'up')
    .roundToStep(market.stepSize, 'up');
  const qty = minQty.mul(o.size).roundToStep(market.stepSize, 'up');
  if (o.kind === 'market')
    return { ...base, type: 'MARKET', timeInForce: undefined, quantity: qty, price: undefined };
  if (o.kind === 'close') {
    const amount = account.position(o.symbol, 'BOTH').amount;
    if (amount.isZero()) return undefined;
    return {
      ...base,
      side: amount.isPositive() ? 'SELL' : 'BUY',
      reduceOnly: true,
      type: 'MARKET',
      timeInForce: undefined,
      quantity: amount.abs(),
      price: undefined,
    };
  }
  const mid = market.priceOf(market.midTick());
  const price = mid.add(market.tickSize.mul(o.offset * 5)).roundToStep(market.tickSize, 'down');
  return { ...base, type: 'LIMIT', timeInForce: 'GTC', quantity: qty, price };
}

/**
 * Money is conserved: for every account, the wallet equals the sum of its income history
 * (deposits, realized PnL, commissions, funding, insurance clearances), and the wallet also equals
 * deposits + realized PnL − fees + funding computed from the fills. Open interest equals the sum of
 * long positions. Checked after random workloads against the synthetic market.
 */
describe('conservation', () => {
  test('behavior: balances are conserved after every random workload', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 1, max: 1000 }),
        (ops, seed) => {
          const venue = new Venue({ startTime: T0, seed, synthetic: { backfillMinutes: 5 } });
          const accounts = [0, 1, 2].map(() => venue.createAccount({ balances: { USDT: '20000' } }));
          let t = T0;
          for (const o of ops) {
            const account = accounts[o.account]!;
            t += 137;
            venue.advanceTo(t);
            try {
              if (o.kind === 'wait') {
                t += 250 * o.size;
                venue.advanceTo(t);
              } else if (o.kind === 'cancel') venue.cancelAllOrders(account, o.symbol);
              else if (o.kind === 'leverage')
                account.settingsFor(o.symbol).leverage = Math.max(1, Math.min(50, o.size));
              else {
                const order = input(venue, o, account);
                if (order !== undefined) venue.placeOrder(account, order);
              }
            } catch (error) {
              if (!(error instanceof Error && 'code' in error)) throw error;
            }
            venue.commit();
          }
          // Cross a funding settlement so funding fees are part of the books (jump close to it first).
          const funding = venue.market('BTCUSDT').nextFundingTime;
          venue.jumpTo(funding - 1_000);
          venue.advanceTo(funding + 1_000);
          for (const account of accounts) {
            const incomes = account.income.reduce(
              (sum, i) => (i.asset === 'USDT' ? sum.add(i.income) : sum),
              Decimal.ZERO,
            );
            expect(account.wallet('USDT').eq(incomes)).toBe(true);
            const fills = account.trades.reduce(
              (sum, f) => sum.add(f.realizedPnl).sub(f.commission),
              Decimal.ZERO,
            );
            const fundingAndClearing = account.income
              .filter((i) => i.incomeType === 'FUNDING_FEE' || i.incomeType === 'INSURANCE_CLEAR')
              .reduce((sum, i) => sum.add(i.income), Decimal.ZERO);
            expect(account.wallet('USDT').eq(Decimal.parse('20000').add(fills).add(fundingAndClearing))).toBe(
              true,
            );
          }
          for (const symbol of SYMBOLS) {
            let longs = Decimal.ZERO;
            for (const a of venue.accounts.values()) {
              for (const p of a.positions.values())
                if (p.symbol === symbol && p.amount.isPositive()) longs = longs.add(p.amount);
            }
            expect(venue.market(symbol).openInterest.eq(longs)).toBe(true);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
