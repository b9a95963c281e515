import { Decimal } from '@basis/core';
import type { KlineStore } from './klines.js';
import type { TradeId } from './tradeId.js';
import type { TradeHistory } from './trades.js';

/**
 * Rolling 24 h statistics of one symbol: the body of `GET /fapi/v1/ticker/24hr` and of the `@ticker`
 * and `@miniTicker` streams (which use a subset), as exact values for the endpoint layer to print.
 */
export interface Ticker24h {
  /** `lastPrice − openPrice`. */
  readonly priceChange: Decimal;
  /** `priceChange / openPrice × 100`, 3 decimals (Binance prints e.g. `"-95.960"`), half-up; 0 if open is 0. */
  readonly priceChangePercent: Decimal;
  /**
   * The window's mean trade price at the price's scale (half-up), `TradeValue.averagePrice`:
   * `quoteVolume / volume` for linear markets, `volume × contractSize / quoteVolume` for inverse ones;
   * 0 without volume.
   */
  readonly weightedAvgPrice: Decimal;
  readonly lastPrice: Decimal;
  /** Quantity of the latest trade; 0 when the trade history has none. */
  readonly lastQty: Decimal;
  /** Price of the first trade in the window (the last price before it when the window has none). */
  readonly openPrice: Decimal;
  readonly highPrice: Decimal;
  readonly lowPrice: Decimal;
  /** Traded quantity: base asset (USD-M) or contracts (COIN-M). */
  readonly volume: Decimal;
  /** Σ of the trades' value: quote asset (USD-M `quoteVolume`) or base asset (COIN-M `baseVolume`). */
  readonly quoteVolume: Decimal;
  /** Start of the window: the minute containing `closeTime`, minus 24 h. */
  readonly openTime: number;
  /** The time the statistics were taken at. */
  readonly closeTime: number;
  /** First and last trade id in the window; `-1` without trades, as Binance prints them. */
  readonly firstId: TradeId;
  readonly lastId: TradeId;
  /** Trades in the window. */
  readonly count: number;
}

/** Options of {@link ticker24h}. */
export interface Ticker24hOptions {
  /** Fraction digits of `weightedAvgPrice` (default: the price unit's, i.e. the tick size's). */
  readonly weightedAvgPriceScale?: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The rolling 24 h ticker at time `now`, from the trade klines' minute buckets (volumes, high/low,
 * count, first/last id) plus the trade history (last quantity).
 *
 * The window is minute-granular, as Binance's own is: it starts at the minute containing `now` minus
 * 24 h and ends at `now`, so up to 1,441 minutes are summed (Binance's example: `closeTime`
 * 1591268262442, `openTime` 1591181820000). With no data at all, every value is 0.
 *
 * @example
 * const t = ticker24h(klines, history, venueNow);
 * t.priceChangePercent.toString(); // '2.364'
 */
export function ticker24h(
  klines: KlineStore,
  trades: TradeHistory | undefined,
  now: number,
  options: Ticker24hOptions = {},
): Ticker24h {
  const openTime = Math.floor(now / MINUTE) * MINUTE - DAY;
  const window = klines.aggregate(openTime, now);
  const priceScale = options.weightedAvgPriceScale ?? klines.priceUnit.scale;
  const last = trades?.lastTrade();
  const lastQty =
    last === undefined || klines.qtyUnit === undefined ? Decimal.ZERO : klines.qtyUnit.mul(last.qtySteps);
  if (window === undefined) {
    return {
      priceChange: Decimal.ZERO,
      priceChangePercent: Decimal.ZERO.round(3, 'half-up'),
      weightedAvgPrice: Decimal.ZERO,
      lastPrice: Decimal.ZERO,
      lastQty,
      openPrice: Decimal.ZERO,
      highPrice: Decimal.ZERO,
      lowPrice: Decimal.ZERO,
      volume: Decimal.ZERO,
      quoteVolume: Decimal.ZERO,
      openTime,
      closeTime: now,
      firstId: -1,
      lastId: -1,
      count: 0,
    };
  }
  const lastPrice = window.close;
  const priceChange = lastPrice.sub(window.open);
  return {
    priceChange,
    priceChangePercent: window.open.isZero()
      ? Decimal.ZERO.round(3, 'half-up')
      : priceChange.mul(100).div(window.open, 3, 'half-up'),
    weightedAvgPrice:
      klines.tradeValue === undefined
        ? Decimal.ZERO.round(priceScale, 'half-up')
        : klines.tradeValue.averagePrice(window.volume, window.quoteVolume, priceScale),
    lastPrice,
    lastQty,
    openPrice: window.open,
    highPrice: window.high,
    lowPrice: window.low,
    volume: window.volume,
    quoteVolume: window.quoteVolume,
    openTime,
    closeTime: now,
    firstId: window.firstTradeId ?? -1,
    lastId: window.lastTradeId ?? -1,
    count: window.count,
  };
}
