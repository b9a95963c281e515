import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ClientConfigError, InvalidEnvironmentError } from '../errors/config.js';
import type { Transport } from '../transports/transport.js';
import { clientFromEnv } from './clientFromEnv.js';
import { createClient } from './createClient.js';
import {
  type Environment,
  environments,
  environmentUrls,
  isProductionUrl,
  localUrls,
  markets,
} from './environments.js';

const PRODUCTION_URLS = [
  'https://fapi.binance.com',
  'https://dapi.binance.com',
  'https://FAPI.Binance.com/',
  'https://fapi.binance.com.',
  'http://fapi.binance.com:443/fapi',
  'wss://fstream.binance.com',
  'wss://ws-fapi.binance.com/ws-fapi/v1',
  'https://binance.com',
  'https://fapi-mm.binance.com',
];

describe('environments', () => {
  test('default: Binance URLs per environment and market', () => {
    expect(environments).toEqual(['local', 'testnet', 'demo', 'production']);
    expect({
      production: environmentUrls('production', 'usdm'),
      productionCoinm: environmentUrls('production', 'coinm'),
      testnet: environmentUrls('testnet', 'usdm'),
      testnetCoinm: environmentUrls('testnet', 'coinm'),
      demo: environmentUrls('demo', 'usdm'),
      demoCoinm: environmentUrls('demo', 'coinm'),
    }).toMatchInlineSnapshot(`
      {
        "demo": {
          "rest": "https://demo-fapi.binance.com",
          "stream": "wss://fstream.binancefuture.com",
          "wsApi": "wss://testnet.binancefuture.com/ws-fapi/v1",
        },
        "demoCoinm": {
          "rest": "https://demo-dapi.binance.com",
          "stream": "wss://dstream.binancefuture.com",
          "wsApi": "wss://testnet.binancefuture.com/ws-dapi/v1",
        },
        "production": {
          "rest": "https://fapi.binance.com",
          "stream": "wss://fstream.binance.com",
          "wsApi": "wss://ws-fapi.binance.com/ws-fapi/v1",
        },
        "productionCoinm": {
          "rest": "https://dapi.binance.com",
          "stream": "wss://dstream.binance.com",
          "wsApi": "wss://ws-dapi.binance.com/ws-dapi/v1",
        },
        "testnet": {
          "rest": "https://testnet.binancefuture.com",
          "stream": "wss://fstream.binancefuture.com",
          "wsApi": "wss://testnet.binancefuture.com/ws-fapi/v1",
        },
        "testnetCoinm": {
          "rest": "https://testnet.binancefuture.com",
          "stream": "wss://dstream.binancefuture.com",
          "wsApi": "wss://testnet.binancefuture.com/ws-dapi/v1",
        },
      }
    `);
    expect(localUrls('http://127.0.0.1:4000/')).toEqual({
      rest: 'http://127.0.0.1:4000',
      stream: 'ws://127.0.0.1:4000',
      wsApi: 'ws://127.0.0.1:4000/ws-fapi/v1',
    });
    expect(localUrls('http://127.0.0.1:4000', 'coinm')).toEqual({
      rest: 'http://127.0.0.1:4000',
      stream: 'ws://127.0.0.1:4000/dstream',
      wsApi: 'ws://127.0.0.1:4000/ws-dapi/v1',
    });
  });

  test('behavior: production URLs are recognised; testnet and demo are not production', () => {
    for (const url of PRODUCTION_URLS) expect(isProductionUrl(url), url).toBe(true);
    for (const env of ['testnet', 'demo'] as const) {
      for (const market of markets) {
        for (const url of Object.values(environmentUrls(env, market)))
          expect(isProductionUrl(url), url).toBe(false);
      }
    }
    expect(isProductionUrl('http://127.0.0.1:4000')).toBe(false);
    expect(isProductionUrl('https://notbinance.com')).toBe(false);
  });

  test('behavior: no code path reaches a production URL unless env is production', () => {
    const nonProduction = fc.constantFrom<Environment>('local', 'testnet', 'demo');
    const url = fc.oneof(
      fc.constantFrom(
        ...PRODUCTION_URLS,
        'https://demo-fapi.binance.com',
        'https://testnet.binancefuture.com',
      ),
      fc.webUrl(),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        nonProduction,
        fc.constantFrom(...markets),
        url,
        url,
        (env, market, baseUrl, transportUrl) => {
          const sent: string[] = [];
          const transport: Transport | undefined =
            transportUrl === undefined
              ? undefined
              : {
                  kind: 'fake',
                  baseUrl: transportUrl,
                  request: async (request) => {
                    sent.push(`${transportUrl}${request.path}`);
                    return { status: 200, headers: {}, body: '{}' };
                  },
                };
          let client: ReturnType<typeof createClient> | undefined;
          try {
            client = createClient({
              env,
              market,
              ...(baseUrl === undefined ? {} : { baseUrl }),
              ...(transport === undefined ? {} : { transport }),
            });
          } catch (error) {
            // Refusing is always allowed; it must be a configuration error.
            expect(error).toBeInstanceOf(ClientConfigError);
            return;
          }
          const urls = [client.urls?.rest, client.urls?.stream, client.urls?.wsApi, client.transport.baseUrl];
          for (const u of urls) if (u !== undefined) expect(isProductionUrl(u), `${env} ${u}`).toBe(false);
          void client.close();
        },
      ),
      { numRuns: 300 },
    );
  });

  test('behavior: from the environment, only BASIS_ENV=production selects production', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('Production', 'PRODUCTION', 'prod', ' production ', 'live', ''),
        ),
        (value) => {
          let client: ReturnType<typeof clientFromEnv> | undefined;
          try {
            client = clientFromEnv({ BASIS_ENV: value, BASIS_BASE_URL: 'http://127.0.0.1:1' });
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidEnvironmentError);
            return;
          }
          if (client.env === 'production') expect(value.trim()).toBe('production');
          else expect(client.urls?.rest === undefined || !isProductionUrl(client.urls.rest)).toBe(true);
          void client.close();
        },
      ),
      { numRuns: 300 },
    );
  });
});
