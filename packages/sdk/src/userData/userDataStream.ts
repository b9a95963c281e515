import { type Clock, type Id, isUnsafeInteger, type UserDataEvent } from '@basis/core';
import type { Client } from '../clients/createClient.js';
import {
  type BackoffOptions,
  type ConnectionEvent,
  type ConnectionSession,
  createConnection,
  type WatchdogOptions,
} from '../streams/connection.js';
import { proxyOfClient } from '../transports/proxyTunnel.js';
import { type AccountReader, accountReaderOf } from './accountReader.js';
import { AccountState, type AccountStateView } from './accountState.js';
import type { AccountChange, GapReason, UserDataStreamEvent } from './events.js';
import { createListenKeyManager } from './listenKey.js';
import {
  type AlgoOrderView,
  idKey,
  type OrderView,
  type PositionView,
  positionKey,
  type TradeView,
} from './views.js';

/** How a {@link UserDataStream} is set up. */
export interface UserDataStreamOptions {
  /** Account changes (live and reconciled), events as received, and the stream's life cycle. */
  readonly onEvent?: (event: UserDataStreamEvent) => void;
  /**
   * Symbols whose orders and trades are read back after a gap, besides those the account touched
   * since the stream started (Binance's order and trade history is per symbol: an order placed and
   * finished within a gap on a symbol the stream never saw is found only if named here).
   */
  readonly symbols?: readonly string[];
  /** The stream URL for a key (default `<client.urls.stream>/private/ws/<key>` for USD-M, `/ws/<key>` for COIN-M). */
  readonly url?: (listenKey: string) => string;
  /**
   * The REST reads of the reconciliation (default: those of the client's market, `/fapi` or `/dapi`).
   * The algorithm is the same on both markets; only these reads differ.
   */
  readonly reader?: AccountReader;
  /** Timers of the keepalive schedule and of the socket (default: the client's clock). */
  readonly clock?: Clock;
  /** Keepalive period, ms (default 30 minutes). */
  readonly keepAliveIntervalMs?: number;
  /** Retry delay after a failed keepalive, ms (default 60 s). */
  readonly keepAliveRetryMs?: number;
  /**
   * The REST read-back after a gap starts this long before the exchange time (`E`) of the last event
   * received, ms (default 5000: the spread between an event's `E` and the times the histories are
   * filtered by, and the error of the client's server-time estimate when no event arrived yet).
   */
  readonly lookbackMs?: number;
  /** Reconnect backoff (default 500 ms doubling to 30 s, full jitter). */
  readonly backoff?: BackoffOptions;
  /** Dead-socket detection (default: ping after 30 s of silence, dead 5 s later); `false` turns it off. */
  readonly watchdog?: WatchdogOptions | false;
  /** Replace the socket before Binance's 24 h cut, make-before-break (default 23 h). */
  readonly rotateAfterMs?: number | false;
  /**
   * An HTTP(S) proxy URL (`http://user:pass@proxy:3128`): the user-data socket tunnels through it
   * with CONNECT (TLS inside the tunnel for `wss:`). Its credentials are never printed. Default: the
   * client's HTTP proxy.
   */
  readonly proxy?: string;
  /** Events held while REST is read back; beyond this the read-back starts over (default 10000). */
  readonly maxBuffered?: number;
  /** Orders, algo orders and trades remembered for de-duplication (each; default 100000). */
  readonly memory?: number;
  /** Uniform random numbers in [0, 1) for backoff jitter (default `Math.random`). */
  readonly random?: () => number;
}

/** Counters of a user-data stream. */
export interface UserDataStreamStats {
  /** Events received (all sockets). */
  readonly received: number;
  /** Changes reported from the stream. */
  readonly live: number;
  /** Changes reported from REST after a gap. */
  readonly reconciled: number;
  /** Stream events that carried only changes already reported. */
  readonly duplicates: number;
  readonly gaps: number;
  /** Completed read-backs. */
  readonly reconciliations: number;
  readonly listenKeyRenewals: number;
}

/** A user-data stream with a live account state; see {@link createUserDataStream}. */
export interface UserDataStream {
  /** The live account: open orders, open algo orders, positions, balances. */
  readonly account: AccountStateView;
  /** The current listen key. */
  readonly listenKey: string | undefined;
  /** `live` while the stream is connected and nothing is being read back. */
  readonly status: 'idle' | 'starting' | 'live' | 'recovering' | 'stopped';
  /**
   * Creates the key, connects and reads the account from REST. Resolves once the stream is live.
   * @throws what creating the key threw (e.g. `MissingCredentialsError`).
   */
  start(): Promise<void>;
  /** Resolves when the stream is live with no gap open (at once if it is). Rejects if stopped first. */
  ready(): Promise<void>;
  /** Forces a read-back from REST on a new socket (as after a disconnect). */
  resync(): void;
  stats(): UserDataStreamStats;
  /** Closes the socket, stops the keepalive and closes the key. */
  stop(): Promise<void>;
}

