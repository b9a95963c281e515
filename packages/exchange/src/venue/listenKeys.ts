import type { ListenKeyExpiredEvent } from '@basis/core';
import { apiError } from '../api/apiError.js';
import type { VenueProcess } from './process.js';
import type { Venue } from './venue.js';

/** How long a listen key lives after its creation or last keepalive: 60 minutes. */
export const LISTEN_KEY_VALIDITY_MS = 60 * 60 * 1000;

/** Listen keys are 64 alphanumerics, as Binance's. */
export const LISTEN_KEY_LENGTH = 64;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Where keys come from: the venue (its seeded RNG) or any function with the same contract. */
export type RandomStrings =
  | { randomString(alphabet: string, length: number): string }
  | ((alphabet: string, length: number) => string);

/** One active key. */
export interface ListenKeyState {
  readonly listenKey: string;
  readonly accountId: number;
  /** The first moment (ms) the key is no longer valid. */
  readonly expiresAt: number;
}

/** A key that ran out: the stream layer pushes `listenKeyExpired` for it. */
export interface ExpiredListenKey {
  readonly listenKey: string;
  readonly accountId: number;
  /** When it expired (its `expiresAt`), ms. */
  readonly expiredAt: number;
}

/** What {@link ListenKeys.snapshot} returns. */
export interface ListenKeysSnapshot {
  readonly active: readonly ListenKeyState[];
  readonly lapsed: readonly ExpiredListenKey[];
}

/**
 * The user-data stream keys (`/fapi/v1/listenKey`): at most one active key per account, valid for
 * {@link LISTEN_KEY_VALIDITY_MS} from its creation or last keepalive. It has no timers: the venue's
 * clock drives it through {@link ListenKeys.expire}, so it is deterministic and replays exactly when
 * the commands that touch it are journaled (creation draws from the venue's RNG).
 */
export class ListenKeys {
  readonly #random: (alphabet: string, length: number) => string;
  readonly #byAccount = new Map<number, ListenKeyState>();
  readonly #byKey = new Map<string, ListenKeyState>();
  /** Keys replaced by a new one after they ran out but before {@link expire} saw them. */
  #lapsed: ExpiredListenKey[] = [];

  constructor(random: RandomStrings) {
    this.#random =
      typeof random === 'function' ? random : (alphabet, length) => random.randomString(alphabet, length);
  }

  /**
   * `POST`: the account's active key, extended to `now` + 60 min; or a new key when it has none
   * (a key that ran out is replaced and reported by the next {@link expire}).
   */
  start(accountId: number, now: number): string {
    const current = this.#byAccount.get(accountId);
    if (current !== undefined && current.expiresAt > now) return this.#extend(current, now).listenKey;
    if (current !== undefined) {
      this.#remove(current);
      this.#lapsed.push({ listenKey: current.listenKey, accountId, expiredAt: current.expiresAt });
    }
    let listenKey = this.#random(ALPHABET, LISTEN_KEY_LENGTH);
    for (let attempt = 0; this.#byKey.has(listenKey) || this.#isLapsed(listenKey); attempt++) {
      if (attempt >= 8) throw new Error('listen key generator keeps repeating itself');
      listenKey = this.#random(ALPHABET, LISTEN_KEY_LENGTH);
    }
    const state = { listenKey, accountId, expiresAt: now + LISTEN_KEY_VALIDITY_MS };
    this.#byAccount.set(accountId, state);
    this.#byKey.set(listenKey, state);
    return listenKey;
  }

  /**
   * `PUT`: extends the account's active key to `now` + 60 min and returns it. `-1125` when the
   * account has no active key, or when `listenKey` is given and is not that key.
   */
  keepalive(accountId: number, now: number, listenKey?: string): string {
    const current = this.#active(accountId, now, listenKey);
    return this.#extend(current, now).listenKey;
  }

  /**
   * `DELETE`: closes the account's key (nothing to do when it has none). `-1125` when `listenKey`
   * is given and is not the account's active key.
   */
  close(accountId: number, now: number, listenKey?: string): void {
    const current = this.#byAccount.get(accountId);
    if (listenKey !== undefined) this.#active(accountId, now, listenKey);
    if (current !== undefined && current.expiresAt > now) this.#remove(current);
  }

  /** The account a key belongs to while it is valid at `now` (for stream attachment). */
  accountOf(listenKey: string, now: number): number | undefined {
    const state = this.#byKey.get(listenKey);
    return state !== undefined && state.expiresAt > now ? state.accountId : undefined;
  }

