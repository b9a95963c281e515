import { Decimal } from '@basis/core';
import type { NormalizedAlgoOrder, NormalizedModify, NormalizedOrder } from '../execution/executionClient.js';
import type { RiskLimits, RiskRule } from './limits.js';
import { OrderRateWindow } from './orderRate.js';

/** What the risk engine reads of the bot's state. */
export interface RiskView {
  position(symbol: string): Decimal;
  /** A reference price for notional checks (mark, else last). */
  price(symbol: string): Decimal | undefined;
  /**
   * An order's notional in the run's accounting asset: qty × price (USDⓈ-M), qty × contractSize /
   * price in coin (COIN-M).
   */
  notional(symbol: string, qty: Decimal, price: Decimal): Decimal;
  openOrderCount(): number;
}

/** A refusal: the rule and a message for the strategy and the log. */
export interface Denial {
  readonly rule: RiskRule;
  readonly message: string;
}

/** `active`: every check applies; `halted`: the kill switch tripped, only reducing orders pass. */
export type TradingState = 'active' | 'halted';

/**
 * Pre-trade checks between the strategy and the execution client (the shape of nautilus_trader's
 * RiskEngine): order notional, position per symbol, leverage, open orders, order rate, and the
 * trading state the kill switch sets. A denied action is never sent.
 */
export class RiskEngine {
  readonly limits: RiskLimits;
  readonly #maxNotional: Decimal | undefined;
  readonly #maxPosition = new Map<string, Decimal>();
  readonly #rate: OrderRateWindow | undefined;
  #state: TradingState = 'active';
  /** Once the run stops: the denial of every new order, change and conditional order. */
  #stopping: Denial | undefined;

  constructor(limits: RiskLimits = {}) {
    this.limits = limits;
    this.#maxNotional =
      limits.maxOrderNotional === undefined ? undefined : Decimal.parse(limits.maxOrderNotional);
    for (const [symbol, max] of Object.entries(limits.maxPosition ?? {}))
      this.#maxPosition.set(symbol, Decimal.parse(max));
    this.#rate =
      limits.orderRate === undefined
        ? undefined
        : new OrderRateWindow(limits.orderRate.count, limits.orderRate.perMs);
  }

  get state(): TradingState {
    return this.#state;
  }

  /** The kill switch tripped: from now on only reducing orders pass. */
  halt(): void {
    this.#state = 'halted';
  }

  /** The run is stopping (its exit policy acting): from now on nothing new passes, `why` says why. */
  stop(why: string): void {
    this.#stopping = { rule: 'stopping', message: why };
  }

  checkOrder(order: NormalizedOrder, view: RiskView, now: number): Denial | undefined {
    if (this.#stopping !== undefined) return this.#stopping;
    const position = view.position(order.symbol);
    const signed = order.side === 'BUY' ? order.quantity : order.quantity.neg();
    const after = position.add(signed);
    const reducing = order.reduceOnly || after.abs().lte(position.abs());
    if (this.#state === 'halted' && !reducing) {
      return { rule: 'halted', message: 'the kill switch has tripped: only reducing orders are accepted' };
    }
    const price = order.price ?? view.price(order.symbol);
    if (this.#maxNotional !== undefined && price !== undefined) {
      const notional = view.notional(order.symbol, order.quantity, price);
      if (notional.gt(this.#maxNotional)) {
        return {
          rule: 'maxOrderNotional',
          message: `order notional ${notional} exceeds ${this.#maxNotional}`,
        };
      }
    }
    const max = this.#maxPosition.get(order.symbol) ?? this.#maxPosition.get('*');
    if (max !== undefined && !reducing && after.abs().gt(max)) {
      return {
        rule: 'maxPosition',
        message: `position ${order.symbol} would be ${after}, beyond ±${max}`,
      };
    }
    // Last: a refused order must not use up the rate window.
    return this.#common(view, now);
  }

  checkModify(modify: NormalizedModify, view: RiskView, now: number): Denial | undefined {
    if (this.#stopping !== undefined) return this.#stopping;
    if (this.#state === 'halted') return { rule: 'halted', message: 'the kill switch has tripped' };
    if (this.#maxNotional !== undefined) {
      const notional = view.notional(modify.symbol, modify.quantity, modify.price);
      if (notional.gt(this.#maxNotional)) {
        return {
          rule: 'maxOrderNotional',
          message: `order notional ${notional} exceeds ${this.#maxNotional}`,
        };
      }
    }
    if (this.#rate !== undefined && !this.#rate.tryTake(now)) {
      return {
        rule: 'orderRate',
        message: `more than ${this.limits.orderRate?.count} order actions in ${this.limits.orderRate?.perMs} ms`,
      };
    }
    return undefined;
  }

  checkAlgo(order: NormalizedAlgoOrder, view: RiskView, now: number): Denial | undefined {
    if (this.#stopping !== undefined) return this.#stopping;
    const reducing = order.reduceOnly || order.closePosition;
    if (this.#state === 'halted' && !reducing) {
      return { rule: 'halted', message: 'the kill switch has tripped: only reducing orders are accepted' };
    }
    const price = order.price ?? order.triggerPrice ?? view.price(order.symbol);
    if (this.#maxNotional !== undefined && order.quantity !== undefined && price !== undefined) {
      const notional = view.notional(order.symbol, order.quantity, price);
      if (notional.gt(this.#maxNotional)) {
        return {
          rule: 'maxOrderNotional',
          message: `order notional ${notional} exceeds ${this.#maxNotional}`,
        };
      }
    }
    return this.#common(view, now);
  }

  checkLeverage(symbol: string, leverage: number): Denial | undefined {
    const max = this.limits.maxLeverage;
    if (max !== undefined && leverage > max) {
      return { rule: 'maxLeverage', message: `leverage ${leverage} on ${symbol} exceeds ${max}` };
    }
    return undefined;
  }

  #common(view: RiskView, now: number): Denial | undefined {
    const maxOpen = this.limits.maxOpenOrders;
    if (maxOpen !== undefined && view.openOrderCount() >= maxOpen) {
      return {
        rule: 'maxOpenOrders',
        message: `${view.openOrderCount()} orders are open, the limit is ${maxOpen}`,
      };
    }
    if (this.#rate !== undefined && !this.#rate.tryTake(now)) {
      return {
        rule: 'orderRate',
        message: `more than ${this.limits.orderRate?.count} order actions in ${this.limits.orderRate?.perMs} ms`,
      };
    }
    return undefined;
  }
}
