import { productOfSymbol } from '@basis/bot';
import { BasisError } from '@basis/core';
import {
  type BasisEnv,
  type ClientConfig,
  ClientConfigError,
  type CoinmActions,
  coinmActions,
  configFromEnv,
  createClient,
  type Environment,
  environmentFromEnv,
  environments,
  InvalidEnvironmentError,
  isProductionUrl,
  type Market,
  NetworkError,
  redactProxyUrl,
  type Client as SdkClient,
  TimeoutError,
  type UsdmActions,
  usdmActions,
} from '@basis/sdk';
import { CliUsageError } from './cliError.js';
import type { CommandIo, FlagSpecs } from './command.js';

/** A USD-M client with every REST action bound. */
export type UsdmClient = SdkClient<UsdmActions>;
/** A COIN-M client with every REST action bound. */
export type CoinmClient = SdkClient<CoinmActions>;
/** A USD-M or COIN-M client with every REST action of its market bound (most names match). */
export type TradingClient = UsdmClient | CoinmClient;

/**
 * The one call that differs between the markets (`getAccountV3` vs `getAccount`, or a generic
 * `newOrder` whose two signatures TypeScript cannot unite): `calls[client.market]` on the client.
 */
export function perMarket<T>(
  client: TradingClient,
  calls: { readonly usdm: (client: UsdmClient) => T; readonly coinm: (client: CoinmClient) => T },
): T {
  return client.market === 'coinm' ? calls.coinm(client as CoinmClient) : calls.usdm(client as UsdmClient);
}

/** The proxy flag: REST and WebSockets through an HTTP(S) proxy (CONNECT tunnels). */
export const PROXY_FLAG = {
  proxy: {
    type: 'string',
    valueName: 'URL',
    description:
      'HTTP(S) proxy for REST and WebSockets, http://user:pass@host:port (default: BASIS_PROXY); its password is never printed',
  },
} as const satisfies FlagSpecs;

/** The flags of every command that talks to an exchange account. */
export const CLIENT_FLAGS = {
  env: {
    type: 'string',
    valueName: 'ENV',
    description:
      'local, testnet, demo or production (default: BASIS_ENV, else local); production only when named here',
  },
  url: {
    type: 'string',
    valueName: 'URL',
    description: "REST URL of a local exchange (what 'basis exchange' prints; default: BASIS_BASE_URL)",
  },
  ...PROXY_FLAG,
} as const satisfies FlagSpecs;

/** The market flag of commands that may name no symbol (account, positions, orders, stream). */
export const MARKET_FLAG = {
  market: {
    type: 'string',
    valueName: 'MARKET',
    description: 'usdm or coinm (default: the market of the symbol given, else usdm)',
  },
} as const satisfies FlagSpecs;

/** What differs in output between the markets: the name, and the unit of quantities. */
export const MARKET_UNITS = {
  usdm: { name: 'USD-M', quantity: 'base asset' },
  coinm: { name: 'COIN-M', quantity: 'contracts' },
} as const satisfies Record<Market, { readonly name: string; readonly quantity: string }>;

/**
 * The market a command trades: the symbols' (`BTCUSD_PERP`, `BTCUSD_250627` → coinm), else
 * `--market`, else usdm. A `--market` that contradicts a symbol, or symbols of both markets, is a
 * usage error.
 */
export function marketOf(symbols: readonly (string | undefined)[], flag: string | undefined): Market {
  if (flag !== undefined && flag !== 'usdm' && flag !== 'coinm')
    throw new CliUsageError(`--market must be usdm or coinm; got ${flag}`);
  const named = symbols.filter((s): s is string => s !== undefined).map((s) => s.toUpperCase());
  const markets = new Set(named.map(productOfSymbol));
  if (markets.size > 1)
    throw new CliUsageError(
      `${named.join(', ')} mix USD-M and COIN-M symbols; name the symbols of one market at a time`,
    );
  const bySymbol = [...markets][0];
  if (bySymbol !== undefined && flag !== undefined && flag !== bySymbol)
    throw new CliUsageError(
      `${named.join(', ')} ${named.length === 1 ? 'is' : 'are'} ${MARKET_UNITS[bySymbol].name}, not --market ${flag}`,
    );
  return bySymbol ?? (flag as Market | undefined) ?? 'usdm';
}

