import { Decimal } from '@basis/core';
import { positionMargins } from '../margin/account.js';
import { liquidationClearanceFee } from '../margin/fees.js';
import { adlScore, bankruptcyPrice } from '../margin/liquidation.js';
import { unrealizedPnl } from '../margin/position.js';
import type { Account, PositionState } from './account.js';
import { cancelEvery } from './cancelOrder.js';
import type { Market } from './market.js';
import type { NewOrderInput } from './orderInput.js';
import type { OrderRecord } from './orderRecord.js';
import { orderToWire } from './orderViews.js';
import { placeOrder } from './placeOrder.js';
import { settleFill } from './settlement.js';
import type { Venue } from './venue.js';

/** Margin ratio (maintenance margin ÷ margin balance) at which a MARGIN_CALL is sent. */
const MARGIN_CALL_RATIO = Decimal.parse('0.8');

/**
 * Checks every account with a position in `market` against its maintenance margin at the current
 * mark price and liquidates what fell through: an isolated position when its wallet plus PnL is at
 * or below its maintenance margin, every cross position of an asset when the cross wallet plus cross
 * PnL is at or below the cross maintenance margin (Binance's rule, evaluated on the mark price).
 */
export function checkLiquidations(venue: Venue, market: Market): void {
  for (const account of venue.accounts.values()) {
    if (account.system || !account.hasPositions(market.symbol)) continue;
    const asset = market.spec.marginAsset;
    const settings = account.settingsFor(market.symbol);
    if (settings.marginType === 'ISOLATED') {
      for (const side of account.sides()) {
        const p = account.positions.get(`${market.symbol}|${side}`);
        if (p === undefined || p.amount.isZero()) continue;
        const m = venue.marginsOfPosition(account, market, p);
        if (p.isolatedWallet.add(m.unrealizedProfit).lte(m.maintMargin))
          liquidate(venue, account, [p], p.isolatedWallet);
      }
      continue;
    }
    const rows = venue.accountPositions(account, asset).filter((r) => r.input.marginType === 'cross');
    let upnl = Decimal.ZERO;
    let mm = Decimal.ZERO;
    for (const row of rows) {
      if (row.state.amount.isZero()) continue;
      const m = positionMargins(row.input);
      upnl = upnl.add(m.unrealizedProfit);
      mm = mm.add(m.maintMargin);
    }
    if (mm.isZero()) continue;
    const crossWallet = venue.crossWalletBalance(account, asset);
    const balance = crossWallet.add(upnl);
    if (balance.lte(mm)) {
      const positions = rows.map((r) => r.state).filter((p) => !p.amount.isZero());
      liquidate(venue, account, positions, crossWallet);
    } else if (mm.gte(balance.mul(MARGIN_CALL_RATIO))) {
      emitMarginCall(
        venue,
        account,
        asset,
        rows.map((r) => r.state),
      );
    }
  }
}

/**
 * Liquidates `positions`: cancels the account's open orders on those symbols, then closes each
 * position with an IOC LIQUIDATION order at its bankruptcy price against the book; what the book
 * cannot take is auto-deleveraged against the most profitable opposite positions, then taken by the
 * insurance fund. The clearance fee (the symbol's liquidationFee × the liquidated notional, at most
 * the margin left) goes to the insurance fund; a negative wallet is topped up to zero by it.
 */
