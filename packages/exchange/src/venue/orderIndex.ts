import { type Id, toId } from './idSequence.js';
import type { OrderRecord } from './orderRecord.js';

/** One symbol's orders: by orderId, and the newest per client order id (open or closed). */
interface SymbolOrders {
  readonly byId: Map<Id, OrderRecord>;
  readonly byClientId: Map<string, OrderRecord>;
}

/**
 * An account's retained orders, open and closed. Lookups go per symbol, by orderId or client order
 * id, with the id itself as the key: no `symbol|id` string is built, copied and hashed on every
 * order, and a symbol's orders are found without walking the others. The account-wide order in
 * which orders were first indexed is kept too: past the record limit the oldest go first.
 */
export class OrderIndex {
  readonly #all = new Set<OrderRecord>();
  readonly #bySymbol = new Map<string, SymbolOrders>();

  /** How many orders are retained. */
  get size(): number {
    return this.#all.size;
  }

  /** Every retained order, oldest indexed first. Deleting while iterating is safe. */
  values(): IterableIterator<OrderRecord> {
    return this.#all.values();
  }

  /** `[order, order]` pairs in {@link values} order, for `boundOldest`. */
  entries(): IterableIterator<[OrderRecord, OrderRecord]> {
    return this.#all.entries();
  }

  /**
   * Indexes `order` by its orderId and as the newest order with its client order id. A record with the
   * same orderId (a triggered COIN-M conditional order) is replaced, and `order` counts as indexed now.
   */
  add(order: OrderRecord): void {
    const symbol = this.#symbol(order.symbol);
    const previous = symbol.byId.get(order.orderId);
    if (previous !== undefined && previous !== order) this.#all.delete(previous);
    symbol.byId.set(order.orderId, order);
    symbol.byClientId.set(order.clientOrderId, order);
    this.#all.add(order);
  }

  /** The order `orderId` names on `symbol` (a request's bigint or a record's id alike). */
  byId(symbol: string, orderId: Id): OrderRecord | undefined {
    return this.#bySymbol.get(symbol)?.byId.get(typeof orderId === 'bigint' ? toId(orderId) : orderId);
  }

  /** The newest order on `symbol` with this client order id. */
  byClientId(symbol: string, clientOrderId: string): OrderRecord | undefined {
    return this.#bySymbol.get(symbol)?.byClientId.get(clientOrderId);
  }

  /** The orders the client-order-id lookups lead to, symbol by symbol (for snapshots). */
  *clientIdTargets(): IterableIterator<OrderRecord> {
    for (const symbol of this.#bySymbol.values()) yield* symbol.byClientId.values();
  }

  /** Forgets `order`, and its client order id if no newer order took it over. */
  delete(order: OrderRecord): void {
    this.#all.delete(order);
    const symbol = this.#bySymbol.get(order.symbol);
    if (symbol === undefined) return;
    if (symbol.byId.get(order.orderId) === order) symbol.byId.delete(order.orderId);
    if (symbol.byClientId.get(order.clientOrderId) === order) symbol.byClientId.delete(order.clientOrderId);
  }

  /**
   * Restores a snapshot's index: `orders` in the order they were indexed, and the orders the client
   * order ids led to, which need not be the last of each id that `orders` holds.
   */
  restore(orders: Iterable<OrderRecord>, clientIdTargets: Iterable<OrderRecord>): void {
    for (const order of orders) {
      this.#symbol(order.symbol).byId.set(order.orderId, order);
      this.#all.add(order);
    }
    for (const order of clientIdTargets)
      this.#symbol(order.symbol).byClientId.set(order.clientOrderId, order);
  }

  #symbol(name: string): SymbolOrders {
    let symbol = this.#bySymbol.get(name);
    if (symbol === undefined) {
      symbol = { byId: new Map(), byClientId: new Map() };
      this.#bySymbol.set(name, symbol);
    }
    return symbol;
  }
}
