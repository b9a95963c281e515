import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { getIncome } from './getIncome.js';
import { DAY_MS } from './queryParams.js';
import { accountVenue, call, rejects, T0, trade } from './testing.js';

describe('getIncome', () => {
  test('default: transfers, realized PnL and commissions, oldest first', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.1', '60000');
    trade(venue, counterparty, trader, 'BTCUSDT', 'SELL', '0.1', '61000');
    const rows = call(getIncome, venue, trader);
    expect(rows.map((r) => [r.incomeType, r.income, r.symbol])).toEqual([
      ['TRANSFER', '10000.00000000', ''],
      ['COMMISSION', '-3.00000000', 'BTCUSDT'],
      ['REALIZED_PNL', '100.00000000', 'BTCUSDT'],
      ['COMMISSION', '-3.05000000', 'BTCUSDT'],
    ]);
    expect(rows[0]).toMatchObject({ asset: 'USDT', info: 'TRANSFER', time: T0, tradeId: '' });
    expect(rows[2]!.tradeId).not.toBe('');
    expect(call(getIncome, venue, trader, { incomeType: 'COMMISSION' })).toHaveLength(2);
    expect(call(getIncome, venue, trader, { symbol: 'BTCUSDT' })).toHaveLength(3);
    expect(call(getIncome, venue, trader, { symbol: 'ETHUSDT' })).toEqual([]);
  });

  test('behavior: last 7 days by default, page and limit, and parameter errors', () => {
    const { venue, trader } = accountVenue();
    trader.income.length = 0;
    for (let day = 0; day < 10; day++) {
      trader.income.push({
        symbol: '',
        incomeType: 'TRANSFER',
        income: Decimal.parse('1'),
        asset: 'USDT',
        info: 'TRANSFER',
        time: T0 + day * DAY_MS,
        tranId: day + 1,
        tradeId: '',
      });
    }
    const now = T0 + 9 * DAY_MS;
    const at = (params: Record<string, string>) => getIncome.handle(venue, { now, account: trader }, params);
    expect(at({}).map((r) => r.tranId)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(at({ startTime: String(T0) })).toHaveLength(10);
    expect(at({ endTime: String(T0 + DAY_MS) }).map((r) => r.tranId)).toEqual([1, 2]);
    expect(at({ startTime: String(T0), limit: '3', page: '2' }).map((r) => r.tranId)).toEqual([4, 5, 6]);
    expect(rejects(() => at({ limit: '1001' }))).toBe(-1130);
    expect(rejects(() => at({ page: '0' }))).toBe(-1130);
    expect(rejects(() => at({ incomeType: 'GIFT' }))).toBe(-1130);
    expect(rejects(() => at({ startTime: String(now), endTime: String(T0) }))).toBe(-1023);
    expect(rejects(() => at({ symbol: 'NOPE' }))).toBe(-1121);
  });
});
