import type { CoinmPositionRisk } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, fill, get, send, setMark, startCoinm, T0 } from './testing.js';

afterEach(closeAll);

describe('POST /dapi/v1/positionMargin and GET /dapi/v1/positionMargin/history', () => {
  test('default: coin moves between the cross wallet and an isolated position; the history records it', () => {
    const f = startCoinm();
    send(f, 'POST', '/dapi/v1/marginType', { symbol: 'BTCUSD_PERP', marginType: 'ISOLATED' });
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    setMark(f, 'BTCUSD_PERP', '55000');
    const isolated = () =>
      get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk', { pair: 'BTCUSD' })[0]!.isolatedMargin;
    const cross = () => get<{ crossWalletBalance: string }[]>(f, '/dapi/v1/balance')[0]!.crossWalletBalance;
    // 20×: 0.2 BTC / 20 = 0.01 in the isolated wallet, plus the UPnL 0.01818181.
    expect(isolated()).toBe('0.02818181');
    expect(cross()).toBe('9.98990000');
    const add = send(f, 'POST', '/dapi/v1/positionMargin', {
      symbol: 'BTCUSD_PERP',
      amount: '0.015',
      type: 1,
    });
    expect(add.body).toEqual({
      amount: 0.015,
      code: 200,
      msg: 'Successfully modify position margin.',
      type: 1,
    });
    expect(isolated()).toBe('0.04318181');
    expect(cross()).toBe('9.97490000');
    send(f, 'POST', '/dapi/v1/positionMargin', { symbol: 'BTCUSD_PERP', amount: '0.005', type: 2 });
    expect(isolated()).toBe('0.03818181');
    expect(cross()).toBe('9.97990000');
    const history = get<object[]>(f, '/dapi/v1/positionMargin/history', { symbol: 'BTCUSD_PERP' });
    // Binance's COIN-M rows: no `deltaType`.
    expect(history).toEqual([
      { amount: '0.01500000', asset: 'BTC', symbol: 'BTCUSD_PERP', time: T0, type: 1, positionSide: 'BOTH' },
      { amount: '0.00500000', asset: 'BTC', symbol: 'BTCUSD_PERP', time: T0, type: 2, positionSide: 'BOTH' },
    ]);
    expect(Object.keys(history[0]!)).toEqual(['amount', 'asset', 'symbol', 'time', 'type', 'positionSide']);
    expect(get<object[]>(f, '/dapi/v1/positionMargin/history', { symbol: 'BTCUSD_PERP', type: 2 })).toEqual([
      history[1],
    ]);
    expect(get<object[]>(f, '/dapi/v1/positionMargin/history', { symbol: 'ETHUSD_PERP' })).toEqual([]);
  });

  test('behavior: history defaults to 50 rows; the USD-M codes apply', () => {
    const f = startCoinm();
    send(f, 'POST', '/dapi/v1/marginType', { symbol: 'BTCUSD_PERP', marginType: 'ISOLATED' });
    expect(
      send(f, 'POST', '/dapi/v1/positionMargin', { symbol: 'BTCUSD_PERP', amount: '0.01', type: 1 }).body,
    ).toMatchObject({ code: -4054 });
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    for (let i = 0; i < 52; i++) {
      send(f, 'POST', '/dapi/v1/positionMargin', { symbol: 'BTCUSD_PERP', amount: '0.0001', type: 1 });
    }
    expect(get<object[]>(f, '/dapi/v1/positionMargin/history', { symbol: 'BTCUSD_PERP' })).toHaveLength(50);
    expect(
      get<object[]>(f, '/dapi/v1/positionMargin/history', { symbol: 'BTCUSD_PERP', limit: 1000 }),
    ).toHaveLength(52);
    expect(
      send(f, 'POST', '/dapi/v1/positionMargin', { symbol: 'ETHUSD_PERP', amount: '1', type: 1 }).body,
    ).toMatchObject({
      code: -4049,
    });
    expect(send(f, 'GET', '/dapi/v1/positionMargin/history', {}).body).toMatchObject({ code: -1102 });
  });
});
