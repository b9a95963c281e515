/**
 * The stream orchestrator: it owns one logical set of market-stream subscriptions and spreads it
 * over as many connections (socket handlers, `connection.ts`) as Binance's limits require.
 *
 * - Streams are grouped by route (`/public`: book ticker and depth; `/market`: the rest; none for
 *   COIN-M or `routing: 'legacy'`), at most `maxStreamsPerConnection` (1024) per connection.
 * - A connection opens on the combined form (`<route>/stream?streams=a/b`, as many names as fit in
 *   `maxUrlLength`), then `SUBSCRIBE`s the rest. Live additions and removals are batched into
 *   `SUBSCRIBE` / `UNSUBSCRIBE` messages of at most `subscribeBatchSize` names, throttled by the
 *   handler to `maxOutgoingPerSecond` per connection. A connection left without streams is closed.
 * - Every new socket (reconnect, rotation) gets the connection's whole current set before it goes
 *   live. Across a rotation's overlap, and across reconnects, each stream is de-duplicated by event
 *   time (`E`): an event older than the newest delivered is dropped, and events with the same `E`
 *   are compared by their exact text.
 *
 * Consumers: a callback (`subscribe`, called synchronously, no queue) or an async iterator
 * (`iterate`, a bounded queue with the stream's policy; see `queue.ts`).
 */
import { type Clock, createLiveClock } from '@basis/core';
import type { ClientOptions } from 'ws';
import { ClientConfigError } from '../errors/config.js';
import { proxyOfClient } from '../transports/proxyTunnel.js';
import type { Transport } from '../transports/transport.js';
import {
  type BackoffOptions,
  type Connection,
  type ConnectionEvent,
  type ConnectionSession,
  createConnection,
} from './connection.js';
import {
  describeStream,
  type MarketStreamEvent,
  type MarketStreamName,
  type QueuePolicy,
  type StreamDescriptor,
  type StreamRoute,
  type StreamsMarket,
} from './descriptors.js';
import { ControlRequestError, StreamsClosedError } from './errors.js';
import { createQueue, type QueueSink, type StreamIterator } from './queue.js';

/** What a {@link createStreams} source must provide: a client has all of it. */
export interface StreamsSource {
  /**
   * `urls.stream` is the streams base URL (`wss://fstream.binance.com`, `wss://dstream.binance.com`,
   * a local exchange's `ws://…`, or `ws://…/dstream` for its COIN-M side).
   */
  readonly urls?: { readonly stream: string } | undefined;
  /** `coinm`: no route prefix (dstream has no split). */
  readonly market?: StreamsMarket;
  /** A client's transport: its proxy is the streams' default `proxy`. */
  readonly transport?: Transport;
  readonly clock?: Clock;
}

