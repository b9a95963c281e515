import { type AccountUpdateEvent, RecentMap, type UserDataEvent } from '@basis/core';
import type { AccountChange } from './events.js';
import {
  type AlgoOrderView,
  algoFromEvent,
  type BalanceView,
  balanceFromEvent,
  idKey,
  isFinalOrderStatus,
  isOpenAlgoStatus,
  type OrderView,
  orderFromEvent,
  type PositionView,
  positionFromEvent,
  positionKey,
  sameBalance,
  samePosition,
  type TradeView,
  tradeFromEvent,
} from './views.js';

/** A read-only view of the live account. */
export interface AccountStateView {
  /** Open orders by `symbol:orderId`. */
  readonly openOrders: ReadonlyMap<string, OrderView>;
  /** Open (untriggered) algo orders by `symbol:algoId`. */
  readonly openAlgoOrders: ReadonlyMap<string, AlgoOrderView>;
  /** Non-zero positions by `symbol:positionSide`. */
  readonly positions: ReadonlyMap<string, PositionView>;
  /** Balances by asset. */
  readonly balances: ReadonlyMap<string, BalanceView>;
  /** Symbols the account touched (orders, trades, positions, algo orders) since the state began. */
  readonly symbols: ReadonlySet<string>;
}

/** How far an order has gone: filled quantity, then status, then update time. */
function orderRank(status: string): number {
  if (status === 'NEW') return 0;
  if (status === 'PARTIALLY_FILLED') return 1;
  return 2;
}

function algoRank(status: string): number {
  switch (status) {
    case 'NEW':
      return 0;
    case 'TRIGGERING':
      return 1;
    case 'TRIGGERED':
      return 2;
    default:
      return 3;
  }
}

interface OrderMark {
  readonly executedQty: OrderView['executedQty'];
  readonly rank: number;
  readonly updateTime: number;
}

/**
 * The account as the stream and REST show it, with exact decimals, and the memory that keeps each
 * change reported once: per order the furthest state seen (filled quantity, status, update time),
 * per algo order its status and time, the trade ids seen, and per position and balance the time of
 * its last update (a stream event older than a REST row is not applied over it).
 *
 * `apply*` methods return the change to report, or undefined when it was already known.
 */
export class AccountState implements AccountStateView {
  readonly openOrders = new Map<string, OrderView>();
  readonly openAlgoOrders = new Map<string, AlgoOrderView>();
  readonly positions = new Map<string, PositionView>();
  readonly balances = new Map<string, BalanceView>();
  readonly symbols = new Set<string>();
  readonly #orders: RecentMap<string, OrderMark>;
  readonly #algos: RecentMap<string, { rank: number; updateTime: number }>;
  readonly #trades: RecentMap<string, true>;
  readonly #positionTimes = new Map<string, number>();
  readonly #balanceTimes = new Map<string, number>();

  /** @param memory - How many orders, algo orders and trades to remember for deduplication (each). */
  constructor(memory = 100_000) {
    this.#orders = new RecentMap(memory);
    this.#algos = new RecentMap(memory);
    this.#trades = new RecentMap(memory);
  }

  /** Whether this trade id was already reported. */
  hasTrade(symbol: string, tradeId: TradeView['tradeId']): boolean {
    return this.#trades.has(idKey(symbol, tradeId));
  }

  /** Remembers a trade without reporting it (trades before the stream began). */
  markTrade(trade: TradeView): void {
    this.#trades.set(idKey(trade.symbol, trade.tradeId), true);
  }

  /** Removes an open order or algo order whose end cannot be read (archived): nothing is reported. */
  dropOpen(kind: 'order' | 'algoOrder', key: string): void {
    if (kind === 'order') this.openOrders.delete(key);
    else this.openAlgoOrders.delete(key);
  }

  /** Applies an order state; reports it when it goes further than any state seen for that order. */
  applyOrder(order: OrderView, reconciled: boolean, wire?: UserDataEvent): AccountChange | undefined {
    const key = idKey(order.symbol, order.orderId);
    const mark = this.#orders.get(key);
    const rank = orderRank(order.status);
    if (mark !== undefined) {
      const filled = order.executedQty.cmp(mark.executedQty);
      const newer =
        filled > 0 ||
        (filled === 0 && (rank > mark.rank || (rank === mark.rank && order.updateTime > mark.updateTime)));
      if (!newer) return undefined;
    }
    this.#orders.set(key, { executedQty: order.executedQty, rank, updateTime: order.updateTime });
    this.symbols.add(order.symbol);
    if (isFinalOrderStatus(order.status)) this.openOrders.delete(key);
    else this.openOrders.set(key, order);
    return { type: 'order', reconciled, order, ...(wire === undefined ? {} : { wire }) };
  }

