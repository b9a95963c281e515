import { describe, expect, test } from 'vitest';
import { listenKeysOf } from '../../venue/listenKeys.js';
import { accountVenue, call } from '../account/testing.js';
import { startUserDataStream } from './startUserDataStream.js';

describe('startUserDataStream', () => {
  test("default: a 64-character key for the API key's account, the same one while it is active", () => {
    const { venue, trader, counterparty } = accountVenue();
    const { listenKey } = call(startUserDataStream, venue, trader);
    expect(listenKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(call(startUserDataStream, venue, trader)).toEqual({ listenKey });
    expect(call(startUserDataStream, venue, counterparty).listenKey).not.toBe(listenKey);
    expect(listenKeysOf(venue).accountOf(listenKey, venue.now)).toBe(trader.id);
  });
});
