import { type AccountTotals, Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { accountVenue, limitOrder, setMark, T0, trade } from '../api/account/testing.js';
import type { Account } from './account.js';
import {
  accountConfig,
  accountV2,
  accountV3,
  adlQuantileEntries,
  balances,
  commissionRate,
  leverageBracket,
  positionRiskV2,
  positionRiskV3,
  symbolConfig,
} from './accountViews.js';
import { setLeverage, setMarginType, setPositionMode } from './settings.js';
import { Venue } from './venue.js';

const d = Decimal.parse;

function noFees(account: Account): void {
  account.makerRate = Decimal.ZERO;
  account.takerRate = Decimal.ZERO;
}

const sum = (values: readonly string[]): string =>
  values.reduce((s, v) => s.add(d(v)), Decimal.ZERO).toFixed(8);

const TOTAL_KEYS = [
  'totalInitialMargin',
  'totalMaintMargin',
  'totalWalletBalance',
  'totalUnrealizedProfit',
  'totalMarginBalance',
  'totalPositionInitialMargin',
  'totalOpenOrderInitialMargin',
  'totalCrossWalletBalance',
  'totalCrossUnPnl',
  'availableBalance',
  'maxWithdrawAmount',
] as const satisfies readonly (keyof AccountTotals)[];

/** Every view of `account` agrees with the others and with the venue's own margin figures. */
function expectAgreement(venue: Venue, account: Account): void {
  const v2 = accountV2(venue, account);
  const v3 = accountV3(venue, account);
  const margins = venue.marginsOf(account, 'USDT');
  for (const key of TOTAL_KEYS) expect(v3[key], key).toBe(v2[key]);
  // What the -2019 check uses is what the account reports.
  expect(v2.availableBalance).toBe(margins.availableBalance.toFixed(8));
  expect(v2.maxWithdrawAmount).toBe(margins.maxWithdrawAmount.toFixed(8));
  expect(v2.totalWalletBalance).toBe(account.wallet('USDT').toFixed(8));
  expect(v2.totalMarginBalance).toBe(d(v2.totalWalletBalance).add(d(v2.totalUnrealizedProfit)).toFixed(8));
  expect(v2.totalInitialMargin).toBe(
    d(v2.totalPositionInitialMargin).add(d(v2.totalOpenOrderInitialMargin)).toFixed(8),
  );

  // Totals are the sums of the USDT rows, in v2 (every row) and v3 (active rows).
  const usdt = new Set(
    [...venue.markets.values()].filter((m) => m.spec.marginAsset === 'USDT').map((m) => m.symbol),
  );
  const rows2 = v2.positions.filter((p) => usdt.has(p.symbol));
  expect(sum(rows2.map((p) => p.initialMargin))).toBe(v2.totalInitialMargin);
  expect(sum(rows2.map((p) => p.maintMargin))).toBe(v2.totalMaintMargin);
  expect(sum(rows2.map((p) => p.unrealizedProfit))).toBe(v2.totalUnrealizedProfit);
  expect(sum(rows2.map((p) => p.positionInitialMargin))).toBe(v2.totalPositionInitialMargin);
  expect(sum(rows2.map((p) => p.openOrderInitialMargin))).toBe(v2.totalOpenOrderInitialMargin);
  const rows3 = v3.positions.filter((p) => usdt.has(p.symbol));
  expect(sum(rows3.map((p) => p.initialMargin))).toBe(v2.totalInitialMargin);
  expect(sum(rows3.map((p) => p.maintMargin))).toBe(v2.totalMaintMargin);
  expect(sum(rows3.map((p) => p.unrealizedProfit))).toBe(v2.totalUnrealizedProfit);

  // Assets: the same figures in account v2, v3 and balance.
  const asset2 = v2.assets.find((a) => a.asset === 'USDT')!;
  const asset3 = v3.assets.find((a) => a.asset === 'USDT')!;
  const balance = balances(venue, account).find((b) => b.asset === 'USDT')!;
  expect({ ...asset2, marginAvailable: undefined }).toEqual({ ...asset3, marginAvailable: undefined });
  expect(asset2.walletBalance).toBe(v2.totalWalletBalance);
  expect(asset2.availableBalance).toBe(v2.availableBalance);
  expect(balance).toMatchObject({
    accountAlias: account.alias,
    balance: asset2.walletBalance,
    crossWalletBalance: asset2.crossWalletBalance,
    crossUnPnl: asset2.crossUnPnl,
    availableBalance: asset2.availableBalance,
    maxWithdrawAmount: asset2.maxWithdrawAmount,
    updateTime: asset2.updateTime,
  });

  // positionRisk repeats the account rows; the cross wallet is the wallet less the isolated wallets.
  const risk2 = positionRiskV2(venue, account);
  expect(
    risk2.map((r) => [r.symbol, r.positionSide, r.positionAmt, r.entryPrice, r.unRealizedProfit]),
  ).toEqual(
    v2.positions.map((p) => [p.symbol, p.positionSide, p.positionAmt, p.entryPrice, p.unrealizedProfit]),
  );
  const isolated = sum(risk2.filter((r) => usdt.has(r.symbol)).map((r) => r.isolatedWallet));
  expect(d(v2.totalWalletBalance).sub(d(isolated)).toFixed(8)).toBe(v2.totalCrossWalletBalance);
  const risk3 = positionRiskV3(venue, account);
  expect(
    risk3.map((r) => [r.symbol, r.positionSide, r.positionAmt, r.initialMargin, r.maintMargin, r.notional]),
  ).toEqual(
    v3.positions.map((p) => [
      p.symbol,
      p.positionSide,
      p.positionAmt,
      p.initialMargin,
      p.maintMargin,
      p.notional,
    ]),
  );
}

describe('account views', () => {
  test('default: the worked account example of §2.13 (wallet 10,000, 20×, long 1 @ 60,000, mark 61,000, bid 0.5 @ 59,000)', () => {
    const { venue, counterparty, trader } = accountVenue();
    noFees(trader);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    setMark(venue, 'BTCUSDT', '61000');
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'BUY', '0.5', '59000'));
    const account = accountV2(venue, trader);
    expect(account).toMatchObject({
      totalWalletBalance: '10000.00000000',
      totalUnrealizedProfit: '1000.00000000',
      totalMarginBalance: '11000.00000000',
      totalPositionInitialMargin: '3050.00000000',
      totalOpenOrderInitialMargin: '1475.00000000',
      totalInitialMargin: '4525.00000000',
      totalMaintMargin: '255.00000000',
      availableBalance: '6475.00000000',
      maxWithdrawAmount: '6475.00000000',
    });
    expect(account.positions.find((p) => p.symbol === 'BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      initialMargin: '4525.00000000',
      maintMargin: '255.00000000',
      unrealizedProfit: '1000.00000000',
      positionInitialMargin: '3050.00000000',
      openOrderInitialMargin: '1475.00000000',
      leverage: '20',
      isolated: false,
      entryPrice: '60000.0',
      maxNotional: '100000000',
      bidNotional: '29500.00000000',
      askNotional: '0',
      positionSide: 'BOTH',
      positionAmt: '1.000',
      updateTime: T0,
    });
    // Cross, one-way: LP = (10,000 + 50 − 60,000) / (0.005 − 1).
    expect(positionRiskV2(venue, trader, 'BTCUSDT')[0]!.liquidationPrice).toBe('50201.00502513');
    expectAgreement(venue, trader);
  });

  test('behavior: an isolated long reports margin/liquidation.ts example A (57,236.18090452)', () => {
    const { venue, counterparty, trader } = accountVenue();
    noFees(trader);
    setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED');
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    const [v2] = positionRiskV2(venue, trader, 'BTCUSDT');
    expect(v2).toMatchObject({
      positionAmt: '1.000',
      entryPrice: '60000.0',
      marginType: 'isolated',
      isolatedWallet: '3000.00000000',
      isolatedMargin: '3000.00000000',
      liquidationPrice: '57236.18090452',
      notional: '60000.00000000',
    });
    const [v3] = positionRiskV3(venue, trader, 'BTCUSDT');
    expect(v3).toMatchObject({ liquidationPrice: '57236.18090452', isolatedWallet: '3000.00000000' });
    // The isolated wallet came out of the cross wallet; the wallet is untouched.
    expect(accountV2(venue, trader)).toMatchObject({
      totalWalletBalance: '10000.00000000',
      totalCrossWalletBalance: '7000.00000000',
      availableBalance: '7000.00000000',
    });
    expectAgreement(venue, trader);
  });

  test('behavior: flat rows print as Binance prints them, and reading changes nothing', () => {
    const { venue, trader } = accountVenue();
    const settings = trader.settings.size;
    const positions = trader.positions.size;
    const rows = positionRiskV2(venue, trader);
    expect(rows).toHaveLength(venue.markets.size);
    expect(rows.find((r) => r.symbol === 'BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      positionAmt: '0.000',
      entryPrice: '0.0',
      breakEvenPrice: '0.0',
      markPrice: venue.market('BTCUSDT').markPrice.toFixed(8),
      unRealizedProfit: '0.00000000',
      liquidationPrice: '0',
      leverage: '20',
      maxNotionalValue: '100000000',
      marginType: 'cross',
      isolatedMargin: '0.00000000',
      isAutoAddMargin: 'false',
      positionSide: 'BOTH',
      notional: '0',
      isolatedWallet: '0',
      updateTime: 0,
    });
    expect(positionRiskV3(venue, trader)).toEqual([]);
    accountV2(venue, trader);
    accountV3(venue, trader);
    symbolConfig(venue, trader);
    expect([trader.settings.size, trader.positions.size]).toEqual([settings, positions]);
  });

  test('behavior: with fees, several symbols, an isolated position and orders, every view agrees', () => {
    const { venue, counterparty, trader } = accountVenue({ balance: '50000' });
    setMarginType(venue, trader, 'ETHUSDT', 'ISOLATED');
    setLeverage(venue, trader, 'ETHUSDT', 10);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.25', '60000');
    trade(venue, counterparty, trader, 'ETHUSDT', 'SELL', '3', '3000');
    trade(venue, counterparty, trader, 'SOLUSDT', 'BUY', '40', '180');
    setMark(venue, 'BTCUSDT', '60500');
    setMark(venue, 'ETHUSDT', '2950');
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'SELL', '0.1', '62000'));
    venue.placeOrder(trader, limitOrder('ETHUSDT', 'BUY', '1', '2900'));
    venue.placeOrder(trader, limitOrder('XRPUSDT', 'BUY', '100', '2.2'));
    expectAgreement(venue, trader);
    const v3 = positionRiskV3(venue, trader);
    expect(v3.map((r) => r.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT']);
    // Fees moved the break-even price off the entry: 60,000 + 7.5 / 0.25.
    expect(v3[0]).toMatchObject({
      entryPrice: '60000.0',
      breakEvenPrice: '60030.0',
      askNotional: '6200.00000000',
    });
    expect(v3[3]).toMatchObject({ positionAmt: '0.0', bidNotional: '220.00000000', liquidationPrice: '0' });
  });

  test('behavior: every view agrees on the synthetic market while time runs', () => {
    const venue = new Venue({ startTime: T0, seed: 1, synthetic: { backfillMinutes: 5 } });
    const trader = venue.createAccount({ balances: { USDT: '20000' } });
    const btc = venue.market('BTCUSDT');
    const order = (side: 'BUY' | 'SELL', qty: string) =>
      venue.placeOrder(trader, {
        ...limitOrder('BTCUSDT', side, qty, '1'),
        type: 'MARKET',
        timeInForce: undefined,
        price: undefined,
      });
    order('BUY', '0.05');
    venue.commit();
    const bid = btc.priceOf(btc.book.bestBid()).sub(d('500'));
    venue.placeOrder(
      trader,
      limitOrder('BTCUSDT', 'BUY', '0.02', bid.roundToStep(btc.tickSize, 'down').toString()),
    );
    const mark = btc.markPrice;
    for (let t = 1; t <= 5; t++) {
      venue.advanceTo(T0 + t * 5_000);
      expectAgreement(venue, trader);
    }
    expect(btc.markPrice.eq(mark)).toBe(false);
    order('SELL', '0.03');
    venue.commit();
    expectAgreement(venue, trader);
  });

  test('behavior: hedge mode shows LONG and SHORT rows; a cross hedge shares one liquidation price', () => {
    const { venue, counterparty, trader } = accountVenue();
    setPositionMode(venue, trader, true);
    expect(positionRiskV2(venue, trader)).toHaveLength(2 * venue.markets.size);
    expect(
      accountV2(venue, trader)
        .positions.slice(0, 2)
        .map((p) => p.positionSide),
    ).toEqual(['LONG', 'SHORT']);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.1', '60000', 'LONG');
    trade(venue, counterparty, trader, 'BTCUSDT', 'SELL', '0.04', '60000', 'SHORT');
    const rows = positionRiskV3(venue, trader);
    expect(rows.map((r) => [r.positionSide, r.positionAmt])).toEqual([
      ['LONG', '0.100'],
      ['SHORT', '-0.040'],
    ]);
    expect(rows[0]!.liquidationPrice).toBe(rows[1]!.liquidationPrice);
    expect(d(rows[0]!.liquidationPrice).isPositive()).toBe(true);
    expect(positionRiskV2(venue, trader, 'BTCUSDT').map((r) => r.positionSide)).toEqual(['LONG', 'SHORT']);
    expectAgreement(venue, trader);
  });

  test('behavior: single-asset mode: USDT totals cover USDT only, the USDC wallet is its own asset', () => {
    const { venue, counterparty, trader } = accountVenue();
    venue.transfer(trader, 'USDC', d('2500'), 'DEPOSIT');
    venue.transfer(trader, 'BNB', d('3'), 'DEPOSIT');
    trade(venue, counterparty, trader, 'BTCUSDC', 'BUY', '0.01', '60000');
    const account = accountV2(venue, trader);
    expect(account.totalWalletBalance).toBe('10000.00000000');
    expect(account.totalPositionInitialMargin).toBe('0.00000000');
    expect(account.assets.map((a) => [a.asset, a.marginAvailable])).toEqual([
      ['USDT', true],
      ['USDC', true],
      ['BNB', false],
    ]);
    const usdc = account.assets.find((a) => a.asset === 'USDC')!;
    expect(usdc.positionInitialMargin).toBe('30.00000000');
    expect(d(usdc.walletBalance).lt(d('2500'))).toBe(true);
    expect(balances(venue, trader).map((b) => b.asset)).toEqual(['USDT', 'USDC', 'BNB']);
    // Multi-assets mode: the totals add the margin assets up.
    trader.multiAssetsMargin = true;
    expect(accountV2(venue, trader).totalWalletBalance).toBe(
      d('10000').add(d(usdc.walletBalance)).toFixed(8),
    );
  });

  test('behavior: ADL quantiles rank traders by profit and leverage, per side', () => {
    const { venue, counterparty, trader } = accountVenue();
    const other = venue.createAccount({ balances: { USDT: '100000' } });
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    trade(venue, counterparty, other, 'BTCUSDT', 'BUY', '0.1', '60000');
    setMark(venue, 'BTCUSDT', '62000');
    // Both in profit; the trader is the more leveraged, so first in the queue.
    expect(adlQuantileEntries(venue, trader)).toEqual([
      { symbol: 'BTCUSDT', adlQuantile: { LONG: 4, SHORT: 0, BOTH: 4 } },
    ]);
    expect(adlQuantileEntries(venue, other)).toEqual([
      { symbol: 'BTCUSDT', adlQuantile: { LONG: 2, SHORT: 0, BOTH: 2 } },
    ]);
    expect(positionRiskV3(venue, other)[0]!.adl).toBe(2);
    expect(adlQuantileEntries(venue, trader, 'ETHUSDT')).toEqual([]);
  });

  test('behavior: ADL entries in hedge mode: HEDGE marks cross, BOTH isolated', () => {
    const { venue, counterparty, trader } = accountVenue();
    setPositionMode(venue, trader, true);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.1', '60000', 'LONG');
    trade(venue, counterparty, trader, 'BTCUSDT', 'SELL', '0.05', '60000', 'SHORT');
    setMark(venue, 'BTCUSDT', '61000');
    const [cross] = adlQuantileEntries(venue, trader);
    expect(Object.keys(cross!.adlQuantile)).toEqual(['LONG', 'SHORT', 'HEDGE']);
    expect(cross!.adlQuantile.LONG).toBe(cross!.adlQuantile.SHORT);
    setMarginType(venue, trader, 'ETHUSDT', 'ISOLATED');
    trade(venue, counterparty, trader, 'ETHUSDT', 'BUY', '1', '3000', 'LONG');
    expect(adlQuantileEntries(venue, trader, 'ETHUSDT')).toEqual([
      { symbol: 'ETHUSDT', adlQuantile: { LONG: 4, SHORT: 0, BOTH: 0 } },
    ]);
  });

  test('behavior: configuration, brackets and commission views', () => {
    const { venue, trader } = accountVenue();
    setLeverage(venue, trader, 'BTCUSDT', 125);
    expect(symbolConfig(venue, trader, 'BTCUSDT')).toEqual([
      {
        symbol: 'BTCUSDT',
        marginType: 'CROSSED',
        isAutoAddMargin: false,
        leverage: 125,
        maxNotionalValue: '50000',
      },
    ]);
    expect(symbolConfig(venue, trader)).toHaveLength(venue.markets.size);
    expect(accountConfig(trader)).toEqual({
      feeTier: 0,
      canTrade: true,
      canDeposit: true,
      canWithdraw: true,
      dualSidePosition: false,
      updateTime: 0,
      multiAssetsMargin: false,
      tradeGroupId: -1,
    });
    const brackets = leverageBracket(venue.market('BTCUSDT'));
    expect(brackets.brackets.slice(0, 3)).toEqual([
      {
        bracket: 1,
        initialLeverage: 125,
        notionalCap: 50000,
        notionalFloor: 0,
        maintMarginRatio: 0.004,
        cum: 0,
      },
      {
        bracket: 2,
        initialLeverage: 100,
        notionalCap: 600000,
        notionalFloor: 50000,
        maintMarginRatio: 0.005,
        cum: 50,
      },
      {
        bracket: 3,
        initialLeverage: 75,
        notionalCap: 3000000,
        notionalFloor: 600000,
        maintMarginRatio: 0.0065,
        cum: 950,
      },
    ]);
    expect(commissionRate(venue, trader, 'BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      makerCommissionRate: '0.0002',
      takerCommissionRate: '0.0005',
      rpiCommissionRate: '0.0002',
    });
  });
});
