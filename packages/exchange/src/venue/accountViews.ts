import {
  type AccountAssetV2,
  type AccountAssetV3,
  type AccountConfig,
  type AccountPositionV2,
  type AccountPositionV3,
  type AccountTotals,
  type AccountV2,
  type AccountV3,
  type AdlQuantile,
  type AdlQuantileEntry,
  type BalanceV2,
  type CommissionRate,
  Decimal,
  type LeverageBracket,
  type PositionRiskV2,
  type PositionRiskV3,
  type PositionSide,
  type SymbolConfig,
} from '@basis/core';
import type { AccountMargins, AccountPosition, PositionMargins } from '../margin/account.js';
import { maxNotionalForLeverage } from '../margin/brackets.js';
import { adlQuantiles, adlScore, bankruptcyPrice, liquidationPrice } from '../margin/liquidation.js';
import { breakEvenPrice } from '../margin/position.js';
import { MONEY_SCALE } from '../margin/precision.js';
import { type Account, DEFAULT_LEVERAGE, type PositionState, type SymbolSettings } from './account.js';
import type { Market } from './market.js';
import { marginAssets } from './settings.js';
import type { Venue } from './venue.js';

// The figures of a row without a position or orders.
const NO_MARGINS: PositionMargins = Object.freeze({
  unrealizedProfit: Decimal.ZERO,
  notional: Decimal.ZERO,
  positionInitialMargin: Decimal.ZERO,
  openOrderInitialMargin: Decimal.ZERO,
  initialMargin: Decimal.ZERO,
  maintMargin: Decimal.ZERO,
  isolatedWallet: Decimal.ZERO,
  isolatedMargin: Decimal.ZERO,
});

/**
 * The margin state of one asset of one account, exactly as the venue's margin check sees it:
 * `margins` is {@link Venue.marginsOf}, and `figures` its per-row values by `symbol|positionSide`
 * (rows with a position or resting orders; every other row is all zeros).
 */
export interface AssetState {
  readonly asset: string;
  readonly margins: AccountMargins;
  readonly rows: readonly { readonly state: PositionState; readonly input: AccountPosition }[];
  readonly figures: ReadonlyMap<string, PositionMargins>;
}

/** Per-read memo of asset states (`accountId|asset`), so one view computes each once. */
export type ViewCache = Map<string, AssetState>;

/** The margin state of `asset` in `account`; see {@link AssetState}. */
export function assetState(venue: Venue, account: Account, asset: string, cache?: ViewCache): AssetState {
  const key = `${account.id}|${asset}`;
  const cached = cache?.get(key);
  if (cached !== undefined) return cached;
  const rows = venue.accountPositions(account, asset);
  const margins = venue.marginsOf(account, asset);
  const figures = new Map<string, PositionMargins>();
  rows.forEach((row, i) => {
    figures.set(`${row.state.symbol}|${row.state.positionSide}`, margins.positions[i]!);
  });
  const state: AssetState = { asset, margins, rows, figures };
  cache?.set(key, state);
  return state;
}

// Reads ---------------------------------------------------------------------------------------------

/** The symbol's settings without creating them (reads must not change the account). */
export function settingsView(account: Account, symbol: string): SymbolSettings {
  return account.settings.get(symbol) ?? { leverage: DEFAULT_LEVERAGE, marginType: 'CROSSED' };
}

/** The position on one side without creating it: a flat, never-updated one when absent. */
export function positionView(account: Account, symbol: string, side: PositionSide): PositionState {
  return (
    account.positions.get(`${symbol}|${side}`) ?? {
      symbol,
      positionSide: side,
      amount: Decimal.ZERO,
      entryPrice: Decimal.ZERO,
      isolatedWallet: Decimal.ZERO,
      openingCommission: Decimal.ZERO,
      accumulatedRealized: Decimal.ZERO,
      updateTime: 0,
    }
  );
}

/** Every asset an account shows: each market's margin asset (market order), then other wallets (sorted). */
export function assetsOf(venue: Venue, account: Account): string[] {
  const assets = marginAssets(venue);
  const others = [...account.wallets.keys()].filter((a) => !assets.includes(a)).sort();
  return [...assets, ...others];
}

