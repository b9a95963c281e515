import { describe, expect, test } from 'vitest';
import { getAdlQuantile } from './getAdlQuantile.js';
import { accountVenue, call, rejects, setMark, trade } from './testing.js';

describe('getAdlQuantile', () => {
  test('default: the symbols the account holds, with its quantile', () => {
    const { venue, counterparty, trader } = accountVenue();
    expect(call(getAdlQuantile, venue, trader)).toEqual([]);
    trade(venue, counterparty, trader, 'ETHUSDT', 'SELL', '1', '3000');
    setMark(venue, 'ETHUSDT', '2900');
    expect(call(getAdlQuantile, venue, trader)).toEqual([
      { symbol: 'ETHUSDT', adlQuantile: { LONG: 0, SHORT: 4, BOTH: 4 } },
    ]);
    expect(call(getAdlQuantile, venue, trader, { symbol: 'BTCUSDT' })).toEqual([]);
    expect(rejects(() => call(getAdlQuantile, venue, trader, { symbol: 'NOPE' }))).toBe(-1121);
  });
});
