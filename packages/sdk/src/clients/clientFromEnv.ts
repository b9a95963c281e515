import { ClientConfigError, InvalidEnvironmentError } from '../errors/config.js';
import { type Client, type ClientConfig, type ClientCredentials, createClient } from './createClient.js';
import {
  type Environment,
  environments,
  isEnvironment,
  isMarket,
  type Market,
  markets,
} from './environments.js';

/** The environment variables {@link clientFromEnv} reads. */
export interface BasisEnv {
  /** `local` (default), `testnet`, `demo` or `production`. Production only when written out. */
  readonly BASIS_ENV?: string | undefined;
  /** `usdm` (default) or `coinm`. */
  readonly BASIS_MARKET?: string | undefined;
  readonly BASIS_API_KEY?: string | undefined;
  /** HMAC secret (with `BASIS_API_KEY`). */
  readonly BASIS_API_SECRET?: string | undefined;
  /** Path of an Ed25519 or RSA private key (PKCS#8 PEM), instead of `BASIS_API_SECRET`. */
  readonly BASIS_PRIVATE_KEY_FILE?: string | undefined;
  /** Passphrase of an encrypted private key file. */
  readonly BASIS_PRIVATE_KEY_PASSPHRASE?: string | undefined;
  /** REST base URL (required for `local`: the local exchange's `restUrl`). */
  readonly BASIS_BASE_URL?: string | undefined;
  /** HTTP(S) proxy of the REST transport, `http://user:pass@host:port`: the default `http.proxy`. */
  readonly BASIS_PROXY?: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * The environment named by `BASIS_ENV`: `local` when unset or empty, otherwise exactly one of the
 * four names. Nothing else ever selects production: not a typo, not a case variant, not a default.
 *
 * @throws InvalidEnvironmentError naming the allowed values.
 */
export function environmentFromEnv(env: BasisEnv): Environment {
  const value = nonEmpty(env.BASIS_ENV);
  if (value === undefined) return 'local';
  if (!isEnvironment(value))
    throw new InvalidEnvironmentError({ value, allowed: environments, source: 'BASIS_ENV' });
  return value;
}

function marketFromEnv(env: BasisEnv): Market | undefined {
  const value = nonEmpty(env.BASIS_MARKET);
  if (value === undefined) return undefined;
  if (!isMarket(value)) {
    throw new ClientConfigError(
      `Unknown market '${value}' in BASIS_MARKET; expected one of ${markets.map((m) => `'${m}'`).join(', ')}.`,
    );
  }
  return value;
}

function credentialsFromEnv(env: BasisEnv): ClientCredentials | undefined {
  const apiKey = nonEmpty(env.BASIS_API_KEY);
  const apiSecret = nonEmpty(env.BASIS_API_SECRET);
  const keyFile = nonEmpty(env.BASIS_PRIVATE_KEY_FILE);
  if (apiSecret !== undefined && keyFile !== undefined) {
    throw new ClientConfigError(
      'Set BASIS_API_SECRET (HMAC) or BASIS_PRIVATE_KEY_FILE (Ed25519/RSA), not both.',
    );
  }
  if (apiKey === undefined) {
    if (apiSecret !== undefined || keyFile !== undefined) {
      throw new ClientConfigError('BASIS_API_SECRET or BASIS_PRIVATE_KEY_FILE is set without BASIS_API_KEY.');
    }
    return undefined;
  }
  if (apiSecret !== undefined) return { apiKey, apiSecret };
  if (keyFile === undefined) {
    throw new ClientConfigError('BASIS_API_KEY is set without BASIS_API_SECRET or BASIS_PRIVATE_KEY_FILE.');
  }
  let privateKey: string;
  try {
    // `node:fs` is loaded here rather than imported: importing it (building its ES module facade) took
    // about 2 ms of a cold `import('@basis/sdk')`.
    privateKey = process.getBuiltinModule('node:fs').readFileSync(keyFile, 'utf8');
  } catch (cause) {
    throw new ClientConfigError(`Cannot read BASIS_PRIVATE_KEY_FILE '${keyFile}'.`, { cause });
  }
  const passphrase = env.BASIS_PRIVATE_KEY_PASSPHRASE;
  return passphrase === undefined || passphrase === ''
    ? { apiKey, privateKey }
    : { apiKey, privateKey, privateKeyPassphrase: passphrase };
}

/**
 * Reads a client configuration from environment variables (see {@link BasisEnv}).
 *
 * `BASIS_ENV` selects the environment: unset or empty is `local`; `production` is used only when
 * `BASIS_ENV=production` is set explicitly (or `overrides.env` says so), never as a fallback. An
 * unknown value is an `InvalidEnvironmentError`. Credentials are all-or-nothing: an API key with
 * exactly one of a secret or a private key file.
 *
 * @throws InvalidEnvironmentError, ClientConfigError as described; an unreadable key file is a
 *   `ClientConfigError` whose cause is the file system's error.
 */
export function configFromEnv(
  env: BasisEnv = process.env,
  overrides: Partial<ClientConfig> = {},
): ClientConfig {
  const environment = environmentFromEnv(env);
  const market = marketFromEnv(env);
  const baseUrl = nonEmpty(env.BASIS_BASE_URL);
  const proxy = nonEmpty(env.BASIS_PROXY);
  const credentials = credentialsFromEnv(env);
  return {
    env: environment,
    ...(market === undefined ? {} : { market }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(credentials === undefined ? {} : { credentials }),
    ...overrides,
    // BASIS_PROXY under the http options given, which win field by field.
    ...(proxy === undefined ? {} : { http: { proxy, ...overrides.http } }),
  };
}

/**
 * Creates a client from environment variables ({@link configFromEnv}), `overrides` winning.
 *
 * @example
 * // BASIS_ENV=testnet BASIS_API_KEY=... BASIS_API_SECRET=... node bot.js
 * const client = clientFromEnv().extend(usdmActions);
 */
export function clientFromEnv(env: BasisEnv = process.env, overrides: Partial<ClientConfig> = {}): Client {
  return createClient(configFromEnv(env, overrides));
}