function liquidate(
  venue: Venue,
  account: Account,
  positions: readonly PositionState[],
  wallet: Decimal,
): void {
  const symbols = new Set(positions.map((p) => p.symbol));
  for (const symbol of symbols) {
    cancelEvery(venue, venue.market(symbol), account, [...account.openOrdersOf(symbol).values()]);
    venue.algo.cancelAll(account, symbol);
  }
  for (const p of positions) {
    if (p.amount.isZero()) continue;
    const market = venue.market(p.symbol);
    const others = positions.filter((o) => o !== p && !o.amount.isZero());
    const otherPnl = others.reduce(
      (sum, o) =>
        sum.add(unrealizedPnl(venue.market(o.symbol).contract, o, venue.market(o.symbol).markPrice)),
      Decimal.ZERO,
    );
    const closingBuy = p.amount.isNegative();
    const bankrupt =
      bankruptcyPrice({
        contract: market.contract,
        positions: [p],
        walletBalance: wallet,
        otherUnrealizedPnl: otherPnl,
        rounding: { step: market.tickSize, mode: closingBuy ? 'floor' : 'ceil' },
      }) ?? market.markPrice;
    const qty = p.amount.abs();
    const before = account.wallet(market.spec.marginAsset);
    const input: NewOrderInput = {
      symbol: p.symbol,
      side: closingBuy ? 'BUY' : 'SELL',
      positionSide: p.positionSide,
      type: 'LIMIT',
      timeInForce: 'IOC',
      quantity: qty,
      price: bankrupt.max(market.tickSize),
      reduceOnly: undefined,
      newClientOrderId: `autoclose-${venue.now}`,
      newOrderRespType: 'RESULT',
      priceMatch: undefined,
      selfTradePreventionMode: 'NONE',
      goodTillDate: undefined,
      internal: {
        origType: 'LIQUIDATION',
        stopPrice: '0',
        workingType: 'CONTRACT_PRICE',
        priceProtect: false,
        closePosition: false,
        liquidation: true,
      },
    };
    const { order } = placeOrder(venue, account, input);
    const filled = market.qtyOf(order.executedQty);
    emitForceOrder(venue, market, order);
    const remaining = p.amount.abs();
    if (remaining.isPositive()) deleverage(venue, account, market, p, remaining, bankrupt);
    // Clearance fee on the liquidated notional, capped at what margin is left.
    const left = account.wallet(market.spec.marginAsset).sub(before).add(wallet);
    const fee = liquidationClearanceFee(market.contract, filled, bankrupt, market.liquidationFee, left);
    if (fee.isPositive())
      insuranceTransfer(venue, account, market.spec.marginAsset, market.symbol, fee.neg());
  }
  for (const asset of new Set(positions.map((p) => venue.market(p.symbol).spec.marginAsset))) {
    const wallet = account.wallet(asset);
    if (wallet.isNegative()) insuranceTransfer(venue, account, asset, '', wallet.neg());
  }
}

/**
 * Auto-deleveraging: closes what the book could not take against the opposite positions ranked by
 * Binance's ADL score (profit × leverage), at the bankruptcy price, with no fee (`adl_autoclose`).
 * Whatever no trader can take, the insurance fund takes.
 */
function deleverage(
  venue: Venue,
  account: Account,
  market: Market,
  position: PositionState,
  qty: Decimal,
  price: Decimal,
): void {
  const wantLong = position.amount.isNegative();
  const candidates: { account: Account; position: PositionState; score: Decimal }[] = [];
  for (const other of venue.accounts.values()) {
    if (other === account || other.system) continue;
    for (const p of other.positions.values()) {
      if (p.symbol !== market.symbol || p.amount.isZero() || p.amount.isPositive() !== wantLong) continue;
      const isolated = other.settingsFor(p.symbol).marginType === 'ISOLATED';
      const wallet = isolated ? p.isolatedWallet : venue.crossWalletBalance(other, market.spec.marginAsset);
      const bankrupt = bankruptcyPrice({ contract: market.contract, positions: [p], walletBalance: wallet });
      // Binance's ranking (profit × leverage); a position without a bankruptcy price ranks by profit.
      const score =
        adlScore({
          contract: market.contract,
          position: p,
          markPrice: market.markPrice,
          bankruptcyPrice: bankrupt,
        }) ?? unrealizedPnl(market.contract, p, market.markPrice);
      candidates.push({ account: other, position: p, score });
    }
  }
  candidates.sort((a, b) => b.score.cmp(a.score) || a.account.id - b.account.id);
  let left = qty;
  const priceTick = Number(price.div(market.tickSize, 0, 'half-even').units);
  for (const c of candidates) {
    if (!left.isPositive()) break;
    const take = left.min(c.position.amount.abs());
    bilateralClose(venue, market, account, position, c.account, c.position.positionSide, take, priceTick);
    left = left.sub(take);
  }
  if (left.isPositive()) {
    bilateralClose(venue, market, account, position, venue.insuranceFund, 'BOTH', left, priceTick);
  }
}

