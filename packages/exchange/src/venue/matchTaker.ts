import type { Decimal } from '@basis/core';
import type { MatchResult, MatchSink, StpMode } from '../matching/types.js';
import { BUY } from '../matching/types.js';
import type { Account } from './account.js';
import type { Market } from './market.js';
import { expireOrder, unregisterOpen } from './orderLifecycle.js';
import type { OrderRecord } from './orderRecord.js';
import { settleFill } from './settlement.js';
import type { Venue } from './venue.js';

/**
 * Collects what the book reports during one match; the venue settles it afterwards, because the
 * book must not be changed from inside its own callbacks.
 */
class FillCollector implements MatchSink {
  readonly makerRefs: number[] = [];
  readonly ticks: number[] = [];
  readonly qtys: number[] = [];
  readonly expiredRefs: number[] = [];

  fill(makerRef: number, _makerOwner: number, priceTick: number, qty: number): void {
    this.makerRefs.push(makerRef);
    this.ticks.push(priceTick);
    this.qtys.push(qty);
  }

  makerExpired(makerRef: number): void {
    this.expiredRefs.push(makerRef);
  }
}

/** What matching a taker order did. */
export interface TakerOutcome {
  readonly filledSteps: number;
  readonly expiredBySelfTrade: boolean;
  /** Realized PnL of the taker's fills. */
  readonly realizedPnl: Decimal[];
}

/**
 * Matches `taker` against the book for up to `qtySteps`, then settles every fill for both sides
 * (maker first, as Binance reports them), removes filled makers, and expires makers removed by
 * self-trade prevention.
 */
export function matchTaker(
  venue: Venue,
  market: Market,
  account: Account,
  taker: OrderRecord,
  limitTick: number,
  qtySteps: number,
  stp: StpMode,
): TakerOutcome {
  const sink = new FillCollector();
  const result: MatchResult = market.book.match(
    { side: taker.side === 'BUY' ? BUY : 1, limitTick, qty: qtySteps, owner: account.id, stp },
    sink,
  );
  const realized: Decimal[] = [];
  const takerSequence = market.nextRef();
  for (const ref of sink.expiredRefs) {
    const maker = market.resting.get(ref);
    if (maker === undefined) continue;
    market.resting.delete(ref);
    expireOrder(venue, market, venue.account(maker.accountId), maker, 'EXPIRED_IN_MATCH', 1, false);
  }
  for (let i = 0; i < sink.makerRefs.length; i++) {
    const ref = sink.makerRefs[i]!;
    const tick = sink.ticks[i]!;
    const qty = sink.qtys[i]!;
    const maker = market.resting.get(ref);
    if (maker === undefined) throw new Error(`resting order ${ref} of ${market.symbol} is not indexed`);
    const makerAccount = venue.account(maker.accountId);
    const tradeId = venue.recordTrade(market, tick, qty, taker.side === 'SELL', takerSequence);
    settleFill(venue, market, makerAccount, maker, {
      qtySteps: qty,
      priceTick: tick,
      tradeId,
      isMaker: true,
    });
    if (maker.executedQty >= maker.origQty) {
      market.resting.delete(ref);
      unregisterOpen(makerAccount, maker);
    }
    const taken = settleFill(venue, market, account, taker, {
      qtySteps: qty,
      priceTick: tick,
      tradeId,
      isMaker: false,
    });
    realized.push(taken.realizedPnl);
    if (makerAccount !== account) venue.afterPositionChange(makerAccount, market.symbol);
  }
  return { filledSteps: result.filled, expiredBySelfTrade: result.expiredBySelfTrade, realizedPnl: realized };
}
