import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { getUserTrades } from './getUserTrades.js';
import { DAY_MS } from './queryParams.js';
import { accountVenue, call, rejects, T0, trade } from './testing.js';

describe('getUserTrades', () => {
  test('default: the fills of one symbol, as Binance prints them', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.1', '60000');
    trade(venue, counterparty, trader, 'BTCUSDT', 'SELL', '0.04', '60100.5');
    trade(venue, counterparty, trader, 'ETHUSDT', 'BUY', '1', '3000');
    const rows = call(getUserTrades, venue, trader, { symbol: 'BTCUSDT' });
    expect(rows).toEqual([
      {
        buyer: true,
        commission: '3.00000000',
        commissionAsset: 'USDT',
        id: rows[0]!.id,
        maker: false,
        orderId: rows[0]!.orderId,
        price: '60000.00',
        qty: '0.100',
        quoteQty: '6000',
        realizedPnl: '0.00000000',
        side: 'BUY',
        positionSide: 'BOTH',
        symbol: 'BTCUSDT',
        time: T0,
      },
      {
        buyer: false,
        commission: '1.20201000',
        commissionAsset: 'USDT',
        id: rows[1]!.id,
        maker: false,
        orderId: rows[1]!.orderId,
        price: '60100.50',
        qty: '0.040',
        quoteQty: '2404.02',
        realizedPnl: '4.02000000',
        side: 'SELL',
        positionSide: 'BOTH',
        symbol: 'BTCUSDT',
        time: T0,
      },
    ]);
    expect(
      call(getUserTrades, venue, trader, { symbol: 'BTCUSDT', orderId: String(rows[1]!.orderId) }),
    ).toEqual([rows[1]]);
    expect(call(getUserTrades, venue, trader, { symbol: 'BTCUSDT', fromId: String(rows[1]!.id) })).toEqual([
      rows[1],
    ]);
    expect(rejects(() => call(getUserTrades, venue, trader))).toBe(-1102);
  });

  test('behavior: 7-day windows, fromId, limit and the most recent fills by default', () => {
    const { venue, trader } = accountVenue();
    for (let day = 0; day < 10; day++) {
      trader.trades.push({
        symbol: 'BTCUSDT',
        id: day + 1,
        orderId: 100 + day,
        side: 'BUY',
        positionSide: 'BOTH',
        price: Decimal.parse('60000.00'),
        qty: Decimal.parse('0.001'),
        quoteQty: Decimal.parse('60.00000'),
        commission: Decimal.parse('0.03'),
        commissionAsset: 'USDT',
        realizedPnl: Decimal.ZERO,
        maker: true,
        time: T0 + day * DAY_MS,
      });
    }
    const now = T0 + 9 * DAY_MS;
    const ids = (params: Record<string, string>) =>
      getUserTrades
        .handle(venue, { now, account: trader }, { symbol: 'BTCUSDT', ...params })
        .map((t) => t.id);
    expect(ids({})).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ids({ limit: '2' })).toEqual([9, 10]);
    expect(ids({ startTime: String(T0), limit: '2' })).toEqual([1, 2]);
    expect(ids({ startTime: String(T0) })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ids({ endTime: String(T0 + 2 * DAY_MS) })).toEqual([1, 2, 3]);
    expect(ids({ fromId: '4', limit: '3' })).toEqual([4, 5, 6]);
    expect(ids({ orderId: '100' })).toEqual([1]);
    const send = (params: Record<string, string>) => () => ids(params);
    expect(rejects(send({ startTime: String(T0), endTime: String(T0 + 8 * DAY_MS) }))).toBe(-4165);
    expect(rejects(send({ startTime: String(T0 + 1), endTime: String(T0) }))).toBe(-1023);
    expect(rejects(send({ fromId: '1', startTime: String(T0) }))).toBe(-1128);
    expect(rejects(send({ limit: '0' }))).toBe(-1130);
    expect(rejects(send({ symbol: 'NOPE' }))).toBe(-1121);
  });
});
