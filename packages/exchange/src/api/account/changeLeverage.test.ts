import { describe, expect, test } from 'vitest';
import { changeLeverage } from './changeLeverage.js';
import { accountVenue, call, rejects, trade, userEvents } from './testing.js';

describe('changeLeverage', () => {
  test('default: {leverage, maxNotionalValue, symbol} and ACCOUNT_CONFIG_UPDATE', () => {
    const { venue, trader } = accountVenue();
    const events = userEvents(venue, trader);
    expect(call(changeLeverage, venue, trader, { symbol: 'BTCUSDT', leverage: '21' })).toEqual({
      leverage: 21,
      maxNotionalValue: '70000000',
      symbol: 'BTCUSDT',
    });
    venue.commit();
    expect(events).toEqual([
      { e: 'ACCOUNT_CONFIG_UPDATE', E: venue.now, T: venue.now, ac: { s: 'BTCUSDT', l: 21 } },
    ]);
  });

  test('behavior: parameters and rules: -1102, -1100, -4028, -1121, -2027', () => {
    const { venue, counterparty, trader } = accountVenue();
    expect(rejects(() => call(changeLeverage, venue, trader, { symbol: 'BTCUSDT' }))).toBe(-1102);
    expect(rejects(() => call(changeLeverage, venue, trader, { leverage: '5' }))).toBe(-1102);
    expect(rejects(() => call(changeLeverage, venue, trader, { symbol: 'BTCUSDT', leverage: '2.5' }))).toBe(
      -1100,
    );
    expect(rejects(() => call(changeLeverage, venue, trader, { symbol: 'BTCUSDT', leverage: '200' }))).toBe(
      -4028,
    );
    expect(rejects(() => call(changeLeverage, venue, trader, { symbol: 'NOPE', leverage: '5' }))).toBe(-1121);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    expect(rejects(() => call(changeLeverage, venue, trader, { symbol: 'BTCUSDT', leverage: '125' }))).toBe(
      -2027,
    );
  });
});
