import type { KeyObject } from 'node:crypto';
import {
  type Clock,
  createLiveClock,
  createSigner,
  type KeyType,
  type ServerTime,
  type Signer,
} from '@basis/core';
import { ClientConfigError, InvalidEnvironmentError } from '../errors/config.js';
import { createRateGovernor, type RateGovernor } from '../rateLimit/governor.js';
import type { ClientEvent, Logger } from '../request/events.js';
import { createPipeline } from '../request/pipeline.js';
import { type RetryOptions, retryPolicy } from '../request/retryPolicy.js';
import type { RequestCall } from '../request/types.js';
import { createTimeSync, type TimeDrift, type TimeSyncResult } from '../time/timeSync.js';
import { type HttpTransportOptions, http } from '../transports/http.js';
import type { Transport } from '../transports/transport.js';
import { accountTag } from './accountTag.js';
import {
  apiPrefix,
  type Environment,
  type EnvironmentUrls,
  environments,
  environmentUrls,
  isEnvironment,
  isMarket,
  isProductionUrl,
  localUrls,
  type Market,
} from './environments.js';

/**
 * API credentials: an HMAC key (`apiSecret`), or an Ed25519 / RSA key (`privateKey`: PKCS#8 PEM or
 * a `KeyObject`, with `privateKeyPassphrase` when encrypted). The client keeps them inside a signer
 * closure: they are not properties of the client, so printing or serialising it shows none.
 */
export type ClientCredentials =
  | { readonly apiKey: string; readonly apiSecret: string }
  | {
      readonly apiKey: string;
      readonly privateKey: string | KeyObject;
      readonly privateKeyPassphrase?: string;
    };

/** Clock synchronisation settings. */
export interface TimeSyncConfig {
  /** `/time` round trips per synchronisation (default 5); the shortest round trip wins. */
  readonly samples?: number;
  /** Refresh period, ms (default 10 minutes); `false` to synchronise only before the first signed call and on -1021. */
  readonly intervalMs?: number | false;
}

/** How a client is set up. Only `env` is required. */
export interface ClientConfig {
  /** `local`, `testnet`, `demo` or `production`. Production is never implied. */
  readonly env: Environment;
  /** `usdm` (default) or `coinm`. */
  readonly market?: Market;
  readonly credentials?: ClientCredentials;
  /**
   * How requests travel (default: {@link http} to the environment's REST URL). Pass `inProcess({ handler: exchange })`
   * to talk to a local exchange without sockets. A transport given here is the caller's: `close()` leaves it open.
   */
  readonly transport?: Transport;
  /**
   * REST base URL. Required for `local` (a local exchange's `restUrl`) unless an in-process transport
   * is given; for the other environments it replaces Binance's URL (a proxy path, a mirror). A Binance
   * production URL is refused unless `env` is `production`.
   */
  readonly baseUrl?: string;
  /** Options of the default HTTP transport (keep-alive, connections, proxy, a dispatcher of your own). */
  readonly http?: Omit<HttpTransportOptions, 'baseUrl' | 'clock'>;
  /**
   * The local clock: timestamps, the sync schedule, rate-limit waits, backoffs and request time
   * limits all run on it (default: the wall clock). With a `VirtualClock`, time limits too are virtual.
   */
  readonly clock?: Clock;
  /** `recvWindow` of signed requests, ms (default 5000, Binance's default). */
  readonly recvWindow?: number;
  /** Time limit of one attempt of a request, ms (default 10000). */
  readonly timeoutMs?: number;
  /**
   * The rate governor (default: a new one for this client, on its clock and market). Clients that
   * share an IP should share one: `const governor = createRateGovernor(); createClient({ ..., governor })`.
   */
  readonly governor?: RateGovernor;
  /** Retries of reads and idempotent writes (default 3 attempts, backoff 200 ms doubling to 5 s). */
  readonly retry?: RetryOptions;
  /**
   * Clock synchronisation (default on: before the first signed request, every 10 minutes, and once
   * after a -1021). `false` keeps the offset at 0 unless `time.sync()` is called, and a -1021 is then
   * thrown without a resend.
   */
  readonly timeSync?: TimeSyncConfig | false;
  /** Uniform random numbers in [0, 1) for backoff jitter (default `Math.random`). */
  readonly random?: () => number;
  /** Structured events (responses, retries, waits, clock syncs); see {@link ClientEvent}. */
  readonly onEvent?: (event: ClientEvent) => void;
  /** A logger for retries, resyncs and failed syncs (warn), waits (info) and responses (debug). */
  readonly logger?: Logger;
}

/** The client's view of the server clock. */
export interface ClientTime {
  /** Estimated `serverTime − localTime`, ms. */
  offset(): number;
  /** Estimated server time, ms. */
  now(): number;
  /** Synchronises now (and starts the refresh schedule). */
  sync(): Promise<TimeSyncResult>;
  /** How the offset has moved between synchronisations. */
  drift(): TimeDrift;
}

