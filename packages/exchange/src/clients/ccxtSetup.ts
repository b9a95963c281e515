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

/**
 * A ccxt `binanceusdm` pointed at a local exchange, set up as client-recipes.md §2.1 describes:
 * every URL rewritten, no spot/sapi calls, and USD-M error classes restored for the local host.
 */
// biome-ignore lint/suspicious/noExplicitAny: ccxt's exchange classes are dynamically typed.
export function makeCcxtUsdm(base: string, credentials: { apiKey: string; secret: string }): any {
  const wsBase = base.replace(/^http/, 'ws');
  const exchange = new ccxt.binanceusdm({
    ...credentials,
    enableRateLimit: false,
    options: {
      fetchCurrencies: false,
      fetchMargins: false,
      fetchMarkets: { types: ['linear'] },
      defaultType: 'swap',
      adjustForTimeDifference: false,
      fetchOpenOrders: { warnWithoutSymbol: false },
      warnOnFetchOpenOrdersWithoutSymbol: false,
    },
  });
  exchange.urls['api'] = localize(exchange.urls['api'] as Tree, base, wsBase) as typeof exchange.urls.api;
  const byUrl = exchange.getExceptionsByUrl.bind(exchange);
  exchange.getExceptionsByUrl = (url: string, kind: string) =>
    url?.startsWith(base) === true
      ? exchange.safeDict(exchange.safeDict(exchange.exceptions, 'linear', {}), kind, {})
      : byUrl(url, kind);
  return exchange;
}
