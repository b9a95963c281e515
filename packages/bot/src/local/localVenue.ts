import type { Clock } from '@basis/core';
import type { Venue, VenueListener } from '@basis/exchange';
import { type LocalProduct, USDM_LOCAL } from './localProduct.js';

/** An account of the venue (the exchange does not export the class; its type is what `account()` answers). */
export type VenueAccount = ReturnType<Venue['account']>;

/**
 * The in-process door to an embedded exchange's venue, shared by the local data and execution
 * clients: one subscription to the venue's events fanned out, and endpoint calls exactly as the
 * exchange's REST handler makes them (advance the venue to now, call the endpoint with Binance's
 * wire parameters, commit), minus HTTP, signing and rate limits.
 *
 * Note: these calls bypass the exchange's journal, so a paper run on an exchange with a state
 * directory does not survive that exchange's restart; the SDK's in-process transport (through
 * `exchange.handle`) is the durable path.
 */
export class LocalVenue {
  readonly venue: Venue;
  readonly clock: Clock;
  readonly accountId: number;
  /** The venue's product: its routes, and how the clients call them. */
  readonly product: LocalProduct;
  readonly #listeners = new Set<VenueListener>();
  readonly #batchEnd = new Set<() => void>();
  #unsubscribe: (() => void) | undefined;

  constructor(venue: Venue, clock: Clock, accountId: number, product: LocalProduct = USDM_LOCAL) {
    if (venue.product !== product.product)
      throw new Error(`a ${product.product} profile over a ${venue.product} venue`);
    this.venue = venue;
    this.clock = clock;
    this.accountId = accountId;
    this.product = product;
  }

  get account(): VenueAccount {
    return this.venue.account(this.accountId);
  }

  /** Adds a listener (subscribing to the venue with the first); answers its removal. */
  listen(listener: VenueListener, onBatchEnd?: () => void): () => void {
    this.#listeners.add(listener);
    if (onBatchEnd !== undefined) this.#batchEnd.add(onBatchEnd);
    if (this.#unsubscribe === undefined) {
      const fan = this.#listeners;
      const batchEnd = this.#batchEnd;
      this.#unsubscribe = this.venue.subscribe({
        userEvent: (accountId, event) => {
          for (const l of fan) l.userEvent?.(accountId, event);
        },
        trade: (trade) => {
          for (const l of fan) l.trade?.(trade);
        },
        depthLevel: (symbol, side, tick, qty, updateId) => {
          for (const l of fan) l.depthLevel?.(symbol, side, tick, qty, updateId);
        },
        markPrice: (symbol, time) => {
          for (const l of fan) l.markPrice?.(symbol, time);
        },
        forceOrder: (order) => {
          for (const l of fan) l.forceOrder?.(order);
        },
        tick: (time) => {
          for (const l of fan) l.tick?.(time);
          for (const end of batchEnd) end();
        },
      });
    }
    return () => {
      this.#listeners.delete(listener);
      if (onBatchEnd !== undefined) this.#batchEnd.delete(onBatchEnd);
      if (this.#listeners.size === 0) {
        this.#unsubscribe?.();
        this.#unsubscribe = undefined;
      }
    };
  }

  /** Runs a command endpoint for the account at the clock's time; throws the endpoint's `ApiError`. */
  command<R>(route: string, params: Readonly<Record<string, string>>): R {
    const endpoint = this.product.routes[route];
    if (endpoint === undefined) throw new Error(`no route ${route}`);
    this.venue.advanceTo(Math.max(this.venue.now, this.clock.now()));
    try {
      return endpoint.handle(this.venue, { now: this.venue.now, account: this.account }, params) as R;
    } finally {
      this.venue.commit();
      for (const end of this.#batchEnd) end();
    }
  }

  /** Runs a read endpoint now (without moving the venue's time). */
  read<R>(route: string, params: Readonly<Record<string, string>>): R {
    const endpoint = this.product.routes[route];
    if (endpoint === undefined) throw new Error(`no route ${route}`);
    return endpoint.handle(this.venue, { now: this.venue.now, account: this.account }, params) as R;
  }
}
