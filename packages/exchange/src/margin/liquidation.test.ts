import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deriveBrackets } from './brackets.js';
import { type ContractKind, exactNotional, inverse, LINEAR } from './contract.js';
import {
  adlQuantiles,
  adlScore,
  bankruptcyPrice,
  exactLiquidationPrice,
  isLiquidatable,
  type LiquidationInput,
  liquidationPrice,
  maxRemovableIsolatedMargin,
} from './liquidation.js';
import { exactUnrealizedPnl, maintenanceMargin, type Position, unrealizedPnl } from './position.js';
import type { PriceRounding } from './precision.js';
import { Rational } from './rational.js';
import {
  BTCUSD_PERP_TIERS,
  BTCUSDT_TIERS_2021,
  BTCUSDT_TIERS_2024,
  ETHUSDT_TIERS_2021,
} from './sampleTiers.js';

const d = Decimal.parse;
const CENTS: PriceRounding = { step: d('0.01'), mode: 'half-up' };
const BTC = deriveBrackets(BTCUSDT_TIERS_2024);
const BTC_2021 = deriveBrackets(BTCUSDT_TIERS_2021);
const ETH_2021 = deriveBrackets(ETHUSDT_TIERS_2021);
const COIN = deriveBrackets(BTCUSD_PERP_TIERS);
const BTCUSD = inverse(d('100'));
const pos = (amount: string, entryPrice: string): Position => ({
  amount: d(amount),
  entryPrice: d(entryPrice),
});

/** Margin balance and maintenance margin of `positions` at `price` (cross/isolated over one wallet). */
function balanceAndMm(
  c: ContractKind,
  positions: readonly Position[],
  wallet: Decimal,
  price: Decimal,
  brackets = BTC,
) {
  let balance = wallet;
  let mm = Decimal.ZERO;
  for (const p of positions) {
    balance = balance.add(unrealizedPnl(c, p, price));
    mm = mm.add(maintenanceMargin(c, p.amount, price, brackets));
  }
  return { balance, mm };
}