/**
 * The asset the `total*` fields cover in single-asset mode: USDT (or, on a venue without USDT
 * markets, the first margin asset).
 */
export function totalsAsset(venue: Venue): string {
  const assets = marginAssets(venue);
  return assets.includes('USDT') ? 'USDT' : (assets[0] ?? 'USDT');
}

// Formatting ----------------------------------------------------------------------------------------

/** Money with Binance's 8 decimals. */
export function money(value: Decimal): string {
  return value.toFixed(MONEY_SCALE);
}

/** Money in a position row: "0" when zero, as Binance prints flat rows. */
export function rowMoney(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed(MONEY_SCALE);
}

/** An entry or break-even price: "0.0" when none, else the exact value with at least one decimal. */
export function priceText(value: Decimal | undefined): string {
  if (value === undefined || value.isZero()) return '0.0';
  const text = value.normalize().toString();
  return text.includes('.') ? text : `${text}.0`;
}

/** A position amount with the market's quantity decimals. */
export function qtyText(market: Market, amount: Decimal): string {
  return amount.toFixed(market.qtyDecimals);
}

/** The notional cap of `leverage` in the market's brackets (margin asset; coin on COIN-M). */
export function capText(market: Market, leverage: number): string {
  return (maxNotionalForLeverage(market.brackets, leverage) ?? Decimal.ZERO).toString();
}

function exposureValues(
  account: Account,
  symbol: string,
  side: PositionSide,
): { bid: Decimal; ask: Decimal } {
  const e = account.exposure.get(`${symbol}|${side}`);
  return { bid: e?.bidValue ?? Decimal.ZERO, ask: e?.askValue ?? Decimal.ZERO };
}

function marketsOf(venue: Venue, symbol: string | undefined): Market[] {
  return symbol === undefined ? [...venue.markets.values()] : [venue.market(symbol)];
}

// Totals and assets ---------------------------------------------------------------------------------

/**
 * The `total*` fields: the {@link totalsAsset}'s figures in single-asset mode; in multi-assets mode
 * the sum over every margin asset, each counted 1:1 (the default margin assets are USD stablecoins).
 */
export function accountTotals(venue: Venue, account: Account, cache: ViewCache = new Map()): AccountTotals {
  const assets = account.multiAssetsMargin ? marginAssets(venue) : [totalsAsset(venue)];
  const sum = (pick: (m: AccountMargins) => Decimal): string =>
    money(assets.reduce((s, a) => s.add(pick(assetState(venue, account, a, cache).margins)), Decimal.ZERO));
  return {
    totalInitialMargin: sum((m) => m.initialMargin),
    totalMaintMargin: sum((m) => m.maintMargin),
    totalWalletBalance: sum((m) => m.walletBalance),
    totalUnrealizedProfit: sum((m) => m.unrealizedProfit),
    totalMarginBalance: sum((m) => m.marginBalance),
    totalPositionInitialMargin: sum((m) => m.positionInitialMargin),
    totalOpenOrderInitialMargin: sum((m) => m.openOrderInitialMargin),
    totalCrossWalletBalance: sum((m) => m.crossWalletBalance),
    totalCrossUnPnl: sum((m) => m.crossUnPnl),
    availableBalance: sum((m) => m.availableBalance),
    maxWithdrawAmount: sum((m) => m.maxWithdrawAmount),
  };
}

/** One `assets[]` row of `/fapi/v3/account`. */
export function accountAssetV3(
  venue: Venue,
  account: Account,
  asset: string,
  cache?: ViewCache,
): AccountAssetV3 {
  const m = assetState(venue, account, asset, cache).margins;
  return {
    asset,
    walletBalance: money(m.walletBalance),
    unrealizedProfit: money(m.unrealizedProfit),
    marginBalance: money(m.marginBalance),
    maintMargin: money(m.maintMargin),
    initialMargin: money(m.initialMargin),
    positionInitialMargin: money(m.positionInitialMargin),
    openOrderInitialMargin: money(m.openOrderInitialMargin),
    crossWalletBalance: money(m.crossWalletBalance),
    crossUnPnl: money(m.crossUnPnl),
    availableBalance: money(m.availableBalance),
    maxWithdrawAmount: money(m.maxWithdrawAmount),
    updateTime: account.walletUpdateTime.get(asset) ?? 0,
  };
}

