import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Clock, createLiveClock, parseJson, stringifyJson } from '@basis/core';
import type { AdminCommand, AdminResult, IssuedKey } from './admin/adminCommands.js';
import { createAdminHandler } from './admin/adminHandler.js';
import { applyExchangeAdminCommand, type ExchangeVenues } from './admin/exchangeAdmin.js';
import { toCoinmError } from './api/coinm/coinmErrors.js';
import { COINM_ROUTES } from './api/coinm/routes.js';
import type { Endpoint } from './api/endpoint.js';
import type { RawParams } from './api/params.js';
import { ROUTES } from './api/routes.js';
import { coinmSymbols } from './config/coinmSymbols.js';
import { DEFAULT_SYMBOLS } from './config/defaultSymbols.js';
import type { SymbolSpec } from './config/symbolSpec.js';
import { FaultInjector } from './faults/faultInjector.js';
import type { FaultRuleSpec } from './faults/faultModel.js';
import type { PrintReadThread } from './marketData/replay/printSource.js';
import {
  type CommandEntry,
  createRestHandler,
  type RestHandler,
  type RestRequest,
  type RestResponse,
} from './rest/handler.js';
import { COINM_RATE_LIMITS, DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rest/rateLimit.js';
import { type RestServer, startRestServer } from './rest/server.js';
import type { SnapshotFileInfo } from './store/snapshot.js';
import { type FsyncPolicy, openStore, type Store } from './store/store.js';
import { DEFAULT_HISTORY, type HistoryLimits } from './venue/market.js';
import { type ReplayAlign, type ReplayPrintPath, replayCovers } from './venue/replayMarket.js';
import { type Product, Venue, type VenueOptions } from './venue/venue.js';
import { attachWebSockets, type WebSockets } from './ws/attachWebSockets.js';
import type { WebSocketLimits } from './ws/limits.js';
import { COINM_STREAM_PREFIX, combineWebSockets } from './ws/productRouting.js';
import { COINM_WS_API_ROUTES } from './ws/wsApiMethods.js';

/** How a local exchange is set up. Every option has a default: `createExchange()` just works. */
export interface ExchangeOptions {
  /** Seed of the synthetic market and of generated ids (default 1). */
  readonly seed?: number | string;
  /** The exchange's clock (default: the wall clock). A `VirtualClock` makes time move only when told. */
  readonly clock?: Clock;
  /** The USD-M symbols (default: Binance's majors). */
  readonly symbols?: readonly SymbolSpec[];
  /**
   * COIN-M (`/dapi`) beside USD-M on the same server: its symbols (default: the BTC and ETH inverse
   * contracts), or false for a USD-M-only exchange.
   */
  readonly coinm?: { readonly symbols?: readonly SymbolSpec[] } | false;
  /** Where order, trade and update ids start; above 2^53 to test clients' id handling. */
  readonly idStart?: bigint | number;
  readonly marketData?: VenueOptions['marketData'];
  /**
   * Replay Binance's historical files (the data.binance.vision layout, or flat) as the market-data
   * source instead of the synthetic market. `align: 'now'` (default) plays them from the exchange's
   * start at real speed; `history` keeps their timestamps (a virtual clock started there).
   * `printPath` (default `lean` with `history`, `book` with `now`): see `REPLAY_PRINT_PATHS`.
   */
  readonly replay?: {
    readonly dir: string;
    readonly align?: ReplayAlign;
    readonly printPath?: ReplayPrintPath;
    /**
     * Where the print files are parsed (default `auto`: a reader thread for 4 MiB of files or more
     * when the machine has a second core). The replay is the same either way, so it is not journaled.
     */
    readonly thread?: PrintReadThread;
  };
  /** Fault injection from the start: the injector's seed (default 1) and rules (`basis exchange --fault`). */
  readonly faults?: { readonly seed?: number | string; readonly rules?: readonly FaultRuleSpec[] };
  /** Binance's WebSocket limits by default; tests shorten them. */
  readonly webSocketLimits?: Partial<WebSocketLimits>;
  readonly synthetic?: VenueOptions['synthetic'];
  /** How much history markets and accounts keep; each field defaults to Binance-like limits. */
  readonly history?: Partial<HistoryLimits>;
  /** Directory of the journal and snapshots; restarting with it resumes the same exchange. */
  readonly stateDir?: string;
  readonly fsync?: FsyncPolicy;
  /** A snapshot after this many journaled commands (default: the store's, 50,000); 0 for none. */
  readonly snapshotEvery?: number;
  /**
   * A snapshot once the venue's clock moved this far since the last one (default 5 minutes; 0 for
   * none), so a restart re-simulates at most this much of the market even when few commands come.
   */
  readonly snapshotIntervalMs?: number;
  /** Keep every journal segment, so the whole history can be replayed (see `ignoreSnapshots`). */
  readonly keepJournal?: boolean;
  /**
   * Recover by replaying the whole journal from empty, passing over the snapshots (needs a journal
   * kept with `keepJournal`): to check that replay reproduces what the snapshots hold.
   */
  readonly ignoreSnapshots?: boolean;
  /** Binance's limits by default; `{ enabled: false }` for load tests. */
  readonly rateLimits?: Partial<RateLimitConfig>;
  /**
   * The account created on a fresh start (default: 100,000 USDT and 100,000 USDC for USD-M, 10 BTC and
   * 100 ETH for COIN-M); false for none. Coins go to the COIN-M wallet, the rest to USD-M.
   */
  readonly defaultAccount?: { readonly balances: Readonly<Record<string, string>> } | false;
  /** How often the exchange moves its clock forward between requests, ms (default 50). */
  readonly tickMs?: number;
  /** After downtime longer than this, a restart jumps instead of simulating the gap, ms (default 60 s). */
  readonly maxCatchUpMs?: number;
  /**
   * Where the exchange reports its own failures (an internal error behind a -1000 answer). Default:
   * one line on stderr. Never given secrets.
   */
  readonly log?: (line: string) => void;
}

/** The credentials of the default account. */
export interface DefaultAccount {
  readonly accountId: number;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** Where a listening exchange can be reached. */
export interface ExchangeEndpoints {
  readonly restUrl: string;
  /** USD-M streams: `${wsUrl}/ws`, `${wsUrl}/stream` (as `wss://fstream.binance.com`). */
  readonly wsUrl: string;
  /** USD-M WebSocket API (as `wss://ws-fapi.binance.com/ws-fapi/v1`). */
  readonly wsApiUrl: string;
  /** COIN-M (`/dapi` on `restUrl`), when enabled: its streams' base and its WebSocket API. */
  readonly coinm: { readonly wsUrl: string; readonly wsApiUrl: string } | undefined;
  readonly port: number;
  close(): Promise<void>;
}

/** How a restarted exchange got its state back from its state directory. */
export interface ExchangeRecovery {
  /** The sequence number of the snapshot it started from; undefined when it replayed from empty. */
  readonly snapshotSeq: number | undefined;
  /** How many journaled commands it replayed after the snapshot. */
  readonly replayed: number;
  /** The last journaled command's sequence number. */
  readonly lastSeq: number;
  /** Whether a torn last record (a write a crash cut short, never acknowledged) was discarded. */
  readonly torn: boolean;
  /** Damaged snapshots passed over (set aside as `.corrupt`). */
  readonly skippedSnapshots: number;
}

/** A running local exchange. */
export interface Exchange {
  /** The USD-M venue. */
  readonly venue: Venue;
  /** The COIN-M venue (undefined with `coinm: false`). */
  readonly coinm: Venue | undefined;
  readonly clock: Clock;
  readonly rest: RestHandler;
  readonly defaultAccount: DefaultAccount | undefined;
  /** Fault injection (also `/admin/faults`): REST answers, slow responses, clock skew, stream faults. */
  readonly faults: FaultInjector;
  /** The WebSocket side (market streams, user data, WebSocket API): its open connections and counts. */
  readonly webSockets: Pick<WebSockets, 'connections' | 'stats'>;
  /** With a state directory: what the start recovered (a fresh directory recovers nothing). */
  readonly recovery: ExchangeRecovery | undefined;
  /**
   * Writes a snapshot of the venue now (after the last journaled command), so a restart replays
   * nothing before it. Undefined without a state directory.
   */
  snapshot(): SnapshotFileInfo | undefined;
  /** Answers one HTTP request (Binance's REST API and `/admin`), without sockets. */
  handle(request: RestRequest): RestResponse;
  /** Runs an admin command, journaled. */
  admin(command: AdminCommand): AdminResult;
  /** Serves the exchange over HTTP on `host:port` (default 127.0.0.1, a free port). */
  listen(options?: { readonly host?: string; readonly port?: number }): Promise<ExchangeEndpoints>;
  /** Stops the clock driver and the server, flushes and closes the journal. */
  close(): Promise<void>;
}

/** What the journal holds: a Binance endpoint call or an admin command, with the time it ran at. */
type JournalEntry =
  | {
      readonly t: number;
      readonly e: string;
      readonly a: number | null;
      readonly p: RawParams;
      /** `'cm'` for a COIN-M endpoint; absent for USD-M. */
      readonly m?: 'cm';
    }
  | { readonly t: number; readonly admin: AdminCommand };

/** What fixes the exchange's deterministic history; kept beside the journal. */
interface Genesis {
  readonly version: 1;
  readonly seed: number | string;
  readonly startTime: number;
  readonly idStart: string;
  readonly marketData: NonNullable<VenueOptions['marketData']>;
  readonly symbols?: readonly SymbolSpec[];
  /** COIN-M's symbols, or false when it is off (absent: on, with the defaults). */
  readonly coinm?: { readonly symbols?: readonly SymbolSpec[] } | false;
}

/** A snapshot file's content: both venues. */
interface ExchangeSnapshot {
  readonly usdm: unknown;
  readonly coinm?: unknown;
}

const DEFAULT_BALANCES = { USDT: '100000', USDC: '100000', BTC: '10', ETH: '100' } as const;

/** The default {@link ExchangeOptions.snapshotIntervalMs}: five minutes of venue time. */
export const DEFAULT_SNAPSHOT_INTERVAL_MS = 5 * 60_000;

/**
 * Creates a local Binance USD-M Futures exchange: the venue, Binance's REST API, the admin API and,
 * with `stateDir`, a journal that survives restarts and `kill -9`.
 */
export function createExchange(options: ExchangeOptions = {}): Exchange {
  const clock = options.clock ?? createLiveClock();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = options.stateDir === undefined ? undefined : openJournal(options);
  const genesis = store === undefined ? undefined : readGenesis(options.stateDir!);
  const fresh: Genesis = genesis ?? {
    version: 1,
    seed: options.seed ?? 1,
    startTime: clock.now(),
    idStart: String(options.idStart ?? 1),
    marketData:
      options.replay === undefined
        ? (options.marketData ?? 'synthetic')
        : {
            replay: {
              dir: resolve(options.replay.dir),
              align: options.replay.align ?? 'now',
              ...(options.replay.printPath === undefined ? {} : { printPath: options.replay.printPath }),
            },
          },
    ...(options.symbols === undefined ? {} : { symbols: options.symbols }),
    ...(options.coinm === undefined ? {} : { coinm: options.coinm }),
  };
  if (store !== undefined && genesis === undefined) writeGenesis(options.stateDir!, fresh);
  const coinmGenesis = fresh.coinm ?? {};

  const marketData = withReadThread(productMarketData(fresh, coinmGenesis), options.replay?.thread);
  const history =
    options.history === undefined ? {} : { history: { ...DEFAULT_HISTORY, ...options.history } };
  const venueOptions: VenueOptions = {
    startTime: fresh.startTime,
    seed: fresh.seed,
    idStart: BigInt(fresh.idStart),
    marketData: marketData.usdm,
    ...(fresh.symbols === undefined ? {} : { symbols: fresh.symbols }),
    ...history,
    ...(options.synthetic === undefined ? {} : { synthetic: options.synthetic }),
  };
  const coinmOptions: VenueOptions | undefined =
    coinmGenesis === false
      ? undefined
      : {
          startTime: venueOptions.startTime,
          seed: venueOptions.seed ?? 1,
          idStart: venueOptions.idStart ?? 1,
          product: 'coinm',
          marketData: marketData.coinm,
          ...(coinmGenesis.symbols === undefined ? {} : { symbols: coinmGenesis.symbols }),
          ...history,
          ...(options.synthetic === undefined ? {} : { synthetic: options.synthetic }),
        };
  const endpoints: JournalEndpoints = { usdm: byName(ROUTES), coinm: byName(COINM_ROUTES) };

  // Recover: the newest good snapshot, then the journal after it, each command at its own time
  // through the same endpoints: the same commands at the same times give the same state.
  let venues: ExchangeVenues;
  let recovery: ExchangeRecovery | undefined;
  if (store === undefined) {
    venues = freshVenues(venueOptions, coinmOptions);
  } else {
    const recovered = store.recover(options.ignoreSnapshots === true ? { ignoreSnapshots: true } : undefined);
    venues =
      recovered.snapshot === undefined
        ? freshVenues(venueOptions, coinmOptions)
        : restoreVenues(venueOptions, coinmOptions, recovered.snapshot.state);
    for (const { seq, entry } of recovered.commands) {
      try {
        replay(venues, endpoints, entry as JournalEntry);
      } catch (error) {
        // Replay runs only commands that succeeded: one that fails now means the state diverged.
        const name = 'admin' in (entry as JournalEntry) ? 'an admin command' : (entry as { e: string }).e;
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`the journal does not replay: command ${seq} (${name}) failed: ${message}`, {
          cause: error,
        });
      }
    }
    recovery = {
      snapshotSeq: recovered.snapshot?.seq,
      replayed: recovered.commands.length,
      lastSeq: recovered.lastSeq,
      torn: recovered.torn,
      skippedSnapshots: recovered.skippedSnapshots.length,
    };
  }

  const venue = venues.usdm;
  const coinm = venues.coinm;
  const allVenues = coinm === undefined ? [venue] : [venue, coinm];
  const advanceAll = (time: number): void => {
    for (const v of allVenues) v.advanceTo(time);
  };
  const journal = (entry: JournalEntry): void => {
    store?.append(entry);
  };
  /** Journals a product's REST or WebSocket API command (COIN-M's tagged `m: 'cm'`). */
  const journalCommand =
    (product: Product) =>
    (entry: CommandEntry): void =>
      journal({
        t: entry.time,
        e: entry.endpoint,
        a: entry.accountId ?? null,
        p: entry.params,
        ...(product === 'coinm' ? { m: 'cm' as const } : {}),
      });
  const describe = (error: unknown): string =>
    error instanceof Error ? (error.stack ?? error.message) : String(error);
  // Faults are transport, not state: not journaled, seeded apart from the venue. A forced listen-key
  // expiry changes state, so it goes through the journaled admin path.
  const faults = new FaultInjector({
    now: () => clock.now(),
    venue,
    routes: coinm === undefined ? ROUTES : { ...ROUTES, ...COINM_ROUTES },
    ...(options.faults?.seed === undefined ? {} : { seed: options.faults.seed }),
    ...(options.faults?.rules === undefined ? {} : { rules: options.faults.rules }),
    ...(coinm === undefined ? {} : { coinm }),
    expireListenKey: (accountId, product) => {
      admin({ kind: 'expireListenKey', accountId, ...(product === 'coinm' ? { product } : {}) });
    },
  });
  const rest = createRestHandler({
    venue,
    routes: ROUTES,
    now: () => clock.now(),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    onCommand: journalCommand('usdm'),
    onInternalError: (error, request) => {
      log(`basis exchange: internal error answering ${request.method} ${request.path}: ${describe(error)}`);
    },
    faults,
  });
  const coinmRest =
    coinm === undefined
      ? undefined
      : createRestHandler({
          venue: coinm,
          routes: COINM_ROUTES,
          now: () => clock.now(),
          // COIN-M has no 10-second order counter, whatever USD-M's is set to.
          rateLimits: { ...COINM_RATE_LIMITS, ...options.rateLimits, ordersPer10Seconds: undefined },
          translateError: toCoinmError,
          onCommand: journalCommand('coinm'),
          onInternalError: (error, request) => {
            log(
              `basis exchange: internal error answering ${request.method} ${request.path}: ${describe(error)}`,
            );
          },
          faults,
        });
  let connectionIds = 1;
  const nextConnectionId = (): number => connectionIds++;
  const usdmWebSockets = attachWebSockets({
    nextConnectionId,
    venue,
    clock,
    rest,
    routes: ROUTES,
    ...(options.webSocketLimits === undefined ? {} : { limits: options.webSocketLimits }),
    onCommand: journalCommand('usdm'),
    onInternalError: (error, { where }) =>
      log(`basis exchange: internal error in ${where}: ${describe(error)}`),
    faults,
  });
  const coinmWebSockets =
    coinm === undefined || coinmRest === undefined
      ? undefined
      : attachWebSockets({
          nextConnectionId,
          venue: coinm,
          clock,
          rest: coinmRest,
          routes: COINM_ROUTES,
          wsApiRoutes: COINM_WS_API_ROUTES,
          translateError: toCoinmError,
          ...(options.webSocketLimits === undefined ? {} : { limits: options.webSocketLimits }),
          onCommand: journalCommand('coinm'),
          onInternalError: (error, { where }) =>
            log(`basis exchange: internal error in COIN-M ${where}: ${describe(error)}`),
          faults,
        });
  const webSockets = combineWebSockets(usdmWebSockets, coinmWebSockets);
  faults.attachConnections(webSockets);

  // Snapshots: after `snapshotEvery` commands, after `snapshotIntervalMs` of venue time, on demand
  // and on close. A snapshot is of the state after the last journaled command; the venue may have
  // moved on in time since, which a replay of the next command reproduces (advanceTo is
  // path-independent).
  const snapshotIntervalMs = options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
  let lastSnapshotTime = venue.now;
  let snapshotFailed = false;
  // A replay's position in its files is not part of a snapshot: a replaying exchange recovers by
  // replaying its journal from the start (the store drops segments only after a snapshot).
  const snapshots = store !== undefined && venue.replay === undefined && coinm?.replay === undefined;
  const writeSnapshot = (): SnapshotFileInfo | undefined => {
    if (!snapshots || store.status !== 'ready') return undefined;
    const state: ExchangeSnapshot = {
      usdm: venue.snapshot(),
      ...(coinm === undefined ? {} : { coinm: coinm.snapshot() }),
    };
    const info = store.writeSnapshot(state, store.lastSeq);
    lastSnapshotTime = venue.now;
    return info;
  };
  const maybeSnapshot = (): void => {
    if (!snapshots || store.status !== 'ready') return;
    const due =
      store.shouldSnapshot() ||
      (snapshotIntervalMs > 0 && venue.now - lastSnapshotTime >= snapshotIntervalMs);
    if (!due) return;
    try {
      writeSnapshot();
      snapshotFailed = false;
    } catch (error) {
      // The journal still has everything; the next attempt comes with the next command or tick.
      lastSnapshotTime = venue.now;
      if (!snapshotFailed) log(`basis exchange: cannot write a snapshot: ${String(error)}`);
      snapshotFailed = true;
    }
  };

  const admin = (command: AdminCommand): AdminResult => {
    advanceAll(clock.now());
    const result = applyExchangeAdminCommand(venues, command);
    journal({ t: venue.now, admin: command });
    for (const v of allVenues) v.commit();
    maybeSnapshot();
    return result;
  };

  // Resume: simulate a short gap, jump over a long one. The jump is journaled at the venue's time
  // before it, so a replay jumps from the same state instead of simulating the gap.
  const gap = clock.now() - venue.now;
  if (gap > (options.maxCatchUpMs ?? 60_000)) {
    const command: AdminCommand = { kind: 'jump', time: clock.now() };
    const t = venue.now;
    applyExchangeAdminCommand(venues, command);
    journal({ t, admin: command });
    for (const v of allVenues) v.commit();
  }

  let defaultAccount: DefaultAccount | undefined;
  if (genesis === undefined && options.defaultAccount !== false) {
    const created = admin({
      kind: 'createAccount',
      balances: options.defaultAccount?.balances ?? DEFAULT_BALANCES,
    });
    if (created.kind === 'account') defaultAccount = credentials(created.accountId, created.keys[0]);
  } else if (genesis !== undefined) {
    defaultAccount = findDefaultAccount(venue);
  }

  const snapshot = (): SnapshotFileInfo | undefined => {
    advanceAll(clock.now());
    return writeSnapshot();
  };
  const adminHandler = createAdminHandler({
    venue,
    ...(coinm === undefined ? {} : { coinm }),
    admin,
    rest: () => rest,
    ...(coinmRest === undefined ? {} : { coinmRest: () => coinmRest }),
    clock,
    faults,
    ...(store === undefined ? {} : { snapshot }),
  });
  const driver = clock.setInterval(() => {
    advanceAll(clock.now());
    maybeSnapshot();
  }, options.tickMs ?? 50);

  let server: RestServer | undefined;
  let closed: Promise<void> | undefined;
  const handle = (request: RestRequest): RestResponse => {
    const response = request.path.startsWith('/admin')
      ? adminHandler.handle(request)
      : coinmRest !== undefined && request.path.startsWith('/dapi/')
        ? coinmRest.handle(request)
        : rest.handle(request);
    maybeSnapshot();
    return response;
  };

  return {
    venue,
    coinm,
    clock,
    rest,
    defaultAccount,
    faults,
    webSockets,
    recovery,
    snapshot,
    handle,
    admin,
    async listen(listenOptions = {}) {
      if (server !== undefined) throw new Error('the exchange is already listening');
      server = await startRestServer({
        handler: { handle },
        host: listenOptions.host ?? '127.0.0.1',
        port: listenOptions.port ?? 0,
        onUpgrade: webSockets.onUpgrade,
      });
      const s = server;
      const wsBase = s.url.replace(/^http/, 'ws');
      return {
        restUrl: s.url,
        wsUrl: wsBase,
        wsApiUrl: `${wsBase}/ws-fapi/v1`,
        coinm:
          coinm === undefined
            ? undefined
            : { wsUrl: `${wsBase}${COINM_STREAM_PREFIX}`, wsApiUrl: `${wsBase}/ws-dapi/v1` },
        port: s.port,
        close: () => s.close(),
      };
    },
    close() {
      closed ??= (async () => {
        clock.clearInterval(driver);
        await Promise.all(allVenues.map((v) => v.replay?.close()));
        await webSockets.close();
        await server?.close();
        try {
          // Restarting from here replays nothing, not even the market since the last command.
          writeSnapshot();
        } finally {
          store?.close();
        }
      })();
      return closed;
    },
  };
}

/** Endpoints by journal name, per product (names repeat across products). */
type JournalEndpoints = Readonly<Record<Product, ReadonlyMap<string, Endpoint>>>;

function byName(routes: Readonly<Record<string, Endpoint>>): ReadonlyMap<string, Endpoint> {
  const map = new Map<string, Endpoint>();
  for (const endpoint of Object.values(routes)) map.set(endpoint.name, endpoint);
  return map;
}

/**
 * Each venue's market data. Under a replay, a venue replays when the files hold prints of its
 * symbols and otherwise keeps its synthetic market (USD-M files leave COIN-M synthetic, and the
 * reverse); when neither has any, USD-M takes the replay, so that it refuses with the reason.
 */
function productMarketData(
  genesis: Genesis,
  coinm: NonNullable<Genesis['coinm']>,
): Record<Product, NonNullable<VenueOptions['marketData']>> {
  const { marketData } = genesis;
  if (typeof marketData === 'string') return { usdm: marketData, coinm: marketData };
  const { dir } = marketData.replay;
  const names = (specs: readonly SymbolSpec[]): string[] => specs.map((s) => s.symbol);
  const coinmReplays =
    coinm !== false && replayCovers(dir, 'coinm', names(coinm.symbols ?? coinmSymbols(genesis.startTime)));
  const usdmReplays = replayCovers(dir, 'usdm', names(genesis.symbols ?? DEFAULT_SYMBOLS)) || !coinmReplays;
  return { usdm: usdmReplays ? marketData : 'synthetic', coinm: coinmReplays ? marketData : 'synthetic' };
}

/** The replaying venues' market data with the prints' reader thread chosen (never part of the genesis). */
function withReadThread(
  marketData: Record<Product, NonNullable<VenueOptions['marketData']>>,
  thread: PrintReadThread | undefined,
): Record<Product, NonNullable<VenueOptions['marketData']>> {
  if (thread === undefined) return marketData;
  const choose = (m: NonNullable<VenueOptions['marketData']>): NonNullable<VenueOptions['marketData']> =>
    typeof m === 'string' ? m : { replay: { ...m.replay, read: { ...m.replay.read, thread } } };
  return { usdm: choose(marketData.usdm), coinm: choose(marketData.coinm) };
}

function freshVenues(usdm: VenueOptions, coinm: VenueOptions | undefined): ExchangeVenues {
  return { usdm: new Venue(usdm), coinm: coinm === undefined ? undefined : new Venue(coinm) };
}

/** Both venues from a snapshot; a snapshot written before COIN-M existed is the USD-M venue alone. */
function restoreVenues(usdm: VenueOptions, coinm: VenueOptions | undefined, state: unknown): ExchangeVenues {
  const both =
    state !== null && typeof state === 'object' && 'usdm' in state ? (state as ExchangeSnapshot) : undefined;
  return {
    usdm: Venue.restore(usdm, both === undefined ? state : both.usdm),
    coinm:
      coinm === undefined
        ? undefined
        : both?.coinm === undefined
          ? new Venue(coinm)
          : Venue.restore(coinm, both.coinm),
  };
}

function replay(venues: ExchangeVenues, endpoints: JournalEndpoints, entry: JournalEntry): void {
  const all = venues.coinm === undefined ? [venues.usdm] : [venues.usdm, venues.coinm];
  for (const v of all) v.advanceTo(entry.t);
  try {
    if ('admin' in entry) {
      applyExchangeAdminCommand(venues, entry.admin);
    } else {
      const product: Product = entry.m === 'cm' ? 'coinm' : 'usdm';
      const venue = product === 'coinm' ? venues.coinm : venues.usdm;
      if (venue === undefined) throw new Error('the journal has a COIN-M command but COIN-M is off');
      const endpoint = endpoints[product].get(entry.e);
      if (endpoint === undefined) throw new Error(`the journal names an unknown endpoint ${entry.e}`);
      const account = entry.a === null ? undefined : venue.accounts.get(entry.a);
      endpoint.handle(venue, { now: venue.now, account }, entry.p);
    }
  } finally {
    for (const v of all) v.commit();
  }
}

function openJournal(options: ExchangeOptions): Store {
  const dir = options.stateDir!;
  mkdirSync(dir, { recursive: true });
  return openStore({
    dir,
    fsync: options.fsync,
    snapshotEvery: options.snapshotEvery,
    keepJournal: options.keepJournal,
    encode: stringifyJson,
    decode: parseJson,
  });
}

function readGenesis(dir: string): Genesis | undefined {
  const path = join(dir, 'genesis.json');
  if (!existsSync(path)) return undefined;
  return parseJson(readFileSync(path, 'utf8')) as Genesis;
}

function writeGenesis(dir: string, genesis: Genesis): void {
  writeFileSync(join(dir, 'genesis.json'), `${stringifyJson(genesis)}\n`);
}

function credentials(accountId: number, key: IssuedKey | undefined): DefaultAccount | undefined {
  if (key?.apiSecret === undefined) return undefined;
  return { accountId, apiKey: key.apiKey, apiSecret: key.apiSecret };
}

/** The first user account and its first HMAC key: the default account of a resumed exchange. */
function findDefaultAccount(venue: Venue): DefaultAccount | undefined {
  for (const account of venue.accounts.values()) {
    if (account.system) continue;
    for (const key of account.keys.values()) {
      if (key.type === 'HMAC') return { accountId: account.id, apiKey: key.apiKey, apiSecret: key.secret };
    }
    return undefined;
  }
  return undefined;
}
