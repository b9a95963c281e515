import { describe, expect, test } from 'vitest';
import { changeMultiAssetsMode } from './changeMultiAssetsMode.js';
import { changePositionMode } from './changePositionMode.js';
import { getAccountConfig } from './getAccountConfig.js';
import { accountVenue, call } from './testing.js';

describe('getAccountConfig', () => {
  test('default: the account configuration follows the mode changes', () => {
    const { venue, trader } = accountVenue();
    expect(call(getAccountConfig, venue, trader)).toEqual({
      feeTier: 0,
      canTrade: true,
      canDeposit: true,
      canWithdraw: true,
      dualSidePosition: false,
      updateTime: 0,
      multiAssetsMargin: false,
      tradeGroupId: -1,
    });
    call(changePositionMode, venue, trader, { dualSidePosition: 'true' });
    call(changeMultiAssetsMode, venue, trader, { multiAssetsMargin: 'true' });
    expect(call(getAccountConfig, venue, trader)).toMatchObject({
      dualSidePosition: true,
      multiAssetsMargin: true,
    });
  });
});
