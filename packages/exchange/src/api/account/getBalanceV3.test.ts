import { describe, expect, test } from 'vitest';
import { getBalanceV2 } from './getBalanceV2.js';
import { getBalanceV3 } from './getBalanceV3.js';
import { accountVenue, call, trade } from './testing.js';

describe('getBalanceV3', () => {
  test('default: the same rows as v2', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.1', '60000');
    const rows = call(getBalanceV3, venue, trader);
    expect(rows).toEqual(call(getBalanceV2, venue, trader));
    // 0.05% taker fee on 6,000.
    expect(rows[0]).toMatchObject({
      asset: 'USDT',
      balance: '9997.00000000',
      availableBalance: '9697.00000000',
    });
  });
});
