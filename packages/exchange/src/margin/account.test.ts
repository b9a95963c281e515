import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { type AccountPosition, accountMargins, positionMargins } from './account.js';
import { deriveBrackets } from './brackets.js';
import { inverse, LINEAR } from './contract.js';
import { BTCUSD_PERP_TIERS, BTCUSDT_TIERS_2024, ETHUSDT_TIERS_2021 } from './sampleTiers.js';

const d = Decimal.parse;
const BTC = deriveBrackets(BTCUSDT_TIERS_2024);
const ETH = deriveBrackets(ETHUSDT_TIERS_2021);

// §2.13 worked account: cross BTCUSDT 20×, long 1 @ 60,000, mark 61,000, one bid 0.5 @ 59,000.
const btcLong: AccountPosition = {
  contract: LINEAR,
  marginType: 'cross',
  amount: d('1'),
  entryPrice: d('60000'),
  markPrice: d('61000'),
  leverage: 20,
  brackets: BTC,
  isolatedWallet: d('0'),
  bidValue: d('29500'),
  askValue: d('0'),
};

const strings = (o: object) =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) => (v instanceof Decimal ? [[k, v.toString()]] : [])),
  );

describe('accountMargins', () => {
  test('default', () => {
    // §2.13 ✓ worked example.
    const a = accountMargins({ walletBalance: d('10000'), positions: [btcLong] });
    expect(strings(a)).toEqual({
      walletBalance: '10000',
      unrealizedProfit: '1000.00000000',
      marginBalance: '11000.00000000',
      positionInitialMargin: '3050.00000000',
      openOrderInitialMargin: '1475.00000000',
      initialMargin: '4525.00000000',
      maintMargin: '255.00000000',
      crossWalletBalance: '10000',
      crossUnPnl: '1000.00000000',
      availableBalance: '6475.00000000',
      maxWithdrawAmount: '6475.00000000',
    });
  });

  test('behavior: isolated wallets leave the cross wallet; their open orders still draw on it', () => {
    const ethShort: AccountPosition = {
      contract: LINEAR,
      marginType: 'isolated',
      amount: d('-10'),
      entryPrice: d('2000'),
      markPrice: d('2100'),
      leverage: 10,
      brackets: ETH,
      isolatedWallet: d('2000'),
      bidValue: d('0'),
      askValue: d('4000'), // sell 2 @ 2,000 more
    };
    const a = accountMargins({ walletBalance: d('12000'), positions: [btcLong, ethShort] });
    const eth = a.positions[1]!;
    expect(strings(eth)).toEqual({
      unrealizedProfit: '-1000.00000000',
      notional: '-21000.00000000',
      positionInitialMargin: '2100.00000000',
      openOrderInitialMargin: '400.00000000', // max(21,000, 25,000)/10 − 2,100
      initialMargin: '2500.00000000',
      maintMargin: '121.50000000', // 21,000 × 0.65% − 15
      isolatedWallet: '2000',
      isolatedMargin: '1000.00000000',
    });
    expect(a.crossWalletBalance.toString()).toBe('10000');
    expect(a.crossUnPnl.toString()).toBe('1000.00000000');
    expect(a.unrealizedProfit.toString()).toBe('0.00000000');
    // 10,000 + 1,000 − (4,525 + 400)
    expect(a.availableBalance.toString()).toBe('6075.00000000');
    // min(12,000 − 400 − 255, 10,000 − 400 − 255, 6,075)
    expect(a.maxWithdrawAmount.toString()).toBe('6075.00000000');
    expect(a.maintMargin.toString()).toBe('376.50000000');
    expect(a.initialMargin.toString()).toBe('7025.00000000');
  });

  test('behavior: available balance and max withdraw never go below 0', () => {
    const a = accountMargins({ walletBalance: d('100'), positions: [{ ...btcLong, markPrice: d('59000') }] });
    expect(a.availableBalance.toString()).toBe('0');
    expect(a.maxWithdrawAmount.toString()).toBe('0');
    expect(accountMargins({ walletBalance: d('5'), positions: [] }).availableBalance.toString()).toBe('5');
  });
});

describe('positionMargins', () => {
  test('default', () => {
    const m = positionMargins(btcLong);
    expect([m.initialMargin.toString(), m.isolatedMargin.toString(), m.isolatedWallet.toString()]).toEqual([
      '4525.00000000',
      '0',
      '0',
    ]);
  });

  test('behavior: COIN-M rows are in coin; a flat row with orders carries only order margin', () => {
    const coin = positionMargins({
      contract: inverse(d('100')),
      marginType: 'isolated',
      amount: d('100'),
      entryPrice: d('50000'),
      markPrice: d('55000'),
      leverage: 10,
      brackets: deriveBrackets(BTCUSD_PERP_TIERS),
      isolatedWallet: d('0.02'),
      bidValue: d('0'),
      askValue: d('0'),
    });
    expect(strings(coin)).toEqual({
      unrealizedProfit: '0.01818181',
      notional: '0.18181818',
      positionInitialMargin: '0.01818181',
      openOrderInitialMargin: '0.00000000',
      initialMargin: '0.01818181',
      maintMargin: '0.00072727',
      isolatedWallet: '0.02',
      isolatedMargin: '0.03818181',
    });
    const flat = positionMargins({ ...btcLong, amount: d('0'), entryPrice: d('0') });
    expect([flat.positionInitialMargin.toString(), flat.openOrderInitialMargin.toString()]).toEqual([
      '0.00000000',
      '1475.00000000',
    ]);
  });
});
