import type { UserDataEvent } from '@basis/core';
import type { BookSide } from '../matching/types.js';
import type { Id } from './idSequence.js';

/** One public trade, as the trade and aggTrade streams need it. */
export interface TradeEventData {
  readonly kind: 'trade';
  readonly symbol: string;
  readonly tradeId: Id;
  readonly priceTick: number;
  readonly qtySteps: number;
  readonly time: number;
  readonly isBuyerMaker: boolean;
  /** Increases per taker order, so consecutive fills of one taker at one price aggregate. */
  readonly takerSequence: number;
}

/** A liquidation order's execution, for the forceOrder streams. */
export interface ForceOrderEventData {
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly priceTick: number;
  readonly origQtySteps: number;
  readonly avgPrice: string;
  readonly status: string;
  readonly lastFilledSteps: number;
  readonly filledSteps: number;
  readonly time: number;
}

/**
 * Everything the venue tells the outside world, after the state it reports is in place: user-data
 * events per account, and market events per symbol. Listeners are called once the command that
 * caused them has completed, in order.
 */
export interface VenueListener {
  userEvent?(accountId: number, event: UserDataEvent): void;
  trade?(trade: TradeEventData): void;
  /** A depth level changed: total quantity in steps (0 = removed), with the update id that changed it. */
  depthLevel?(symbol: string, side: BookSide, priceTick: number, qtySteps: number, updateId: bigint): void;
  markPrice?(symbol: string, time: number): void;
  forceOrder?(order: ForceOrderEventData): void;
  /** Time advanced to `time` (after everything due was processed). */
  tick?(time: number): void;
}

type Pending =
  | { readonly kind: 'user'; readonly accountId: number; readonly event: UserDataEvent }
  // Queued as it is: one object per print instead of two.
  | TradeEventData
  | { readonly kind: 'mark'; readonly symbol: string; readonly time: number }
  | { readonly kind: 'force'; readonly order: ForceOrderEventData };

/**
 * Holds events produced while a command runs and delivers them when it completes, so no event is
 * seen before the state it reports (depth levels are delivered at once: they carry their own ids).
 */
export class EventOutbox {
  readonly #listeners = new Set<VenueListener>();
  #pending: Pending[] = [];

  subscribe(listener: VenueListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  user(accountId: number, event: UserDataEvent): void {
    if (this.#listeners.size > 0) this.#pending.push({ kind: 'user', accountId, event });
  }

  trade(trade: TradeEventData): void {
    if (this.#listeners.size > 0) this.#pending.push(trade);
  }

  mark(symbol: string, time: number): void {
    if (this.#listeners.size > 0) this.#pending.push({ kind: 'mark', symbol, time });
  }

  force(order: ForceOrderEventData): void {
    if (this.#listeners.size > 0) this.#pending.push({ kind: 'force', order });
  }

  depthLevel(symbol: string, side: BookSide, priceTick: number, qtySteps: number, updateId: bigint): void {
    for (const l of this.#listeners) l.depthLevel?.(symbol, side, priceTick, qtySteps, updateId);
  }

  tick(time: number): void {
    for (const l of this.#listeners) l.tick?.(time);
  }

  /** Delivers everything pending, in order. A listener that throws does not stop the others. */
  flush(): void {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    for (const item of batch) {
      for (const l of this.#listeners) {
        try {
          switch (item.kind) {
            case 'user':
              l.userEvent?.(item.accountId, item.event);
              break;
            case 'trade':
              l.trade?.(item);
              break;
            case 'mark':
              l.markPrice?.(item.symbol, item.time);
              break;
            case 'force':
              l.forceOrder?.(item.order);
              break;
          }
        } catch {
          // A listener's failure is its own; the venue's state is already committed.
        }
      }
    }
  }
}
