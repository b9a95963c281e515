import { describe, expect, test } from 'vitest';
import { listenKeysOf } from '../../venue/listenKeys.js';
import { accountVenue, call, rejects } from '../account/testing.js';
import { closeUserDataStream } from './closeUserDataStream.js';
import { keepaliveUserDataStream } from './keepaliveUserDataStream.js';
import { startUserDataStream } from './startUserDataStream.js';

describe('closeUserDataStream', () => {
  test('default: {} and the key is gone', () => {
    const { venue, trader } = accountVenue();
    const { listenKey } = call(startUserDataStream, venue, trader);
    expect(call(closeUserDataStream, venue, trader)).toEqual({});
    expect(listenKeysOf(venue).accountOf(listenKey, venue.now)).toBeUndefined();
    expect(rejects(() => call(keepaliveUserDataStream, venue, trader))).toBe(-1125);
    expect(call(startUserDataStream, venue, trader).listenKey).not.toBe(listenKey);
  });

  test("behavior: -1125 for a key that is not the account's", () => {
    const { venue, trader } = accountVenue();
    call(startUserDataStream, venue, trader);
    expect(rejects(() => call(closeUserDataStream, venue, trader, { listenKey: 'nope' }))).toBe(-1125);
  });
});
