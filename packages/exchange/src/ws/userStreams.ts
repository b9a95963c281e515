import { type CoinmUserDataEvent, stringifyJson, type UserDataEvent } from '@basis/core';
import type { Venue } from '../venue/venue.js';
import { coinmUserEvent } from './coinmUserEvents.js';
import { Payload, type StreamSubscriber, Topic } from './topic.js';

/** A user event as its product's stream sends it. */
type WireUserEvent = UserDataEvent | CoinmUserDataEvent;

/** One listen key's stream: its subscribers (with their event filters) and whether it still delivers. */
class KeyStream {
  readonly listenKey: string;
  /** The key's account; undefined for a key that was not valid when first attached. */
  readonly accountId: number | undefined;
  readonly topic: Topic;
  /** Subscriber → event types it wants (undefined: all). */
  readonly filters = new Map<StreamSubscriber, ReadonlySet<string> | undefined>();
  /** False once the key expired or was closed: nothing more is delivered on it. */
  live: boolean;
  /**
   * Events that arrived after the registry stopped knowing the key but before its
   * `listenKeyExpired` (both happen in the same venue step): delivered if that event follows,
   * dropped if the key was closed instead.
   */
  held: WireUserEvent[] | undefined;

  constructor(listenKey: string, accountId: number | undefined) {
    this.listenKey = listenKey;
    this.accountId = accountId;
    this.topic = new Topic(listenKey);
    this.live = accountId !== undefined;
  }
}

/**
 * The user-data streams (§11): each listen key's events go to the connections attached to it, raw on
 * `/ws` forms and wrapped `{"stream":"<listenKey>","data":…}` on combined ones. Events come from the
 * venue's listener, so none is sent before REST shows its state, and one account's events arrive in
 * order. When a key expires its subscribers get `listenKeyExpired` and then nothing more on it; a
 * closed key (`DELETE`, `userDataStream.stop`) simply stops delivering. A key that was not valid when
 * attached (an empty or unknown key) keeps the connection open and delivers nothing. A COIN-M venue's
 * events are sent in COIN-M's form (`coinmUserEvent`), once per event.
 */
export class UserStreams {
  readonly #venue: Venue;
  readonly #keys = new Map<string, KeyStream>();
  readonly #byAccount = new Map<number, Set<KeyStream>>();

  constructor(venue: Venue) {
    this.#venue = venue;
  }

  /** Attaches `subscriber` to `listenKey`, optionally only for some event types. */
  attach(subscriber: StreamSubscriber, listenKey: string, events: readonly string[] | undefined): void {
    let stream = this.#keys.get(listenKey);
    if (stream === undefined) {
      const accountId = this.#venue.listenKeys.accountOf(listenKey, this.#venue.now);
      stream = new KeyStream(listenKey, accountId);
      this.#keys.set(listenKey, stream);
      if (accountId !== undefined) {
        let set = this.#byAccount.get(accountId);
        if (set === undefined) {
          set = new Set();
          this.#byAccount.set(accountId, set);
        }
        set.add(stream);
      }
    }
    stream.filters.set(subscriber, events === undefined ? undefined : new Set(events));
    stream.topic.subscribers.add(subscriber);
  }

  /** Detaches `subscriber` from `listenKey`. */
  detach(subscriber: StreamSubscriber, listenKey: string): void {
    const stream = this.#keys.get(listenKey);
    if (stream === undefined) return;
    stream.filters.delete(subscriber);
    stream.topic.subscribers.delete(subscriber);
    if (stream.filters.size === 0) this.#forget(stream);
  }

  /** Number of listen keys with at least one connection. */
  get keyCount(): number {
    return this.#keys.size;
  }

  /** The venue's user event for `accountId`, after the command that caused it. */
  onUserEvent(accountId: number, event: UserDataEvent): void {
    if (event.e === 'listenKeyExpired') {
      const stream = this.#keys.get(event.listenKey);
      if (stream === undefined || !stream.live) return;
      for (const held of stream.held ?? []) this.#deliver(stream, held, new Payload(stringifyJson(held)));
      this.#deliver(stream, event, new Payload(stringifyJson(event)));
      stream.live = false;
      stream.held = undefined;
      return;
    }
    const streams = this.#byAccount.get(accountId);
    if (streams === undefined) return;
    const wire = this.#wire(accountId, event);
    if (wire === undefined) return;
    let payload: Payload | undefined;
    for (const stream of streams) {
      if (!stream.live) continue;
      if (this.#venue.listenKeys.accountOf(stream.listenKey, this.#venue.now) !== accountId) {
        this.#hold(stream, wire);
        continue;
      }
      payload ??= new Payload(stringifyJson(wire));
      this.#deliver(stream, wire, payload);
    }
  }

  /** The event in the venue's product's form; undefined when that product has no such event. */
  #wire(accountId: number, event: UserDataEvent): WireUserEvent | undefined {
    const venue = this.#venue;
    if (venue.product === 'usdm') return event;
    const account = venue.accounts.get(accountId);
    if (account === undefined) return undefined;
    return coinmUserEvent(event, account.alias, (symbol) => venue.markets.get(symbol)?.spec.marginAsset);
  }

  #deliver(stream: KeyStream, event: WireUserEvent, payload: Payload): void {
    let filtered = false;
    for (const filter of stream.filters.values()) {
      if (filter !== undefined && event.e !== 'listenKeyExpired' && !filter.has(event.e)) filtered = true;
    }
    if (!filtered) {
      stream.topic.publish(payload);
      return;
    }
    // Some subscribers filter this event out: publish to the others through a one-off topic view.
    for (const [subscriber, filter] of stream.filters) {
      if (filter !== undefined && event.e !== 'listenKeyExpired' && !filter.has(event.e)) continue;
      subscriber.send(
        subscriber.combined ? wrapped(stream.listenKey, payload) : payload.raw,
        stream.listenKey,
      );
    }
  }

  /** The registry no longer knows the key: wait for its `listenKeyExpired` in this same step, or drop it. */
  #hold(stream: KeyStream, event: WireUserEvent): void {
    if (stream.held === undefined) {
      stream.held = [];
      queueMicrotask(() => {
        // No expiry followed in the step that removed the key: it was closed.
        if (stream.held !== undefined) {
          stream.held = undefined;
          stream.live = false;
        }
      });
    }
    stream.held.push(event);
  }

  #forget(stream: KeyStream): void {
    this.#keys.delete(stream.listenKey);
    if (stream.accountId === undefined) return;
    const set = this.#byAccount.get(stream.accountId);
    set?.delete(stream);
    if (set?.size === 0) this.#byAccount.delete(stream.accountId);
  }
}

function wrapped(listenKey: string, payload: Payload): Buffer {
  return Buffer.from(`{"stream":${JSON.stringify(listenKey)},"data":${payload.json}}`, 'utf8');
}
