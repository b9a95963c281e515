import { Decimal, type KlineInterval } from '@basis/core';
import type { Bar } from '../strategy/events.js';
import { intervalMs } from './intervals.js';

interface Building {
  openTime: number;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  volume: Decimal;
  trades: number;
}

/**
 * Builds closed bars of one symbol and interval from trades. A bar closes when time passes its end
 * (a trade after it, or the clock); a bar without trades is flat at the previous close.
 */
export class BarAggregator {
  readonly symbol: string;
  readonly interval: KlineInterval;
  readonly #ms: number;
  #current: Building | undefined;
  #lastClose: Decimal | undefined;

  constructor(symbol: string, interval: KlineInterval, lastClose?: Decimal) {
    this.symbol = symbol;
    this.interval = interval;
    this.#ms = intervalMs(interval);
    this.#lastClose = lastClose;
  }

  /** Adds a trade; answers the bars it closed. */
  trade(time: number, price: Decimal, qty: Decimal, out: Bar[]): void {
    this.advance(time, out);
    const c = this.#current;
    if (c === undefined) {
      this.#current = {
        openTime: this.#openOf(time),
        open: price,
        high: price,
        low: price,
        close: price,
        volume: qty,
        trades: 1,
      };
      return;
    }
    if (c.trades === 0) {
      this.#current = {
        openTime: c.openTime,
        open: price,
        high: price,
        low: price,
        close: price,
        volume: qty,
        trades: 1,
      };
      return;
    }
    if (price.gt(c.high)) c.high = price;
    if (price.lt(c.low)) c.low = price;
    c.close = price;
    c.volume = c.volume.add(qty);
    c.trades += 1;
  }

  /** Closes every bar that ended by `now` (flat bars for quiet intervals, at most 10,000). */
  advance(now: number, out: Bar[]): void {
    const open = this.#openOf(now);
    if (this.#current === undefined) {
      if (this.#lastClose === undefined) return;
      this.#current = this.#flat(open);
      return;
    }
    for (let guard = 0; this.#current.openTime < open && guard < 10_000; guard++) {
      const c = this.#current;
      out.push({
        symbol: this.symbol,
        interval: this.interval,
        openTime: c.openTime,
        closeTime: c.openTime + this.#ms - 1,
        open: c.open,
        high: c.high,
        low: c.low,
        close: c.close,
        volume: c.volume,
        trades: c.trades,
      });
      this.#lastClose = c.close;
      const next = c.openTime + this.#ms;
      this.#current = this.#flat(Math.min(next, open));
    }
  }

  #flat(openTime: number): Building {
    const p = this.#lastClose ?? Decimal.ZERO;
    return { openTime, open: p, high: p, low: p, close: p, volume: Decimal.ZERO, trades: 0 };
  }

  #openOf(time: number): number {
    return Math.floor(time / this.#ms) * this.#ms;
  }
}
