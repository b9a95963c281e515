import type { Venue } from '../venue/venue.js';
import { AdminError } from './adminCommands.js';

/** `GET /admin/state`: the exchange at a glance. */
export function exchangeState(venue: Venue): unknown {
  return {
    time: venue.now,
    accounts: [...venue.accounts.values()].filter((a) => !a.system).length,
    symbols: [...venue.markets.values()].map((m) => ({
      symbol: m.symbol,
      indexPrice: m.indexPrice.toString(),
      markPrice: m.markPrice.toString(),
      lastPrice: m.lastPrice().toString(),
      bestBid: Number.isNaN(m.book.bestBid()) ? null : m.formatPrice(m.book.bestBid()),
      bestAsk: Number.isNaN(m.book.bestAsk()) ? null : m.formatPrice(m.book.bestAsk()),
      openInterest: m.openInterest.toString(),
      lastFundingRate: m.lastFundingRate.toString(),
      nextFundingTime: m.nextFundingTime,
    })),
  };
}

/** `GET /admin/accounts/:id`: one account's wallets, positions and open orders (never secrets). */
export function accountState(venue: Venue, id: number): unknown {
  const account = venue.accounts.get(id);
  if (account === undefined || account.system) throw new AdminError(`no account ${id}`, 404);
  return {
    accountId: account.id,
    keys: [...account.keys.values()].map((k) => ({
      apiKey: k.apiKey,
      type: k.type,
      permissions: k.permissions,
    })),
    dualSidePosition: account.dualSidePosition,
    wallets: Object.fromEntries([...account.wallets].map(([asset, balance]) => [asset, balance.toString()])),
    positions: [...account.positions.values()]
      .filter((p) => !p.amount.isZero())
      .map((p) => ({
        symbol: p.symbol,
        positionSide: p.positionSide,
        positionAmt: p.amount.toString(),
        entryPrice: p.entryPrice.toString(),
        isolatedWallet: p.isolatedWallet.toString(),
      })),
    openOrders: [...account.openOrders.values()].flatMap((m) =>
      [...m.values()].map((o) => venue.orderView(o, { withTime: true })),
    ),
  };
}
