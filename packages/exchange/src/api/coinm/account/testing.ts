import { Decimal, VirtualClock } from '@basis/core';
import { createExchange, type DefaultAccount, type Exchange } from '../../../createExchange.js';
import type { Account } from '../../../venue/account.js';
import { limitOrder } from '../../../venue/orderInput.testing.js';
import type { Venue } from '../../../venue/venue.js';
import { send } from '../testing.js';

// `send` is shared with the COIN-M trade fixtures (../testing.ts); these tests import it from here.
export { send };

// Fixtures for the COIN-M account endpoint tests: an exchange on a VirtualClock without synthetic
// market data, its default account (10 BTC, 100 ETH) as the trader, a counterparty with deep coin
// pockets, and fills made on the COIN-M venue directly. Not used by the exchange.

/** 2026-11-24 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** A started exchange with its COIN-M venue, trader and counterparty. */
export interface CoinmFixture {
  readonly exchange: Exchange;
  readonly coinm: Venue;
  readonly creds: DefaultAccount;
  readonly trader: Account;
  readonly counterparty: Account;
}

const open: Exchange[] = [];

/** Closes every exchange {@link startCoinm} started (for `afterEach`). */
export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((e) => e.close()));
}

/** Starts an exchange at {@link T0} with the default COIN-M listing and no market-data feed. */
export function startCoinm(): CoinmFixture {
  const exchange = createExchange({ clock: new VirtualClock(T0), marketData: 'none' });
  open.push(exchange);
  const coinm = exchange.coinm!;
  const creds = exchange.defaultAccount!;
  const created = exchange.admin({ kind: 'createAccount', balances: { BTC: '1000', ETH: '100000' } });
  if (created.kind !== 'account') throw new Error('counterparty not created');
  return {
    exchange,
    coinm,
    creds,
    trader: coinm.accounts.get(creds.accountId)!,
    counterparty: coinm.accounts.get(created.accountId)!,
  };
}

/** Sets a COIN-M market's mark price (no feed runs in these tests). */
export function setMark(f: CoinmFixture, symbol: string, price: string): void {
  f.coinm.market(symbol).markPrice = Decimal.parse(price);
}

/**
 * The trader takes `qty` contracts at `price` from the counterparty, who rests the other side
 * (in one-way mode). The mark is set to `price` first so the price filters accept it; `positionSide`
 * is for a hedge-mode trader.
 */
export function fill(
  f: CoinmFixture,
  symbol: string,
  side: 'BUY' | 'SELL',
  qty: string,
  price: string,
  positionSide?: 'LONG' | 'SHORT',
): void {
  setMark(f, symbol, price);
  f.coinm.placeOrder(f.counterparty, limitOrder(symbol, side === 'BUY' ? 'SELL' : 'BUY', qty, price));
  const result = f.coinm.placeOrder(f.trader, limitOrder(symbol, side, qty, price, { positionSide }));
  if (result.order.status !== 'FILLED') throw new Error(`fill did not fill: ${result.order.status}`);
  f.coinm.commit();
}

/** The body of a signed GET that must succeed. */
export function get<T>(
  f: CoinmFixture,
  path: string,
  params: Readonly<Record<string, string | number>> = {},
): T {
  const response = send<T>(f, 'GET', path, params);
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}
