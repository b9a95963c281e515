import { Decimal } from '@basis/core';
import type { Account } from './account.js';
import type { Market } from './market.js';
import type { OrderRecord } from './orderRecord.js';
import { orderTradeUpdate } from './orderViews.js';
import { openNotional } from './settlement.js';
import type { Venue } from './venue.js';

/** Emits an ORDER_TRADE_UPDATE that carries no fill (NEW, CANCELED, EXPIRED, AMENDMENT). */
export function emitOrderEvent(
  venue: Venue,
  market: Market,
  account: Account,
  order: OrderRecord,
  type: 'NEW' | 'CANCELED' | 'EXPIRED' | 'AMENDMENT',
  modifyId?: number | bigint,
): void {
  if (account.system || !venue.outbox.hasListeners) return;
  const notional = openNotional(account, order.symbol);
  venue.outbox.user(
    account.id,
    orderTradeUpdate(
      market,
      order,
      {
        type,
        lastQtySteps: 0,
        lastPriceTick: 0,
        tradeId: 0,
        isMaker: false,
        realizedPnl: Decimal.ZERO,
        bidsNotional: notional.bids,
        asksNotional: notional.asks,
        ...(modifyId === undefined ? {} : { modifyId }),
      },
      venue.now,
    ),
  );
}
