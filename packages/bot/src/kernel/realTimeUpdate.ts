import type { Decimal } from '@basis/core';
import type { Feeds } from '../data/feedHealth.js';
import type { Kernel } from './kernel.js';

/** A symbol's prices as the strategy sees them (strings: display and JSON; absent when unknown). */
export interface MarketLine {
  readonly last?: string;
  readonly bid?: string;
  readonly ask?: string;
  /** Rounded to the tick's decimals, as the book's prices are written (Binance sends 8). */
  readonly mark?: string;
}

/** An open order of the strategy. */
export interface OpenOrderLine {
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: string;
  readonly price: string;
  readonly quantity: string;
  readonly filledQty: string;
}

/** A recent fill. */
export interface FillLine {
  readonly time: number;
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly qty: string;
  readonly price: string;
}

/** What a real-time run reports every sample period (paper and live): the live view's content. */
export interface RealTimeUpdate {
  readonly time: number;
  /** The asset of every money figure: the run's accounting asset (USDT, BTC on COIN-M). */
  readonly asset: string;
  readonly equity: string;
  readonly unrealizedPnl: string;
  readonly realizedPnl: string;
  readonly fees: string;
  readonly funding: string;
  /** realized − fees + funding + unrealized: equity's change since the start. */
  readonly netPnl: string;
  readonly fills: number;
  /** Signed position per symbol (`0` when flat). */
  readonly positions: Readonly<Record<string, string>>;
  /** Entry price per symbol with an open position. */
  readonly entryPrices: Readonly<Record<string, string>>;
  readonly markets: Readonly<Record<string, MarketLine>>;
  readonly openOrders: readonly OpenOrderLine[];
  /** The last {@link RECENT_FILLS} fills, oldest first. */
  readonly recentFills: readonly FillLine[];
  /** The feeds' state, and when the last market event arrived. */
  readonly feeds: Feeds;
}

export const RECENT_FILLS = 3;

/** Reads the update of `symbols` from a running kernel at `time`. */
export function realTimeUpdate(kernel: Kernel, symbols: readonly string[], time: number): RealTimeUpdate {
  const { cache, portfolio } = kernel;
  const positions: Record<string, string> = {};
  const entryPrices: Record<string, string> = {};
  const markets: Record<string, MarketLine> = {};
  for (const symbol of symbols) {
    const position = cache.position(symbol);
    positions[symbol] = position.amount.toString();
    if (!position.amount.isZero()) entryPrices[symbol] = position.entryPrice.toString();
    const top = cache.tops.get(symbol);
    const last = cache.lastPrices.get(symbol);
    const mark = cache.marks.get(symbol)?.markPrice;
    const tick = kernel.context.instrument(symbol).tickSize.decimals();
    markets[symbol] = {
      ...optional('last', last),
      ...optional('bid', top?.bidPrice),
      ...optional('ask', top?.askPrice),
      ...optional('mark', mark?.round(tick, 'half-even')),
    };
  }
  const totals = kernel.totals();
  const unrealized = portfolio.unrealizedPnl();
  return {
    time,
    asset: kernel.quoteAsset,
    equity: portfolio.equity().toString(),
    unrealizedPnl: unrealized.toString(),
    realizedPnl: totals.realizedPnl.toString(),
    fees: totals.fees.toString(),
    funding: totals.funding.toString(),
    netPnl: totals.netPnl.add(unrealized).toString(),
    fills: kernel.fillCount,
    positions,
    entryPrices,
    markets,
    openOrders: [...cache.orders.values()].map((o) => ({
      symbol: o.symbol,
      side: o.side,
      type: o.type,
      price: o.price.toString(),
      quantity: o.quantity.toString(),
      filledQty: o.filledQty.toString(),
    })),
    recentFills: kernel.recentFills(RECENT_FILLS).map((f) => ({
      time: f.time,
      symbol: f.symbol,
      side: f.side,
      qty: f.qty,
      price: f.price,
    })),
    feeds: kernel.feeds(),
  };
}

function optional<K extends string>(key: K, value: Decimal | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value.toString() }) as { [P in K]?: string };
}
