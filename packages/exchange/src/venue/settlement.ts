import { Decimal, fromSteps, type PositionSide } from '@basis/core';
import { commission } from '../margin/fees.js';
import { addFillValue, exactValueOf } from '../margin/fillValue.js';
import { applyFill } from '../margin/position.js';
import { toMoney } from '../margin/precision.js';
import type { Account, PositionState } from './account.js';
import { FlowPosition } from './flowPosition.js';
import type { Id } from './idSequence.js';
import type { Market } from './market.js';
import type { OrderRecord } from './orderRecord.js';
import { orderTradeUpdate } from './orderViews.js';
import type { Venue } from './venue.js';

/** What one fill did to one side's account. */
export interface FillSettlement {
  readonly realizedPnl: Decimal;
  readonly commission: Decimal;
  readonly position: PositionState;
}

/** One fill of an order: its size and price in steps and ticks, its trade id, and which side it was. */
export interface FillTerms {
  readonly qtySteps: number;
  readonly priceTick: number;
  readonly tradeId: Id;
  readonly isMaker: boolean;
}

/**
 * Applies one fill to an order and its account: the order's executed quantity and quote, the
 * position (entry, realized PnL, isolated wallet), the commission, the wallet, the user-trade and
 * income records, open interest, and the ORDER_TRADE_UPDATE, TRADE_LITE and ACCOUNT_UPDATE events.
 * `resting` says whether the order's reserved exposure shrinks with the fill (a maker order).
 */
export function settleFill(
  venue: Venue,
  market: Market,
  account: Account,
  order: OrderRecord,
  fill: FillTerms,
): FillSettlement {
  const qty = market.qtyOf(fill.qtySteps);
  const price = market.priceOf(fill.priceTick);
  const asset = market.spec.marginAsset;
  const rate = fill.isMaker ? account.makerRate : account.takerRate;
  // Liquidation and ADL fills pay the clearance fee instead of a trading fee.
  const fee =
    account.system || order.type === 'LIQUIDATION'
      ? Decimal.ZERO
      : commission(market.contract, qty, price, rate);

  const buy = order.side === 'BUY';
  // The market's own flow keeps sizes only (see isMarketFlow).
  const { position, realizedPnl } = isMarketFlow(venue, account)
    ? {
        position: moveFlowSteps(
          venue,
          market,
          account,
          order.positionSide,
          buy ? fill.qtySteps : -fill.qtySteps,
        ),
        realizedPnl: MONEY_ZERO,
      }
    : applyToPosition(venue, market, account, order.positionSide, buy ? qty : qty.neg(), price, fee);

  order.executedQty += fill.qtySteps;
  if (market.contract.kind === 'inverse') {
    // Exact, for the average price; an order from an older snapshot starts from its cumBase.
    const before = order.fillValue ?? exactValueOf(order.cumQuote);
    order.fillValue = addFillValue(market.contract, before, qty, price);
  }
  order.cumQuote = order.cumQuote.add(market.valueOf(qty, price));
  order.updateTime = venue.now;
  order.status = order.executedQty >= order.origQty ? 'FILLED' : 'PARTIALLY_FILLED';
  if (fill.isMaker) releaseExposure(market, account, order, fill.qtySteps, order.origQty - order.executedQty);

  if (!account.system) {
    account.addTrade({
      symbol: order.symbol,
      id: fill.tradeId,
      orderId: order.orderId,
      side: order.side,
      positionSide: order.positionSide,
      price,
      qty,
      quoteQty: market.valueOf(qty, price),
      commission: fee,
      commissionAsset: asset,
      realizedPnl,
      maker: fill.isMaker,
      time: venue.now,
    });
    const tradeId = String(fill.tradeId);
    venue.recordIncome(account, {
      incomeType: 'REALIZED_PNL',
      income: realizedPnl,
      asset,
      symbol: order.symbol,
      info: 'REALIZED_PNL',
      tradeId,
    });
    venue.recordIncome(account, {
      incomeType: 'COMMISSION',
      income: fee.neg(),
      asset,
      symbol: order.symbol,
      info: 'COMMISSION',
      tradeId,
    });
    emitFillEvents(venue, market, account, order, fill, fee, realizedPnl, position);
  }
  return { realizedPnl, commission: fee, position };
}

/**
 * Applies a fill of `signed` (+ buy) at `price` paying `fee` to the position of `account`: entry,
 * realized PnL, isolated wallet, break-even commission, the wallet and open interest.
 */