  /** Applies a trade; reports it unless its id was seen. */
  applyTrade(trade: TradeView, reconciled: boolean, wire?: UserDataEvent): AccountChange | undefined {
    const key = idKey(trade.symbol, trade.tradeId);
    if (this.#trades.has(key)) return undefined;
    this.#trades.set(key, true);
    this.symbols.add(trade.symbol);
    return { type: 'trade', reconciled, trade, ...(wire === undefined ? {} : { wire }) };
  }

  /** Applies an algo order state; reports it when its status or time moved on. */
  applyAlgo(algo: AlgoOrderView, reconciled: boolean, wire?: UserDataEvent): AccountChange | undefined {
    const key = idKey(algo.symbol, algo.algoId);
    const mark = this.#algos.get(key);
    const rank = algoRank(algo.status);
    if (
      mark !== undefined &&
      !(rank > mark.rank || (rank === mark.rank && algo.updateTime > mark.updateTime))
    ) {
      return undefined;
    }
    this.#algos.set(key, { rank, updateTime: algo.updateTime });
    this.symbols.add(algo.symbol);
    if (isOpenAlgoStatus(algo.status)) this.openAlgoOrders.set(key, algo);
    else this.openAlgoOrders.delete(key);
    return { type: 'algoOrder', reconciled, algoOrder: algo, ...(wire === undefined ? {} : { wire }) };
  }

  /**
   * Applies a position unless a later update is known (`force` for REST rows, which replace
   * whatever the state had); reports it when amount or prices changed.
   */
  applyPosition(
    position: PositionView,
    reconciled: boolean,
    options: { readonly force?: boolean; readonly wire?: AccountUpdateEvent } = {},
  ): AccountChange | undefined {
    const key = positionKey(position.symbol, position.positionSide);
    const known = this.#positionTimes.get(key);
    if (options.force !== true && known !== undefined && position.updateTime < known) return undefined;
    this.#positionTimes.set(key, position.updateTime);
    const before = this.positions.get(key);
    if (position.positionAmt.isZero()) this.positions.delete(key);
    else this.positions.set(key, position);
    this.symbols.add(position.symbol);
    const changed = before === undefined ? !position.positionAmt.isZero() : !samePosition(before, position);
    if (!changed) return undefined;
    return {
      type: 'position',
      reconciled,
      position,
      ...(options.wire === undefined ? {} : { reason: options.wire.a.m, wire: options.wire }),
    };
  }

  /** Applies a balance like {@link applyPosition}; reports it when an amount changed. */
  applyBalance(
    balance: BalanceView,
    reconciled: boolean,
    options: { readonly force?: boolean; readonly wire?: AccountUpdateEvent } = {},
  ): AccountChange | undefined {
    const known = this.#balanceTimes.get(balance.asset);
    if (options.force !== true && known !== undefined && balance.updateTime < known) return undefined;
    this.#balanceTimes.set(balance.asset, balance.updateTime);
    const before = this.balances.get(balance.asset);
    this.balances.set(balance.asset, balance);
    if (before !== undefined && sameBalance(before, balance)) return undefined;
    return {
      type: 'balance',
      reconciled,
      balance,
      ...(options.wire === undefined ? {} : { reason: options.wire.a.m, wire: options.wire }),
    };
  }

  /** Applies one stream event; returns the changes it made that were not known yet. */
  applyEvent(event: UserDataEvent): AccountChange[] {
    const changes: AccountChange[] = [];
    const push = (change: AccountChange | undefined) => {
      if (change !== undefined) changes.push(change);
    };
    switch (event.e) {
      case 'ORDER_TRADE_UPDATE': {
        // The fill first: a consumer sees the trade before the order state that includes it.
        const trade = tradeFromEvent(event.o);
        if (trade !== undefined) push(this.applyTrade(trade, false, event));
        push(this.applyOrder(orderFromEvent(event.o), false, event));
        break;
      }
      case 'ALGO_UPDATE':
        push(this.applyAlgo(algoFromEvent(event.o, event.T), false, event));
        break;
      case 'ACCOUNT_UPDATE':
        for (const b of event.a.B)
          push(this.applyBalance(balanceFromEvent(b, event.T), false, { wire: event }));
        for (const p of event.a.P) {
          push(this.applyPosition(positionFromEvent(p, event.T), false, { wire: event }));
        }
        break;
      default:
        // TRADE_LITE repeats the fill of an ORDER_TRADE_UPDATE; the others carry no account state.
        break;
    }
    return changes;
  }
}
