import type { CoinmUserTrade } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, fill, get, send, startCoinm, T0 } from './testing.js';

afterEach(closeAll);

describe('GET /dapi/v1/userTrades', () => {
  test('default: by symbol or by pair; rows add pair, marginAsset and baseQty in coin', () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    fill(f, 'ETHUSD_PERP', 'SELL', '30', '3000');
    fill(f, 'BTCUSD_PERP', 'SELL', '40', '55000');
    const btc = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { symbol: 'BTCUSD_PERP' });
    expect(btc).toHaveLength(2);
    expect(Object.keys(btc[0]!)).toEqual([
      'symbol',
      'id',
      'orderId',
      'pair',
      'side',
      'price',
      'qty',
      'realizedPnl',
      'marginAsset',
      'baseQty',
      'commission',
      'commissionAsset',
      'time',
      'positionSide',
      'buyer',
      'maker',
    ]);
    expect(btc[0]).toEqual({
      symbol: 'BTCUSD_PERP',
      id: btc[0]!.id,
      orderId: btc[0]!.orderId,
      pair: 'BTCUSD',
      side: 'BUY',
      price: '50000.0',
      qty: '100',
      realizedPnl: '0.00000000',
      marginAsset: 'BTC',
      // 100 × 100 / 50,000
      baseQty: '0.20000000',
      commission: '0.00010000',
      commissionAsset: 'BTC',
      time: T0,
      positionSide: 'BOTH',
      buyer: true,
      maker: false,
    });
    // 40 × 100 / 55,000 = 0.07272727 BTC.
    expect(btc[1]).toMatchObject({ side: 'SELL', baseQty: '0.07272727', realizedPnl: '0.00727272' });
    expect(get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { pair: 'BTCUSD' })).toEqual(btc);
    const eth = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { pair: 'ETHUSD' });
    // 30 × 10 / 3,000 = 0.1 ETH; fee 0.00005 ETH.
    expect(
      eth.map((t) => [t.symbol, t.pair, t.marginAsset, t.baseQty, t.commission, t.commissionAsset]),
    ).toEqual([['ETHUSD_PERP', 'ETHUSD', 'ETH', '0.10000000', '0.00005000', 'ETH']]);
    expect(
      get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', {
        symbol: 'BTCUSD_PERP',
        orderId: String(btc[1]!.orderId),
      }),
    ).toEqual([btc[1]]);
  });

  test('behavior: `symbol` xor `pair`, `pair` without fromId/orderId, default limit 50, weight 20 or 40', () => {
    const f = startCoinm();
    for (let i = 0; i < 52; i++) fill(f, 'BTCUSD_PERP', 'BUY', '1', '50000');
    const bySymbol = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { symbol: 'BTCUSD_PERP' });
    expect(bySymbol).toHaveLength(50);
    const all = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { pair: 'BTCUSD', limit: 1000 });
    expect(all).toHaveLength(52);
    // Without a start, the most recent `limit` fills.
    expect(bySymbol).toEqual(all.slice(2));
    const fromId = String(all[50]!.id);
    expect(get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { symbol: 'BTCUSD_PERP', fromId })).toEqual(
      all.slice(50),
    );
    const code = (params: Record<string, string>) =>
      (send(f, 'GET', '/dapi/v1/userTrades', params).body as { code: number }).code;
    expect(send(f, 'GET', '/dapi/v1/userTrades').body).toEqual({
      code: -1102,
      msg: "Param 'symbol' or 'pair' must be sent, but both were empty/null!",
    });
    expect(code({ symbol: 'BTCUSD_PERP', pair: 'BTCUSD' })).toBe(-1128);
    expect(code({ pair: 'BTCUSD', fromId })).toBe(-1128);
    expect(code({ pair: 'BTCUSD', orderId: '1' })).toBe(-1128);
    expect(code({ pair: 'DOGEUSD' })).toBe(-1121);
    expect(code({ symbol: 'BTCUSD_PERP', limit: '1001' })).toBe(-1130);
    const weight = (params: Record<string, string>) => {
      const before = Number(send(f, 'GET', '/dapi/v1/time').headers['x-mbx-used-weight-1m']);
      return Number(send(f, 'GET', '/dapi/v1/userTrades', params).headers['x-mbx-used-weight-1m']) - before;
    };
    expect(weight({ symbol: 'BTCUSD_PERP' })).toBe(20);
    expect(weight({ pair: 'BTCUSD' })).toBe(40);
  });
});
