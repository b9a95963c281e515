import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ClientConfigError, InvalidEnvironmentError } from '../errors/config.js';
import { clientFromEnv, configFromEnv, environmentFromEnv } from './clientFromEnv.js';

const dir = mkdtempSync(join(tmpdir(), 'basis-sdk-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOCAL = { BASIS_BASE_URL: 'http://127.0.0.1:4000' };

describe('clientFromEnv', () => {
  test('default: BASIS_ENV unset is local; never production', async () => {
    expect(environmentFromEnv({})).toBe('local');
    expect(environmentFromEnv({ BASIS_ENV: '' })).toBe('local');
    expect(environmentFromEnv({ BASIS_ENV: '  ' })).toBe('local');
    const client = clientFromEnv(LOCAL);
    expect(client).toMatchObject({ env: 'local', market: 'usdm', urls: { rest: 'http://127.0.0.1:4000' } });
    expect(client.keyType).toBeUndefined();
    await client.close();
  });

  test('behavior: local without BASIS_BASE_URL asks for one', () => {
    expect(() => clientFromEnv({})).toThrow(ClientConfigError);
  });

  test('behavior: production only when written out', async () => {
    expect(environmentFromEnv({ BASIS_ENV: 'production' })).toBe('production');
    const client = clientFromEnv({ BASIS_ENV: 'production' });
    expect(client.urls?.rest).toBe('https://fapi.binance.com');
    await client.close();
    for (const value of ['prod', 'Production', 'PRODUCTION', 'live', 'mainnet', 'productio']) {
      expect(() => environmentFromEnv({ BASIS_ENV: value })).toThrow(InvalidEnvironmentError);
    }
  });

  test('behavior: an unknown environment names the allowed values', () => {
    let error: unknown;
    try {
      clientFromEnv({ BASIS_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    expect(error).toMatchObject({ value: 'staging', allowed: ['local', 'testnet', 'demo', 'production'] });
    expect((error as Error).message).toContain("expected one of 'local', 'testnet', 'demo', 'production'");
  });

  test('behavior: BASIS_PROXY is the default proxy of the REST transport; http options given win', () => {
    const proxy = 'http://trader:hunter2@127.0.0.1:3128';
    expect(configFromEnv({ ...LOCAL, BASIS_PROXY: proxy }).http).toEqual({ proxy });
    expect(configFromEnv({ ...LOCAL, BASIS_PROXY: ' ' }).http).toBeUndefined();
    expect(configFromEnv({ ...LOCAL, BASIS_PROXY: proxy }, { http: { connections: 4 } }).http).toEqual({
      proxy,
      connections: 4,
    });
    const other = 'http://127.0.0.1:8888';
    expect(configFromEnv({ ...LOCAL, BASIS_PROXY: proxy }, { http: { proxy: other } }).http).toEqual({
      proxy: other,
    });
    // A bad one is refused when the client is made, without printing its password.
    expect(() => clientFromEnv({ ...LOCAL, BASIS_PROXY: 'socks5://trader:hunter2@127.0.0.1:1080' })).toThrow(
      /^(?!.*hunter2).*must be http: or https:/s,
    );
  });

  test('behavior: HMAC credentials, market and base URL', async () => {
    const config = configFromEnv({
      BASIS_ENV: 'testnet',
      BASIS_MARKET: 'coinm',
      BASIS_API_KEY: 'key',
      BASIS_API_SECRET: 'secret',
      BASIS_BASE_URL: 'http://127.0.0.1:9/',
    });
    expect(config).toEqual({
      env: 'testnet',
      market: 'coinm',
      baseUrl: 'http://127.0.0.1:9/',
      credentials: { apiKey: 'key', apiSecret: 'secret' },
    });
    const client = clientFromEnv({ BASIS_ENV: 'demo', BASIS_API_KEY: 'key', BASIS_API_SECRET: 'secret' });
    expect(client).toMatchObject({
      env: 'demo',
      keyType: 'HMAC',
      urls: { rest: 'https://demo-fapi.binance.com' },
    });
    await client.close();
    expect(() => configFromEnv({ BASIS_MARKET: 'spot' })).toThrow(/BASIS_MARKET/);
  });

  test('behavior: a private key file (Ed25519), with an optional passphrase', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = join(dir, 'ed25519.pem');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const client = clientFromEnv({ ...LOCAL, BASIS_API_KEY: 'key', BASIS_PRIVATE_KEY_FILE: file });
    expect(client.keyType).toBe('ED25519');
    await client.close();

    const encrypted = join(dir, 'rsa.pem');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(
      encrypted,
      rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }),
    );
    const rsaClient = clientFromEnv({
      ...LOCAL,
      BASIS_API_KEY: 'key',
      BASIS_PRIVATE_KEY_FILE: encrypted,
      BASIS_PRIVATE_KEY_PASSPHRASE: 'pw',
    });
    expect(rsaClient.keyType).toBe('RSA');
    await rsaClient.close();
  });

  test('behavior: credentials are all or nothing', () => {
    expect(() => configFromEnv({ BASIS_API_KEY: 'key' })).toThrow(/without BASIS_API_SECRET/);
    expect(() => configFromEnv({ BASIS_API_SECRET: 'secret' })).toThrow(/without BASIS_API_KEY/);
    expect(() =>
      configFromEnv({ BASIS_API_KEY: 'key', BASIS_API_SECRET: 'secret', BASIS_PRIVATE_KEY_FILE: '/x' }),
    ).toThrow(/not both/);
    const missing = join(dir, 'missing.pem');
    let error: unknown;
    try {
      configFromEnv({ BASIS_API_KEY: 'key', BASIS_PRIVATE_KEY_FILE: missing });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClientConfigError);
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
  });

  test('behavior: overrides win', async () => {
    const client = clientFromEnv(
      { BASIS_ENV: 'testnet' },
      { env: 'local', baseUrl: 'http://127.0.0.1:1', recvWindow: 9000 },
    );
    expect(client).toMatchObject({ env: 'local', recvWindow: 9000 });
    await client.close();
  });
});