function isMarginAsset(venue: Venue, asset: string): boolean {
  return marginAssets(venue).includes(asset);
}

/** `GET /fapi/v2/balance` (and v3, same shape): one row per asset. */
export function balances(venue: Venue, account: Account): BalanceV2[] {
  const cache: ViewCache = new Map();
  return assetsOf(venue, account).map((asset) => {
    const m = assetState(venue, account, asset, cache).margins;
    return {
      accountAlias: account.alias,
      asset,
      balance: money(m.walletBalance),
      crossWalletBalance: money(m.crossWalletBalance),
      crossUnPnl: money(m.crossUnPnl),
      availableBalance: money(m.availableBalance),
      maxWithdrawAmount: money(m.maxWithdrawAmount),
      marginAvailable: isMarginAsset(venue, asset),
      updateTime: account.walletUpdateTime.get(asset) ?? 0,
    };
  });
}

// Position rows -------------------------------------------------------------------------------------

/** One position row with everything the views print. */
export interface Row {
  readonly market: Market;
  readonly state: PositionState;
  readonly settings: SymbolSettings;
  readonly figures: PositionMargins;
  readonly asset: AssetState;
}

function rowOf(venue: Venue, account: Account, market: Market, side: PositionSide, cache: ViewCache): Row {
  const asset = assetState(venue, account, market.spec.marginAsset, cache);
  return {
    market,
    state: positionView(account, market.symbol, side),
    settings: settingsView(account, market.symbol),
    figures: asset.figures.get(`${market.symbol}|${side}`) ?? NO_MARGINS,
    asset,
  };
}

/**
 * Every row of `markets`, flat ones included, for v2 views: one per side of `sides` (by default the
 * account's: BOTH, or LONG and SHORT).
 */
export function allRows(
  venue: Venue,
  account: Account,
  markets: readonly Market[],
  cache: ViewCache,
  sides: readonly PositionSide[] = account.sides(),
): Row[] {
  const rows: Row[] = [];
  for (const market of markets) {
    for (const side of sides) rows.push(rowOf(venue, account, market, side, cache));
  }
  return rows;
}

/** Rows with a position or resting orders (exactly those the margin figures cover), for v3 views. */
function activeRows(venue: Venue, account: Account, symbol: string | undefined, cache: ViewCache): Row[] {
  const rows: Row[] = [];
  for (const market of marketsOf(venue, symbol)) {
    const asset = assetState(venue, account, market.spec.marginAsset, cache);
    for (const side of account.sides()) {
      if (asset.figures.has(`${market.symbol}|${side}`))
        rows.push(rowOf(venue, account, market, side, cache));
    }
  }
  return rows;
}

/**
 * The liquidation price of a row (§2.7): an isolated position against its own wallet; a cross
 * symbol (BOTH, or LONG and SHORT together) against the cross wallet, net of the maintenance margin
 * and unrealized PnL of the other cross symbols. `undefined` when there is none.
 */
export function rowLiquidationPrice(
  account: Account,
  market: Market,
  side: PositionSide,
  asset: AssetState,
): Decimal | undefined {
  const settings = settingsView(account, market.symbol);
  const state = positionView(account, market.symbol, side);
  if (state.amount.isZero()) return undefined;
  if (settings.marginType === 'ISOLATED') {
    return liquidationPrice({
      contract: market.contract,
      brackets: market.brackets,
      positions: [state],
      walletBalance: state.isolatedWallet,
    });
  }
  const others = otherCross(asset, market.symbol);
  return liquidationPrice({
    contract: market.contract,
    brackets: market.brackets,
    positions: account.sides().map((s) => positionView(account, market.symbol, s)),
    walletBalance: asset.margins.crossWalletBalance,
    otherMaintMargin: others.maintMargin,
    otherUnrealizedPnl: others.unrealizedPnl,
    markPrice: market.markPrice,
  });
}

