/** How a data or execution client's feed is doing: the live view's "streams" line. */
export interface FeedHealth {
  /**
   * `in-process`: the embedded exchange hands its events over directly (nothing to lose). Otherwise
   * the state of the WebSocket feed: `live` when every socket is up, `connecting` before that,
   * `reconnecting` while one is lost (the SDK resubscribes and reads back what it missed), `closed`
   * once stopped.
   */
  readonly state: 'in-process' | 'live' | 'connecting' | 'reconnecting' | 'closed';
  /** Sockets re-established (market streams) or gaps recovered (user data) so far. */
  readonly reconnects: number;
}

/** A run's two feeds, and when the last market event arrived (clock ms; absent before the first). */
export interface Feeds {
  readonly market: FeedHealth;
  readonly account: FeedHealth;
  readonly lastMarketEventAt?: number;
}

/** The health of an in-process feed. */
export const IN_PROCESS_FEED: FeedHealth = { state: 'in-process', reconnects: 0 };