interface Preparing {
  readonly session: ConnectionSession;
  readonly buffer: { readonly message: unknown; readonly raw: string }[];
  /** Raw frames the old socket delivered while this one was being prepared (a rotation). */
  readonly overlap: Map<string, number>;
  overflow: boolean;
  /** The key changed while preparing: this socket listens to the old one. */
  stale: boolean;
}

const ORDER_HISTORY_LIMIT = 1000;
const MAX_TRADE_PAGES = 20;

function isUserDataEvent(message: unknown): message is UserDataEvent {
  return (
    typeof message === 'object' && message !== null && typeof (message as { e?: unknown }).e === 'string'
  );
}

function codeOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/** The exchange's time of an event (its `E`), undefined when it carries none. */
function exchangeTimeOf(message: UserDataEvent): number | undefined {
  const time = Number((message as { E?: unknown }).E);
  return Number.isFinite(time) && time > 0 ? time : undefined;
}

function nextId(id: Id): Id {
  return typeof id === 'bigint' || isUnsafeInteger(id) ? BigInt(id) + 1n : id + 1;
}

/**
 * A user-data stream that does not lose changes (reference §11): the listen key is created, kept
 * alive every 30 minutes on the injected clock and renewed on `listenKeyExpired` or a -1125
 * keepalive; the socket (`streams/connection.ts`) is watched for silence, reconnected with backoff
 * and jitter and rotated before the 24 h cut. After every gap (reconnect, expiry, rotation of the
 * key) REST is read back — open orders, open algo orders, positions, balances, and per symbol the
 * orders, algo orders and trades since the gap — and what changed is reported with
 * `reconciled: true`; events arriving over the stream for changes already reported are dropped.
 * Events of the new socket are held until the read-back is done, so the live account state
 * (`stream.account`) equals REST's view once the stream has caught up.
 *
 * Both markets: a COIN-M client (`market: 'coinm'`) gets its key from `/dapi/v1/listenKey`, listens
 * at `<urls.stream>/ws/<key>` (dstream) and reads back through `/dapi` (coin balances, positions in
 * contracts); its events, which carry the account alias `i` and `o.ma` besides USD-M's fields, are
 * read as USD-M's.
 *
 * @example
 * const stream = createUserDataStream(client, {
 *   onEvent: (event) => {
 *     if (event.type === 'order') console.log(event.reconciled ? 'missed' : 'live', event.order.status);
 *   },
 * });
 * await stream.start();
 * stream.account.openOrders; // Map of `symbol:orderId` → OrderView
 * await stream.stop();
 */