/** Σ maintenance margin and Σ UPnL of the cross rows of other symbols. */
function otherCross(asset: AssetState, symbol: string): { maintMargin: Decimal; unrealizedPnl: Decimal } {
  let maintMargin = Decimal.ZERO;
  let unrealizedPnl = Decimal.ZERO;
  asset.rows.forEach((row, i) => {
    if (row.state.symbol === symbol || row.input.marginType !== 'cross') return;
    const m = asset.margins.positions[i]!;
    maintMargin = maintMargin.add(m.maintMargin);
    unrealizedPnl = unrealizedPnl.add(m.unrealizedProfit);
  });
  return { maintMargin, unrealizedPnl };
}

/** A liquidation price: "0" when there is none. */
export function liquidationText(price: Decimal | undefined): string {
  return price === undefined ? '0' : price.toFixed(MONEY_SCALE);
}

/** The break-even price of a row (entry price moved by the opening commission). */
export function breakEvenText(row: Row): string {
  return priceText(breakEvenPrice(row.market.contract, row.state, row.state.openingCommission));
}

// ADL ---------------------------------------------------------------------------------------------

/**
 * ADL quantiles (0–4) of every trader's position on `symbol`, by `accountId|positionSide`: longs are
 * ranked among longs and shorts among shorts with {@link adlScore} (system accounts do not take
 * part). A cross hedge-mode account holding both sides shows the higher quantile on both, as
 * Binance shows "a same value" for them.
 */
export function adlQuantilesOf(
  venue: Venue,
  market: Market,
  cache: ViewCache = new Map(),
): Map<string, AdlQuantile> {
  const entries: { key: string; long: boolean; score: Decimal | undefined }[] = [];
  const bothSides: Account[] = [];
  for (const account of venue.accounts.values()) {
    if (account.system || !account.hasPositions(market.symbol)) continue;
    const asset = assetState(venue, account, market.spec.marginAsset, cache);
    const settings = settingsView(account, market.symbol);
    const held = account
      .sides()
      .map((s) => positionView(account, market.symbol, s))
      .filter((p) => !p.amount.isZero());
    for (const p of held) {
      const bankrupt =
        settings.marginType === 'ISOLATED'
          ? bankruptcyPrice({ contract: market.contract, positions: [p], walletBalance: p.isolatedWallet })
          : bankruptcyPrice({
              contract: market.contract,
              positions: held,
              walletBalance: asset.margins.crossWalletBalance,
              otherUnrealizedPnl: otherCross(asset, market.symbol).unrealizedPnl,
            });
      entries.push({
        key: `${account.id}|${p.positionSide}`,
        long: p.amount.isPositive(),
        score: adlScore({
          contract: market.contract,
          position: p,
          markPrice: market.markPrice,
          bankruptcyPrice: bankrupt,
        }),
      });
    }
    if (held.length === 2 && settings.marginType === 'CROSSED') bothSides.push(account);
  }
  const result = new Map<string, AdlQuantile>();
  for (const long of [true, false]) {
    const group = entries.filter((e) => e.long === long);
    const quantiles = adlQuantiles(group.map((e) => e.score));
    group.forEach((e, i) => {
      result.set(e.key, (quantiles[i] ?? 0) as AdlQuantile);
    });
  }
  for (const account of bothSides) {
    const shared = Math.max(result.get(`${account.id}|LONG`) ?? 0, result.get(`${account.id}|SHORT`) ?? 0);
    result.set(`${account.id}|LONG`, shared as AdlQuantile);
    result.set(`${account.id}|SHORT`, shared as AdlQuantile);
  }
  return result;
}

