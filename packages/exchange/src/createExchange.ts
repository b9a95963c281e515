import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, createLiveClock, parseJson, stringifyJson } from '@basis/core';
import {
  type AdminCommand,
  type AdminResult,
  applyAdminCommand,
  type IssuedKey,
} from './admin/adminCommands.js';
import { createAdminHandler } from './admin/adminHandler.js';
import type { Endpoint } from './api/endpoint.js';
import type { RawParams } from './api/params.js';
import { ROUTES } from './api/routes.js';
import type { SymbolSpec } from './config/symbolSpec.js';
import { createRestHandler, type RestHandler, type RestRequest, type RestResponse } from './rest/handler.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rest/rateLimit.js';
import { type RestServer, startRestServer } from './rest/server.js';
import { type FsyncPolicy, openStore, type Store } from './store/store.js';
import type { HistoryLimits } from './venue/market.js';
import { Venue, type VenueOptions } from './venue/venue.js';

/** How a local exchange is set up. Every option has a default: `createExchange()` just works. */
export interface ExchangeOptions {
  /** Seed of the synthetic market and of generated ids (default 1). */
  readonly seed?: number | string;
  /** The exchange's clock (default: the wall clock). A `VirtualClock` makes time move only when told. */
  readonly clock?: Clock;
  readonly symbols?: readonly SymbolSpec[];
  /** Where order, trade and update ids start; above 2^53 to test clients' id handling. */
  readonly idStart?: bigint | number;
  readonly marketData?: VenueOptions['marketData'];
  readonly synthetic?: VenueOptions['synthetic'];
  readonly history?: HistoryLimits;
  /** Directory of the journal and snapshots; restarting with it resumes the same exchange. */
  readonly stateDir?: string;
  readonly fsync?: FsyncPolicy;
  /** Binance's limits by default; `{ enabled: false }` for load tests. */
  readonly rateLimits?: Partial<RateLimitConfig>;
  /** The account created on a fresh start (default: 100,000 USDT and 100,000 USDC); false for none. */
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
  readonly wsUrl: string;
  readonly wsApiUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A running local exchange. */
export interface Exchange {
  readonly venue: Venue;
  readonly clock: Clock;
  readonly rest: RestHandler;
  readonly defaultAccount: DefaultAccount | undefined;
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
  | { readonly t: number; readonly e: string; readonly a: number | null; readonly p: RawParams }
  | { readonly t: number; readonly admin: AdminCommand };

/** What fixes the exchange's deterministic history; kept beside the journal. */
interface Genesis {
  readonly version: 1;
  readonly seed: number | string;
  readonly startTime: number;
  readonly idStart: string;
  readonly marketData: 'synthetic' | 'none';
  readonly symbols?: readonly SymbolSpec[];
}

const DEFAULT_BALANCES = { USDT: '100000', USDC: '100000' } as const;

/**
 * Creates a local Binance USD-M Futures exchange: the venue, Binance's REST API, the admin API and,
 * with `stateDir`, a journal that survives restarts and `kill -9`.
 */
export function createExchange(options: ExchangeOptions = {}): Exchange {
  const clock = options.clock ?? createLiveClock();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = options.stateDir === undefined ? undefined : openJournal(options.stateDir, options.fsync);
  const genesis = store === undefined ? undefined : readGenesis(options.stateDir!);
  const fresh: Genesis = genesis ?? {
    version: 1,
    seed: options.seed ?? 1,
    startTime: clock.now(),
    idStart: String(options.idStart ?? 1),
    marketData: options.marketData ?? 'synthetic',
    ...(options.symbols === undefined ? {} : { symbols: options.symbols }),
  };
  if (store !== undefined && genesis === undefined) writeGenesis(options.stateDir!, fresh);

  const venue = new Venue({
    startTime: fresh.startTime,
    seed: fresh.seed,
    idStart: BigInt(fresh.idStart),
    marketData: fresh.marketData,
    ...(fresh.symbols === undefined ? {} : { symbols: fresh.symbols }),
    ...(options.history === undefined ? {} : { history: options.history }),
    ...(options.synthetic === undefined ? {} : { synthetic: options.synthetic }),
  });
  const endpointsByName = new Map<string, Endpoint>();
  for (const endpoint of Object.values(ROUTES)) endpointsByName.set(endpoint.name, endpoint);

  const journal = (entry: JournalEntry): void => {
    store?.append(entry);
  };
  const rest = createRestHandler({
    venue,
    routes: ROUTES,
    now: () => clock.now(),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    onCommand: (entry) =>
      journal({ t: entry.time, e: entry.endpoint, a: entry.accountId ?? null, p: entry.params }),
    onInternalError: (error, request) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`basis exchange: internal error answering ${request.method} ${request.path}: ${message}`);
    },
  });

  // Replay what the journal holds: the same commands at the same times give the same state.
  if (store !== undefined) {
    const recovered = store.recover();
    for (const { entry } of recovered.commands) replay(venue, endpointsByName, entry as JournalEntry);
  }

  const admin = (command: AdminCommand): AdminResult => {
    venue.advanceTo(clock.now());
    const result = applyAdminCommand(venue, command);
    journal({ t: venue.now, admin: command });
    venue.commit();
    return result;
  };

  // Resume: simulate a short gap, jump over a long one (journaled, so a replay jumps too).
  const gap = clock.now() - venue.now;
  if (gap > (options.maxCatchUpMs ?? 60_000)) admin({ kind: 'jump', time: clock.now() });

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

  const adminHandler = createAdminHandler({ venue, admin, rest: () => rest, clock });
  const driver = clock.setInterval(() => {
    venue.advanceTo(clock.now());
  }, options.tickMs ?? 50);

  let server: RestServer | undefined;
  let closed: Promise<void> | undefined;
  const handle = (request: RestRequest): RestResponse =>
    request.path.startsWith('/admin') ? adminHandler.handle(request) : rest.handle(request);

  return {
    venue,
    clock,
    rest,
    defaultAccount,
    handle,
    admin,
    async listen(listenOptions = {}) {
      if (server !== undefined) throw new Error('the exchange is already listening');
      server = await startRestServer({
        handler: { handle },
        host: listenOptions.host ?? '127.0.0.1',
        port: listenOptions.port ?? 0,
      });
      const s = server;
      const wsBase = s.url.replace(/^http/, 'ws');
      return {
        restUrl: s.url,
        wsUrl: wsBase,
        wsApiUrl: `${wsBase}/ws-fapi/v1`,
        port: s.port,
        close: () => s.close(),
      };
    },
    close() {
      closed ??= (async () => {
        clock.clearInterval(driver);
        await server?.close();
        store?.close();
      })();
      return closed;
    },
  };
}

function replay(venue: Venue, endpoints: ReadonlyMap<string, Endpoint>, entry: JournalEntry): void {
  venue.advanceTo(entry.t);
  try {
    if ('admin' in entry) {
      applyAdminCommand(venue, entry.admin);
    } else {
      const endpoint = endpoints.get(entry.e);
      if (endpoint === undefined) throw new Error(`the journal names an unknown endpoint ${entry.e}`);
      const account = entry.a === null ? undefined : venue.accounts.get(entry.a);
      endpoint.handle(venue, { now: venue.now, account }, entry.p);
    }
  } finally {
    venue.commit();
  }
}

function openJournal(dir: string, fsync: FsyncPolicy | undefined): Store {
  mkdirSync(dir, { recursive: true });
  return openStore({
    dir,
    ...(fsync === undefined ? {} : { fsync }),
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