describe('liquidationPrice', () => {
  const exampleA: LiquidationInput = {
    contract: LINEAR,
    brackets: BTC,
    positions: [pos('1', '60000')],
    walletBalance: d('3000'),
  };

  test('default', () => {
    // Example A ✓: isolated long 1 BTC @ 60,000, 20× (WB 3,000), tier 2 → 57,236.18.
    expect(liquidationPrice({ ...exampleA, rounding: CENTS })?.toString()).toBe('57236.18');
    expect(liquidationPrice(exampleA)?.toString()).toBe('57236.18090452');
    // At that mark: margin balance 236.18 = MM 236.18.
    const at = balanceAndMm(LINEAR, exampleA.positions, d('3000'), d('57236.18'));
    expect([at.balance.toString(), at.mm.toString()]).toEqual(['236.18000000', '236.18090000']);
  });

  test('behavior: example B ✓: the same position short → 62,736.32', () => {
    const input = { ...exampleA, positions: [pos('-1', '60000')], rounding: CENTS };
    expect(liquidationPrice(input)?.toString()).toBe('62736.32');
  });

  test('behavior: example C ✓: Binance FAQ cross account → BTC 26,316.89, ETH 1,153.26', () => {
    const wallet = d('1535443.01');
    const btc = pos('109.488', '32481.98');
    const eth = pos('3683.979', '1456.84');
    const btcMark = d('31967.27');
    const ethMark = d('1335.18');
    const ethMm = maintenanceMargin(LINEAR, eth.amount, ethMark, ETH_2021);
    const ethUp = unrealizedPnl(LINEAR, eth, ethMark);
    const btcMm = maintenanceMargin(LINEAR, btc.amount, btcMark, BTC_2021);
    const btcUp = unrealizedPnl(LINEAR, btc, btcMark);
    // The FAQ's legs: ETH MM 356,512.51, UPnL −448,192.89; BTC MM 71,200.81, UPnL −56,354.57.
    expect([ethMm, ethUp, btcMm, btcUp].map((x) => x.round(2, 'half-up').toString())).toEqual([
      '356512.51',
      '-448192.89',
      '71200.81',
      '-56354.57',
    ]);
    const cross = (
      p: Position,
      brackets: typeof BTC,
      otherMaintMargin: Decimal,
      otherUnrealizedPnl: Decimal,
    ) =>
      liquidationPrice({
        contract: LINEAR,
        brackets,
        positions: [p],
        walletBalance: wallet,
        otherMaintMargin,
        otherUnrealizedPnl,
        rounding: CENTS,
      });
    expect(cross(btc, BTC_2021, ethMm, ethUp)?.toString()).toBe('26316.89');
    expect(cross(eth, ETH_2021, btcMm, btcUp)?.toString()).toBe('1153.26');
    // Treated as isolated with the same wallet: 18,778.73 and 1,114.78.
    expect(cross(btc, BTC_2021, d('0'), d('0'))?.toString()).toBe('18778.73');
    expect(cross(eth, ETH_2021, d('0'), d('0'))?.toString()).toBe('1114.78');
  });

  test('behavior: example D ✓: COIN-M isolated 100 BTCUSD @ 50,000, 10× → 45,636.36 long, 55,333.33 short', () => {
    const long: LiquidationInput = {
      contract: BTCUSD,
      brackets: COIN,
      positions: [pos('100', '50000')],
      walletBalance: d('0.02'),
    };
    expect(liquidationPrice({ ...long, rounding: CENTS })?.toString()).toBe('45636.36');
    expect(
      liquidationPrice({ ...long, positions: [pos('-100', '50000')], rounding: CENTS })?.toString(),
    ).toBe('55333.33');
    // At that price margin balance = MM = 0.00087649 BTC (the exact balance, cut to the satoshi).
    const lp = liquidationPrice(long)!;
    expect(lp.toString()).toBe('45636.36363636');
    const balance = Rational.of(d('0.02')).add(exactUnrealizedPnl(BTCUSD, long.positions[0]!, lp));
    expect(balance.round(8, 'down').toString()).toBe('0.00087649');
    expect(maintenanceMargin(BTCUSD, d('100'), lp, COIN).toString()).toBe('0.00087649');
    // The reported figure adds the UPnL cut toward zero (−0.01912350), one satoshi above.
    expect(balanceAndMm(BTCUSD, long.positions, d('0.02'), lp, COIN).balance.toString()).toBe('0.00087650');
  });

  test('behavior: reproduces a real positionRisk row (isolated long 0.003 @ 37140.0, wallet 2.21147021)', () => {
    const input: LiquidationInput = {
      contract: LINEAR,
      brackets: BTC,
      positions: [pos('0.003', '37140.0')],
      walletBalance: d('2.21147021'),
    };
    expect(liquidationPrice(input)?.toString()).toBe('36549.03942102');
  });

  test('behavior: re-solves in the bracket the notional has at the liquidation price', () => {
    // Long 10 @ 60,000 (600,000: tier 3 at entry) with 6,000: tier 3 gives 59,693.00, whose notional
    // 596,930 is tier 2; tier 2 gives 59,693.47 (notional 596,934.67, tier 2): consistent.
    const input: LiquidationInput = {
      contract: LINEAR,
      brackets: BTC,
      positions: [pos('10', '60000')],
      walletBalance: d('6000'),
      rounding: CENTS,
    };
    expect(liquidationPrice(input)?.toString()).toBe('59693.47');
  });

  test('behavior: hedge mode under cross: LONG and SHORT share one price; the nearest root to the mark wins', () => {
    const positions = [pos('1', '60000'), pos('-0.5', '61000')];
    const lp = liquidationPrice({ contract: LINEAR, brackets: BTC, positions, walletBalance: d('2000') })!;
    const at = balanceAndMm(LINEAR, positions, d('2000'), lp);
    expect(at.balance.sub(at.mm).abs().lte('0.00000003')).toBe(true);
    // LONG 10.1 and SHORT 10 @ 60,000 with 5,950: bankrupt both near 2,551 and near 60,600.
    const balanced: LiquidationInput = {
      contract: LINEAR,
      brackets: BTC,
      positions: [pos('10.1', '60000'), pos('-10', '60000')],
      walletBalance: d('5950'),
    };
    const low = liquidationPrice({ ...balanced, markPrice: d('3000') })!;
    const high = liquidationPrice({ ...balanced, markPrice: d('60000') })!;
    expect(low.lt('5000') && high.gt('60000')).toBe(true);
    for (const price of [low, high]) {
      const x = balanceAndMm(LINEAR, balanced.positions, d('5950'), price);
      expect(x.balance.sub(x.mm).abs().lte('0.0000003')).toBe(true);
    }
    expect(liquidationPrice(balanced)).toEqual(low);
  });

  test('behavior: no price when it would be ≤ 0, or nothing is held', () => {
    expect(liquidationPrice({ ...exampleA, walletBalance: d('70000') })).toBeUndefined();
    expect(
      liquidationPrice({
        contract: BTCUSD,
        brackets: COIN,
        positions: [pos('-100', '50000')],
        walletBalance: d('0.3'),
      }),
    ).toBeUndefined();
    expect(liquidationPrice({ ...exampleA, positions: [pos('0', '0')] })).toBeUndefined();
    expect(liquidationPrice({ ...exampleA, brackets: [] })).toBeUndefined();
    expect(
      liquidationPrice({
        ...exampleA,
        positions: [pos('1', '60000'), pos('-1', '60000')],
        walletBalance: d('-1'),
      }),
    ).toBeUndefined();
  });

  test('behavior: at the liquidation price margin balance equals maintenance margin (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ContractKind>(LINEAR, BTCUSD),
        fc.boolean(),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1_000_00, max: 150_000_00 }),
        fc.integer({ min: 1, max: 125 }),
        fc.integer({ min: 0, max: 100 }),
        (c, long, size, cents, leverage, extraPercent) => {
          const linear = c.kind === 'linear';
          const amount = linear ? Decimal.fromUnits(BigInt(size), 3) : Decimal.from(size);
          const entry = Decimal.fromUnits(BigInt(cents), 2);
          const p: Position = { amount: long ? amount : amount.neg(), entryPrice: entry };
          const brackets = linear ? BTC : COIN;
          const im = linear ? amount.mul(entry) : Decimal.from(size * 100).div(entry, 8, 'down');
          const wallet = im
            .mul(Decimal.from(100 + extraPercent))
            .div(Decimal.from(100 * leverage), 8, 'down');
          const lp = liquidationPrice({ contract: c, brackets, positions: [p], walletBalance: wallet });
          if (lp === undefined) return; // over-collateralized: no positive price liquidates
          const at = balanceAndMm(c, [p], wallet, lp, brackets);
          // Rounding LP by ≤ 0.5e-8 moves balance − MM by ≤ (notional / LP) × (1 + MMR) × 0.5e-8;
          // the UPnL and MM cuts add ≤ 1e-8 each.
          const slope = exactNotional(c, amount, lp).div(lp).round(8, 'up');
          const tolerance = slope.mul('0.00000001').add('0.00000002');
          if (at.balance.sub(at.mm).abs().gt(tolerance))
            throw new Error(`at ${lp}: ${at.balance} vs ${at.mm}`);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  test('behavior: exactLiquidationPrice is the unrounded solution', () => {
    expect(
      exactLiquidationPrice({ ...exampleA })
        ?.round(12, 'down')
        .toString(),
    ).toBe('57236.180904522613');
  });
});

