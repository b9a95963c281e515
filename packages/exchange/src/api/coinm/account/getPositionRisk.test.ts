import type { CoinmPositionRisk } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, fill, get, send, setMark, startCoinm, T0 } from './testing.js';

afterEach(closeAll);

// Field names, sorted: Binance's docs example (`maxQty`, no `notional`) plus `notionalValue` and
// `isolatedWallet`, which live answers carry and ccxt reads.
const FIELDS = [
  'breakEvenPrice',
  'entryPrice',
  'isAutoAddMargin',
  'isolatedMargin',
  'isolatedWallet',
  'leverage',
  'liquidationPrice',
  'marginType',
  'markPrice',
  'maxQty',
  'notionalValue',
  'positionAmt',
  'positionSide',
  'symbol',
  'unRealizedProfit',
  'updateTime',
];

describe('GET /dapi/v1/positionRisk', () => {
  test('default: every symbol by default; `pair` and `marginAsset` select, together or alone', () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    fill(f, 'ETHUSD_PERP', 'BUY', '10', '3000');
    setMark(f, 'BTCUSD_PERP', '55000');
    const all = get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk');
    expect(all.map((r) => r.symbol)).toEqual([...f.coinm.markets.keys()]);
    for (const row of all) expect(Object.keys(row).sort()).toEqual(FIELDS);
    expect(all[0]).toEqual({
      symbol: 'BTCUSD_PERP',
      positionAmt: '100',
      entryPrice: '50000.0',
      breakEvenPrice: '50025.01250625',
      markPrice: '55000.00000000',
      unRealizedProfit: '0.01818181',
      liquidationPrice: '984.89502579',
      leverage: '20',
      maxQty: '40',
      marginType: 'cross',
      isolatedMargin: '0.00000000',
      isAutoAddMargin: 'false',
      positionSide: 'BOTH',
      // 100 contracts × 100 USD / 55,000.
      notionalValue: '0.18181818',
      isolatedWallet: '0',
      updateTime: T0,
    });
    const symbols = (params: Record<string, string>) =>
      get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk', params).map((r) => r.symbol);
    const ofPair = (pair: string) => [...f.coinm.markets.values()].filter((m) => m.spec.pair === pair);
    const eth = ofPair('ETHUSD').map((m) => m.symbol);
    const btc = ofPair('BTCUSD').map((m) => m.symbol);
    expect(eth).toContain('ETHUSD_PERP');
    expect(symbols({ pair: 'ETHUSD' })).toEqual(eth);
    expect(symbols({ marginAsset: 'BTC' })).toEqual(btc);
    expect(symbols({ marginAsset: 'ETH', pair: 'ETHUSD' })).toEqual(eth);
    expect(symbols({ marginAsset: 'BTC', pair: 'ETHUSD' })).toEqual([]);
    expect(symbols({ marginAsset: 'USDT' })).toEqual([]);
    const ethRow = get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk', { pair: 'ETHUSD' })[0]!;
    expect(ethRow).toMatchObject({ symbol: 'ETHUSD_PERP', positionAmt: '10', entryPrice: '3000.0' });
    expect(send(f, 'GET', '/dapi/v1/positionRisk', { pair: 'DOGEUSD' })).toMatchObject({
      status: 400,
      body: { code: -1121, msg: 'Invalid symbol.' },
    });
  });

  test('behavior: isolated at 10×: isolated margin, cross wallet and liquidation price in coin', () => {
    const f = startCoinm();
    expect(
      send(f, 'POST', '/dapi/v1/marginType', { symbol: 'BTCUSD_PERP', marginType: 'ISOLATED' }).status,
    ).toBe(200);
    expect(send(f, 'POST', '/dapi/v1/leverage', { symbol: 'BTCUSD_PERP', leverage: 10 }).body).toEqual({
      leverage: 10,
      maxQty: '80',
      symbol: 'BTCUSD_PERP',
    });
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    setMark(f, 'BTCUSD_PERP', '55000');
    const row = get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk', { pair: 'BTCUSD' })[0]!;
    // The isolated wallet holds the initial margin at entry, 0.2 BTC / 10 = 0.02; the isolated
    // margin adds the UPnL. Liquidation where 0.02 + 10,000 × (1/50,000 − 1/P) = 10,000 × 0.004 / P:
    // P = 10,040 / 0.22 = 45,636.36363636.
    expect(row).toMatchObject({
      marginType: 'isolated',
      leverage: '10',
      maxQty: '80',
      unRealizedProfit: '0.01818181',
      isolatedMargin: '0.03818181',
      liquidationPrice: '45636.36363636',
    });
    const [btc] = get<{ crossWalletBalance: string; balance: string; crossUnPnl: string }[]>(
      f,
      '/dapi/v1/balance',
    );
    expect(btc).toMatchObject({
      balance: '9.99990000',
      crossWalletBalance: '9.97990000',
      crossUnPnl: '0.00000000',
    });
  });
});