/**
 * `GET /fapi/v1/adlQuantile`: one entry per symbol where the account holds a position. One-way and
 * isolated hedge mode show LONG, SHORT and BOTH (0 for sides not held); cross hedge mode shows LONG
 * and SHORT plus the marker `HEDGE: 0`.
 */
export function adlQuantileEntries(venue: Venue, account: Account, symbol?: string): AdlQuantileEntry[] {
  const cache: ViewCache = new Map();
  const out: AdlQuantileEntry[] = [];
  for (const market of marketsOf(venue, symbol)) {
    if (!account.hasPositions(market.symbol)) continue;
    const q = adlQuantilesOf(venue, market, cache);
    const of = (side: PositionSide): AdlQuantile => q.get(`${account.id}|${side}`) ?? 0;
    if (!account.dualSidePosition) {
      const both = of('BOTH');
      const amount = positionView(account, market.symbol, 'BOTH').amount;
      out.push({
        symbol: market.symbol,
        adlQuantile: {
          LONG: amount.isPositive() ? both : 0,
          SHORT: amount.isNegative() ? both : 0,
          BOTH: both,
        },
      });
    } else if (settingsView(account, market.symbol).marginType === 'ISOLATED') {
      out.push({ symbol: market.symbol, adlQuantile: { LONG: of('LONG'), SHORT: of('SHORT'), BOTH: 0 } });
    } else {
      out.push({ symbol: market.symbol, adlQuantile: { LONG: of('LONG'), SHORT: of('SHORT'), HEDGE: 0 } });
    }
  }
  return out;
}

// Endpoint bodies -----------------------------------------------------------------------------------

/** The margin figures USD-M's `/fapi/v2/account` and COIN-M's `/dapi/v1/account` positions print alike. */
type PositionMarginFields = Pick<
  AccountPositionV2,
  | 'initialMargin'
  | 'maintMargin'
  | 'unrealizedProfit'
  | 'positionInitialMargin'
  | 'openOrderInitialMargin'
  | 'leverage'
  | 'isolated'
>;

/** A row's {@link PositionMarginFields} in Binance's order (the products differ around them). */
export function positionMarginFields(row: Row): PositionMarginFields {
  return {
    initialMargin: rowMoney(row.figures.initialMargin),
    maintMargin: rowMoney(row.figures.maintMargin),
    unrealizedProfit: money(row.figures.unrealizedProfit),
    positionInitialMargin: rowMoney(row.figures.positionInitialMargin),
    openOrderInitialMargin: rowMoney(row.figures.openOrderInitialMargin),
    leverage: String(row.settings.leverage),
    isolated: row.settings.marginType === 'ISOLATED',
  };
}

/** `GET /fapi/v2/account`: totals, every asset, and every symbol's rows. */
export function accountV2(venue: Venue, account: Account): AccountV2 {
  const cache: ViewCache = new Map();
  const assets: AccountAssetV2[] = assetsOf(venue, account).map((asset) => ({
    ...accountAssetV3(venue, account, asset, cache),
    marginAvailable: isMarginAsset(venue, asset),
  }));
  const rows = allRows(venue, account, marketsOf(venue, undefined), cache);
  const positions: AccountPositionV2[] = rows.map((row) => {
    const { bid, ask } = exposureValues(account, row.market.symbol, row.state.positionSide);
    return {
      symbol: row.market.symbol,
      ...positionMarginFields(row),
      entryPrice: priceText(row.state.entryPrice),
      maxNotional: capText(row.market, row.settings.leverage),
      bidNotional: rowMoney(bid),
      askNotional: rowMoney(ask),
      positionSide: row.state.positionSide,
      positionAmt: qtyText(row.market, row.state.amount),
      updateTime: row.state.updateTime,
    };
  });
  return {
    feeTier: account.feeTier,
    feeBurn: false,
    canTrade: account.canTrade,
    canDeposit: true,
    canWithdraw: true,
    updateTime: 0,
    multiAssetsMargin: account.multiAssetsMargin,
    tradeGroupId: -1,
    ...accountTotals(venue, account, cache),
    assets,
    positions,
  };
}