function applyToPosition(
  venue: Venue,
  market: Market,
  account: Account,
  positionSide: PositionSide,
  signed: Decimal,
  price: Decimal,
  fee: Decimal,
): { readonly position: PositionState; readonly realizedPnl: Decimal } {
  const symbol = market.symbol;
  const asset = market.spec.marginAsset;
  const qty = signed.abs();
  const position = account.position(symbol, positionSide);
  const before = position.amount;
  const result = applyFill(market.contract, position, signed, price);
  const settings = account.settingsFor(symbol);

  if (settings.marginType === 'ISOLATED') {
    if (result.closedQty.isPositive()) {
      // Realized PnL lands in the isolated wallet; the closed share of it returns to the cross wallet.
      const wallet = position.isolatedWallet.add(result.realizedPnl);
      const released =
        result.position.amount.isZero() || result.openedQty.isPositive()
          ? wallet
          : toMoney(Decimal.ZERO.add(wallet).mul(result.closedQty).div(before.abs(), 16, 'down'));
      position.isolatedWallet = wallet.sub(released).max(Decimal.ZERO);
    }
    if (result.openedQty.isPositive()) {
      // Opening moves the initial margin of the new exposure from the cross wallet into the position.
      const margin = toMoney(market.valueOf(result.openedQty, price).div(settings.leverage, 16, 'down'));
      position.isolatedWallet = position.isolatedWallet.add(margin);
    }
  }

  // Break-even tracks the commission paid for what is still open.
  if (result.closedQty.isPositive() && !before.isZero()) {
    const remaining = before.abs().sub(result.closedQty);
    position.openingCommission = remaining.isZero()
      ? Decimal.ZERO
      : moneyShare(position.openingCommission, remaining, before.abs());
  }
  if (result.openedQty.isPositive()) {
    const share = result.closedQty.isZero() ? fee : moneyShare(fee, result.openedQty, qty);
    position.openingCommission = position.openingCommission.add(share);
  }
  position.amount = result.position.amount;
  position.entryPrice = result.position.entryPrice;
  position.accumulatedRealized = position.accumulatedRealized.add(result.realizedPnl);
  position.updateTime = venue.now;

  venue.changeWallet(account, asset, result.realizedPnl.sub(fee));
  updateOpenInterest(market, before, position.amount);
  return { position, realizedPnl: result.realizedPnl };
}

/** A money amount cut to 8 decimals, so a zero share (as without fees) is `toMoney(0)`. */
const MONEY_ZERO = toMoney(Decimal.ZERO);

/**
 * Whether `account` is the market's own flow: the synthetic or replayed maker and takers (system
 * accounts other than the insurance fund). Their positions keep sizes only (they make open interest
 * and the maker's inventory); entry price, realized PnL and wallet are not kept, as nothing reads
 * them and they cost the most on every print.
 */
function isMarketFlow(venue: Venue, account: Account): boolean {
  return account.system && account !== venue.insuranceFund;
}

/** A flow account's position, kept in steps from its first fill on. */
function flowPosition(market: Market, account: Account, positionSide: PositionSide): FlowPosition {
  const position = account.position(market.symbol, positionSide);
  if (position instanceof FlowPosition) return position;
  const flow = new FlowPosition(position, market.stepSize);
  account.replacePosition(flow);
  return flow;
}

/**
 * A fill of `steps` (signed, + buy) on a {@link isMarketFlow} account: its size and open interest
 * move, as integers while both stay on the step grid (fills never leave it).
 */
function moveFlowSteps(
  venue: Venue,
  market: Market,
  account: Account,
  positionSide: PositionSide,
  steps: number,
): PositionState {
  const position = flowPosition(market, account, positionSide);
  position.updateTime = venue.now;
  const before = position.steps;
  const openInterest = market.openInterestSteps;
  if (before !== undefined && openInterest.steps !== undefined) {
    position.moveSteps(steps);
    const longChange = Math.max(before + steps, 0) - Math.max(before, 0);
    if (longChange !== 0) openInterest.add(longChange);
    return position;
  }
  const amountBefore = position.amount;
  position.amount = amountBefore.add(fromSteps(BigInt(steps), market.stepSize));
  updateOpenInterest(market, amountBefore, position.amount);
  return position;
}

/**
 * `amount × part / whole` as money: {@link toMoney} of the 16-decimal quotient, with zero (system
 * accounts pay no fee: every fill of the replay's maker and taker) known without the exact fraction.
 */
function moneyShare(amount: Decimal, part: Decimal, whole: Decimal): Decimal {
  if (amount.isZero()) return MONEY_ZERO;
  return toMoney(amount.mul(part).div(whole, 16, 'down'));
}

/**
 * Trades between the market's maker and taker that no order stands behind (replayed prints executed
 * without the book), netted: the maker's position moves by `makerSteps` (signed: it buys what the
 * taker sells) and the taker's by the opposite, with open interest, the maker's first, as
 * {@link settleFill} would move them.
 */
export function settleSystemFlow(
  venue: Venue,
  market: Market,
  accounts: { readonly maker: Account; readonly taker: Account },
  makerSteps: number,
): void {
  moveFlowSteps(venue, market, accounts.maker, 'BOTH', makerSteps);
  moveFlowSteps(venue, market, accounts.taker, 'BOTH', -makerSteps);
}