/** Queues the public forceOrder event of a liquidation order. */
function emitForceOrder(venue: Venue, market: Market, order: OrderRecord): void {
  const wire = orderToWire(market, order);
  venue.outbox.force({
    symbol: market.symbol,
    side: order.side,
    priceTick: order.priceTick,
    origQtySteps: order.origQty,
    avgPrice: wire.avgPrice,
    status: order.status,
    lastFilledSteps: order.executedQty,
    filledSteps: order.executedQty,
    time: venue.now,
  });
}

/**
 * Moves `amount` between an account's wallet and the insurance fund (negative: the account pays),
 * recorded as INSURANCE_CLEAR income with its ACCOUNT_UPDATE.
 */
function insuranceTransfer(
  venue: Venue,
  account: Account,
  asset: string,
  symbol: string,
  amount: Decimal,
): void {
  venue.changeWallet(account, asset, amount);
  venue.changeWallet(venue.insuranceFund, asset, amount.neg());
  venue.recordIncome(account, {
    incomeType: 'INSURANCE_CLEAR',
    income: amount,
    asset,
    symbol,
    info: 'INSURANCE_CLEAR',
  });
  venue.emitAccountUpdate(account, 'INSURANCE_CLEAR', [{ asset, balanceChange: amount }], []);
}

/**
 * Closes `qty` of a liquidated position directly against a counterparty (a trader picked by ADL, or
 * the insurance fund) at the bankruptcy price: no book, no fee, not a public trade.
 */
function bilateralClose(
  venue: Venue,
  market: Market,
  account: Account,
  position: PositionState,
  counterparty: Account,
  counterpartySide: PositionState['positionSide'],
  qty: Decimal,
  priceTick: number,
): void {
  const steps = Number(qty.div(market.stepSize, 0, 'down').units);
  if (steps <= 0) return;
  const closingBuy = position.amount.isNegative();
  const tradeId = venue.nextTranId();
  const make = (
    owner: Account,
    side: 'BUY' | 'SELL',
    positionSide: PositionState['positionSide'],
    clientOrderId: string,
  ) => {
    const order: OrderRecord = {
      orderId: market.orderIds.next(),
      ref: market.nextRef(),
      symbol: market.symbol,
      accountId: owner.id,
      clientOrderId,
      side,
      positionSide,
      type: 'LIQUIDATION',
      origType: 'LIQUIDATION',
      timeInForce: 'IOC',
      priceTick,
      origQty: steps,
      executedQty: 0,
      cumQuote: Decimal.ZERO,
      status: 'NEW',
      reduceOnly: true,
      closePosition: false,
      stopPrice: '0',
      workingType: 'CONTRACT_PRICE',
      priceProtect: false,
      priceMatch: 'NONE',
      selfTradePreventionMode: 'NONE',
      goodTillDate: 0,
      time: venue.now,
      updateTime: venue.now,
      modifyCount: 0,
      expireReason: 0,
      reserved: Decimal.ZERO,
    };
    if (!owner.system) owner.indexOrder(order);
    settleFill(venue, market, owner, order, { qtySteps: steps, priceTick, tradeId, isMaker: false });
  };
  make(account, closingBuy ? 'BUY' : 'SELL', position.positionSide, `autoclose-${venue.now}`);
  make(counterparty, closingBuy ? 'SELL' : 'BUY', counterpartySide, 'adl_autoclose');
}

/** MARGIN_CALL: the account's margin ratio passed the warning level (informational). */
function emitMarginCall(
  venue: Venue,
  account: Account,
  asset: string,
  positions: readonly PositionState[],
): void {
  if (!venue.outbox.hasListeners) return;
  const crossWallet = venue.crossWalletBalance(account, asset);
  venue.outbox.user(account.id, {
    e: 'MARGIN_CALL',
    E: venue.now,
    cw: crossWallet.toString(),
    p: positions
      .filter((p) => !p.amount.isZero())
      .map((p) => {
        const market = venue.market(p.symbol);
        const m = venue.marginsOfPosition(account, market, p);
        return {
          s: p.symbol,
          ps: p.positionSide,
          pa: p.amount.toString(),
          mt: account.settingsFor(p.symbol).marginType,
          iw: p.isolatedWallet.toString(),
          mp: market.markPrice.toString(),
          up: m.unrealizedProfit.toString(),
          mm: m.maintMargin.toString(),
        };
      }),
  });
}
