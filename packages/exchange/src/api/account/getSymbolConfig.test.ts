import { describe, expect, test } from 'vitest';
import { changeLeverage } from './changeLeverage.js';
import { changeMarginType } from './changeMarginType.js';
import { getSymbolConfig } from './getSymbolConfig.js';
import { accountVenue, call, rejects } from './testing.js';

describe('getSymbolConfig', () => {
  test('default: every symbol, or the one asked for', () => {
    const { venue, trader } = accountVenue();
    call(changeLeverage, venue, trader, { symbol: 'ETHUSDT', leverage: '75' });
    call(changeMarginType, venue, trader, { symbol: 'ETHUSDT', marginType: 'ISOLATED' });
    expect(call(getSymbolConfig, venue, trader)).toHaveLength(venue.markets.size);
    expect(call(getSymbolConfig, venue, trader, { symbol: 'ETHUSDT' })).toEqual([
      {
        symbol: 'ETHUSDT',
        marginType: 'ISOLATED',
        isAutoAddMargin: false,
        leverage: 75,
        maxNotionalValue: '3000000',
      },
    ]);
    expect(rejects(() => call(getSymbolConfig, venue, trader, { symbol: 'NOPE' }))).toBe(-1121);
  });
});