/** What every client has, before decorators add actions. */
export interface BaseClient {
  readonly env: Environment;
  readonly market: Market;
  /** `/fapi` or `/dapi`. */
  readonly apiPrefix: '/fapi' | '/dapi';
  /** REST, stream and WebSocket API URLs; undefined for a local client with an in-process transport and no `baseUrl`. */
  readonly urls: EnvironmentUrls | undefined;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly governor: RateGovernor;
  readonly recvWindow: number;
  readonly timeoutMs: number;
  /** The signature scheme of the credentials, when there are credentials. */
  readonly keyType: KeyType | undefined;
  readonly time: ClientTime;
  /** Sends one call through the request pipeline (signing, rate governor, transport, errors). Actions use it. */
  request<T = unknown>(call: RequestCall): Promise<T>;
  /** Stops the clock-sync schedule and closes the transport the client created. Later requests reject. */
  close(): Promise<void>;
}

/** A client: the base plus what decorators added, and `extend` to add more. */
export type Client<Extended extends object = object> = BaseClient &
  Extended & {
    /**
     * Adds members (usually actions bound to this client). Existing members cannot be replaced.
     *
     * @example
     * const client = createClient({ env: 'testnet' }).extend(usdmActions);
     */
    extend<Added extends object>(decorator: (client: Client<Extended>) => Added): Client<Extended & Added>;
  };

const DEFAULT_RECV_WINDOW = 5000;
const DEFAULT_TIMEOUT_MS = 10_000;
const USER_AGENT = 'basis-sdk/0.1.0';

function requireFinitePositive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new ClientConfigError(`${name} must be a positive integer (ms), got ${String(value)}.`);
  }
  return value;
}

function createClientSigner(credentials: ClientCredentials | undefined): Signer | undefined {
  if (credentials === undefined) return undefined;
  if (typeof credentials.apiKey !== 'string' || credentials.apiKey === '') {
    throw new ClientConfigError('credentials.apiKey must be a non-empty string.');
  }
  return createSigner(credentials);
}

function resolveUrls(config: ClientConfig, market: Market): EnvironmentUrls | undefined {
  if (config.env === 'local') {
    const base = config.baseUrl ?? config.transport?.baseUrl;
    if (base !== undefined) return localUrls(base, market);
    if (config.transport === undefined) {
      throw new ClientConfigError(
        "env 'local' needs a baseUrl (the local exchange's restUrl) or an in-process transport.",
        {
          metaMessages: [
            "createClient({ env: 'local', baseUrl: restUrl }) after `const { restUrl } = await exchange.listen()`,",
            "or createClient({ env: 'local', transport: inProcess({ handler: exchange }) }).",
          ],
        },
      );
    }
    return undefined;
  }
  const remote = environmentUrls(config.env, market);
  return config.baseUrl === undefined ? remote : { ...remote, rest: config.baseUrl.replace(/\/+$/, '') };
}

function guardProduction(
  env: Environment,
  urls: EnvironmentUrls | undefined,
  transport: Transport | undefined,
): void {
  if (env === 'production') return;
  for (const url of [urls?.rest, urls?.stream, urls?.wsApi, transport?.baseUrl]) {
    if (url !== undefined && isProductionUrl(url)) {
      throw new ClientConfigError(`A Binance production URL was given for env '${env}'.`, {
        metaMessages: ["Production is used only when named: pass env: 'production'."],
      });
    }
  }
}

/** Adds `extend` (viem's pattern): each call returns a new object; base members always win. */
function withExtend<Extended extends object>(client: BaseClient & Extended): Client<Extended> {
  const full = client as Client<Extended>;
  const extend = <Added extends object>(decorator: (client: Client<Extended>) => Added) => {
    const added = decorator(full);
    return withExtend<Extended & Added>({ ...added, ...client } as BaseClient & Extended & Added);
  };
  return Object.assign(full, { extend });
}

/**
 * Creates a client: a plain object holding configuration, a transport, a rate governor and a
 * server-clock estimate, with `request` (the pipeline every action calls) and `extend` (to bind
 * actions as methods, as in viem).
 *
 * Nothing happens at creation: no request, no timer. The clock is synchronised before the first
 * signed request and then every 10 minutes (an unref'ed timer, cleared by `close()`).
 *
 * @throws InvalidEnvironmentError for an unknown `env`.
 * @throws ClientConfigError for a `local` client without `baseUrl` or in-process transport, a Binance
 *   production URL under another environment, a bad `recvWindow`/`timeoutMs`, an empty API key.
 * @throws InvalidSigningKeyError (from core) for credentials that cannot sign.
 *
 * @example
 * import { createClient, usdmActions } from '@basis/sdk';
 *
 * const client = createClient({
 *   env: 'testnet',
 *   credentials: { apiKey: process.env.KEY!, apiSecret: process.env.SECRET! },
 * }).extend(usdmActions);
 * const { serverTime } = await client.getServerTime();
 */
