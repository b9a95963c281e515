import type { CoinmBalance, CoinmUserTrade } from '@basis/core';
import { Decimal } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import type { CoinmIncome } from './getIncome.js';
import { closeAll, fill, get, send, startCoinm, T0 } from './testing.js';

afterEach(closeAll);

describe('GET /dapi/v1/income', () => {
  test('default: fees and realized PnL in coin, one record per fill, matching the fills and the wallet', () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    fill(f, 'BTCUSD_PERP', 'SELL', '40', '55000');
    const rows = get<CoinmIncome[]>(f, '/dapi/v1/income', { symbol: 'BTCUSD_PERP' });
    const trades = get<CoinmUserTrade[]>(f, '/dapi/v1/userTrades', { symbol: 'BTCUSD_PERP' });
    const tradeIds = trades.map((t) => String(t.id));
    // Fees ⌈notional × 0.05 %⌉: 0.2 BTC → 0.0001; 4,000 / 55,000 BTC → 0.00003637. Realized:
    // 40 × 100 × (1/50,000 − 1/55,000) = 0.00727272 BTC.
    expect(rows.map((r) => [r.incomeType, r.income, r.asset, r.tradeId])).toEqual([
      ['COMMISSION', '-0.00010000', 'BTC', tradeIds[0]],
      ['REALIZED_PNL', '0.00727272', 'BTC', tradeIds[1]],
      ['COMMISSION', '-0.00003637', 'BTC', tradeIds[1]],
    ]);
    expect(trades.map((t) => [t.commission, t.realizedPnl])).toEqual([
      ['0.00010000', '0.00000000'],
      ['0.00003637', '0.00727272'],
    ]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'symbol',
        'incomeType',
        'income',
        'asset',
        'info',
        'time',
        'tranId',
        'tradeId',
      ]);
      expect(row.tranId).toMatch(/^\d+$/);
      expect(row.time).toBe(T0);
    }
    // The BTC wallet is the sum of every BTC income record (the deposit included).
    const all = get<CoinmIncome[]>(f, '/dapi/v1/income');
    const sum = all
      .filter((r) => r.asset === 'BTC')
      .reduce((s, r) => s.add(Decimal.parse(r.income)), Decimal.ZERO);
    const btc = get<CoinmBalance[]>(f, '/dapi/v1/balance').find((b) => b.asset === 'BTC')!;
    expect(btc.balance).toBe('10.00713635');
    expect(sum.toFixed(8)).toBe(btc.balance);
    expect(get<CoinmIncome[]>(f, '/dapi/v1/income', { incomeType: 'REALIZED_PNL' })).toEqual([rows[1]]);
    expect(get<CoinmIncome[]>(f, '/dapi/v1/income', { symbol: 'BTCUSD_PERP', limit: 2, page: 2 })).toEqual([
      rows[2],
    ]);
  });

  test('behavior: COIN-M’s income types, a one-year range, weight 20', () => {
    const f = startCoinm();
    expect(send(f, 'GET', '/dapi/v1/income', { incomeType: 'BFUSD_REWARD' }).body).toEqual({
      code: -1130,
      msg: "Data sent for parameter 'incomeType' is not valid.",
    });
    // COIN-M's INVALID_TIME_INTERVAL is -4088 with a final full stop (USD-M: -4165).
    expect(send(f, 'GET', '/dapi/v1/income', { startTime: T0 - 366 * 86_400_000, endTime: T0 }).body).toEqual(
      { code: -4088, msg: 'Maximum time interval is 365 days.' },
    );
    expect(
      get<CoinmIncome[]>(f, '/dapi/v1/income', { startTime: T0 - 365 * 86_400_000, endTime: T0 }),
    ).toHaveLength(2);
    const before = Number(send(f, 'GET', '/dapi/v1/time').headers['x-mbx-used-weight-1m']);
    const after = Number(send(f, 'GET', '/dapi/v1/income').headers['x-mbx-used-weight-1m']);
    expect(after - before).toBe(20);
  });
});