/** Options of {@link createStreams}; all optional. */
export interface StreamsOptions {
  /** Timers and timestamps (default: the source's clock, else the wall clock). */
  readonly clock?: Clock;
  /** Uniform random numbers in [0, 1) for the backoff jitter (default `Math.random`). */
  readonly random?: () => number;
  /**
   * `routed` (USD-M default): `/public` and `/market` paths, as Binance requires since 2026-04-23.
   * `legacy` (COIN-M default): no route prefix.
   */
  readonly routing?: 'routed' | 'legacy';
  /** Streams per connection (default 1024, Binance's limit). */
  readonly maxStreamsPerConnection?: number;
  /** Names per `SUBSCRIBE`/`UNSUBSCRIBE` message (default 200). */
  readonly subscribeBatchSize?: number;
  /** Longest URL a connection opens with (default 2000 characters); further streams are subscribed. */
  readonly maxUrlLength?: number;
  /** Outgoing messages per second per connection (default 5; Binance allows 10 with pings and pongs). */
  readonly maxOutgoingPerSecond?: number;
  /** Reconnect backoff (default 500 ms doubling to 30 s, full jitter, forever). */
  readonly backoff?: BackoffOptions;
  /**
   * The watchdog. `idleMs` (default 30000) is lowered for connections carrying a stream with a fixed
   * cadence (mark price: 2 × cadence); after it the socket is pinged, and declared dead when still
   * silent `pongTimeoutMs` (default 5000) later. `false` disables it.
   */
  readonly watchdog?: { readonly idleMs?: number; readonly pongTimeoutMs?: number } | false;
  /** Socket age at which it is replaced make-before-break, ms (default 23 h); `false` never. */
  readonly rotateAfterMs?: number | false;
  /** Overlap of old and new sockets during a rotation, ms (default 1000). */
  readonly rotationOverlapMs?: number;
  /** Handshake time limit, ms (default 10000). */
  readonly connectTimeoutMs?: number;
  /** Time limit of a `SUBSCRIBE`/`UNSUBSCRIBE` reply, ms (default 10000). */
  readonly requestTimeoutMs?: number;
  /** Default queue bound of `iterate` (default 10000). */
  readonly maxQueue?: number;
  /** Lifecycle events of every connection (and consumer errors). */
  readonly onEvent?: (event: StreamsEvent) => void;
  /**
   * An HTTP(S) proxy URL (`http://user:pass@proxy:3128`): every connection tunnels through it with
   * CONNECT (TLS inside the tunnel for `wss:`). Its credentials are never printed. Default: the
   * client's HTTP proxy. An `agent` in `webSocketOptions` takes precedence.
   */
  readonly proxy?: string;
  /** Extra `ws` client options (headers, an `agent` of your own). */
  readonly webSocketOptions?: ClientOptions;
}

/**
 * A connection's event (see `ConnectionEvent`) with the connection's id, route and streams, or a
 * `subscribeFailed` (a `SUBSCRIBE` rejected or unanswered; the socket is replaced, which retries it).
 */
export type StreamsEvent = ConnectionEvent & {
  /** The orchestrator's connection id. */
  readonly connectionId: number;
  readonly route: StreamRoute | undefined;
  /** The streams of that connection when the event happened. */
  readonly streams: readonly string[];
};

/** A callback subscription. */
export interface Subscription {
  readonly stream: string;
  /** Resolves once the stream is subscribed on a live socket (after reconnects, the first time only). */
  readonly ready: Promise<void>;
  /** Removes this consumer; the stream is unsubscribed when its last consumer leaves. Idempotent. */
  unsubscribe(): void;
}

/** Options of one consumer. */
export interface ConsumerOptions {
  /** Queue bound of an iterator (default: the streams' `maxQueue`). */
  readonly maxQueue?: number;
  /** Override of the stream's queue policy (e.g. `latest` for klines when only the newest matters). */
  readonly policy?: QueuePolicy;
}

/** Metadata passed to callbacks. */
export interface StreamMessageMeta {
  readonly stream: string;
  /** The id of the socket that delivered it (changes on reconnect and rotation). */
  readonly sessionId: number;
  /** Local receive time (streams clock), ms. */
  readonly receivedAt: number;
}

/** Counters of the whole set. */
export interface StreamsStats {
  readonly streams: number;
  readonly delivered: number;
  readonly duplicatesDropped: number;
  readonly connections: readonly {
    readonly id: number;
    readonly route: StreamRoute | undefined;
    readonly streams: number;
    readonly state: Connection['state'];
    readonly reconnects: number;
    readonly rotations: number;
    readonly staleKills: number;
    readonly sockets: number;
  }[];
}

/**
 * Market streams over self-healing connections; `M` types the payloads (COIN-M's add `ps`, a pair's
 * mark price is an array).
 */
