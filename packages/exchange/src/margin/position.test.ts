import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deriveBrackets } from './brackets.js';
import { type ContractKind, inverse, LINEAR } from './contract.js';
import {
  applyFill,
  breakEvenPrice,
  entryPriceAfterAdd,
  exactUnrealizedPnl,
  FLAT,
  maintenanceMargin,
  type Position,
  positionInitialMargin,
  positionNotional,
  realizedPnl,
  unrealizedPnl,
} from './position.js';
import { Rational } from './rational.js';
import { BTCUSD_PERP_TIERS, BTCUSDT_TIERS_2024 } from './sampleTiers.js';

const d = Decimal.parse;
const BTCUSD = inverse(d('100'));
const BTC = deriveBrackets(BTCUSDT_TIERS_2024);
const COIN = deriveBrackets(BTCUSD_PERP_TIERS);
const pos = (amount: string, entryPrice: string): Position => ({
  amount: d(amount),
  entryPrice: d(entryPrice),
});
const RUNS = { numRuns: 10_000 };

// Sizes with 3 decimals, prices with 2: BTCUSDT-like grids.
const qtyArb = fc.bigInt({ min: 1n, max: 100_000n }).map((u) => Decimal.fromUnits(u, 3));
const priceArb = fc.bigInt({ min: 100_00n, max: 200_000_00n }).map((u) => Decimal.fromUnits(u, 2));
const contractArb = fc.constantFrom<ContractKind>(LINEAR, BTCUSD);

function near(a: Decimal, b: Decimal, tolerance: string, what: string): void {
  if (a.sub(b).abs().gt(tolerance)) throw new Error(`${what}: ${a} vs ${b}`);
}

describe('unrealizedPnl', () => {
  test('default', () => {
    expect(unrealizedPnl(LINEAR, pos('1', '60000'), d('61000')).toString()).toBe('1000.00000000');
    expect(unrealizedPnl(LINEAR, pos('-1', '60000'), d('61000')).toString()).toBe('-1000.00000000');
  });

  test('behavior: §2.5 ✓ COIN-M long 100 contracts @ 50,000, mark 55,000 → 0.01818182 BTC (FAQ, rounded to nearest)', () => {
    const exact = exactUnrealizedPnl(BTCUSD, pos('100', '50000'), d('55000'));
    expect(exact.cmp(Rational.ratio(d('10000'), d('550000')))).toBe(0); // 0.018181818…
    expect(exact.round(8, 'half-up').toString()).toBe('0.01818182'); // the FAQ's figure
    // The API cuts toward zero, as Binance's USD-M responses do (see precision.ts).
    expect(unrealizedPnl(BTCUSD, pos('100', '50000'), d('55000')).toString()).toBe('0.01818181');
  });

  test('behavior: reproduces a real positionRisk row (BTCUSDT long 0.003 @ 37140.0, mark 37113.25148824)', () => {
    const p = pos('0.003', '37140.0');
    expect(unrealizedPnl(LINEAR, p, d('37113.25148824')).toString()).toBe('-0.08024553');
    expect(positionNotional(LINEAR, p.amount, d('37113.25148824')).toString()).toBe('111.33975446');
  });

  test('behavior: a flat position has no PnL', () => {
    expect(unrealizedPnl(BTCUSD, FLAT, d('50000')).isZero()).toBe(true);
  });
});

describe('realizedPnl', () => {
  test('default', () => {
    expect(realizedPnl(LINEAR, pos('1', '60000'), d('0.4'), d('61000')).toString()).toBe('400.00000000');
  });

  test('behavior: shorts gain when the price falls; inverse pays in coin', () => {
    expect(realizedPnl(LINEAR, pos('-2', '60000'), d('1'), d('59000')).toString()).toBe('1000.00000000');
    expect(realizedPnl(BTCUSD, pos('100', '50000'), d('100'), d('55000')).toString()).toBe('0.01818181');
    expect(realizedPnl(BTCUSD, pos('-100', '50000'), d('50'), d('40000')).toString()).toBe('0.02500000');
    expect(realizedPnl(BTCUSD, pos('-100', '50000'), d('50'), d('60000')).toString()).toBe('-0.01666666');
    expect(realizedPnl(LINEAR, FLAT, d('1'), d('1')).isZero()).toBe(true);
  });

  test('behavior: closing in two parts realizes what closing at once does, and the rest stays unrealized (property)', () => {
    fc.assert(
      fc.property(
        contractArb,
        fc.boolean(),
        priceArb,
        priceArb,
        fc.integer({ min: 2, max: 100_000 }),
        (c, long, ep, px, k) => {
          const total = c.kind === 'linear' ? Decimal.fromUnits(BigInt(k), 3) : Decimal.from(k);
          const q1 =
            c.kind === 'linear'
              ? Decimal.fromUnits(BigInt(Math.floor(k / 3) + 1), 3)
              : Decimal.from(Math.floor(k / 3) + 1);
          const q2 = total.sub(q1);
          const p: Position = { amount: long ? total : total.neg(), entryPrice: ep };
          const whole = realizedPnl(c, p, total, px);
          const first = realizedPnl(c, p, q1, px);
          const after = applyFill(c, p, long ? q1.neg() : q1, px).position;
          const second = realizedPnl(c, after, q2, px);
          // Linear PnL is exact in 8 decimals here; inverse is cut once per close.
          near(first.add(second), whole, c.kind === 'linear' ? '0' : '0.00000002', 'split close');
          near(
            first.add(unrealizedPnl(c, after, px)),
            unrealizedPnl(c, p, px),
            c.kind === 'linear' ? '0' : '0.00000002',
            'realized + unrealized',
          );
        },
      ),
      RUNS,
    );
  });
});