describe('bankruptcyPrice', () => {
  test('default', () => {
    const input = { contract: LINEAR, positions: [pos('1', '60000')], walletBalance: d('3000') };
    expect(bankruptcyPrice(input)?.toString()).toBe('57000.00000000');
    expect(bankruptcyPrice({ ...input, positions: [pos('-1', '60000')] })?.toString()).toBe('63000.00000000');
  });

  test('behavior: COIN-M, cross UPnL of other positions, tick rounding, and none', () => {
    expect(
      bankruptcyPrice({
        contract: BTCUSD,
        positions: [pos('100', '50000')],
        walletBalance: d('0.02'),
      })?.toString(),
    ).toBe('45454.54545455');
    const cross = {
      contract: LINEAR,
      positions: [pos('1', '60000')],
      walletBalance: d('3000'),
      otherUnrealizedPnl: d('-1000'),
    };
    expect(bankruptcyPrice({ ...cross, rounding: { step: d('0.10'), mode: 'ceil' } })?.toString()).toBe(
      '58000.00',
    );
    expect(
      bankruptcyPrice({ contract: LINEAR, positions: [pos('1', '60000')], walletBalance: d('60000') }),
    ).toBeUndefined();
    expect(bankruptcyPrice({ contract: LINEAR, positions: [], walletBalance: d('1') })).toBeUndefined();
  });
});

