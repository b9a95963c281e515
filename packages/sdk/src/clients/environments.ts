import { type BinanceMarket, binanceMarkets } from '@basis/core';

/**
 * Where a client trades: `local` (a Basis exchange on your machine: no keys, no network beyond
 * loopback), Binance's `testnet` and `demo` (real prices, simulated fills), and `production`.
 *
 * Production is never a default and never a fallback: it is used only when named.
 */
export const environments = ['local', 'testnet', 'demo', 'production'] as const;

/** One of {@link environments}. */
export type Environment = (typeof environments)[number];

/** The futures markets: USD-M (`/fapi`) and COIN-M (`/dapi`). */
export const markets = binanceMarkets;

/** One of {@link markets}. */
export type Market = BinanceMarket;

/** The endpoints of one environment and market. */
export interface EnvironmentUrls {
  /** REST base URL. */
  readonly rest: string;
  /** Market streams (and the user-data stream) base URL. */
  readonly stream: string;
  /** WebSocket API URL. */
  readonly wsApi: string;
}

/**
 * Binance's URLs per remote environment and market (reference §1). `[U]` marks URLs that only
 * third-party SDKs document.
 */
const REMOTE: Readonly<Record<Exclude<Environment, 'local'>, Readonly<Record<Market, EnvironmentUrls>>>> = {
  production: {
    usdm: {
      rest: 'https://fapi.binance.com',
      stream: 'wss://fstream.binance.com',
      wsApi: 'wss://ws-fapi.binance.com/ws-fapi/v1',
    },
    coinm: {
      rest: 'https://dapi.binance.com',
      stream: 'wss://dstream.binance.com',
      wsApi: 'wss://ws-dapi.binance.com/ws-dapi/v1',
    },
  },
  testnet: {
    usdm: {
      rest: 'https://testnet.binancefuture.com',
      stream: 'wss://fstream.binancefuture.com',
      wsApi: 'wss://testnet.binancefuture.com/ws-fapi/v1',
    },
    coinm: {
      rest: 'https://testnet.binancefuture.com',
      stream: 'wss://dstream.binancefuture.com',
      wsApi: 'wss://testnet.binancefuture.com/ws-dapi/v1',
    },
  },
  demo: {
    usdm: {
      rest: 'https://demo-fapi.binance.com',
      // [U] streams and WS API of demo trading: as testnet, per tiagosiebler/binance.
      stream: 'wss://fstream.binancefuture.com',
      wsApi: 'wss://testnet.binancefuture.com/ws-fapi/v1',
    },
    coinm: {
      // [U] COIN-M demo REST: tiagosiebler/binance only.
      rest: 'https://demo-dapi.binance.com',
      stream: 'wss://dstream.binancefuture.com',
      wsApi: 'wss://testnet.binancefuture.com/ws-dapi/v1',
    },
  },
};

/** The REST path prefix of a market: `/fapi` (USD-M) or `/dapi` (COIN-M). */
export function apiPrefix(market: Market): '/fapi' | '/dapi' {
  return market === 'coinm' ? '/dapi' : '/fapi';
}

/** Whether `value` is one of {@link environments}. */
export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'string' && (environments as readonly string[]).includes(value);
}

/** Whether `value` is one of {@link markets}. */
export function isMarket(value: unknown): value is Market {
  return typeof value === 'string' && (markets as readonly string[]).includes(value);
}

/**
 * The URLs of a local exchange from its REST base URL: streams and the WebSocket API on the same
 * host and port (`ws://`), as `basis exchange` serves them; COIN-M's streams under `/dstream` (Binance
 * gives them a host of their own, `dstream.binance.com`).
 */
export function localUrls(restUrl: string, market: Market = 'usdm'): EnvironmentUrls {
  const rest = restUrl.replace(/\/+$/, '');
  const ws = rest.replace(/^http/i, 'ws');
  return market === 'coinm'
    ? { rest, stream: `${ws}/dstream`, wsApi: `${ws}/ws-dapi/v1` }
    : { rest, stream: ws, wsApi: `${ws}/ws-fapi/v1` };
}

/**
 * Binance's URLs for a remote environment and market.
 *
 * @example
 * environmentUrls('testnet', 'usdm').rest; // 'https://testnet.binancefuture.com'
 */
export function environmentUrls(
  env: Exclude<Environment, 'local'>,
  market: Market = 'usdm',
): EnvironmentUrls {
  return REMOTE[env][market];
}

/** Binance's demo-trading REST hosts: on binance.com, but not production. */
const DEMO_HOSTS = new Set(['demo-fapi.binance.com', 'demo-dapi.binance.com']);

/**
 * Whether a URL points at Binance production: any host under `binance.com` except the demo-trading
 * hosts. Used to refuse a production URL under any environment but `production`.
 */
export function isProductionUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  if (DEMO_HOSTS.has(host)) return false;
  return host === 'binance.com' || host.endsWith('.binance.com');
}
