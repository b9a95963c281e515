import ccxt from 'ccxt';

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
 * Points a ccxt Binance futures client at the local exchange: every URL rewritten, and the product's
 * error classes restored (ccxt picks them by Binance's hostname, which a local URL no longer has).
 */
// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
function localizeClient(exchange: any, base: string, wsBase: string, marketType: 'linear' | 'inverse'): any {
  exchange.urls.api = localize(exchange.urls.api as Tree, base, wsBase);
  const byUrl = exchange.getExceptionsByUrl.bind(exchange);
  exchange.getExceptionsByUrl = (url: string, kind: string) =>
    url?.startsWith(base) === true
      ? exchange.safeDict(exchange.safeDict(exchange.exceptions, marketType, {}), kind, {})
      : byUrl(url, kind);
  return exchange;
}

/**
 * A ccxt `binanceusdm` pointed at a local exchange, set up as client-recipes.md §2.1 describes:
 * every URL rewritten, no spot/sapi calls, and USD-M error classes restored for the local host.
 */
// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
export function makeCcxtUsdm(base: string, credentials: { apiKey: string; secret: string }): any {
  const exchange = new ccxt.binanceusdm({
    ...credentials,
    enableRateLimit: false,
    options: quietOptions('linear'),
  });
  return localizeClient(exchange, base, base.replace(/^http/, 'ws'), 'linear');
}

/**
 * A ccxt `binancecoinm` (or, with `pro`, `ccxt.pro.binancecoinm`) pointed at a local exchange. REST
 * groups `dapi*` land on `/dapi/v1|v2`, the WebSocket API on `/ws-dapi/v1`; COIN-M's streams are on
 * `dstream.binance.com/ws` at Binance and under `/dstream` here, so `urls.api.ws.delivery` is set
 * apart (ccxt.pro appends `/<connection index>` or `/<listenKey>` to it and subscribes by frames).
 * A pro client still needs `await exchange.loadHttpProxyAgent()` before its first `watch*`.
 */
export function makeCcxtCoinm(
  base: string,
  credentials: { apiKey: string; secret: string },
  pro = false,
  // biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
): any {
  const wsBase = base.replace(/^http/, 'ws');
  const Client = pro ? ccxt.pro.binancecoinm : ccxt.binancecoinm;
  const exchange = localizeClient(
    new Client({ ...credentials, enableRateLimit: false, options: quietOptions('inverse') }),
    base,
    wsBase,
    'inverse',
  );
  // Only ccxt.pro's classes carry a `ws` URL tree.
  if (pro) exchange.urls.api.ws.delivery = `${wsBase}/dstream/ws`;
  return exchange;
}
