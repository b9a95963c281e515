import type { ExpiredListenKey } from '../venue/listenKeys.js';
import type { Venue } from '../venue/venue.js';

/**
 * Expires the account's listen key at the venue's time, as if its 60 minutes had run out now: the
 * venue's listen-key process removes it and queues `listenKeyExpired` (E = now) for the account,
 * and the stream layer pushes it. Depends only on the venue's state and time, so replaying it at the
 * same point reproduces it: journal it (as an admin command) where it should survive a restart.
 *
 * Returns the expired key, or undefined when the account has no active key.
 */
export function forceListenKeyExpiry(venue: Venue, accountId: number): ExpiredListenKey | undefined {
  const keys = venue.listenKeys;
  const now = venue.now;
  const state = keys.keyOf(accountId, now);
  if (state === undefined) return undefined;
  // ListenKeys has no "expire now"; its snapshot form lets the expiry time be moved to now, and the
  // venue's own process then expires it, so the event is exactly the one a natural expiry sends.
  const snapshot = keys.snapshot();
  keys.restore({
    active: snapshot.active.map((s) => (s.accountId === accountId ? { ...s, expiresAt: now } : s)),
    lapsed: snapshot.lapsed,
  });
  venue.advanceTo(now);
  return { listenKey: state.listenKey, accountId, expiredAt: now };
}