/** `GET /fapi/v3/account`: totals, every asset, and the rows with a position or resting orders. */
export function accountV3(venue: Venue, account: Account): AccountV3 {
  const cache: ViewCache = new Map();
  const positions: AccountPositionV3[] = activeRows(venue, account, undefined, cache).map((row) => ({
    symbol: row.market.symbol,
    positionSide: row.state.positionSide,
    positionAmt: qtyText(row.market, row.state.amount),
    unrealizedProfit: money(row.figures.unrealizedProfit),
    isolatedMargin: rowMoney(row.figures.isolatedMargin),
    notional: rowMoney(row.figures.notional),
    isolatedWallet: rowMoney(row.figures.isolatedWallet),
    initialMargin: rowMoney(row.figures.initialMargin),
    maintMargin: rowMoney(row.figures.maintMargin),
    updateTime: row.state.updateTime,
  }));
  return {
    ...accountTotals(venue, account, cache),
    assets: assetsOf(venue, account).map((asset) => accountAssetV3(venue, account, asset, cache)),
    positions,
  };
}

/**
 * `GET /fapi/v2/positionRisk`: every symbol (or `symbol`), BOTH rows in one-way mode and LONG and
 * SHORT rows in hedge mode. `leverage`, `maxNotionalValue` and `isAutoAddMargin` are strings.
 */
export function positionRiskV2(venue: Venue, account: Account, symbol?: string): PositionRiskV2[] {
  const cache: ViewCache = new Map();
  return allRows(venue, account, marketsOf(venue, symbol), cache).map((row) =>
    positionRiskRow(
      account,
      row,
      { maxNotionalValue: capText(row.market, row.settings.leverage) },
      { notional: rowMoney(row.figures.notional) },
    ),
  );
}

/** The positionRisk fields USD-M's v2 and COIN-M's v1 print alike. */
type CommonPositionRiskFields = Omit<PositionRiskV2, 'maxNotionalValue' | 'notional'>;

/**
 * A positionRisk row (USD-M v2, COIN-M v1) in Binance's field order. The products name two figures
 * differently, so the caller gives them in place: the leverage cap after `leverage` (USD-M
 * `maxNotionalValue`, COIN-M `maxQty`) and the notional after `positionSide` (USD-M `notional`,
 * COIN-M `notionalValue`).
 */
export function positionRiskRow<Cap extends object, Notional extends object>(
  account: Account,
  row: Row,
  cap: Cap,
  notional: Notional,
): CommonPositionRiskFields & Cap & Notional {
  return {
    symbol: row.market.symbol,
    positionAmt: qtyText(row.market, row.state.amount),
    entryPrice: priceText(row.state.entryPrice),
    breakEvenPrice: breakEvenText(row),
    markPrice: money(row.market.markPrice),
    unRealizedProfit: money(row.figures.unrealizedProfit),
    liquidationPrice: liquidationText(
      rowLiquidationPrice(account, row.market, row.state.positionSide, row.asset),
    ),
    leverage: String(row.settings.leverage),
    ...cap,
    marginType: row.settings.marginType === 'ISOLATED' ? 'isolated' : 'cross',
    isolatedMargin: money(row.figures.isolatedMargin),
    isAutoAddMargin: 'false',
    positionSide: row.state.positionSide,
    ...notional,
    isolatedWallet: rowMoney(row.figures.isolatedWallet),
    updateTime: row.state.updateTime,
  };
}