export interface Streams<M extends StreamsMarket = 'usdm'> {
  /**
   * Calls `handler` with each event of `stream`, synchronously as it arrives (no queue: a slow
   * handler slows the socket, nothing is dropped). A throw is reported as an `error` event.
   *
   * @example
   * const sub = streams.subscribe('btcusdt@depth@100ms', (event) => book.apply(event.U, event.u, event.pu, event.b, event.a));
   * await sub.ready;
   */
  subscribe<const Name extends MarketStreamName>(
    stream: Name,
    handler: (event: MarketStreamEvent<M, Name>, meta: StreamMessageMeta) => void,
  ): Subscription;
  /**
   * An async iterator over `stream` with a bounded queue (policy per stream: `latest` streams drop
   * their oldest values and count them; `lossless` streams throw `StreamOverflowError`).
   *
   * @example
   * for await (const trade of streams.iterate('btcusdt@aggTrade')) console.log(trade.p, trade.q);
   */
  iterate<const Name extends MarketStreamName>(
    stream: Name,
    options?: ConsumerOptions,
  ): StreamIterator<MarketStreamEvent<M, Name>> & { readonly ready: Promise<void> };
  /** Adds a lifecycle listener; returns its remover. */
  onEvent(listener: (event: StreamsEvent) => void): () => void;
  /** The subscribed stream names. */
  list(): string[];
  stats(): StreamsStats;
  /** Replaces every socket now, make-before-break (normally done before the 24 h cut). */
  rotate(): Promise<void>;
  /** Closes every connection; iterators end, later subscribes throw `StreamsClosedError`. */
  close(): Promise<void>;
}

interface Consumer {
  readonly deliver: (data: unknown, meta: StreamMessageMeta) => void;
  readonly sink: QueueSink<unknown> | undefined;
}

interface Entry {
  readonly descriptor: StreamDescriptor;
  readonly consumers: Set<Consumer>;
  conn: Conn | undefined;
  lastE: number;
  /** The text of the first frame delivered with `lastE`: almost every `E` has just one frame. */
  firstOfE: string | undefined;
  /** The other frames delivered with `lastE`, created only once a second frame shares that `E`. */
  restOfE: Set<string> | undefined;
  readonly ready: Promise<void>;
  resolveReady: (() => void) | undefined;
}

interface SessionState {
  readonly have: Set<string>;
  chain: Promise<void>;
}

interface Conn {
  readonly id: number;
  readonly route: StreamRoute | undefined;
  readonly desired: Set<string>;
  readonly connection: Connection;
  readonly sessions: WeakMap<ConnectionSession, SessionState>;
  /** Streams the next socket's URL names. */
  urlStreams: string[];
  syncQueued: boolean;
}

/** Texts remembered per `E` (bounds the memory of a stream that repeats one `E` endlessly). */
const MAX_SAME_E = 4096;

function eventTime(data: unknown): number | undefined {
  const first = Array.isArray(data) ? data[0] : data;
  if (typeof first !== 'object' || first === null) return undefined;
  const time = (first as { E?: unknown }).E;
  return typeof time === 'number' ? time : undefined;
}

/**
 * Creates market streams over a client (its `urls.stream`, `market` and clock) or an explicit
 * source. Nothing connects until the first subscription; the `ws` package loads then. The source's
 * `market` decides the URLs (COIN-M: no route prefix); the type argument `M` types the payloads
 * (`createStreams<'coinm'>(client)`: `ps` added, a pair's mark price an array).
 *
 * @throws ClientConfigError when the source has no stream URL (a local client on an in-process
 *   transport: pass `{ urls: { stream: wsUrl } }`).
 *
 * @example
 * const streams = createStreams(client); // or createStreams({ urls: { stream: wsUrl } })
 * streams.subscribe('btcusdt@aggTrade', (trade) => console.log(trade.p));
 * streams.onEvent((event) => event.type === 'gap' && console.warn('missed', event.from, event.to, event.streams));
 */
