import { describe, expect, test } from 'vitest';
import { LISTEN_KEY_VALIDITY_MS, listenKeysOf } from '../../venue/listenKeys.js';
import { accountVenue, call, rejects } from '../account/testing.js';
import { keepaliveUserDataStream } from './keepaliveUserDataStream.js';
import { startUserDataStream } from './startUserDataStream.js';

describe('keepaliveUserDataStream', () => {
  test('default: returns the key and extends it by 60 minutes from now', () => {
    const { venue, trader } = accountVenue();
    const { listenKey } = call(startUserDataStream, venue, trader);
    const later = venue.now + 30 * 60_000;
    expect(keepaliveUserDataStream.handle(venue, { now: later, account: trader }, {})).toEqual({ listenKey });
    expect(listenKeysOf(venue).keyOf(trader.id, later)?.expiresAt).toBe(later + LISTEN_KEY_VALIDITY_MS);
    expect(call(keepaliveUserDataStream, venue, trader, { listenKey })).toEqual({ listenKey });
  });

  test('behavior: -1125 without an active key, or for another key', () => {
    const { venue, trader } = accountVenue();
    expect(rejects(() => call(keepaliveUserDataStream, venue, trader))).toBe(-1125);
    call(startUserDataStream, venue, trader);
    expect(rejects(() => call(keepaliveUserDataStream, venue, trader, { listenKey: 'x'.repeat(64) }))).toBe(
      -1125,
    );
    const expired = { now: venue.now + LISTEN_KEY_VALIDITY_MS, account: trader };
    expect(rejects(() => keepaliveUserDataStream.handle(venue, expired, {}))).toBe(-1125);
  });
});
