import { describe, expect, test } from 'vitest';
import { changeMarginType } from './changeMarginType.js';
import { changeMultiAssetsMode } from './changeMultiAssetsMode.js';
import { accountVenue, call, rejects, userEvents } from './testing.js';

describe('changeMultiAssetsMode', () => {
  test('default: success body and ACCOUNT_CONFIG_UPDATE {ai: {j: true}}', () => {
    const { venue, trader } = accountVenue();
    const events = userEvents(venue, trader);
    expect(call(changeMultiAssetsMode, venue, trader, { multiAssetsMargin: 'true' })).toEqual({
      code: 200,
      msg: 'success',
    });
    venue.commit();
    expect(events).toEqual([{ e: 'ACCOUNT_CONFIG_UPDATE', E: venue.now, T: venue.now, ai: { j: true } }]);
    expect(rejects(() => call(changeMultiAssetsMode, venue, trader, { multiAssetsMargin: 'true' }))).toBe(
      -4171,
    );
  });

  test('behavior: -1102 without the parameter; -4167 while a symbol is isolated', () => {
    const { venue, trader } = accountVenue();
    expect(rejects(() => call(changeMultiAssetsMode, venue, trader))).toBe(-1102);
    call(changeMarginType, venue, trader, { symbol: 'DOGEUSDT', marginType: 'ISOLATED' });
    expect(rejects(() => call(changeMultiAssetsMode, venue, trader, { multiAssetsMargin: 'true' }))).toBe(
      -4167,
    );
  });
});
