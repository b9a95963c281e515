import type { UserTrade } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { selectUserTrades } from './historyQueries.js';

/**
 * `GET /fapi/v1/userTrades` (`symbol*`, `orderId`, `startTime`, `endTime`, `fromId`, `limit`
 * default 500, max 1000): the account's fills on the symbol, oldest first; which ones:
 * {@link selectUserTrades}.
 */
export const getUserTrades = defineEndpoint<UserTrade[]>({
  name: 'getUserTrades',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const market = venue.market(p.requiredString('symbol'));
    const picked = selectUserTrades(p, accountOf(context), context.now, (s) => s === market.symbol, 500);
    return picked.map((t) => ({
      buyer: t.side === 'BUY',
      commission: t.commission.toFixed(8),
      commissionAsset: t.commissionAsset,
      id: t.id,
      maker: t.maker,
      orderId: t.orderId,
      price: t.price.toFixed(market.priceDecimals),
      qty: t.qty.toFixed(market.qtyDecimals),
      quoteQty: t.quoteQty.normalize().toString(),
      realizedPnl: t.realizedPnl.toFixed(8),
      side: t.side,
      positionSide: t.positionSide,
      symbol: t.symbol,
      time: t.time,
    }));
  },
});