describe('isLiquidatable', () => {
  test('default', () => {
    expect(
      isLiquidatable({ walletBalance: d('3000'), unrealizedPnl: d('-2763.82'), maintMargin: d('236.18') }),
    ).toBe(true);
    expect(
      isLiquidatable({ walletBalance: d('3000'), unrealizedPnl: d('-2763.81'), maintMargin: d('236.18') }),
    ).toBe(false);
  });

  test('behavior: nothing to maintain is never liquidated', () => {
    expect(isLiquidatable({ walletBalance: d('0'), unrealizedPnl: d('0'), maintMargin: d('0') })).toBe(false);
  });
});

describe('maxRemovableIsolatedMargin', () => {
  test('default', () => {
    // Isolated long 1 @ 60,000, 20×, wallet 3,000, mark 61,000: min(3,000 − 255, 3,000 + 1,000 − 3,050) = 950.
    const input = {
      contract: LINEAR,
      position: pos('1', '60000'),
      markPrice: d('61000'),
      leverage: 20,
      brackets: BTC,
      isolatedWallet: d('3000'),
    };
    expect(maxRemovableIsolatedMargin(input).toString()).toBe('950.00000000');
    expect(maxRemovableIsolatedMargin({ ...input, markPrice: d('59000') }).toString()).toBe('0');
  });

  test('behavior: COIN-M in coin; either term can bind', () => {
    const input = {
      contract: BTCUSD,
      position: pos('100', '50000'),
      markPrice: d('50000'),
      leverage: 1,
      brackets: COIN,
      isolatedWallet: d('0.25'),
    };
    // min(0.25 − 0.0008, 0.25 + 0 − 0.2) = 0.05
    expect(maxRemovableIsolatedMargin(input).toString()).toBe('0.05000000');
    // In profit at 125×: min(0.001 − 0.00072727, 0.001 + 0.01818181 − 0.00145454) = 0.00027273
    const profit = { ...input, leverage: 125, markPrice: d('55000'), isolatedWallet: d('0.001') };
    expect(maxRemovableIsolatedMargin(profit).toString()).toBe('0.00027273');
  });
});

describe('adlScore', () => {
  test('default', () => {
    // Long 1 @ 60,000, mark 66,000, bankruptcy 57,000: 10% × 66,000/9,000 = 0.73333333.
    const input = {
      contract: LINEAR,
      position: pos('1', '60000'),
      markPrice: d('66000'),
      bankruptcyPrice: d('57000'),
    };
    expect(adlScore(input)?.toString()).toBe('0.73333333');
    // Losing at 58,000: −3.33% / (58,000/1,000) = −0.00057471.
    expect(adlScore({ ...input, markPrice: d('58000') })?.toString()).toBe('-0.00057471');
  });

  test('behavior: shorts, COIN-M, no bankruptcy price, flat and bankrupt positions', () => {
    const short = {
      contract: LINEAR,
      position: pos('-1', '60000'),
      markPrice: d('54000'),
      bankruptcyPrice: d('63000'),
    };
    expect(adlScore(short)?.toString()).toBe('0.60000000'); // 10% × 54,000/9,000
    const coin = {
      contract: BTCUSD,
      position: pos('100', '50000'),
      markPrice: d('55000'),
      bankruptcyPrice: d('45454.54545455'),
    };
    expect(adlScore(coin)?.gt('0')).toBe(true);
    expect(
      adlScore({
        ...short,
        position: pos('1', '60000'),
        markPrice: d('61000'),
        bankruptcyPrice: undefined,
      })?.toString(),
    ).toBe('0.01666667');
    expect(adlScore({ ...short, position: pos('0', '0') })).toBeUndefined();
    expect(adlScore({ ...short, markPrice: d('64000') })).toBeUndefined();
  });
});

describe('adlQuantiles', () => {
  test('default', () => {
    expect(adlQuantiles([d('0.5'), d('0.1'), d('0.9'), d('0.3'), d('0.7')])).toEqual([2, 0, 4, 1, 3]);
  });

  test('behavior: ties share the better rank; a missing score is 0', () => {
    expect(adlQuantiles([d('1'), d('1'), undefined, d('0')])).toEqual([4, 4, 0, 1]);
    expect(adlQuantiles([])).toEqual([]);
  });
});
