import type { Account } from './account.js';
import { cancelAllOrders } from './cancelOrder.js';
import { expireOrder } from './orderLifecycle.js';
import { isOpen, type OrderRecord } from './orderRecord.js';
import type { VenueProcess } from './process.js';
import type { Venue } from './venue.js';

/** GTD expiries (expiry reason 6) and countdown cancel-all dead-man switches. */
export class OrderTimers implements VenueProcess {
  readonly #venue: Venue;
  readonly #gtd = new Set<OrderRecord>();
  readonly #countdowns = new Set<Account>();

  constructor(venue: Venue) {
    this.#venue = venue;
  }

  expireAt(order: OrderRecord): void {
    this.#gtd.add(order);
  }

  /** Arms the switch for `countdownTime` ms from now; 0 disarms it. */
  countdown(account: Account, symbol: string, countdownTime: number): void {
    if (countdownTime === 0) {
      account.countdowns.delete(symbol);
      return;
    }
    account.countdowns.set(symbol, { countdownTime, deadline: this.#venue.now + countdownTime });
    this.#countdowns.add(account);
  }

  /** The GTD orders watched (in watch order, closed ones included) and the accounts with switches. */
  snapshot(): { readonly gtd: readonly OrderRecord[]; readonly countdowns: readonly number[] } {
    return { gtd: [...this.#gtd], countdowns: [...this.#countdowns].map((a) => a.id) };
  }

  /** Replaces what is watched (a venue restore: the orders and accounts are restored first). */
  restore(gtd: readonly OrderRecord[], countdowns: readonly Account[]): void {
    this.#gtd.clear();
    for (const order of gtd) this.#gtd.add(order);
    this.#countdowns.clear();
    for (const account of countdowns) this.#countdowns.add(account);
  }

  nextDue(): number {
    let due = Number.POSITIVE_INFINITY;
    for (const order of this.#gtd) {
      if (!isOpen(order)) this.#gtd.delete(order);
      else if (order.goodTillDate < due) due = order.goodTillDate;
    }
    for (const account of this.#countdowns) {
      if (account.countdowns.size === 0) this.#countdowns.delete(account);
      for (const c of account.countdowns.values()) if (c.deadline < due) due = c.deadline;
    }
    return due;
  }

  run(time: number): void {
    const venue = this.#venue;
    for (const order of [...this.#gtd]) {
      if (order.goodTillDate > time) continue;
      this.#gtd.delete(order);
      if (isOpen(order)) {
        expireOrder(
          venue,
          venue.market(order.symbol),
          venue.account(order.accountId),
          order,
          'EXPIRED',
          6,
          true,
        );
      }
    }
    for (const account of [...this.#countdowns]) {
      for (const [symbol, c] of [...account.countdowns]) {
        if (c.deadline > time) continue;
        account.countdowns.delete(symbol);
        cancelAllOrders(venue, account, symbol);
      }
    }
  }
}
