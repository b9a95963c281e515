import type {
  CoinmAccount,
  CoinmAccountPosition,
  CoinmBalance,
  CoinmPositionRisk,
  CoinmQtyBracketTier,
  PositionSide,
} from '@basis/core';
import type { Account } from '../../../venue/account.js';
import {
  accountAssetV3,
  allRows,
  assetsOf,
  bracketTiers,
  breakEvenText,
  capText,
  positionMarginFields,
  positionRiskRow,
  priceText,
  qtyText,
  type Row,
  rowMoney,
  type ViewCache,
} from '../../../venue/accountViews.js';
import type { Market } from '../../../venue/market.js';
import type { Venue } from '../../../venue/venue.js';
import { apiError } from '../../apiError.js';

// The COIN-M account views (§13.3). They print the same margin state the USD-M views print (the
// venue's `marginsOf`, every figure in the margin coin) under COIN-M's names and row sets.

/** COIN-M keeps the BOTH row beside LONG and SHORT in hedge mode (its docs list all three). */
const HEDGE_ROWS: readonly PositionSide[] = ['BOTH', 'LONG', 'SHORT'];

function sidesOf(account: Account): readonly PositionSide[] {
  return account.dualSidePosition ? HEDGE_ROWS : account.sides();
}

/** What the COIN-M reads filter markets by: `pair` (e.g. BTCUSD) and `marginAsset` (e.g. BTC). */
export interface MarketFilter {
  readonly pair?: string | undefined;
  readonly marginAsset?: string | undefined;
}

/**
 * The markets matching `filter`, in listing order (both filters apply when both are sent). A pair
 * no market belongs to is `-1121 Invalid symbol.`; a margin asset none settles in selects nothing.
 */
export function marketsMatching(venue: Venue, filter: MarketFilter = {}): Market[] {
  const markets = [...venue.markets.values()];
  const { pair, marginAsset } = filter;
  if (pair !== undefined && !markets.some((m) => m.spec.pair === pair)) throw apiError(-1121);
  return markets.filter(
    (m) =>
      (pair === undefined || m.spec.pair === pair) &&
      (marginAsset === undefined || m.spec.marginAsset === marginAsset),
  );
}

function rowsOf(venue: Venue, account: Account, markets: readonly Market[], cache: ViewCache): Row[] {
  return allRows(venue, account, markets, cache, sidesOf(account));
}

/** `maxQty`: the cap of the row's leverage, in coin (the brackets' `qtyCap`). */
function maxQty(row: Row): string {
  return capText(row.market, row.settings.leverage);
}

/** `GET /dapi/v1/account`: every coin's balances and every symbol's rows. */
export function coinmAccount(venue: Venue, account: Account): CoinmAccount {
  const cache: ViewCache = new Map();
  const positions: CoinmAccountPosition[] = rowsOf(venue, account, marketsMatching(venue), cache).map(
    (row) => ({
      symbol: row.market.symbol,
      positionAmt: qtyText(row.market, row.state.amount),
      ...positionMarginFields(row),
      positionSide: row.state.positionSide,
      entryPrice: priceText(row.state.entryPrice),
      breakEvenPrice: breakEvenText(row),
      maxQty: maxQty(row),
      notionalValue: rowMoney(row.figures.notional),
      updateTime: row.state.updateTime,
    }),
  );
  return {
    assets: assetsOf(venue, account).map((asset) => accountAssetV3(venue, account, asset, cache)),
    positions,
    canDeposit: true,
    canTrade: account.canTrade,
    canWithdraw: true,
    feeTier: account.feeTier,
    updateTime: 0,
  };
}

/** `GET /dapi/v1/balance`: one row per coin; `withdrawAvailable` is the account's `maxWithdrawAmount`. */
export function coinmBalances(venue: Venue, account: Account): CoinmBalance[] {
  const cache: ViewCache = new Map();
  return assetsOf(venue, account).map((asset) => {
    const a = accountAssetV3(venue, account, asset, cache);
    return {
      accountAlias: account.alias,
      asset,
      balance: a.walletBalance,
      withdrawAvailable: a.maxWithdrawAmount,
      crossWalletBalance: a.crossWalletBalance,
      crossUnPnl: a.crossUnPnl,
      availableBalance: a.availableBalance,
      updateTime: a.updateTime,
    };
  });
}

/**
 * `GET /dapi/v1/positionRisk`: the rows of the markets `filter` selects, flat ones included, with
 * `maxQty` for `maxNotionalValue` and no `notional`/`isolatedWallet`.
 */
export function coinmPositionRisk(venue: Venue, account: Account, filter: MarketFilter): CoinmPositionRisk[] {
  const cache: ViewCache = new Map();
  return rowsOf(venue, account, marketsMatching(venue, filter), cache).map((row) =>
    positionRiskRow(account, row, { maxQty: maxQty(row) }, { notionalValue: rowMoney(row.figures.notional) }),
  );
}

/** A market's tiers as the COIN-M leverageBracket endpoints print them: caps in coin, `qtylFloor` (sic). */
export function qtyBrackets(market: Market): CoinmQtyBracketTier[] {
  return bracketTiers(market).map((t) => ({
    bracket: t.bracket,
    initialLeverage: t.initialLeverage,
    qtyCap: t.cap,
    qtylFloor: t.floor,
    maintMarginRatio: t.maintMarginRatio,
    cum: t.cum,
  }));
}