describe('entryPriceAfterAdd', () => {
  test('default', () => {
    expect(entryPriceAfterAdd(LINEAR, pos('1', '100'), d('2'), d('101')).toString()).toBe('100.66666667');
  });

  test('behavior: inverse averages harmonically; a flat position takes the fill price', () => {
    // (100 + 100) / (100/50,000 + 100/55,000) = 52,380.952380…
    expect(entryPriceAfterAdd(BTCUSD, pos('100', '50000'), d('100'), d('55000')).toString()).toBe(
      '52380.95238095',
    );
    expect(entryPriceAfterAdd(LINEAR, FLAT, d('1'), d('60000.10'))).toEqual(d('60000.10'));
    expect(entryPriceAfterAdd(LINEAR, pos('-1', '100'), d('1'), d('102')).toString()).toBe('101.00000000');
  });

  test('behavior: the entry after adds is total cost / total size, one rounding per add (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(qtyArb, priceArb), { minLength: 1, maxLength: 8 }), (fills) => {
        let p: Position = FLAT;
        let cost = Decimal.ZERO;
        let size = Decimal.ZERO;
        for (const [q, px] of fills) {
          const single = entryPriceAfterAdd(LINEAR, p, q, px);
          const exact = Rational.of(p.amount.mul(p.entryPrice).add(q.mul(px))).div(p.amount.add(q));
          if (!p.amount.isZero() && !single.eq(exact.round(8, 'half-up')))
            throw new Error('one rounding per add');
          p = applyFill(LINEAR, p, q, px).position;
          cost = cost.add(q.mul(px));
          size = size.add(q);
        }
        const average = Rational.ratio(cost, size).round(8, 'half-up');
        near(p.entryPrice, average, `0.0000000${fills.length}`, 'entry vs cost/size');
      }),
      RUNS,
    );
  });
});

describe('breakEvenPrice', () => {
  test('default', () => {
    // A real positionRisk row: long 0.003 @ 37140.0 opened as maker (0.02%: 0.022284 USDT) → bep 37147.428.
    expect(breakEvenPrice(LINEAR, pos('0.003', '37140.0'), d('0.022284'))?.eq('37147.428')).toBe(true);
  });

  test('behavior: shorts break even below entry; the close fee moves it further', () => {
    expect(breakEvenPrice(LINEAR, pos('-1', '60000'), d('30'))?.toString()).toBe('59970.00000000');
    // Long 1 @ 60,000, 30 paid, 0.05% to close: B = 60,030 / 0.9995 = 60,060.03001500…
    expect(breakEvenPrice(LINEAR, pos('1', '60000'), d('30'), d('0.0005'))?.toString()).toBe(
      '60060.03001501',
    );
    // Short: B = 59,970 / 1.0005 = 59,940.02998500…
    expect(breakEvenPrice(LINEAR, pos('-1', '60000'), d('30'), d('0.0005'))?.toString()).toBe(
      '59940.02998501',
    );
  });

  test('behavior: inverse break-even solves the coin PnL; flat or hopeless gives undefined', () => {
    // S = 10,000 USD, fee 0.0001 BTC: B = 10,000 / (0.2 − 0.0001) = 50,025.01250625…
    expect(breakEvenPrice(BTCUSD, pos('100', '50000'), d('0.0001'))?.toString()).toBe('50025.01250625');
    const b = breakEvenPrice(BTCUSD, pos('-100', '50000'), d('0.0001'), d('0.0005'))!;
    const pnl = exactUnrealizedPnl(BTCUSD, pos('-100', '50000'), b);
    const closeFee = Rational.ratio(d('10000'), b).mul(d('0.0005'));
    expect(pnl.sub(closeFee).sub(d('0.0001')).abs().lt(d('0.0000000001'))).toBe(true);
    expect(breakEvenPrice(LINEAR, FLAT, d('1'))).toBeUndefined();
    expect(breakEvenPrice(BTCUSD, pos('100', '50000'), d('0.2'))).toBeUndefined();
    expect(breakEvenPrice(LINEAR, pos('1', '1'), d('0'), d('1'))).toBeUndefined();
  });
});

