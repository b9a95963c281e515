import type { CoinmAccount, CoinmBalance, CoinmPositionRisk, CoinmUserTrade } from '@basis/core';
import { Decimal } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, fill, get, send, setMark, startCoinm, T0 } from './testing.js';

afterEach(closeAll);

// Field names of Binance's docs example, sorted.
const ASSET_FIELDS = [
  'asset',
  'availableBalance',
  'crossUnPnl',
  'crossWalletBalance',
  'initialMargin',
  'maintMargin',
  'marginBalance',
  'maxWithdrawAmount',
  'openOrderInitialMargin',
  'positionInitialMargin',
  'unrealizedProfit',
  'updateTime',
  'walletBalance',
];
const POSITION_FIELDS = [
  'breakEvenPrice',
  'entryPrice',
  'initialMargin',
  'isolated',
  'leverage',
  'maintMargin',
  'maxQty',
  'notionalValue',
  'openOrderInitialMargin',
  'positionAmt',
  'positionInitialMargin',
  'positionSide',
  'symbol',
  'unrealizedProfit',
  'updateTime',
];

describe('GET /dapi/v1/account', () => {
  test('default: 100 BTCUSD_PERP bought at 50,000, mark 55,000: every figure in BTC, to the satoshi', () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    setMark(f, 'BTCUSD_PERP', '55000');
    const body = get<CoinmAccount>(f, '/dapi/v1/account');
    expect(Object.keys(body)).toEqual([
      'assets',
      'positions',
      'canDeposit',
      'canTrade',
      'canWithdraw',
      'feeTier',
      'updateTime',
    ]);
    expect(body).toMatchObject({
      canDeposit: true,
      canTrade: true,
      canWithdraw: true,
      feeTier: 0,
      updateTime: 0,
    });
    expect(body.assets.map((a) => a.asset)).toEqual(['BTC', 'ETH']);
    for (const asset of body.assets) expect(Object.keys(asset).sort()).toEqual(ASSET_FIELDS);
    // Notional at mark: 100 × 100 / 55,000 = 0.18181818 BTC; 20× → IM 0.00909090; tier 1 (0.4 %) →
    // MM 0.00072727. Taker fee 0.2 BTC × 0.05 % = 0.0001. UPnL 100 × 100 × (1/50,000 − 1/55,000).
    expect(body.assets[0]).toEqual({
      asset: 'BTC',
      walletBalance: '9.99990000',
      unrealizedProfit: '0.01818181',
      marginBalance: '10.01808181',
      maintMargin: '0.00072727',
      initialMargin: '0.00909090',
      positionInitialMargin: '0.00909090',
      openOrderInitialMargin: '0.00000000',
      crossWalletBalance: '9.99990000',
      crossUnPnl: '0.01818181',
      // 9.9999 + 0.01818181 − 0.00909090
      availableBalance: '10.00899091',
      // the wallet less the cross maintenance margin (the smallest of Binance's withdrawal terms here)
      maxWithdrawAmount: '9.99917273',
      updateTime: T0,
    });
    expect(body.assets[1]).toMatchObject({
      asset: 'ETH',
      walletBalance: '100.00000000',
      maintMargin: '0.00000000',
    });
    // One BOTH row per listed symbol, flat ones included.
    expect(body.positions.map((p) => p.symbol)).toEqual([...f.coinm.markets.keys()]);
    for (const row of body.positions) {
      expect(Object.keys(row).sort()).toEqual(POSITION_FIELDS);
      expect(row.positionSide).toBe('BOTH');
    }
    expect(body.positions[0]).toEqual({
      symbol: 'BTCUSD_PERP',
      positionAmt: '100',
      initialMargin: '0.00909090',
      maintMargin: '0.00072727',
      unrealizedProfit: '0.01818181',
      positionInitialMargin: '0.00909090',
      openOrderInitialMargin: '0',
      leverage: '20',
      isolated: false,
      positionSide: 'BOTH',
      entryPrice: '50000.0',
      // 1 / (1/50,000 − 0.0001 / 10,000): the price where the PnL pays the opening fee back
      breakEvenPrice: '50025.01250625',
      // the 20× tier's cap, 40 BTC
      maxQty: '40',
      notionalValue: '0.18181818',
      updateTime: T0,
    });
    expect(body.positions.find((p) => p.symbol === 'ETHUSD_PERP')).toEqual({
      symbol: 'ETHUSD_PERP',
      positionAmt: '0',
      initialMargin: '0',
      maintMargin: '0',
      unrealizedProfit: '0.00000000',
      positionInitialMargin: '0',
      openOrderInitialMargin: '0',
      leverage: '20',
      isolated: false,
      positionSide: 'BOTH',
      entryPrice: '0.0',
      breakEvenPrice: '0.0',
      maxQty: '3000',
      notionalValue: '0',
      updateTime: 0,
    });
  });

  test('behavior: the account agrees with the balance, the position risk, the fills and the venue', () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    fill(f, 'ETHUSD_PERP', 'SELL', '30', '3000');
    fill(f, 'BTCUSD_PERP', 'SELL', '40', '56000');
    setMark(f, 'BTCUSD_PERP', '55000');
    setMark(f, 'ETHUSD_PERP', '3100');
    const account = get<CoinmAccount>(f, '/dapi/v1/account');
    const balances = get<CoinmBalance[]>(f, '/dapi/v1/balance');
    const risk = get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk');
    for (const asset of account.assets) {
      const margins = f.coinm.marginsOf(f.trader, asset.asset);
      expect(asset.walletBalance).toBe(margins.walletBalance.toFixed(8));
      expect(asset.unrealizedProfit).toBe(margins.unrealizedProfit.toFixed(8));
      expect(asset.availableBalance).toBe(margins.availableBalance.toFixed(8));
      const balance = balances.find((b) => b.asset === asset.asset)!;
      expect(balance).toEqual({
        accountAlias: f.trader.alias,
        asset: asset.asset,
        balance: asset.walletBalance,
        withdrawAvailable: asset.maxWithdrawAmount,
        crossWalletBalance: asset.crossWalletBalance,
        crossUnPnl: asset.crossUnPnl,
        availableBalance: asset.availableBalance,
        updateTime: asset.updateTime,
      });
      // Each coin's wallet is its deposit plus the realized PnL less the fees of its fills.
      const trades = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { pair: `${asset.asset}USD` });
      const deposit = asset.asset === 'BTC' ? '10' : '100';
      const settled = trades.reduce(
        (sum, t) => sum.add(Decimal.parse(t.realizedPnl)).sub(Decimal.parse(t.commission)),
        Decimal.parse(deposit),
      );
      expect(asset.walletBalance).toBe(settled.toFixed(8));
      // The asset's UPnL is the sum of its rows'.
      const rows = account.positions.filter((p) => f.coinm.market(p.symbol).spec.marginAsset === asset.asset);
      const upnl = rows.reduce((sum, p) => sum.add(Decimal.parse(p.unrealizedProfit)), Decimal.ZERO);
      expect(asset.unrealizedProfit).toBe(upnl.toFixed(8));
    }
    // BTC: 60 left at 50,000 (the close realized 40 × 100 × (1/50,000 − 1/56,000) = 0.00857142 BTC).
    expect(account.assets[0]!.unrealizedProfit).toBe('0.01090909');
    const btcTrades = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { symbol: 'BTCUSD_PERP' });
    expect(btcTrades.map((t) => t.realizedPnl)).toEqual(['0.00000000', '0.00857142']);
    // ETH short 30 × 10 at 3,000, mark 3,100: 300 × (1/3,100 − 1/3,000) = −0.00322580 ETH.
    expect(account.positions.find((p) => p.symbol === 'ETHUSD_PERP')!.unrealizedProfit).toBe('-0.00322580');
    for (const row of account.positions) {
      const same = risk.find((r) => r.symbol === row.symbol && r.positionSide === row.positionSide)!;
      expect(same).toMatchObject({
        positionAmt: row.positionAmt,
        entryPrice: row.entryPrice,
        breakEvenPrice: row.breakEvenPrice,
        unRealizedProfit: row.unrealizedProfit,
        leverage: row.leverage,
        maxQty: row.maxQty,
        updateTime: row.updateTime,
      });
    }
  });

  test('behavior: hedge mode lists BOTH, LONG and SHORT rows of every symbol', () => {
    const f = startCoinm();
    expect(send(f, 'POST', '/dapi/v1/positionSide/dual', { dualSidePosition: 'true' }).status).toBe(200);
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000', 'LONG');
    fill(f, 'BTCUSD_PERP', 'SELL', '50', '52000', 'SHORT');
    setMark(f, 'BTCUSD_PERP', '55000');
    const body = get<CoinmAccount>(f, '/dapi/v1/account');
    expect(body.positions).toHaveLength(3 * f.coinm.markets.size);
    const btc = body.positions.filter((p) => p.symbol === 'BTCUSD_PERP');
    expect(btc.map((p) => [p.positionSide, p.positionAmt])).toEqual([
      ['BOTH', '0'],
      ['LONG', '100'],
      ['SHORT', '-50'],
    ]);
    expect(btc[1]).toMatchObject({ unrealizedProfit: '0.01818181', notionalValue: '0.18181818' });
    // 50 × 100 × (1/55,000 − 1/52,000) = −0.00524475 BTC; notional −5,000 / 55,000.
    expect(btc[2]).toMatchObject({
      unrealizedProfit: '-0.00524475',
      notionalValue: '-0.09090909',
      initialMargin: '0.00454545',
      maintMargin: '0.00036363',
      entryPrice: '52000.0',
    });
    // Fees: 0.0001 and ⌈5,000 / 52,000 × 0.0005⌉ = 0.00004808.
    expect(body.assets[0]).toMatchObject({
      walletBalance: '9.99985192',
      unrealizedProfit: '0.01293706',
      initialMargin: '0.01363635',
      maintMargin: '0.00109090',
    });
    const risk = get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk', { pair: 'BTCUSD' });
    expect(risk.filter((r) => r.symbol === 'BTCUSD_PERP').map((r) => r.positionSide)).toEqual([
      'BOTH',
      'LONG',
      'SHORT',
    ]);
  });
});
