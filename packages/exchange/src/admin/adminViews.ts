import { coinmOrderView } from '../api/coinm/trade/coinmOrderView.js';
import { openOrdersWhere } from '../api/trade/getOpenOrders.js';
import type { Account } from '../venue/account.js';
import { coinmContractType } from '../venue/delivery.js';
import type { Market } from '../venue/market.js';
import type { Venue } from '../venue/venue.js';
import { AdminError } from './adminCommands.js';

/** `GET /admin/state`: the exchange at a glance; with COIN-M on, its contracts under `coinm`. */
export function exchangeState(venue: Venue, coinm?: Venue): unknown {
  return {
    time: venue.now,
    accounts: [...venue.accounts.values()].filter((a) => !a.system).length,
    symbols: [...venue.markets.values()].map(symbolState),
    ...(coinm === undefined
      ? {}
      : {
          coinm: {
            time: coinm.now,
            symbols: [...coinm.markets.values()].map((m) => ({
              ...symbolState(m),
              pair: m.spec.pair,
              contractType: coinmContractType(m),
              contractStatus: m.status,
              deliveryDate: m.spec.deliveryDate,
            })),
          },
        }),
  };
}

function symbolState(m: Market) {
  return {
    symbol: m.symbol,
    indexPrice: m.indexPrice.toString(),
    markPrice: m.markPrice.toString(),
    lastPrice: m.lastPrice().toString(),
    bestBid: Number.isNaN(m.bookView.bestBid()) ? null : m.formatPrice(m.bookView.bestBid()),
    bestAsk: Number.isNaN(m.bookView.bestAsk()) ? null : m.formatPrice(m.bookView.bestAsk()),
    openInterest: m.openInterest.toString(),
    lastFundingRate: m.lastFundingRate.toString(),
    nextFundingTime: m.nextFundingTime,
  };
}

/**
 * `GET /admin/accounts/:id`: one account's wallets, positions and open orders (never secrets); with
 * COIN-M on, the same account's coin wallets, positions and open orders (conditional ones included,
 * as `/dapi/v1/openOrders` shows them) under `coinm`.
 */
export function accountState(venue: Venue, id: number, coinm?: Venue): unknown {
  const account = venue.accounts.get(id);
  if (account === undefined || account.system) throw new AdminError(`no account ${id}`, 404);
  // Accounts are mirrored in both venues with the same ids.
  const coinmAccount = coinm?.accounts.get(id);
  return {
    accountId: account.id,
    keys: [...account.keys.values()].map((k) => ({
      apiKey: k.apiKey,
      type: k.type,
      permissions: k.permissions,
    })),
    dualSidePosition: account.dualSidePosition,
    ...holdings(account),
    openOrders: [...account.openOrders.values()].flatMap((m) =>
      [...m.values()].map((o) => venue.orderView(o, { withTime: true })),
    ),
    ...(coinm === undefined || coinmAccount === undefined
      ? {}
      : {
          coinm: {
            dualSidePosition: coinmAccount.dualSidePosition,
            ...holdings(coinmAccount),
            openOrders: openOrdersWhere(coinm, coinmAccount, () => true).map((o) =>
              coinmOrderView(coinm, o, { withTime: true }),
            ),
          },
        }),
  };
}

/** An account's wallets and its open positions. */
function holdings(account: Account) {
  return {
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
  };
}