export function createUserDataStream(client: Client, options: UserDataStreamOptions = {}): UserDataStream {
  const clock = options.clock ?? client.clock;
  const proxy = options.proxy ?? proxyOfClient(client);
  const lookbackMs = options.lookbackMs ?? 5000;
  const maxBuffered = options.maxBuffered ?? 10_000;
  const account = new AccountState(options.memory);
  const reader = options.reader ?? accountReaderOf(client);
  for (const symbol of options.symbols ?? []) account.symbols.add(symbol);
  const urlOf =
    options.url ??
    ((listenKey: string) => {
      const base = client.urls?.stream;
      if (base === undefined) {
        throw new Error(
          'The client has no stream URL (an in-process transport): pass `url` to the user-data stream.',
        );
      }
      return client.market === 'coinm' ? `${base}/ws/${listenKey}` : `${base}/private/ws/${listenKey}`;
    });

  let status: UserDataStream['status'] = 'idle';
  let initialized = false;
  /** Server time the stream began (the client's estimate, lowered by any earlier exchange stamp seen). */
  let startedAt = 0;
  /** The newest exchange time (`E`) of an event received: where a gap starts. */
  let lastEventAt = 0;
  /** Server time from which changes may have been missed; undefined while none may have been. */
  let gapSince: number | undefined;
  let gapReason: GapReason | undefined;
  let liveSessionId: number | undefined;
  let preparing: Preparing | undefined;
  let keyChange: Promise<string> | undefined;
  /** The current key expired and no new one was created yet. */
  let keyDead = false;
  let readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const counters = {
    received: 0,
    live: 0,
    reconciled: 0,
    duplicates: 0,
    gaps: 0,
    reconciliations: 0,
    listenKeyRenewals: 0,
  };

  const emit = (event: UserDataStreamEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not break the stream.
    }
  };
  const report = (change: AccountChange | undefined): boolean => {
    if (change === undefined) return false;
    if (change.reconciled) counters.reconciled += 1;
    else counters.live += 1;
    emit(change);
    return true;
  };

  const serverNow = (): number => client.time.now();

  /** Opens a gap (if none is open) from the last event received. */
  const openGap = (reason: GapReason, at?: number): void => {
    if (status === 'stopped') return;
    if (gapSince === undefined) {
      gapSince = Math.min(lastEventAt || startedAt, at ?? Number.POSITIVE_INFINITY);
      gapReason = reason;
      counters.gaps += 1;
      emit({ type: 'gap', reason, since: gapSince });
    }
    if (status === 'live') status = 'recovering';
  };

  const keys = createListenKeyManager(client, {
    clock,
    ...(options.keepAliveIntervalMs === undefined
      ? {}
      : { keepAliveIntervalMs: options.keepAliveIntervalMs }),
    ...(options.keepAliveRetryMs === undefined ? {} : { retryDelayMs: options.keepAliveRetryMs }),
    onEvent: (event) => {
      if (event.type === 'keepAliveFailed') emit({ type: 'error', error: event.error, during: 'keepAlive' });
      else emit({ type: 'listenKey', action: event.type, listenKey: event.listenKey });
    },
    onReplaced: (_listenKey, reason) => {
      counters.listenKeyRenewals += 1;
      openGap(reason === 'expired' ? 'listenKeyExpired' : 'listenKeyRotated');
      restartSocket();
    },
  });

  /** The socket listens to a key that is gone: replace it (after the new key, if one is coming). */
  const restartSocket = (): void => {
    if (preparing !== undefined) preparing.stale = true;
    connection.kill();
  };

  /** The key the next socket listens to: a new one once the current one is known to be dead. */
  const freshKey = (): Promise<string> => {
    if (status === 'stopped') return Promise.reject(new Error('The user-data stream is stopped.'));
    if (!keyDead && keys.listenKey !== undefined) return Promise.resolve(keys.listenKey);
    keyChange ??= keys
      .renew()
      .then((key) => {
        keyDead = false;
        return key;
      })
      .finally(() => {
        keyChange = undefined;
      });
    return keyChange;
  };

  /** `listenKeyExpired` arrived: create a new key; the next socket waits for it (and retries it if it fails). */
  const renewKey = (): void => {
    if (keyDead) return;
    keyDead = true;
    counters.listenKeyRenewals += 1;
    freshKey().catch((error: unknown) => emit({ type: 'error', error, during: 'keepAlive' }));
    restartSocket();
  };

  const handle = (message: unknown): void => {
    if (!isUserDataEvent(message)) return;
    emit({ type: 'wire', event: message });
    if (message.e === 'listenKeyExpired') {
      if (message.listenKey === keys.listenKey) {
        openGap('listenKeyExpired', Number(message.E));
        renewKey();
      }
      return;
    }
    const changes = account.applyEvent(message);
    if (
      changes.length === 0 &&
      (message.e === 'ORDER_TRADE_UPDATE' || message.e === 'ALGO_UPDATE' || message.e === 'ACCOUNT_UPDATE')
    ) {
      counters.duplicates += 1;
    }
    for (const change of changes) report(change);
  };

  /**
   * Moves the gap anchor to the event's own exchange time. The histories read back after a gap are
   * filtered by the exchange's stamps, so the window is anchored on them, not on `client.time`: that
   * estimate can be seconds off (a skewed `/time` adopted on a resync, a local clock stepped between
   * syncs), and a window starting seconds too late silently misses orders filled in it.
   */
  const noteEventTime = (message: unknown): void => {
    if (!isUserDataEvent(message)) return;
    const time = exchangeTimeOf(message);
    if (time === undefined) return;
    lastEventAt = Math.max(lastEventAt, time);
    // A start estimated ahead of the exchange would cut the window short too.
    if (time < startedAt) startedAt = time;
  };

  const onMessage = (message: unknown, raw: string, session: ConnectionSession): void => {
    counters.received += 1;
    if (status === 'stopped') return;
    // When it arrives, not when it is applied: a gap starts after the last event received.
    if (session.id === liveSessionId || session.id === preparing?.session.id) noteEventTime(message);
    if (preparing !== undefined && session.id === preparing.session.id) {
      if (preparing.buffer.length >= maxBuffered) preparing.overflow = true;
      else preparing.buffer.push({ message, raw });
      return;
    }
    if (session.id !== liveSessionId) return;
    // A new socket is being prepared: the frames of the old one will also arrive on it.
    if (preparing !== undefined) preparing.overlap.set(raw, (preparing.overlap.get(raw) ?? 0) + 1);
    handle(message);
  };

  // ---- reading back from REST ----

  const fetchTrades = async (symbol: string, from: number): Promise<TradeView[]> => {
    const trades: TradeView[] = [];
    let page = await reader.trades(symbol, { startTime: from }, ORDER_HISTORY_LIMIT);
    trades.push(...page);
    for (let n = 1; n < MAX_TRADE_PAGES && page.length === ORDER_HISTORY_LIMIT; n++) {
      const last = page[page.length - 1]!;
      page = await reader.trades(symbol, { fromId: nextId(last.tradeId) }, ORDER_HISTORY_LIMIT);
      trades.push(...page);
    }
    return trades;
  };

  /** The account from REST: with `reportChanges` false (the first read) nothing is reported. */
  const readBack = async (since: number | undefined): Promise<number> => {
    const reconciled = since !== undefined;
    const from = since === undefined ? 0 : Math.max(since - lookbackMs, startedAt);
    const previousOrders = [...account.openOrders.values()];
    const previousAlgos = [...account.openAlgoOrders.values()];
    const previousPositions = [...account.positions.values()];
    const [openOrders, openAlgos, positions, balances] = await Promise.all([
      reader.openOrders(),
      reader.openAlgoOrders(),
      reader.positions(),
      reader.balances(),
    ]);
    const orders: OrderView[] = openOrders;
    const algos: AlgoOrderView[] = openAlgos;
    const openOrderKeys = new Set(orders.map((o) => idKey(o.symbol, o.orderId)));
    const openAlgoKeys = new Set(algos.map((a) => idKey(a.symbol, a.algoId)));
    const trades: TradeView[] = [];
    if (reconciled) {
      // Orders that were open and are no longer: their final state.
      const vanished = previousOrders.filter((o) => !openOrderKeys.has(idKey(o.symbol, o.orderId)));
      const vanishedAlgos = previousAlgos.filter((a) => !openAlgoKeys.has(idKey(a.symbol, a.algoId)));
      const [finals, finalAlgos] = await Promise.all([
        Promise.all(
          vanished.map((o) =>
            reader.order(o.symbol, o.orderId).catch((error: unknown) => {
              // Archived or unknown: it is no longer open, and its end cannot be read.
              if (codeOf(error) === -2013) account.dropOpen('order', idKey(o.symbol, o.orderId));
              else throw error;
            }),
          ),
        ),
        Promise.all(
          vanishedAlgos.map((a) =>
            reader.algoOrder(a.algoId).catch((error: unknown) => {
              if (codeOf(error) === -2013) account.dropOpen('algoOrder', idKey(a.symbol, a.algoId));
              else throw error;
            }),
          ),
        ),
      ]);
      for (const order of finals) if (order !== undefined) orders.push(order);
      for (const algo of finalAlgos) if (algo !== undefined) algos.push(algo);
      // Orders, algo orders and trades that came and went within the gap.
      const symbols = [...account.symbols];
      const histories = await Promise.all(
        symbols.map(async (symbol) => {
          const [symbolOrders, symbolAlgos, symbolTrades] = await Promise.all([
            reader.orders(symbol, from, ORDER_HISTORY_LIMIT),
            reader.algoOrders(symbol, from, 100),
            fetchTrades(symbol, from),
          ]);
          return { symbolOrders, symbolAlgos, symbolTrades };
        }),
      );
      for (const h of histories) {
        orders.push(...h.symbolOrders);
        algos.push(...h.symbolAlgos);
        trades.push(...h.symbolTrades.filter((t) => t.time >= startedAt));
      }
    }
    let changes = 0;
    const count = (change: AccountChange | undefined): void => {
      if (change === undefined) return;
      changes += 1;
      if (reconciled) report(change);
    };
    trades.sort((a, b) => a.time - b.time);
    for (const trade of trades) count(account.applyTrade(trade, true));
    orders.sort((a, b) => a.updateTime - b.updateTime);
    for (const order of orders) count(account.applyOrder(order, true));
    for (const algo of algos) count(account.applyAlgo(algo, true));
    const restPositions = new Map<string, PositionView>();
    for (const view of positions) restPositions.set(positionKey(view.symbol, view.positionSide), view);
    for (const before of previousPositions) {
      const key = positionKey(before.symbol, before.positionSide);
      if (!restPositions.has(key)) {
        restPositions.set(key, {
          ...before,
          positionAmt: before.positionAmt.sub(before.positionAmt),
          updateTime: 0,
        });
      }
    }
    for (const view of restPositions.values()) count(account.applyPosition(view, true, { force: true }));
    for (const balance of balances) count(account.applyBalance(balance, true, { force: true }));
    return changes;
  };

  // ---- sockets ----

  const onSession = async (session: ConnectionSession): Promise<void> => {
    const rotation = session.kind === 'rotate' && gapSince === undefined && initialized;
    const prep: Preparing = { session, buffer: [], overlap: new Map(), overflow: false, stale: false };
    preparing = prep;
    try {
      let readBackResult: { since: number; changes: number } | undefined;
      if (!initialized) {
        startedAt = serverNow();
        await readBack(undefined);
        initialized = true;
      } else if (!rotation) {
        const since = gapSince ?? lastEventAt;
        readBackResult = { since: Math.max(since - lookbackMs, startedAt), changes: await readBack(since) };
      }
      if (prep.overflow) {
        openGap('overflow');
        throw new Error(`More than ${maxBuffered} events arrived during the read-back.`);
      }
      if (prep.stale) throw new Error('The listen key changed during the read-back.');
      if (!session.isOpen()) throw new Error('The socket closed during the read-back.');
      if (preparing !== prep) throw new Error('superseded');
      // Go live: the held events, minus those the old socket already delivered (rotation). A gap
      // opened by one of them (listenKeyExpired) stays open for the next socket.
      const duplicatesBefore = counters.duplicates;
      preparing = undefined;
      liveSessionId = session.id;
      gapSince = undefined;
      gapReason = undefined;
      status = 'live';
      for (const { message, raw } of prep.buffer) {
        const seen = prep.overlap.get(raw);
        if (seen !== undefined) {
          if (seen <= 1) prep.overlap.delete(raw);
          else prep.overlap.set(raw, seen - 1);
          continue;
        }
        handle(message);
      }
      if (readBackResult !== undefined) {
        counters.reconciliations += 1;
        emit({ type: 'reconciled', ...readBackResult, duplicates: counters.duplicates - duplicatesBefore });
      }
      emit({ type: 'connected', url: urlOf(keys.listenKey ?? '') });
      if (gapSince === undefined) {
        const waiters = readyWaiters;
        readyWaiters = [];
        for (const waiter of waiters) waiter.resolve();
      }
    } catch (error) {
      if (preparing === prep) preparing = undefined;
      emit({ type: 'error', error, during: 'reconcile' });
      throw error;
    }
  };

  const onConnectionEvent = (event: ConnectionEvent): void => {
    switch (event.type) {
      case 'stale':
        if (event.sessionId === liveSessionId) openGap('silent');
        break;
      case 'disconnected':
        if (event.sessionId === liveSessionId) {
          liveSessionId = undefined;
          openGap(gapReason ?? 'disconnected');
        }
        break;
      case 'error':
        if (event.during === 'consumer') emit({ type: 'error', error: event.error, during: 'message' });
        else if (event.during !== 'session') emit({ type: 'error', error: event.error, during: 'connect' });
        break;
      default:
        break;
    }
  };

  const connection = createConnection({
    url: async () => urlOf(await freshKey()),
    clock,
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.watchdog === undefined ? {} : { watchdog: options.watchdog }),
    ...(options.rotateAfterMs === undefined ? {} : { rotateAfterMs: options.rotateAfterMs }),
    ...(proxy === undefined ? {} : { proxy }),
    onSession,
    onMessage,
    onEvent: onConnectionEvent,
  });

  const stream: UserDataStream = {
    account,
    get listenKey() {
      return keys.listenKey;
    },
    get status() {
      return status;
    },
    async start() {
      if (status !== 'idle') return stream.ready();
      status = 'starting';
      try {
        await keys.start();
      } catch (error) {
        status = 'idle';
        throw error;
      }
      connection.start();
      return stream.ready();
    },
    ready() {
      if (status === 'stopped') return Promise.reject(new Error('The user-data stream is stopped.'));
      if (status === 'live' && gapSince === undefined && preparing === undefined) return Promise.resolve();
      return new Promise<void>((resolve, reject) => readyWaiters.push({ resolve, reject }));
    },
    resync() {
      openGap('disconnected');
      connection.kill();
    },
    stats: () => ({ ...counters }),
    async stop() {
      if (status === 'stopped') return;
      status = 'stopped';
      const waiters = readyWaiters;
      readyWaiters = [];
      for (const waiter of waiters) waiter.reject(new Error('The user-data stream was stopped.'));
      await connection.close();
      await keys.stop();
    },
  };
  return stream;
}
