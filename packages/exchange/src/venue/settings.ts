import {
  type CodeMsgAck,
  Decimal,
  type LeverageResponse,
  type MarginType,
  type PositionMarginAction,
  type PositionMarginResponse,
  type PositionSide,
} from '@basis/core';
import { apiError } from '../api/apiError.js';
import { isValidLeverage, maxNotionalForLeverage } from '../margin/brackets.js';
import { maxRemovableIsolatedMargin } from '../margin/liquidation.js';
import { MONEY_SCALE } from '../margin/precision.js';
import type { Account } from './account.js';
import type { Market } from './market.js';
import type { Venue } from './venue.js';

/** One change of an isolated position's margin (`GET /fapi/v1/positionMargin/history`). */
export interface PositionMarginRecord {
  readonly symbol: string;
  /** 1 = added, 2 = reduced. */
  readonly type: PositionMarginAction;
  /** Origin of the change: `USER_ADJUST` for `POST /fapi/v1/positionMargin`. */
  readonly deltaType: string;
  readonly amount: Decimal;
  readonly asset: string;
  readonly time: number;
  readonly positionSide: PositionSide;
}

/** `{"code":200,"msg":"success"}`: the answer of marginType, positionSide/dual and multiAssetsMargin. */
export const SUCCESS: CodeMsgAck = Object.freeze({ code: 200, msg: 'success' });

/** The message of a successful `POST /fapi/v1/positionMargin`. */
export const POSITION_MARGIN_MESSAGE = 'Successfully modify position margin.';

/**
 * `POST /fapi/v1/leverage`: sets the initial leverage of `symbol`.
 * - `-4028 Leverage %s is not valid` unless an integer from 1 to the brackets' maximum;
 * - `-4161` when lowering the leverage of an isolated symbol with an open position;
 * - `-2027` when an open position's notional at mark exceeds the new leverage's notional cap;
 * - `-2028` when lowering it raises the margin required beyond the cross margin (the available
 *   balance, before it is floored at 0, would end up below 0).
 * Emits `ACCOUNT_CONFIG_UPDATE {ac: {s, l}}` when the leverage changes.
 */
export function setLeverage(
  venue: Venue,
  account: Account,
  symbol: string,
  leverage: number,
): LeverageResponse {
  const market = venue.market(symbol);
  if (!isValidLeverage(market.brackets, leverage)) throw apiError(-4028, [leverage]);
  const cap = maxNotionalForLeverage(market.brackets, leverage)!;
  const settings = account.settingsFor(symbol);
  const previous = settings.leverage;
  const lowering = leverage < previous;
  if (lowering && settings.marginType === 'ISOLATED' && account.hasPositions(symbol)) throw apiError(-4161);
  for (const side of account.sides()) {
    const amount = account.positions.get(`${symbol}|${side}`)?.amount ?? Decimal.ZERO;
    if (market.valueOf(amount.abs(), market.markPrice).gt(cap)) throw apiError(-2027);
  }
  if (lowering) {
    const asset = market.spec.marginAsset;
    const before = crossFree(venue, account, asset);
    settings.leverage = leverage;
    const after = crossFree(venue, account, asset);
    if (after.isNegative() && after.lt(before)) {
      settings.leverage = previous;
      throw apiError(-2028);
    }
  }
  settings.leverage = leverage;
  if (leverage !== previous && !account.system) {
    venue.outbox.user(account.id, {
      e: 'ACCOUNT_CONFIG_UPDATE',
      E: venue.now,
      T: venue.now,
      ac: { s: symbol, l: leverage },
    });
  }
  return { leverage, maxNotionalValue: cap.toString(), symbol };
}

/**
 * `POST /fapi/v1/marginType`: switches `symbol` between CROSSED and ISOLATED.
 * `-4046` when already so, `-4168` for ISOLATED in multi-assets mode, `-4047` with open orders on
 * the symbol, `-4048` with a position on it.
 */
export function setMarginType(
  venue: Venue,
  account: Account,
  symbol: string,
  marginType: MarginType,
): CodeMsgAck {
  venue.market(symbol);
  const settings = account.settingsFor(symbol);
  if (settings.marginType === marginType) throw apiError(-4046);
  if (marginType === 'ISOLATED' && account.multiAssetsMargin) throw apiError(-4168);
  // Conditional orders count as open orders here, as on Binance.
  if (account.openOrderCount(symbol) + venue.algo.openCount(account, symbol) > 0) throw apiError(-4047);
  if (account.hasPositions(symbol)) throw apiError(-4048);
  settings.marginType = marginType;
  return SUCCESS;
}

/**
 * `POST /fapi/v1/positionSide/dual`: hedge mode (`dual`) or one-way mode, for every symbol.
 * `-4059` when unchanged, `-4067` with open orders on any symbol, `-4068` with any position.
 */
export function setPositionMode(venue: Venue, account: Account, dual: boolean): CodeMsgAck {
  if (account.dualSidePosition === dual) throw apiError(-4059);
  if (account.openOrderCount() + venue.algo.openCount(account) > 0) throw apiError(-4067);
  if (account.hasPositions()) throw apiError(-4068);
  account.dualSidePosition = dual;
  return SUCCESS;
}