export function createClient(config: ClientConfig): Client {
  if (!isEnvironment(config.env)) {
    throw new InvalidEnvironmentError({ value: String(config.env), allowed: environments });
  }
  const market = config.market ?? 'usdm';
  if (!isMarket(market))
    throw new ClientConfigError(`Unknown market '${String(market)}'; expected 'usdm' or 'coinm'.`);
  const recvWindow = requireFinitePositive('recvWindow', config.recvWindow, DEFAULT_RECV_WINDOW);
  const timeoutMs = requireFinitePositive('timeoutMs', config.timeoutMs, DEFAULT_TIMEOUT_MS);
  const urls = resolveUrls(config, market);
  guardProduction(config.env, urls, config.transport);
  const signer = createClientSigner(config.credentials);

  const clock = config.clock ?? createLiveClock();
  const ownTransport = config.transport === undefined;
  // resolveUrls returned URLs whenever no transport was given.
  const transport = config.transport ?? http({ ...config.http, baseUrl: urls!.rest, clock });
  const governor = config.governor ?? createRateGovernor({ market, clock });
  const { logger, onEvent } = config;

  const emit = (event: ClientEvent): void => {
    try {
      onEvent?.(event);
      switch (event.type) {
        case 'retry':
          logger?.warn?.(
            `basis: retrying ${event.method} ${event.path} in ${event.delayMs} ms after ${event.reason}`,
          );
          break;
        case 'clockResync':
          logger?.warn?.(
            `basis: -1021 on ${event.method} ${event.path}; clock offset ${event.offsetBeforeMs} ms → ${event.offsetAfterMs} ms`,
          );
          break;
        case 'timeSyncFailed':
          logger?.warn?.('basis: clock synchronisation failed', { error: event.error });
          break;
        case 'rateLimitWait':
          logger?.info?.(
            `basis: waited ${event.waitedMs} ms for rate budget before ${event.method} ${event.path}`,
          );
          break;
        case 'timeSync':
          logger?.debug?.(`basis: clock offset ${event.offsetMs} ms (rtt ${event.rttMs} ms)`);
          break;
        case 'response':
          logger?.debug?.(`basis: ${event.method} ${event.path} → ${event.status} in ${event.durationMs} ms`);
          break;
      }
    } catch {
      // A failing listener must not fail the request.
    }
  };

  let closed = false;
  const timeSyncConfig = config.timeSync === false ? undefined : (config.timeSync ?? {});
  const apiKey = config.credentials?.apiKey;
  const secrets = [
    apiKey,
    config.credentials !== undefined && 'apiSecret' in config.credentials
      ? config.credentials.apiSecret
      : undefined,
  ].filter((value): value is string => typeof value === 'string' && value !== '');

  // The time sync samples `/time` through the pipeline, and the pipeline reads the time sync's offset.
  const time = createTimeSync({
    clock,
    sample: async () => {
      const result = await pipeline.perform<ServerTime>({
        method: 'GET',
        path: `${apiPrefix(market)}/v1/time`,
        security: 'NONE',
        weight: 1,
        kind: 'read',
      });
      return {
        serverTime: Number(result.data.serverTime),
        sentAt: result.sentAt,
        receivedAt: result.receivedAt,
      };
    },
    ...(timeSyncConfig?.samples === undefined ? {} : { samples: timeSyncConfig.samples }),
    intervalMs: timeSyncConfig === undefined ? false : (timeSyncConfig.intervalMs ?? 10 * 60_000),
    onSync: (result) =>
      emit({ type: 'timeSync', offsetMs: result.offsetMs, rttMs: result.rttMs, samples: result.samples }),
    onError: (error) => emit({ type: 'timeSyncFailed', error }),
  });

  const pipeline = createPipeline({
    market,
    transport,
    clock,
    governor,
    time,
    autoSync: timeSyncConfig !== undefined,
    signer,
    // A tag for the account's ORDERS budget in a shared governor: derived from the key, not the key.
    account: apiKey === undefined ? undefined : accountTag(apiKey),
    secrets,
    recvWindow,
    timeoutMs,
    retry: retryPolicy(config.retry),
    random: config.random ?? Math.random,
    userAgent: USER_AGENT,
    emit,
    isClosed: () => closed,
  });

  const base: BaseClient = {
    env: config.env,
    market,
    apiPrefix: apiPrefix(market),
    urls,
    transport,
    clock,
    governor,
    recvWindow,
    timeoutMs,
    keyType: signer?.keyType,
    time: {
      offset: () => time.offset(),
      now: () => time.now(),
      sync: () => time.sync(),
      drift: () => time.drift(),
    },
    request: (call) => pipeline.request(call),
    async close() {
      if (closed) return;
      closed = true;
      time.stop();
      if (ownTransport) await transport.close?.();
    },
  };
  return withExtend<object>(base);
}