/** The confirmation flag of commands that change state (orders, cancels, leverage). */
export const YES_FLAG = {
  yes: {
    type: 'boolean',
    short: 'y',
    default: false,
    description: 'confirm a state-changing request on --env production',
  },
} as const satisfies FlagSpecs;

/** Where a command sends its requests, as resolved from flags and environment variables. */
export interface Target {
  readonly env: Environment;
  /** The REST base URL given (`--url` or BASIS_BASE_URL); `undefined` for the environment's default. */
  readonly baseUrl: string | undefined;
  /** The futures market: USD-M (`/fapi`) or COIN-M (`/dapi`, quantities in contracts, balances in coin). */
  readonly market: Market;
  readonly config: ClientConfig;
}

/** The fields every trading command's `--json` document starts with: where it ran, and its units. */
export function targetJson(target: Target) {
  return {
    env: target.env,
    baseUrl: target.baseUrl ?? null,
    market: target.market,
    quantityUnit: MARKET_UNITS[target.market].quantity,
  };
}

const START_LOCAL =
  "start one with 'npx basis exchange' (it prints its REST URL, API key and secret), then pass --url <REST URL> or set BASIS_BASE_URL";

/**
 * Resolves the environment, URL and keys. Production is used only when `--env production` is on the
 * command line (BASIS_ENV=production alone is refused), and a state-changing command on production
 * needs `--yes` as well. Keys come from BASIS_API_KEY with BASIS_API_SECRET or BASIS_PRIVATE_KEY_FILE.
 */
export function resolveTarget(
  flags: {
    readonly env?: string | undefined;
    readonly url?: string | undefined;
    readonly proxy?: string | undefined;
    readonly yes?: boolean;
  },
  io: CommandIo,
  options: {
    readonly changesState: boolean;
    readonly action: string;
    readonly needsKeys?: boolean;
    /** The futures market the command trades (default `usdm`; `basis run` live on COIN-M symbols: `coinm`). */
    readonly market?: Market;
  },
): Target {
  let env: Environment;
  if (flags.env !== undefined) {
    if (!(environments as readonly string[]).includes(flags.env))
      throw new CliUsageError(`--env must be one of ${environments.join(', ')}; got ${flags.env}`);
    env = flags.env as Environment;
  } else {
    try {
      env = environmentFromEnv(io.env as BasisEnv);
    } catch (error) {
      if (error instanceof InvalidEnvironmentError)
        throw new CliUsageError(
          `BASIS_ENV must be one of ${environments.join(', ')}; got ${String(io.env.BASIS_ENV)}`,
        );
      throw error;
    }
    if (env === 'production')
      throw new CliUsageError(
        'BASIS_ENV=production is set, but production is used only when named on the command line: add --env production',
      );
  }
  if (env === 'production' && options.changesState && flags.yes !== true)
    throw new CliUsageError(
      `this would ${options.action} on Binance production with real funds: add --yes to confirm (or use --env testnet)`,
    );
  const wanted = options.market ?? 'usdm';
  const market = io.env.BASIS_MARKET?.trim();
  if (market !== undefined && market !== '' && market !== wanted)
    throw new CliUsageError(
      wanted === 'usdm'
        ? `these commands trade USD-M futures, but BASIS_MARKET=${market} is set: unset it or set it to usdm`
        : `this would ${options.action} on COIN-M futures, but BASIS_MARKET=${market} is set: unset it or set it to coinm`,
    );
  const url = flags.url ?? nonEmpty(io.env.BASIS_BASE_URL);
  if (url !== undefined) {
    if (!/^https?:\/\/[^\s/]+/.test(url))
      throw new CliUsageError(`--url must be an http(s) URL such as http://127.0.0.1:8080; got ${url}`);
    if (env !== 'production' && isProductionUrl(url))
      throw new CliUsageError(`${url} is Binance production; production is used only with --env production`);
  }
  if (env === 'local' && url === undefined)
    throw new CliUsageError(`--env local needs the URL of a running local exchange: ${START_LOCAL}`);
  const proxy = flags.proxy ?? nonEmpty(io.env.BASIS_PROXY);
  if (proxy !== undefined && !/^https?:\/\/[^\s/]+/.test(proxy))
    throw new CliUsageError(
      `${flags.proxy === undefined ? 'BASIS_PROXY' : '--proxy'} must be an http(s) URL such as http://user:pass@127.0.0.1:3128; got ${redactProxyUrl(proxy)}`,
    );
  let config: ClientConfig;
  try {
    config = configFromEnv(io.env as BasisEnv, {
      env,
      market: wanted,
      ...(url === undefined ? {} : { baseUrl: url.replace(/\/+$/, '') }),
      ...(flags.proxy === undefined ? {} : { http: { proxy: flags.proxy } }),
    });
  } catch (error) {
    if (error instanceof ClientConfigError || error instanceof InvalidEnvironmentError)
      throw new CliUsageError(`${error.shortMessage} ${keysHint(env)}`);
    throw error;
  }
  if (config.credentials === undefined && options.needsKeys !== false)
    throw new CliUsageError(
      `no API key: set BASIS_API_KEY with BASIS_API_SECRET (HMAC) or BASIS_PRIVATE_KEY_FILE (Ed25519/RSA). ${keysHint(env)}`,
    );
  return { env, baseUrl: url, market: wanted, config };
}

