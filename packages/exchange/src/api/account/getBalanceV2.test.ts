import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { getBalanceV2 } from './getBalanceV2.js';
import { accountVenue, call, T0 } from './testing.js';

describe('getBalanceV2', () => {
  test('default: one row per asset, with the account alias', () => {
    const { venue, trader } = accountVenue();
    venue.transfer(trader, 'USDC', Decimal.parse('12.5'), 'DEPOSIT');
    expect(call(getBalanceV2, venue, trader)).toEqual([
      {
        accountAlias: trader.alias,
        asset: 'USDT',
        balance: '10000.00000000',
        crossWalletBalance: '10000.00000000',
        crossUnPnl: '0.00000000',
        availableBalance: '10000.00000000',
        maxWithdrawAmount: '10000.00000000',
        marginAvailable: true,
        updateTime: T0,
      },
      {
        accountAlias: trader.alias,
        asset: 'USDC',
        balance: '12.50000000',
        crossWalletBalance: '12.50000000',
        crossUnPnl: '0.00000000',
        availableBalance: '12.50000000',
        maxWithdrawAmount: '12.50000000',
        marginAvailable: true,
        updateTime: T0,
      },
    ]);
  });
});
