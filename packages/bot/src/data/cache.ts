import { Decimal, type KlineInterval } from '@basis/core';
import type { AlgoUpdate, Bar, BookTicker, MarkPriceUpdate, OrderUpdate } from '../strategy/events.js';
import type { OpenAlgoView, OpenOrderView } from '../strategy/strategy.js';

const BAR_CAPACITY = 2_000;
const CLOSED_ORDER: ReadonlySet<string> = new Set([
  'FILLED',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
  'EXPIRED_IN_MATCH',
]);
const CLOSED_ALGO: ReadonlySet<string> = new Set([
  'FINISHED',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
  'TRIGGERED',
]);

export interface CachedPosition {
  readonly amount: Decimal;
  readonly entryPrice: Decimal;
}

/**
 * The bot's view of the world, updated from events before they are published (cache, then
 * publish): positions, wallets, open orders and algo orders, marks, best prices and bars.
 */
export class Cache {
  readonly wallets = new Map<string, Decimal>();
  readonly positions = new Map<string, CachedPosition>();
  readonly orders = new Map<string, OpenOrderView>();
  readonly algos = new Map<string, OpenAlgoView>();
  readonly marks = new Map<string, MarkPriceUpdate>();
  readonly tops = new Map<string, BookTicker>();
  readonly lastPrices = new Map<string, Decimal>();
  readonly leverage = new Map<string, number>();
  readonly #bars = new Map<string, Bar[]>();

  position(symbol: string): CachedPosition {
    return this.positions.get(symbol) ?? { amount: Decimal.ZERO, entryPrice: Decimal.ZERO };
  }

  wallet(asset: string): Decimal {
    return this.wallets.get(asset) ?? Decimal.ZERO;
  }

  /** The price to value a position at: the mark, else the last trade. */
  price(symbol: string): Decimal | undefined {
    return this.marks.get(symbol)?.markPrice ?? this.lastPrices.get(symbol);
  }

  applyOrder(update: OrderUpdate): void {
    if (CLOSED_ORDER.has(update.status)) {
      this.orders.delete(update.clientOrderId);
      return;
    }
    this.orders.set(update.clientOrderId, {
      symbol: update.symbol,
      clientOrderId: update.clientOrderId,
      orderId: update.orderId,
      side: update.side,
      type: update.type,
      price: update.price,
      quantity: update.quantity,
      filledQty: update.filledQty,
      reduceOnly: update.reduceOnly,
    });
  }

  applyAlgo(update: AlgoUpdate): void {
    if (CLOSED_ALGO.has(update.status)) {
      this.algos.delete(update.clientAlgoId);
      return;
    }
    this.algos.set(update.clientAlgoId, {
      symbol: update.symbol,
      clientAlgoId: update.clientAlgoId,
      side: update.side,
      type: update.type,
      triggerPrice: update.triggerPrice,
      closePosition: update.closePosition,
      reduceOnly: update.reduceOnly,
    });
  }

  addBar(bar: Bar): void {
    const key = `${bar.symbol}|${bar.interval}`;
    let list = this.#bars.get(key);
    if (list === undefined) {
      list = [];
      this.#bars.set(key, list);
    }
    const last = list[list.length - 1];
    if (last !== undefined && last.openTime >= bar.openTime) return;
    list.push(bar);
    if (list.length > BAR_CAPACITY) list.splice(0, list.length - BAR_CAPACITY);
  }

  bars(symbol: string, interval: KlineInterval, limit?: number): readonly Bar[] {
    const list = this.#bars.get(`${symbol}|${interval}`) ?? [];
    return limit === undefined || limit >= list.length ? list.slice() : list.slice(list.length - limit);
  }

  openOrderCount(): number {
    return this.orders.size + this.algos.size;
  }
}