describe('positionInitialMargin', () => {
  test('default', () => {
    expect(positionInitialMargin(LINEAR, d('1'), d('61000'), 20).toString()).toBe('3050.00000000');
  });

  test('behavior: inverse in coin; shorts count by size', () => {
    expect(positionInitialMargin(BTCUSD, d('-100'), d('50000'), 10).toString()).toBe('0.02000000');
    expect(positionInitialMargin(LINEAR, d('-1'), d('9253.30'), 20).toString()).toBe('462.66500000');
    expect(positionInitialMargin(BTCUSD, d('1'), d('30000'), 3).toString()).toBe('0.00111111');
  });
});

describe('positionNotional', () => {
  test('default', () => {
    expect(positionNotional(LINEAR, d('-0.5'), d('20000')).toString()).toBe('-10000.00000000');
    expect(positionNotional(BTCUSD, d('100'), d('25000')).toString()).toBe('0.40000000');
  });
});

describe('maintenanceMargin', () => {
  test('default', () => {
    expect(maintenanceMargin(LINEAR, d('1'), d('61000'), BTC).toString()).toBe('255.00000000');
  });

  test('behavior: §2.4 ✓ COIN-M 100 contracts at mark 25,000 → 0.0016 BTC', () => {
    expect(maintenanceMargin(BTCUSD, d('100'), d('25000'), COIN).toString()).toBe('0.00160000');
  });

  test('behavior: the tier follows the notional at mark; flat is 0', () => {
    expect(maintenanceMargin(LINEAR, d('-10'), d('61000'), BTC).toString()).toBe('3015.00000000'); // 610,000 × 0.65% − 950
    expect(maintenanceMargin(LINEAR, d('0'), d('61000'), BTC).toString()).toBe('0.00000000');
  });
});

describe('applyFill', () => {
  test('default', () => {
    const r = applyFill(LINEAR, pos('1', '60000'), d('1'), d('62000'));
    expect(r.position).toEqual({ amount: d('2'), entryPrice: d('61000.00000000') });
    expect([r.closedQty.toString(), r.openedQty.toString(), r.realizedPnl.toString()]).toEqual([
      '0',
      '1',
      '0.00000000',
    ]);
  });

  test('behavior: reducing keeps the entry and realizes PnL', () => {
    const r = applyFill(LINEAR, pos('1', '60000'), d('-0.4'), d('61000'));
    expect(r.position).toEqual({ amount: d('0.6'), entryPrice: d('60000') });
    expect([r.closedQty.toString(), r.openedQty.toString(), r.realizedPnl.toString()]).toEqual([
      '0.4',
      '0.0',
      '400.00000000',
    ]);
  });

  test('behavior: closing leaves a flat position with entry 0', () => {
    const r = applyFill(LINEAR, pos('-1', '60000'), d('1'), d('59000'));
    expect(r.position.amount.isZero() && r.position.entryPrice.isZero()).toBe(true);
    expect(r.realizedPnl.toString()).toBe('1000.00000000');
  });

  test('behavior: a flip closes everything, then opens the rest at the fill price', () => {
    const r = applyFill(BTCUSD, pos('100', '50000'), d('-150'), d('55000'));
    expect(r.position).toEqual({ amount: d('-50'), entryPrice: d('55000') });
    expect([r.closedQty.toString(), r.openedQty.toString(), r.realizedPnl.toString()]).toEqual([
      '100',
      '50',
      '0.01818181',
    ]);
  });

  test('behavior: an empty fill changes nothing', () => {
    const p = pos('1', '60000');
    expect(applyFill(LINEAR, p, d('0'), d('1')).position).toBe(p);
    expect(applyFill(LINEAR, FLAT, d('0.5'), d('100')).position).toEqual({
      amount: d('0.5'),
      entryPrice: d('100'),
    });
  });

  test('behavior: size is conserved and closed + opened = |fill| (property)', () => {
    fc.assert(
      fc.property(
        contractArb,
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        priceArb,
        priceArb,
        (c, a, f, ep, px) => {
          const scale = c.kind === 'linear' ? 3 : 0;
          const amount = Decimal.fromUnits(BigInt(a), scale);
          const fill = Decimal.fromUnits(BigInt(f), scale);
          const p: Position = { amount, entryPrice: amount.isZero() ? Decimal.ZERO : ep };
          const r = applyFill(c, p, fill, px);
          if (!r.position.amount.eq(amount.add(fill))) throw new Error('size');
          if (!r.closedQty.add(r.openedQty).eq(fill.abs())) throw new Error('closed + opened');
          if (r.closedQty.gt(amount.abs())) throw new Error('closed more than held');
          if (r.position.amount.isZero() !== r.position.entryPrice.isZero())
            throw new Error('entry of a flat position');
        },
      ),
      RUNS,
    );
  });
});