  /** The account's key while it is valid at `now`. */
  keyOf(accountId: number, now: number): ListenKeyState | undefined {
    const state = this.#byAccount.get(accountId);
    return state !== undefined && state.expiresAt > now ? state : undefined;
  }

  /** When the next key runs out (for the venue's scheduler), if any key is active. */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const s of this.#byKey.values()) if (next === undefined || s.expiresAt < next) next = s.expiresAt;
    for (const l of this.#lapsed) if (next === undefined || l.expiredAt < next) next = l.expiredAt;
    return next;
  }

  /**
   * Removes the keys that ran out by `now` (`expiresAt ≤ now`) and returns them, earliest first
   * (ties by key), each once.
   */
  expire(now: number): ExpiredListenKey[] {
    const out = this.#lapsed.filter((l) => l.expiredAt <= now);
    this.#lapsed = this.#lapsed.filter((l) => l.expiredAt > now);
    for (const state of [...this.#byKey.values()]) {
      if (state.expiresAt > now) continue;
      this.#remove(state);
      out.push({ listenKey: state.listenKey, accountId: state.accountId, expiredAt: state.expiresAt });
    }
    return out.sort((a, b) => a.expiredAt - b.expiredAt || (a.listenKey < b.listenKey ? -1 : 1));
  }

  /** The registry's content, for snapshots: active keys by account, and lapsed keys not yet expired. */
  snapshot(): ListenKeysSnapshot {
    const active = [...this.#byAccount.values()].sort((a, b) => a.accountId - b.accountId);
    return { active, lapsed: [...this.#lapsed] };
  }

  /** Replaces the registry's content with a {@link snapshot}. */
  restore(snapshot: ListenKeysSnapshot): void {
    this.#byAccount.clear();
    this.#byKey.clear();
    for (const s of snapshot.active) {
      const copy = { ...s };
      this.#byAccount.set(s.accountId, copy);
      this.#byKey.set(s.listenKey, copy);
    }
    this.#lapsed = snapshot.lapsed.map((l) => ({ ...l }));
  }

  #active(accountId: number, now: number, listenKey: string | undefined): ListenKeyState {
    const current = this.#byAccount.get(accountId);
    if (current === undefined || current.expiresAt <= now) throw apiError(-1125);
    if (listenKey !== undefined && listenKey !== current.listenKey) throw apiError(-1125);
    return current;
  }

  #extend(state: ListenKeyState, now: number): ListenKeyState {
    const extended = { ...state, expiresAt: now + LISTEN_KEY_VALIDITY_MS };
    this.#byAccount.set(state.accountId, extended);
    this.#byKey.set(state.listenKey, extended);
    return extended;
  }

  #remove(state: ListenKeyState): void {
    this.#byAccount.delete(state.accountId);
    this.#byKey.delete(state.listenKey);
  }

  #isLapsed(listenKey: string): boolean {
    return this.#lapsed.some((l) => l.listenKey === listenKey);
  }
}

/** The `listenKeyExpired` event for an expired key; `E` is when it expired. */
export function listenKeyExpiredEvent(expired: ExpiredListenKey): ListenKeyExpiredEvent {
  return { e: 'listenKeyExpired', E: expired.expiredAt, listenKey: expired.listenKey };
}

/**
 * The venue process that expires listen keys on the venue's clock: due at the next expiry, it
 * removes the keys that ran out and queues `listenKeyExpired` (with `E` = the expiry time) as a
 * user event of the key's account, so `advanceTo(t1); advanceTo(t2)` equals `advanceTo(t2)`.
 * Wire it with `venue.addProcess(listenKeyProcess(venue, keys))`.
 */
export function listenKeyProcess(venue: Venue, keys: ListenKeys): VenueProcess {
  return {
    nextDue: () => keys.nextExpiry() ?? Number.POSITIVE_INFINITY,
    run: (time) => {
      for (const expired of keys.expire(time))
        venue.outbox.user(expired.accountId, listenKeyExpiredEvent(expired));
    },
  };
}

/**
 * The venue's listen-key registry. The Venue is to own it as `listenKeys`; until it does, one is
 * attached on first use (same behaviour: the registry draws from the venue's RNG either way).
 */
export function listenKeysOf(venue: Venue): ListenKeys {
  return venue.listenKeys;
}