/**
 * `POST /fapi/v1/multiAssetsMargin`: multi-assets mode on or off.
 * - `-4171` when unchanged;
 * - `-4170` with open orders;
 * - on: `-4167` while any symbol is ISOLATED, `-4172` with a negative wallet in a margin asset;
 * - off: `-4169` when some margin asset could not carry its own positions (available balance < 0).
 * Emits `ACCOUNT_CONFIG_UPDATE {ai: {j}}`.
 */
export function setMultiAssetsMode(venue: Venue, account: Account, on: boolean): CodeMsgAck {
  if (account.multiAssetsMargin === on) throw apiError(-4171);
  if (account.openOrderCount() > 0) throw apiError(-4170);
  const assets = marginAssets(venue);
  if (on) {
    for (const s of account.settings.values()) if (s.marginType === 'ISOLATED') throw apiError(-4167);
    for (const asset of assets) if (account.wallet(asset).isNegative()) throw apiError(-4172);
  } else {
    for (const asset of assets) if (crossFree(venue, account, asset).isNegative()) throw apiError(-4169);
  }
  account.multiAssetsMargin = on;
  if (!account.system) {
    venue.outbox.user(account.id, { e: 'ACCOUNT_CONFIG_UPDATE', E: venue.now, T: venue.now, ai: { j: on } });
  }
  return SUCCESS;
}

/**
 * `POST /fapi/v1/positionMargin`: moves `amount` between the cross wallet and an isolated position
 * (type 1 adds to the position, type 2 returns to the cross wallet). The wallet balance does not
 * change; the cross wallet does.
 * - `-4061` when `positionSide` does not fit the position mode (`undefined` means BOTH);
 * - `-4055` unless `amount` is positive; `-1111` beyond 8 decimals;
 * - `-4049` when the symbol is not ISOLATED; `-4054` when the position is flat;
 * - add: `-4050` beyond the available balance (what the `-2019` check uses);
 * - reduce: `-4051` beyond {@link maxRemovableIsolatedMargin}.
 * Records a `USER_ADJUST` history entry and emits `ACCOUNT_UPDATE` with reason MARGIN_TRANSFER.
 */
export function modifyIsolatedMargin(
  venue: Venue,
  account: Account,
  symbol: string,
  positionSide: PositionSide | undefined,
  amount: Decimal,
  type: PositionMarginAction,
): PositionMarginResponse {
  const market = venue.market(symbol);
  const side = positionSide ?? 'BOTH';
  if (account.dualSidePosition === (side === 'BOTH')) throw apiError(-4061);
  if (!amount.isPositive()) throw apiError(-4055);
  if (amount.normalize().decimals() > MONEY_SCALE) throw apiError(-1111);
  const settings = account.settingsFor(symbol);
  if (settings.marginType !== 'ISOLATED') throw apiError(-4049);
  const position = account.positions.get(`${symbol}|${side}`);
  if (position === undefined || position.amount.isZero()) throw apiError(-4054);
  const asset = market.spec.marginAsset;
  if (type === 1) {
    if (amount.gt(venue.marginsOf(account, asset).availableBalance)) throw apiError(-4050);
    position.isolatedWallet = position.isolatedWallet.add(amount);
  } else {
    if (amount.gt(removableMargin(market, account, symbol, position))) throw apiError(-4051);
    position.isolatedWallet = position.isolatedWallet.sub(amount);
  }
  account.addMarginChange({
    symbol,
    type,
    deltaType: 'USER_ADJUST',
    amount,
    asset,
    time: venue.now,
    positionSide: side,
  });
  venue.emitAccountUpdate(account, 'MARGIN_TRANSFER', [{ asset, balanceChange: Decimal.ZERO }], [position]);
  return { amount: Number(amount.toString()), code: 200, msg: POSITION_MARGIN_MESSAGE, type };
}

/** The most margin type 2 may take out of an isolated position now. */
export function removableMargin(
  market: Market,
  account: Account,
  symbol: string,
  position: { readonly amount: Decimal; readonly entryPrice: Decimal; readonly isolatedWallet: Decimal },
): Decimal {
  return maxRemovableIsolatedMargin({
    contract: market.contract,
    position,
    markPrice: market.markPrice,
    leverage: account.settingsFor(symbol).leverage,
    brackets: market.brackets,
    isolatedWallet: position.isolatedWallet,
  });
}

/** Every asset some market settles in, in market order. */
export function marginAssets(venue: Venue): string[] {
  const assets: string[] = [];
  for (const market of venue.markets.values()) {
    if (!assets.includes(market.spec.marginAsset)) assets.push(market.spec.marginAsset);
  }
  return assets;
}

/**
 * The cross margin left for `asset`: `crossWallet + crossUnPnl − Σ cross IM − Σ isolated open-order
 * IM`, i.e. the available balance before it is floored at 0.
 */
function crossFree(venue: Venue, account: Account, asset: string): Decimal {
  const rows = venue.accountPositions(account, asset);
  const margins = venue.marginsOf(account, asset);
  let free = margins.crossWalletBalance.add(margins.crossUnPnl);
  rows.forEach((row, i) => {
    const m = margins.positions[i]!;
    free = free.sub(row.input.marginType === 'isolated' ? m.openOrderInitialMargin : m.initialMargin);
  });
  return free;
}