/** `GET /fapi/v3/positionRisk`: the rows with a position or resting orders (of `symbol`, if given). */
export function positionRiskV3(venue: Venue, account: Account, symbol?: string): PositionRiskV3[] {
  const cache: ViewCache = new Map();
  const adl = new Map<string, Map<string, AdlQuantile>>();
  return activeRows(venue, account, symbol, cache).map((row) => {
    const side = row.state.positionSide;
    let quantiles = adl.get(row.market.symbol);
    if (quantiles === undefined) {
      quantiles = adlQuantilesOf(venue, row.market, cache);
      adl.set(row.market.symbol, quantiles);
    }
    const { bid, ask } = exposureValues(account, row.market.symbol, side);
    return {
      symbol: row.market.symbol,
      positionSide: side,
      positionAmt: qtyText(row.market, row.state.amount),
      entryPrice: priceText(row.state.entryPrice),
      breakEvenPrice: breakEvenText(row),
      markPrice: money(row.market.markPrice),
      unRealizedProfit: money(row.figures.unrealizedProfit),
      liquidationPrice: liquidationText(rowLiquidationPrice(account, row.market, side, row.asset)),
      isolatedMargin: rowMoney(row.figures.isolatedMargin),
      notional: rowMoney(row.figures.notional),
      marginAsset: row.market.spec.marginAsset,
      isolatedWallet: rowMoney(row.figures.isolatedWallet),
      initialMargin: rowMoney(row.figures.initialMargin),
      maintMargin: rowMoney(row.figures.maintMargin),
      positionInitialMargin: rowMoney(row.figures.positionInitialMargin),
      openOrderInitialMargin: rowMoney(row.figures.openOrderInitialMargin),
      adl: quantiles.get(`${account.id}|${side}`) ?? 0,
      bidNotional: rowMoney(bid),
      askNotional: rowMoney(ask),
      updateTime: row.state.updateTime,
    };
  });
}

/** `GET /fapi/v1/accountConfig`. */
export function accountConfig(account: Account): AccountConfig {
  return {
    feeTier: account.feeTier,
    canTrade: account.canTrade,
    canDeposit: true,
    canWithdraw: true,
    dualSidePosition: account.dualSidePosition,
    updateTime: 0,
    multiAssetsMargin: account.multiAssetsMargin,
    tradeGroupId: -1,
  };
}

/** `GET /fapi/v1/symbolConfig`: every symbol, or `symbol`. */
export function symbolConfig(venue: Venue, account: Account, symbol?: string): SymbolConfig[] {
  return marketsOf(venue, symbol).map((market) => {
    const settings = settingsView(account, market.symbol);
    return {
      symbol: market.symbol,
      marginType: settings.marginType,
      isAutoAddMargin: false,
      leverage: settings.leverage,
      maxNotionalValue: capText(market, settings.leverage),
    };
  });
}

/**
 * A market's bracket tiers as the leverageBracket endpoints print them: JSON numbers, `cap` and
 * `floor` in the margin asset (USD-M names them `notionalCap`/`notionalFloor`, COIN-M `qtyCap`/`qtylFloor`).
 */
export function bracketTiers(market: Market): {
  bracket: number;
  initialLeverage: number;
  cap: number;
  floor: number;
  maintMarginRatio: number;
  cum: number;
}[] {
  return market.brackets.map((b) => ({
    bracket: b.bracket,
    initialLeverage: b.initialLeverage,
    cap: Number(b.notionalCap.toString()),
    floor: Number(b.notionalFloor.toString()),
    maintMarginRatio: Number(b.maintMarginRatio.toString()),
    cum: Number(b.cum.toString()),
  }));
}

/** A symbol's leverage brackets as `GET /fapi/v1/leverageBracket` prints them (numbers). */
export function leverageBracket(market: Market): LeverageBracket {
  return {
    symbol: market.symbol,
    brackets: bracketTiers(market).map((t) => ({
      bracket: t.bracket,
      initialLeverage: t.initialLeverage,
      notionalCap: t.cap,
      notionalFloor: t.floor,
      maintMarginRatio: t.maintMarginRatio,
      cum: t.cum,
    })),
  };
}

/**
 * `GET /fapi/v1/commissionRate`: the account's rates. RPI orders only ever rest, so their fills
 * pay the maker rate; `rpiCommissionRate` says so.
 */
export function commissionRate(venue: Venue, account: Account, symbol: string): CommissionRate {
  const market = venue.market(symbol);
  const maker = account.makerRate.normalize().toString();
  return {
    symbol: market.symbol,
    makerCommissionRate: maker,
    takerCommissionRate: account.takerRate.normalize().toString(),
    rpiCommissionRate: maker,
  };
}
