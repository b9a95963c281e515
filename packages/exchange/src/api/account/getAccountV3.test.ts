import { describe, expect, test } from 'vitest';
import { getAccountV2 } from './getAccountV2.js';
import { getAccountV3 } from './getAccountV3.js';
import { accountVenue, call, limitOrder, trade } from './testing.js';

describe('getAccountV3', () => {
  test('default: v2 totals, no configuration fields, only active rows', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'ETHUSDT', 'SELL', '0.5', '3000');
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'BUY', '0.01', '90000'));
    const v3 = call(getAccountV3, venue, trader);
    const v2 = call(getAccountV2, venue, trader);
    expect(v3).not.toHaveProperty('feeTier');
    expect(v3.availableBalance).toBe(v2.availableBalance);
    expect(v3.totalInitialMargin).toBe(v2.totalInitialMargin);
    expect(v3.assets[0]).not.toHaveProperty('marginAvailable');
    expect(v3.positions.map((p) => [p.symbol, p.positionSide, p.positionAmt])).toEqual([
      ['BTCUSDT', 'BOTH', '0.000'],
      ['ETHUSDT', 'BOTH', '-0.500'],
    ]);
    expect(v3.positions[1]).toMatchObject({
      notional: '-1500.00000000',
      isolatedWallet: '0',
      isolatedMargin: '0',
    });
  });
});
