import { describe, expect, test } from 'vitest';
import { changePositionMode } from './changePositionMode.js';
import { getPositionMode } from './getPositionMode.js';
import { accountVenue, call } from './testing.js';

describe('getPositionMode', () => {
  test('default: false in one-way mode, true in hedge mode', () => {
    const { venue, trader } = accountVenue();
    expect(call(getPositionMode, venue, trader)).toEqual({ dualSidePosition: false });
    call(changePositionMode, venue, trader, { dualSidePosition: 'true' });
    expect(call(getPositionMode, venue, trader)).toEqual({ dualSidePosition: true });
  });
});
