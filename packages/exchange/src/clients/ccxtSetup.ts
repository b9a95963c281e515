import ccxt from 'ccxt';

/** A ccxt Binance futures client, USD-M or COIN-M, REST or pro. */
// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
export type CcxtClient = any;

/** An API key pair, as ccxt takes it. */
interface CcxtCredentials {
  readonly apiKey: string;
  readonly secret: string;
}

type Tree = string | number | boolean | null | undefined | Tree[] | { [key: string]: Tree };

/** Rewrites every http(s)/ws(s) URL of a ccxt URL tree to the local exchange, keeping the path. */
function localize(tree: Tree, httpBase: string, wsBase: string): Tree {
  if (typeof tree === 'string') {
    const m = tree.match(/^(https?|wss?):\/\/[^/]+(\/.*)?$/);
    return m === null ? tree : (m[1]!.startsWith('ws') ? wsBase : httpBase) + (m[2] ?? '');
  }
  if (Array.isArray(tree)) return tree.map((t) => localize(t, httpBase, wsBase));
  if (tree !== null && typeof tree === 'object') {
    const out: { [key: string]: Tree } = {};
    for (const [k, v] of Object.entries(tree)) out[k] = localize(v, httpBase, wsBase);
    return out;
  }
  return tree;
}

/** The options client-recipes.md §2.1 sets on every ccxt Binance futures client: no spot/sapi calls. */
function quietOptions(marketType: 'linear' | 'inverse') {
  return {
    fetchCurrencies: false,
    fetchMargins: false,
    fetchMarkets: { types: [marketType] },
    defaultType: 'swap',
    adjustForTimeDifference: false,
    fetchOpenOrders: { warnWithoutSymbol: false },
    warnOnFetchOpenOrdersWithoutSymbol: false,
  };
}

/**
 * A ccxt Binance futures client of class `Client` pointed at the local exchange at `base`: no spot/sapi
 * calls, every URL rewritten, and the product's error classes restored (ccxt picks them by Binance's
 * hostname, which a local URL no longer has).
 */
function localClient(
  Client: new (config: object) => CcxtClient,
  marketType: 'linear' | 'inverse',
  base: string,
  credentials: CcxtCredentials,
): CcxtClient {
  const exchange = new Client({ ...credentials, enableRateLimit: false, options: quietOptions(marketType) });
  exchange.urls.api = localize(exchange.urls.api as Tree, base, base.replace(/^http/, 'ws'));
  const byUrl = exchange.getExceptionsByUrl.bind(exchange);
  exchange.getExceptionsByUrl = (url: string, kind: string) =>
    url?.startsWith(base) === true
      ? exchange.safeDict(exchange.safeDict(exchange.exceptions, marketType, {}), kind, {})
      : byUrl(url, kind);
  return exchange;
}

/**
 * A ccxt `binanceusdm` (or, with `pro`, `ccxt.pro.binanceusdm`) pointed at a local exchange, set up as
 * client-recipes.md §2.1 describes. A pro client still needs `await exchange.loadHttpProxyAgent()`
 * before its first `watch*` (the tests' `withCcxtPro` does it).
 */
export function makeCcxtUsdm(base: string, credentials: CcxtCredentials, pro = false): CcxtClient {
  return localClient(pro ? ccxt.pro.binanceusdm : ccxt.binanceusdm, 'linear', base, credentials);
}

/**
 * A ccxt `binancecoinm` (or, with `pro`, `ccxt.pro.binancecoinm`) pointed at a local exchange. REST
 * groups `dapi*` land on `/dapi/v1|v2`, the WebSocket API on `/ws-dapi/v1`; COIN-M's streams are on
 * `dstream.binance.com/ws` at Binance and under `/dstream` here, so `urls.api.ws.delivery` is set
 * apart (ccxt.pro appends `/<connection index>` or `/<listenKey>` to it and subscribes by frames).
 * A pro client still needs `await exchange.loadHttpProxyAgent()` before its first `watch*` (the
 * tests' `withCcxtPro` does it).
 */
export function makeCcxtCoinm(base: string, credentials: CcxtCredentials, pro = false): CcxtClient {
  const exchange = localClient(pro ? ccxt.pro.binancecoinm : ccxt.binancecoinm, 'inverse', base, credentials);
  // Only ccxt.pro's classes carry a `ws` URL tree.
  if (pro) exchange.urls.api.ws.delivery = `${base.replace(/^http/, 'ws')}/dstream/ws`;
  return exchange;
}
