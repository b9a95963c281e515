import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { changeMarginType } from './changeMarginType.js';
import { getPositionMarginHistory } from './getPositionMarginHistory.js';
import { modifyPositionMargin } from './modifyPositionMargin.js';
import { DAY_MS } from './queryParams.js';
import { accountVenue, call, rejects, T0, trade } from './testing.js';

describe('getPositionMarginHistory', () => {
  test('default: the changes made through positionMargin, oldest first', () => {
    const { venue, counterparty, trader } = accountVenue();
    call(changeMarginType, venue, trader, { symbol: 'BTCUSDT', marginType: 'ISOLATED' });
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.5', '60000');
    call(modifyPositionMargin, venue, trader, { symbol: 'BTCUSDT', amount: '23.36332311', type: '1' });
    call(modifyPositionMargin, venue, trader, { symbol: 'BTCUSDT', amount: '3', type: '2' });
    expect(call(getPositionMarginHistory, venue, trader, { symbol: 'BTCUSDT' })).toEqual([
      {
        symbol: 'BTCUSDT',
        type: 1,
        deltaType: 'USER_ADJUST',
        amount: '23.36332311',
        asset: 'USDT',
        time: T0,
        positionSide: 'BOTH',
      },
      {
        symbol: 'BTCUSDT',
        type: 2,
        deltaType: 'USER_ADJUST',
        amount: '3.00000000',
        asset: 'USDT',
        time: T0,
        positionSide: 'BOTH',
      },
    ]);
    expect(call(getPositionMarginHistory, venue, trader, { symbol: 'BTCUSDT', type: '2' })).toHaveLength(1);
    expect(call(getPositionMarginHistory, venue, trader, { symbol: 'ETHUSDT' })).toEqual([]);
  });

  test('behavior: 30-day window, limit, and parameter errors', () => {
    const { venue, trader } = accountVenue();
    const history = trader.positionMarginHistory;
    for (let day = 0; day < 40; day++) {
      history.push({
        symbol: 'BTCUSDT',
        type: 1,
        deltaType: 'USER_ADJUST',
        amount: Decimal.parse('1'),
        asset: 'USDT',
        time: T0 + day * DAY_MS,
        positionSide: 'BOTH',
      });
    }
    const at = (params: Record<string, string>) =>
      getPositionMarginHistory.handle(
        venue,
        { now: T0 + 39 * DAY_MS, account: trader },
        { symbol: 'BTCUSDT', ...params },
      );
    expect(at({})).toHaveLength(31);
    expect(at({ startTime: String(T0) })).toHaveLength(31);
    expect(at({ startTime: String(T0), limit: '5' }).map((r) => r.time)).toEqual(
      [0, 1, 2, 3, 4].map((day) => T0 + day * DAY_MS),
    );
    expect(rejects(() => at({ startTime: String(T0), endTime: String(T0 + 31 * DAY_MS) }))).toBe(-4165);
    expect(rejects(() => at({ startTime: String(T0 + 1), endTime: String(T0) }))).toBe(-1023);
    expect(rejects(() => at({ type: '0' }))).toBe(-1130);
    expect(rejects(() => at({ symbol: '' }))).toBe(-1102);
  });
});
