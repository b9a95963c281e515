import { describe, expect, test } from 'vitest';
import { rejects, T0 } from '../api/account/testing.js';
import {
  LISTEN_KEY_VALIDITY_MS,
  ListenKeys,
  listenKeyExpiredEvent,
  listenKeyProcess,
  listenKeysOf,
} from './listenKeys.js';
import { Venue } from './venue.js';

const HOUR = LISTEN_KEY_VALIDITY_MS;

/** A deterministic source: "a…a1", "a…a2", ... (64 characters each). */
function counter(): (alphabet: string, length: number) => string {
  let n = 0;
  return (_alphabet, length) => {
    n += 1;
    return String(n).padStart(length, 'a');
  };
}

describe('ListenKeys', () => {
  test('default: one key per account, 64 alphanumerics from the venue RNG, 60 minutes of life', () => {
    const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none' });
    const keys = new ListenKeys(venue);
    const key = keys.start(7, T0);
    expect(key).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(keys.keyOf(7, T0)).toEqual({ listenKey: key, accountId: 7, expiresAt: T0 + HOUR });
    expect(keys.accountOf(key, T0 + HOUR - 1)).toBe(7);
    expect(keys.accountOf(key, T0 + HOUR)).toBeUndefined();
    // The same seed gives the same key.
    const again = new ListenKeys(new Venue({ startTime: T0, seed: 1, marketData: 'none' }));
    expect(again.start(7, T0)).toBe(key);
  });

  test('behavior: POST while active returns the same key and extends it', () => {
    const keys = new ListenKeys(counter());
    const key = keys.start(1, T0);
    expect(keys.start(1, T0 + 30 * 60_000)).toBe(key);
    expect(keys.keyOf(1, T0)?.expiresAt).toBe(T0 + 30 * 60_000 + HOUR);
    expect(keys.start(2, T0)).not.toBe(key);
  });

  test('behavior: PUT extends the active key; unknown, expired or foreign keys are -1125', () => {
    const keys = new ListenKeys(counter());
    expect(rejects(() => keys.keepalive(1, T0))).toBe(-1125);
    const key = keys.start(1, T0);
    expect(keys.keepalive(1, T0 + HOUR - 1)).toBe(key);
    expect(keys.keyOf(1, T0)?.expiresAt).toBe(T0 + 2 * HOUR - 1);
    expect(keys.keepalive(1, T0 + HOUR, key)).toBe(key);
    expect(rejects(() => keys.keepalive(1, T0 + HOUR, 'other'))).toBe(-1125);
    expect(rejects(() => keys.keepalive(1, T0 + 3 * HOUR))).toBe(-1125);
  });

  test('behavior: expire(now) reports each key once, at its expiry time, earliest first', () => {
    const keys = new ListenKeys(counter());
    const a = keys.start(1, T0);
    const b = keys.start(2, T0 - 10);
    expect(keys.nextExpiry()).toBe(T0 - 10 + HOUR);
    expect(keys.expire(T0 + HOUR - 11)).toEqual([]);
    expect(keys.expire(T0 + HOUR)).toEqual([
      { listenKey: b, accountId: 2, expiredAt: T0 - 10 + HOUR },
      { listenKey: a, accountId: 1, expiredAt: T0 + HOUR },
    ]);
    expect(keys.expire(T0 + 2 * HOUR)).toEqual([]);
    expect(keys.nextExpiry()).toBeUndefined();
    expect(listenKeyExpiredEvent({ listenKey: a, accountId: 1, expiredAt: T0 + HOUR })).toEqual({
      e: 'listenKeyExpired',
      E: T0 + HOUR,
      listenKey: a,
    });
  });

  test('behavior: POST after expiry makes a new key; the old one is still reported', () => {
    const keys = new ListenKeys(counter());
    const old = keys.start(1, T0);
    const fresh = keys.start(1, T0 + 2 * HOUR);
    expect(fresh).not.toBe(old);
    expect(keys.accountOf(old, T0 + 2 * HOUR)).toBeUndefined();
    expect(keys.expire(T0 + 2 * HOUR)).toEqual([{ listenKey: old, accountId: 1, expiredAt: T0 + HOUR }]);
    expect(keys.keyOf(1, T0 + 2 * HOUR)?.listenKey).toBe(fresh);
  });

  test('behavior: DELETE closes the key; a foreign key is -1125', () => {
    const keys = new ListenKeys(counter());
    const key = keys.start(1, T0);
    expect(rejects(() => keys.close(1, T0, 'other'))).toBe(-1125);
    keys.close(1, T0, key);
    expect(keys.accountOf(key, T0)).toBeUndefined();
    expect(keys.expire(T0 + 2 * HOUR)).toEqual([]);
    keys.close(1, T0);
    expect(rejects(() => keys.keepalive(1, T0))).toBe(-1125);
  });

  test('behavior: snapshot and restore', () => {
    const keys = new ListenKeys(counter());
    keys.start(1, T0);
    keys.start(2, T0);
    keys.start(2, T0 + 2 * HOUR);
    const copy = new ListenKeys(counter());
    copy.restore(keys.snapshot());
    expect(copy.snapshot()).toEqual(keys.snapshot());
    expect(copy.expire(T0 + 2 * HOUR)).toEqual(keys.expire(T0 + 2 * HOUR));
  });

  test('behavior: as a venue process, keys expire on the venue clock with listenKeyExpired events', () => {
    const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none' });
    const keys = new ListenKeys(venue);
    venue.addProcess(listenKeyProcess(venue, keys));
    const events: [number, unknown][] = [];
    venue.subscribe({ userEvent: (id, event) => event.e === 'listenKeyExpired' && events.push([id, event]) });
    const key = keys.start(5, T0);
    venue.advanceTo(T0 + HOUR - 1);
    expect(events).toEqual([]);
    venue.advanceTo(T0 + HOUR + 5000);
    expect(events).toEqual([[5, { e: 'listenKeyExpired', E: T0 + HOUR, listenKey: key }]]);
    expect(keys.accountOf(key, venue.now)).toBeUndefined();
  });

  test('behavior: listenKeysOf gives the venue one registry', () => {
    const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none' });
    expect(listenKeysOf(venue)).toBe(listenKeysOf(venue));
  });
});
