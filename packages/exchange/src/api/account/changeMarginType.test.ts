import { describe, expect, test } from 'vitest';
import { changeMarginType } from './changeMarginType.js';
import { accountVenue, call, limitOrder, rejects } from './testing.js';

describe('changeMarginType', () => {
  test('default: {"code":200,"msg":"success"}; the same type again is -4046', () => {
    const { venue, trader } = accountVenue();
    expect(call(changeMarginType, venue, trader, { symbol: 'BTCUSDT', marginType: 'ISOLATED' })).toEqual({
      code: 200,
      msg: 'success',
    });
    expect(trader.settingsFor('BTCUSDT').marginType).toBe('ISOLATED');
    expect(
      rejects(() => call(changeMarginType, venue, trader, { symbol: 'BTCUSDT', marginType: 'ISOLATED' })),
    ).toBe(-4046);
  });

  test('behavior: an invalid type is -1130, a missing one -1102; open orders -4047', () => {
    const { venue, trader } = accountVenue();
    expect(
      rejects(() => call(changeMarginType, venue, trader, { symbol: 'BTCUSDT', marginType: 'CROSS' })),
    ).toBe(-1130);
    expect(rejects(() => call(changeMarginType, venue, trader, { symbol: 'BTCUSDT' }))).toBe(-1102);
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'BUY', '0.01', '90000'));
    expect(
      rejects(() => call(changeMarginType, venue, trader, { symbol: 'BTCUSDT', marginType: 'ISOLATED' })),
    ).toBe(-4047);
  });
});
