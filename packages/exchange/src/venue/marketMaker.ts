import {
  type DiffLadderOptions,
  diffLadder,
  type Ladder,
  type RestingQuote,
} from '../marketData/syntheticModels.js';
import { BUY, SELL } from '../matching/types.js';
import type { Account } from './account.js';
import type { Market } from './market.js';
import { cancelOpenOrder } from './orderLifecycle.js';
import { placeSystemOrder } from './systemOrders.js';
import type { Venue } from './venue.js';

// The system market maker's book keeping, shared by the synthetic and the replayed market: both
// compute a ladder (marketData/syntheticModels.ts) and let these turn the maker's orders into it.

/** The maker's position on `market` in whole steps (+ long), the inventory its ladder leans against. */
export function makerInventorySteps(maker: Account, market: Market): number {
  return Number(maker.position(market.symbol, 'BOTH').amount.div(market.stepSize, 0, 'down').units);
}

/**
 * Turns the maker's resting orders on `market` into `ladder` with the fewest cancels and new orders
 * ({@link diffLadder}): cancels first, so a new quote never crosses an old one. A new quote that
 * crosses someone else's order trades with it, like any order.
 */
export function applyLadder(
  venue: Venue,
  market: Market,
  maker: Account,
  ladder: Ladder,
  options: DiffLadderOptions,
): void {
  const open = maker.openOrdersOf(market.symbol);
  const resting: RestingQuote[] = [];
  for (const order of open.values()) {
    resting.push({
      ref: order.ref,
      side: order.side === 'BUY' ? BUY : SELL,
      priceTick: order.priceTick,
      qtySteps: order.origQty - order.executedQty,
    });
  }
  const diff = diffLadder(resting, ladder, options);
  // The market indexes every resting order by ref: no map of the maker's own to build per quote.
  for (const ref of diff.cancels) {
    const order = market.resting.get(ref);
    if (order !== undefined && order.accountId === maker.id) cancelOpenOrder(venue, market, maker, order);
  }
  for (const add of diff.adds) {
    placeSystemOrder(
      venue,
      market,
      maker,
      add.side === BUY ? 'BUY' : 'SELL',
      'LIMIT',
      add.priceTick,
      add.qtySteps,
    );
  }
}

/** A stable small number per symbol, so each symbol's ladder has its own size noise. */
export function symbolNoiseSeed(symbol: string): number {
  let h = 2166136261;
  for (let i = 0; i < symbol.length; i++) h = Math.imul(h ^ symbol.charCodeAt(i), 16777619);
  return h >>> 0;
}
