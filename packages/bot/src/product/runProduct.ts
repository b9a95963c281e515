/** Binance's two futures products: USDⓈ-M (linear, `/fapi`) and COIN-M (inverse, `/dapi`). */
export type Product = 'usdm' | 'coinm';

/** What a run trades and the one asset it accounts in. */
export interface RunProduct {
  readonly product: Product;
  /**
   * The asset of the run's PnL, fees, funding and equity: the quote asset on USDⓈ-M (USDT by
   * default), the margin coin on COIN-M (BTC for BTCUSD_PERP and the BTCUSD quarterlies).
   */
  readonly asset: string;
}

/** A COIN-M symbol: `<BASE>USD_PERP` or the quarterly `<BASE>USD_<YYMMDD>` (reference §13.1). */
const COINM_SYMBOL = /^([A-Z0-9]+)USD_(PERP|\d{6})$/;

export function productOfSymbol(symbol: string): Product {
  return COINM_SYMBOL.test(symbol) ? 'coinm' : 'usdm';
}

/** The margin coin of a COIN-M symbol (its base asset); undefined for a USDⓈ-M symbol. */
export function coinOfSymbol(symbol: string): string | undefined {
  return COINM_SYMBOL.exec(symbol)?.[1];
}

/**
 * The product and accounting asset of a run over `symbols`. A run trades one product and, on
 * COIN-M, one margin coin (BTCUSD_PERP with BTCUSD_250627 is one run; with ETHUSD_PERP it is
 * two): anything else throws, naming the symbols. `quoteAsset` names the USDⓈ-M accounting asset
 * (default USDT); on COIN-M it may only name the run's coin.
 */
export function runProduct(symbols: readonly string[], quoteAsset?: string): RunProduct {
  const coinm = symbols.filter((s) => productOfSymbol(s) === 'coinm');
  if (coinm.length === 0) return { product: 'usdm', asset: quoteAsset ?? 'USDT' };
  const usdm = symbols.filter((s) => productOfSymbol(s) === 'usdm');
  if (usdm.length > 0) {
    throw new Error(
      `a run trades one product: ${coinm.join(', ')} ${coinm.length === 1 ? 'is' : 'are'} COIN-M but ${usdm.join(', ')} ${usdm.length === 1 ? 'is' : 'are'} USDⓈ-M; run them separately`,
    );
  }
  const coins = new Map<string, string[]>();
  for (const symbol of coinm) {
    const coin = coinOfSymbol(symbol)!;
    coins.set(coin, [...(coins.get(coin) ?? []), symbol]);
  }
  if (coins.size > 1) {
    const list = [...coins].map(([coin, list]) => `${list.join(', ')} in ${coin}`).join('; ');
    throw new Error(`a COIN-M run accounts in one margin coin, but its symbols are margined in ${list}`);
  }
  const coin = [...coins.keys()][0]!;
  if (quoteAsset !== undefined && quoteAsset !== coin) {
    throw new Error(`a COIN-M run on ${coinm.join(', ')} accounts in ${coin}, not ${quoteAsset}`);
  }
  return { product: 'coinm', asset: coin };
}