export function createStreams<M extends StreamsMarket = 'usdm'>(
  source: StreamsSource,
  options: StreamsOptions = {},
): Streams<M> {
  const base = source.urls?.stream?.replace(/\/+$/, '');
  if (base === undefined || base === '') {
    throw new ClientConfigError('createStreams needs a stream URL (urls.stream).', {
      metaMessages: [
        'A local exchange: createStreams({ urls: { stream: wsUrl } }) after `exchange.listen()`.',
      ],
    });
  }
  const market = source.market ?? 'usdm';
  const proxy = options.proxy ?? proxyOfClient(source);
  const routing = options.routing ?? (market === 'usdm' ? 'routed' : 'legacy');
  const clock = options.clock ?? source.clock ?? createLiveClock();
  const maxPerConnection = Math.max(1, options.maxStreamsPerConnection ?? 1024);
  const batchSize = Math.max(1, options.subscribeBatchSize ?? 200);
  const maxUrlLength = options.maxUrlLength ?? 2000;
  const defaultMaxQueue = options.maxQueue ?? 10_000;
  const userIdleMs = options.watchdog === false ? undefined : (options.watchdog?.idleMs ?? 30_000);

  const entries = new Map<string, Entry>();
  const conns = new Set<Conn>();
  const listeners = new Set<(event: StreamsEvent) => void>();
  if (options.onEvent !== undefined) listeners.add(options.onEvent);
  let connIds = 0;
  let closed = false;
  let delivered = 0;
  let duplicatesDropped = 0;

  const emit = (conn: Conn | undefined, event: ConnectionEvent): void => {
    const full = {
      ...event,
      connectionId: conn?.id ?? 0,
      route: conn?.route,
      streams: conn === undefined ? [] : [...conn.desired],
    } as StreamsEvent;
    for (const listener of listeners) {
      try {
        listener(full);
      } catch {
        // A failing listener must not break the streams.
      }
    }
  };

  function urlFor(conn: Conn): string {
    const prefix = conn.route === undefined ? '' : `/${conn.route}`;
    const head = `${base}${prefix}/stream?streams=`;
    const names: string[] = [];
    let length = head.length;
    for (const name of conn.desired) {
      if (names.length > 0 && length + name.length + 1 > maxUrlLength) break;
      names.push(name);
      length += name.length + 1;
    }
    conn.urlStreams = names;
    return names.length === 0 ? `${base}${prefix}/stream` : `${head}${names.join('/')}`;
  }

  function idleFor(conn: Conn): number {
    let idle = userIdleMs ?? 30_000;
    for (const name of conn.desired) {
      const cadence = entries.get(name)?.descriptor.cadenceMs;
      if (cadence !== undefined) idle = Math.min(idle, 2 * cadence);
    }
    return idle;
  }

  /** Brings one socket's subscriptions to the connection's desired set (serialised per socket). */
  function syncSession(conn: Conn, session: ConnectionSession, state: SessionState): Promise<void> {
    state.chain = state.chain.then(async () => {
      while (session.isOpen()) {
        const add = [...conn.desired].filter((n) => !state.have.has(n)).slice(0, batchSize);
        if (add.length > 0) {
          for (const name of add) state.have.add(name);
          await control(session, 'SUBSCRIBE', add);
          continue;
        }
        const remove = [...state.have].filter((n) => !conn.desired.has(n)).slice(0, batchSize);
        if (remove.length > 0) {
          for (const name of remove) state.have.delete(name);
          await control(session, 'UNSUBSCRIBE', remove);
          continue;
        }
        break;
      }
      if (conn.connection.session() === session || session.kind !== 'rotate') markReady(state.have);
    });
    return state.chain;
  }

  async function control(session: ConnectionSession, method: string, params: string[]): Promise<void> {
    const reply = await session.request<{ error?: { code: number; msg: string } }>({ method, params });
    if (reply.error !== undefined) {
      throw new ControlRequestError({
        method,
        reason: 'rejected',
        code: reply.error.code,
        msg: reply.error.msg,
      });
    }
  }

  function markReady(names: Iterable<string>): void {
    for (const name of names) {
      const entry = entries.get(name);
      if (entry?.resolveReady !== undefined) {
        entry.resolveReady();
        entry.resolveReady = undefined;
      }
    }
  }

  function requestSync(conn: Conn): void {
    if (conn.syncQueued) return;
    conn.syncQueued = true;
    queueMicrotask(() => {
      conn.syncQueued = false;
      if (!conns.has(conn)) return;
      if (conn.desired.size === 0) {
        conns.delete(conn);
        void conn.connection.close();
        return;
      }
      if (conn.connection.state === 'idle') return conn.connection.start();
      const session = conn.connection.session();
      // No live socket: the next one gets the whole set (and syncs again once live).
      if (session === undefined) return;
      const state = conn.sessions.get(session);
      if (state === undefined) return;
      syncSession(conn, session, state).catch((error: unknown) => {
        emit(conn, { type: 'error', error: error as Error, during: 'session' });
        // A socket that refused or ignored a SUBSCRIBE is replaced: the next one retries it.
        if (session.isOpen()) conn.connection.kill();
      });
    });
  }

  /**
   * Whether a frame of `entry` with event time `time` and text `raw` was already delivered (a
   * rotation's overlap, a replay after a reconnect); remembers it otherwise. This runs for every
   * frame, so the common case (a new `E`) only stores a reference: hashing every frame's text into a
   * set, and clearing that set on nearly every frame, cost more than the rest of the SDK's path.
   */
  function isDuplicate(entry: Entry, time: number, raw: string): boolean {
    if (time < entry.lastE) return true;
    if (time > entry.lastE) {
      entry.lastE = time;
      entry.firstOfE = raw;
      // Kept for the next burst; `clear()` reallocates the table, so only when it holds something.
      if (entry.restOfE !== undefined && entry.restOfE.size > 0) entry.restOfE.clear();
      return false;
    }
    if (entry.firstOfE === raw) return true;
    entry.restOfE ??= new Set();
    if (entry.restOfE.has(raw)) return true;
    if (entry.restOfE.size < MAX_SAME_E - 1) entry.restOfE.add(raw);
    return false;
  }

  function route(
    message: unknown,
    raw: string,
    session: ConnectionSession,
    conn: Conn,
    receivedAt: number,
  ): void {
    if (typeof message !== 'object' || message === null) return;
    const stream = (message as { stream?: unknown }).stream;
    if (typeof stream !== 'string') return;
    const entry = entries.get(stream);
    if (entry === undefined || entry.conn !== conn) return;
    const data = (message as { data?: unknown }).data;
    const time = eventTime(data);
    if (time !== undefined && isDuplicate(entry, time, raw)) {
      duplicatesDropped += 1;
      return;
    }
    delivered += 1;
    const meta: StreamMessageMeta = { stream, sessionId: session.id, receivedAt };
    for (const consumer of entry.consumers) {
      try {
        consumer.deliver(data, meta);
      } catch (error) {
        emit(conn, {
          type: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          during: 'consumer',
        });
      }
    }
  }

  function newConn(streamRoute: StreamRoute | undefined): Conn {
    const conn: Conn = {
      id: ++connIds,
      route: streamRoute,
      desired: new Set(),
      sessions: new WeakMap(),
      urlStreams: [],
      syncQueued: false,
      connection: undefined as unknown as Connection,
    };
    (conn as { connection: Connection }).connection = createConnection({
      url: () => urlFor(conn),
      clock,
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
      watchdog:
        options.watchdog === false
          ? false
          : {
              idleMs: () => idleFor(conn),
              ...(options.watchdog?.pongTimeoutMs === undefined
                ? {}
                : { pongTimeoutMs: options.watchdog.pongTimeoutMs }),
            },
      ...(options.rotateAfterMs === undefined ? {} : { rotateAfterMs: options.rotateAfterMs }),
      ...(options.rotationOverlapMs === undefined ? {} : { rotationOverlapMs: options.rotationOverlapMs }),
      ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
      ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
      ...(options.maxOutgoingPerSecond === undefined
        ? {}
        : { maxOutgoingPerSecond: options.maxOutgoingPerSecond }),
      ...(proxy === undefined ? {} : { proxy }),
      ...(options.webSocketOptions === undefined ? {} : { webSocketOptions: options.webSocketOptions }),
      onSession: (session) => {
        const state: SessionState = { have: new Set(conn.urlStreams), chain: Promise.resolve() };
        conn.sessions.set(session, state);
        return syncSession(conn, session, state);
      },
      onMessage: (message, raw, session, receivedAt) => route(message, raw, session, conn, receivedAt),
      onEvent: (event) => {
        if (event.type === 'connected' || event.type === 'reconnected' || event.type === 'rotated') {
          // The live socket holds the set as it was when it opened; catch up with later changes.
          requestSync(conn);
        }
        emit(conn, event);
      },
    });
    conns.add(conn);
    return conn;
  }

  function place(entry: Entry): void {
    const streamRoute = routing === 'routed' ? entry.descriptor.route : undefined;
    let target: Conn | undefined;
    for (const conn of conns) {
      if (conn.route === streamRoute && conn.desired.size < maxPerConnection) {
        target = conn;
        break;
      }
    }
    target ??= newConn(streamRoute);
    target.desired.add(entry.descriptor.name);
    entry.conn = target;
    requestSync(target);
  }

  function addConsumer(name: string, consumer: Consumer): Entry {
    if (closed) throw new StreamsClosedError();
    let entry = entries.get(name);
    if (entry === undefined) {
      const descriptor = describeStream(name);
      let resolveReady: (() => void) | undefined;
      const ready = new Promise<void>((resolve) => {
        resolveReady = resolve;
      });
      entry = {
        descriptor,
        consumers: new Set(),
        conn: undefined,
        lastE: Number.NEGATIVE_INFINITY,
        firstOfE: undefined,
        restOfE: undefined,
        ready,
        resolveReady,
      };
      entries.set(name, entry);
      place(entry);
    }
    entry.consumers.add(consumer);
    return entry;
  }

  function removeConsumer(name: string, consumer: Consumer): void {
    const entry = entries.get(name);
    if (entry === undefined || !entry.consumers.delete(consumer)) return;
    if (entry.consumers.size > 0) return;
    entries.delete(name);
    const conn = entry.conn;
    entry.conn = undefined;
    if (conn !== undefined) {
      conn.desired.delete(name);
      requestSync(conn);
    }
  }

  return {
    subscribe(stream, handler) {
      const consumer: Consumer = { deliver: handler as Consumer['deliver'], sink: undefined };
      const entry = addConsumer(stream, consumer);
      return {
        stream,
        ready: entry.ready,
        unsubscribe: () => removeConsumer(stream, consumer),
      };
    },
    iterate(stream, consumerOptions = {}) {
      if (closed) throw new StreamsClosedError();
      const policy = consumerOptions.policy ?? describeStream(stream).policy;
      let consumer: Consumer | undefined;
      const { iterator, sink } = createQueue<unknown>({
        stream,
        policy,
        maxQueue: Math.max(1, consumerOptions.maxQueue ?? defaultMaxQueue),
        onClose: () => {
          if (consumer !== undefined) removeConsumer(stream, consumer);
        },
      });
      consumer = { deliver: (data) => sink.push(data), sink };
      const entry = addConsumer(stream, consumer);
      return Object.assign(iterator, { ready: entry.ready }) as never;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    list: () => [...entries.keys()],
    stats: () => ({
      streams: entries.size,
      delivered,
      duplicatesDropped,
      connections: [...conns].map((conn) => {
        const s = conn.connection.stats();
        return {
          id: conn.id,
          route: conn.route,
          streams: conn.desired.size,
          state: conn.connection.state,
          reconnects: s.reconnects,
          rotations: s.rotations,
          staleKills: s.staleKills,
          sockets: s.sockets,
        };
      }),
    }),
    async rotate() {
      await Promise.all([...conns].map((conn) => conn.connection.rotate()));
    },
    async close() {
      if (closed) return;
      closed = true;
      const all = [...conns];
      conns.clear();
      for (const entry of entries.values()) {
        for (const consumer of entry.consumers) consumer.sink?.end();
      }
      entries.clear();
      await Promise.all(all.map((conn) => conn.connection.close()));
    },
  };
}

/**
 * A decorator: `createClient(…).extend(streamsActions)` adds `client.streams` (created lazily:
 * nothing connects until the first subscription).
 *
 * @example
 * const client = createClient({ env: 'testnet' }).extend(streamsActions);
 * client.streams.subscribe('btcusdt@bookTicker', (t) => console.log(t.b, t.a));
 */
export function streamsActions(client: StreamsSource): { readonly streams: Streams } {
  return { streams: createStreams(client) };
}
