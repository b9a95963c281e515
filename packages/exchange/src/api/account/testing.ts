import { Decimal, type UserDataEvent } from '@basis/core';
import type { Account } from '../../venue/account.js';
import { limitOrder } from '../../venue/orderInput.testing.js';
import { Venue, type VenueOptions } from '../../venue/venue.js';
import { ApiError } from '../apiError.js';
import type { Endpoint } from '../endpoint.js';
import type { RawParams } from '../params.js';

// The order builders are shared (venue/orderInput.testing.ts); these tests import them from here.
export { limitOrder };

// Fixtures for the account endpoint and account-settings tests: a real venue with the default
// symbols, a counterparty with deep pockets, a trader, and order builders. Not used by the exchange.

/** 2026-11-24 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/**
 * A venue at {@link T0} (seed 1) without the synthetic market (tests script every order), a
 * counterparty holding 100,000,000 USDT and USDC, and a trader holding `balance` USDT (10,000).
 */
export function accountVenue(options: Partial<VenueOptions> & { readonly balance?: string } = {}): {
  readonly venue: Venue;
  readonly counterparty: Account;
  readonly trader: Account;
} {
  const { balance, ...venueOptions } = options;
  const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none', ...venueOptions });
  const counterparty = venue.createAccount({ balances: { USDT: '100000000', USDC: '100000000' } });
  const trader = venue.createAccount({ balances: { USDT: balance ?? '10000' } });
  return { venue, counterparty, trader };
}

/** Sets a market's mark price (the venue's feeds are not running in these tests). */
export function setMark(venue: Venue, symbol: string, price: string): void {
  venue.market(symbol).markPrice = Decimal.parse(price);
}

/**
 * Opens (or adds to) a position of `trader`: the counterparty rests the opposite side at `price`,
 * the trader takes it. The mark is set to `price` first so the price filters accept it.
 * `positionSide` is for hedge-mode traders (the counterparty stays in one-way mode).
 */
export function trade(
  venue: Venue,
  counterparty: Account,
  trader: Account,
  symbol: string,
  side: 'BUY' | 'SELL',
  qty: string,
  price: string,
  positionSide?: 'LONG' | 'SHORT',
): void {
  setMark(venue, symbol, price);
  const other = side === 'BUY' ? 'SELL' : 'BUY';
  venue.placeOrder(counterparty, limitOrder(symbol, other, qty, price));
  const result = venue.placeOrder(trader, limitOrder(symbol, side, qty, price, { positionSide }));
  if (result.order.status !== 'FILLED') throw new Error(`trade did not fill: ${result.order.status}`);
  venue.commit();
}

/** The Binance code of the ApiError `fn` throws. */
export function rejects(fn: () => unknown): number {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** Calls an endpoint as the transport would: at the venue's time, for `account`. */
export function call<R>(
  endpoint: Endpoint<R>,
  venue: Venue,
  account: Account | undefined,
  params: RawParams = {},
): R {
  return endpoint.handle(venue, { now: venue.now, account }, params);
}

/** Collects the user-data events of `account` (delivered on `venue.commit()`). */
export function userEvents(venue: Venue, account: Account): UserDataEvent[] {
  const events: UserDataEvent[] = [];
  venue.subscribe({ userEvent: (id, event) => id === account.id && events.push(event) });
  return events;
}
