import type { Clock } from '@basis/core';
import { coinmSymbols, DEFAULT_SYMBOLS, type Exchange, type ExchangeOptions } from '@basis/exchange';
import type { RunProduct } from '../product/runProduct.js';
import { localProduct } from './localProduct.js';
import { LocalVenue } from './localVenue.js';

/**
 * The markets an embedded exchange simulates for a run, so a run does not pay for markets it
 * cannot trade: the run's USDⓈ-M symbols among Binance's defaults; for a COIN-M run, its symbols
 * among the exchange's default COIN-M listing at `startTime` (the BTC and ETH perpetuals and their
 * current and next quarterlies), else no COIN-M at all.
 */
export function embeddedMarkets(
  run: RunProduct,
  symbols: readonly string[],
  startTime: number,
): Required<Pick<ExchangeOptions, 'symbols' | 'coinm'>> {
  const usdm = DEFAULT_SYMBOLS.filter((s) => symbols.includes(s.symbol));
  if (run.product === 'usdm') return { symbols: usdm, coinm: false };
  const listing = coinmSymbols(startTime);
  const missing = symbols.filter((symbol) => !listing.some((s) => s.symbol === symbol));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not listed on the local exchange's COIN-M venue on ${new Date(startTime).toISOString().slice(0, 10)} (listed: ${listing.map((s) => s.symbol).join(', ')})`,
    );
  }
  return { symbols: usdm, coinm: { symbols: listing.filter((s) => symbols.includes(s.symbol)) } };
}

/**
 * The history the embedded exchange keeps per account: the bot reads its own state from the kernel,
 * so 10,000 records of each kind (orders, fills, income) are plenty, and a market maker that
 * requotes all day keeps a few megabytes instead of growing without bound.
 */
export const EMBEDDED_HISTORY = { recordsPerAccount: 10_000 } as const;

/** A run's starting balance when none is given: 10,000 of the quote asset, or 1 coin on COIN-M. */
export function defaultBalances(run: RunProduct): Record<string, string> {
  return { [run.asset]: run.product === 'coinm' ? '1' : '10000' };
}

/**
 * The in-process door to the venue of the run's product on `exchange`, for `accountId`. Throws
 * when the exchange does not serve that product or does not list one of the symbols.
 */
export function localVenueFor(
  exchange: Exchange,
  run: RunProduct,
  symbols: readonly string[],
  clock: Clock,
  accountId: number,
): LocalVenue {
  const venue = run.product === 'coinm' ? exchange.coinm : exchange.venue;
  if (venue === undefined)
    throw new Error(`the exchange has COIN-M turned off, so it cannot trade ${symbols.join(', ')}`);
  const missing = symbols.filter((s) => !venue.markets.has(s));
  if (missing.length > 0) {
    const listed = [...venue.markets.keys()].join(', ') || 'none';
    throw new Error(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not listed on the local exchange's ${run.product === 'coinm' ? 'COIN-M' : 'USDⓈ-M'} venue (listed: ${listed})`,
    );
  }
  return new LocalVenue(venue, clock, accountId, localProduct(run.product));
}
