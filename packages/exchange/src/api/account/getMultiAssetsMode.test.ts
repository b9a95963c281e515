import { describe, expect, test } from 'vitest';
import { changeMultiAssetsMode } from './changeMultiAssetsMode.js';
import { getMultiAssetsMode } from './getMultiAssetsMode.js';
import { accountVenue, call } from './testing.js';

describe('getMultiAssetsMode', () => {
  test('default: false until switched on', () => {
    const { venue, trader } = accountVenue();
    expect(call(getMultiAssetsMode, venue, trader)).toEqual({ multiAssetsMargin: false });
    call(changeMultiAssetsMode, venue, trader, { multiAssetsMargin: 'true' });
    expect(call(getMultiAssetsMode, venue, trader)).toEqual({ multiAssetsMargin: true });
  });
});