function keysHint(env: Environment): string {
  switch (env) {
    case 'local':
      return "For a local exchange, use the key and secret 'basis exchange' printed.";
    case 'testnet':
      return 'Testnet keys come from https://testnet.binancefuture.com (API Key tab).';
    case 'demo':
      return 'Demo keys come from https://demo.binance.com (API Management).';
    case 'production':
      return 'Production keys come from your Binance account (API Management); enable futures on the key.';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Creates the client of the target's market (USD-M or COIN-M actions bound), runs `work` and closes
 * the client; SDK errors become one readable paragraph.
 */
export function withClient<T>(target: Target, work: (client: TradingClient) => Promise<T>): Promise<T> {
  return withCreatedClient<TradingClient, T>(
    target,
    (config) =>
      target.market === 'coinm'
        ? createClient(config).extend(coinmActions)
        : createClient(config).extend(usdmActions),
    work,
  );
}

/**
 * {@link withClient} with a client of the target's market (USD-M or COIN-M) and no actions bound:
 * for code that calls the SDK's actions itself (`runLive`).
 */
export function withMarketClient<T>(target: Target, work: (client: SdkClient) => Promise<T>): Promise<T> {
  return withCreatedClient(target, (config) => createClient(config), work);
}

async function withCreatedClient<C extends SdkClient, T>(
  target: Target,
  create: (config: ClientConfig) => C,
  work: (client: C) => Promise<T>,
): Promise<T> {
  let client: C;
  try {
    client = create(target.config);
  } catch (error) {
    if (error instanceof ClientConfigError) throw new CliUsageError(error.shortMessage);
    throw error;
  }
  try {
    return await work(client);
  } catch (error) {
    throw explain(error, target);
  } finally {
    await client.close();
  }
}

/** An SDK error as a short CLI message: its first line and meta lines, with a hint where one helps. */
export function explain(error: unknown, target: Target): unknown {
  if (!(error instanceof BasisError)) return error;
  const lines = [error.shortMessage, ...(error.metaMessages ?? []).map((line) => `  ${line}`)];
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    lines.push(
      target.env === 'local'
        ? `  Is the local exchange at ${target.baseUrl ?? '(no URL)'} running? If not, ${START_LOCAL}.`
        : `  Check the network connection to ${target.env}${target.baseUrl === undefined ? '' : ` (${target.baseUrl})`}.`,
    );
  }
  if (error.name === 'ApiKeyError' || error.name === 'InvalidSignatureError')
    lines.push(
      `  Check BASIS_API_KEY and BASIS_API_SECRET / BASIS_PRIVATE_KEY_FILE. ${keysHint(target.env)}`,
    );
  return new CommandFailure(lines.join('\n'), { cause: error });
}

/** A request failed (not a usage mistake): exit code 1, the message says what happened. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

/** Where the command talked to, for output: `local at http://127.0.0.1:8080`, `testnet`. */
export function describeTarget(target: Target): string {
  const where = target.baseUrl === undefined ? target.env : `${target.env} at ${target.baseUrl}`;
  return target.market === 'coinm' ? `${where} (COIN-M)` : where;
}
