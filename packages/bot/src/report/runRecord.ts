/**
 * Everything a bot run leaves behind, in a form that can be written to JSON as is.
 *
 * Decimal values are strings (exact, as `Decimal#toString()` prints them); times are epoch ms.
 * The kernel builds one `RunRecord` per run; `summarize`, `renderHtmlReport` and `writeRunReport`
 * read it.
 */
export interface RunRecord {
  readonly meta: RunMeta;
  /** Account equity samples, in time order (the sample period is whatever the kernel chose). */
  readonly equity: readonly EquityPoint[];
  /** Mark/close price samples per symbol, in time order. */
  readonly prices: Readonly<Record<string, readonly PricePoint[]>>;
  /** Signed position amount per symbol (positive long, negative short), sampled on change. */
  readonly positions: Readonly<Record<string, readonly PositionPoint[]>>;
  readonly fills: readonly FillRecord[];
  readonly funding: readonly FundingRecord[];
  readonly denials: readonly DenialRecord[];
}

export interface RunMeta {
  readonly strategy: string;
  readonly mode: 'backtest' | 'paper' | 'live';
  readonly env: string;
  readonly seed?: number | string;
  readonly symbols: readonly string[];
  readonly startTime: number;
  readonly endTime: number;
  /**
   * The asset of every money figure of the record (PnL, fees, funding, equity): the quote asset on
   * USDⓈ-M (USDT), the margin coin on COIN-M (BTC for BTCUSD_PERP).
   */
  readonly quoteAsset: string;
  readonly startingEquity: string;
  /**
   * COIN-M runs only: each symbol's contract size in USD. Quantities are then contracts, and a
   * notional is qty × contractSize / price in coin.
   */
  readonly contractSizes?: Readonly<Record<string, string>>;
  /** Each symbol's price tick (`0.10`): the report's price axis shows its decimals. */
  readonly tickSizes?: Readonly<Record<string, string>>;
}

export interface EquityPoint {
  readonly time: number;
  /** wallet + unrealizedPnl */
  readonly equity: string;
  readonly wallet: string;
  readonly unrealizedPnl: string;
  /**
   * COIN-M runs only (when an index price is known): the coin's USD index price at the sample and
   * the equity's USD value, equity × usdPrice.
   */
  readonly usdPrice?: string;
  readonly usdValue?: string;
}

export interface PricePoint {
  readonly time: number;
  readonly price: string;
}

export interface PositionPoint {
  readonly time: number;
  readonly amount: string;
}

export interface FillRecord {
  readonly time: number;
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly price: string;
  readonly qty: string;
  readonly fee: string;
  readonly feeAsset: string;
  readonly realizedPnl: string;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly maker: boolean;
}

export interface FundingRecord {
  readonly time: number;
  readonly symbol: string;
  /** Signed: positive received, negative paid. */
  readonly amount: string;
  readonly asset: string;
}

export interface DenialRecord {
  readonly time: number;
  readonly rule: string;
  readonly message: string;
  readonly symbol: string;
}
