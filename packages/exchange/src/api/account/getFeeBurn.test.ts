import { describe, expect, test } from 'vitest';
import { getAccountV2 } from './getAccountV2.js';
import { getFeeBurn } from './getFeeBurn.js';
import { accountVenue, call } from './testing.js';

describe('getFeeBurn', () => {
  test('default: off, as the account reports it', () => {
    const { venue, trader } = accountVenue();
    expect(call(getFeeBurn, venue, trader)).toEqual({ feeBurn: false });
    expect(call(getAccountV2, venue, trader).feeBurn).toBe(false);
  });
});