function emitFillEvents(
  venue: Venue,
  market: Market,
  account: Account,
  order: OrderRecord,
  fill: FillTerms,
  fee: Decimal,
  realizedPnl: Decimal,
  position: PositionState,
): void {
  if (!venue.outbox.hasListeners) return;
  const notional = openNotional(account, order.symbol);
  venue.outbox.user(
    account.id,
    orderTradeUpdate(
      market,
      order,
      {
        type: order.type === 'LIQUIDATION' ? 'CALCULATED' : 'TRADE',
        lastQtySteps: fill.qtySteps,
        lastPriceTick: fill.priceTick,
        tradeId: fill.tradeId,
        isMaker: fill.isMaker,
        commission: fee,
        commissionAsset: market.spec.marginAsset,
        realizedPnl,
        bidsNotional: notional.bids,
        asksNotional: notional.asks,
      },
      venue.now,
    ),
  );
  venue.outbox.user(account.id, {
    e: 'TRADE_LITE',
    E: venue.now,
    T: venue.now,
    s: order.symbol,
    q: market.formatQty(order.origQty),
    p: order.priceTick === 0 ? '0' : market.formatPrice(order.priceTick),
    m: fill.isMaker,
    c: order.clientOrderId,
    S: order.side,
    L: market.formatPrice(fill.priceTick),
    l: market.formatQty(fill.qtySteps),
    t: fill.tradeId,
    i: order.orderId,
  });
  venue.emitAccountUpdate(
    account,
    'ORDER',
    [{ asset: market.spec.marginAsset, balanceChange: Decimal.ZERO }],
    [position],
  );
}

/** Bid and ask notional of an account's open orders on a symbol (`b`/`a` of ORDER_TRADE_UPDATE). */
export function openNotional(account: Account, symbol: string): { bids: Decimal; asks: Decimal } {
  let bids = Decimal.ZERO;
  let asks = Decimal.ZERO;
  for (const side of SIDES) {
    const e = account.exposure.get(`${symbol}|${side}`);
    if (e === undefined) continue;
    bids = bids.add(e.bidValue);
    asks = asks.add(e.askValue);
  }
  return { bids, asks };
}

const SIDES: readonly PositionSide[] = ['BOTH', 'LONG', 'SHORT'];

/** Reserves an order's remaining value in its account's open-order exposure (when it rests). */
export function reserveExposure(market: Market, account: Account, order: OrderRecord): void {
  // System accounts are exempt from margin: their open orders reserve nothing (and release nothing).
  if (account.system) return;
  const qty = market.qtyOf(order.origQty - order.executedQty);
  const value = market.valueOf(qty, market.priceOf(order.priceTick));
  const e = account.exposureOf(order.symbol, order.positionSide);
  if (order.side === 'BUY') {
    e.bidQty = e.bidQty.add(qty);
    e.bidValue = e.bidValue.add(value);
  } else {
    e.askQty = e.askQty.add(qty);
    e.askValue = e.askValue.add(value);
  }
  order.reserved = order.reserved.add(value);
}

/**
 * Releases `steps` of a resting order's reserved exposure (filled, canceled or expired), `leftSteps`
 * staying reserved. What is released is the reserve minus the value of what stays, so the reserve of
 * an order that is done returns to zero even where values are cut to 8 decimals (COIN-M).
 */
export function releaseExposure(
  market: Market,
  account: Account,
  order: OrderRecord,
  steps: number,
  leftSteps: number,
): void {
  if (steps <= 0 || order.reserved.isZero()) return;
  const qty = market.qtyOf(steps);
  const left =
    leftSteps <= 0 ? Decimal.ZERO : market.valueOf(market.qtyOf(leftSteps), market.priceOf(order.priceTick));
  const value = order.reserved.sub(left).max(Decimal.ZERO);
  const e = account.exposureOf(order.symbol, order.positionSide);
  if (order.side === 'BUY') {
    e.bidQty = e.bidQty.sub(qty).max(Decimal.ZERO);
    e.bidValue = e.bidValue.sub(value).max(Decimal.ZERO);
  } else {
    e.askQty = e.askQty.sub(qty).max(Decimal.ZERO);
    e.askValue = e.askValue.sub(value).max(Decimal.ZERO);
  }
  order.reserved = order.reserved.sub(value);
}

function updateOpenInterest(market: Market, before: Decimal, after: Decimal): void {
  const longBefore = before.isPositive() ? before : Decimal.ZERO;
  const longAfter = after.isPositive() ? after : Decimal.ZERO;
  if (!longBefore.eq(longAfter)) market.openInterest = market.openInterest.add(longAfter.sub(longBefore));
}
