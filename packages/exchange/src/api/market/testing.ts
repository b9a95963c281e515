import type { Account } from '../../venue/account.js';
import { limitOrder, marketOrder } from '../../venue/orderInput.testing.js';
import { Venue, type VenueOptions } from '../../venue/venue.js';
import { ApiError } from '../apiError.js';
import type { Endpoint } from '../endpoint.js';
import type { RawParams } from '../params.js';

// The order builders are shared (venue/orderInput.testing.ts); these tests import them from here.
export { limitOrder, marketOrder };

// Fixtures for the market-data endpoint tests: a real venue with default symbols, two funded
// accounts, and order builders. Not used by the exchange itself.

/** 2026-11-24 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/**
 * A venue at {@link T0} (seed 1) with a maker and a taker holding 1,000,000 USDT and USDC each. Without
 * the synthetic market unless `marketData: 'synthetic'` is passed: tests script every order.
 */
export function tradingVenue(options: Partial<VenueOptions> = {}): {
  readonly venue: Venue;
  readonly maker: Account;
  readonly taker: Account;
} {
  const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none', ...options });
  const maker = venue.createAccount({ balances: { USDT: '1000000', USDC: '1000000' } });
  const taker = venue.createAccount({ balances: { USDT: '1000000', USDC: '1000000' } });
  return { venue, maker, taker };
}

/** Resting orders per batch of {@link sweep}, below the 200 open orders a symbol allows. */
const SWEEP_BATCH = 100;

/**
 * A venue with `count` BTCUSDT trades of 0.002 at 96000.00, taker buying: the maker rests sells in
 * batches of up to 100 and one market order per batch takes them (one aggregate trade per batch).
 * Trade ids run from the id start to start + count − 1, all at {@link T0}.
 */
export function sweep(count: number, options: Partial<VenueOptions> = {}): ReturnType<typeof tradingVenue> {
  const fixture = tradingVenue(options);
  const { venue, maker, taker } = fixture;
  for (let done = 0; done < count; done += SWEEP_BATCH) {
    const batch = Math.min(SWEEP_BATCH, count - done);
    for (let i = 0; i < batch; i++)
      venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96000.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', (0.002 * batch).toFixed(3)));
  }
  return fixture;
}

/** Calls an endpoint as an anonymous request at the venue's time. */
export function call<R>(endpoint: Endpoint<R>, venue: Venue, params: RawParams = {}): R {
  return endpoint.handle(venue, { now: venue.now, account: undefined }, params);
}

/** The Binance code and message an endpoint call is rejected with. */
export function rejection(fn: () => unknown): { readonly code: number; readonly msg: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, msg: error.msg };
    throw error;
  }
  throw new Error('expected a rejection');
}
