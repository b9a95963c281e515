import type { UserTrade } from '@basis/core';
import { idKey } from '../../venue/idSequence.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { DAY_MS, inWindow, limitParam, timeWindow } from './queryParams.js';

/**
 * `GET /fapi/v1/userTrades` (`symbol*`, `orderId`, `startTime`, `endTime`, `fromId`, `limit`
 * default 500, max 1000): the account's fills, oldest first.
 * - `fromId`: fills with id ≥ it (not with `startTime`/`endTime`: `-1128`);
 * - `startTime`/`endTime`: at most 7 days apart (`-4165`); one alone spans 7 days from it;
 * - neither (and no `orderId`/`fromId`): the last 7 days;
 * - with `startTime` or `fromId` the first `limit` fills, otherwise the most recent `limit`.
 */
export const getUserTrades = defineEndpoint<UserTrade[]>({
  name: 'getUserTrades',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const market = venue.market(p.requiredString('symbol'));
    const orderId = p.id('orderId');
    const fromId = p.id('fromId');
    const timed = p.has('startTime') || p.has('endTime');
    if (fromId !== undefined && timed) throw apiError(-1128);
    const window = timeWindow(p, context.now, { defaultSpanMs: 7 * DAY_MS, maxDays: 7 });
    const limit = limitParam(p, 500, 1000);
    const windowed = timed || (orderId === undefined && fromId === undefined);
    const rows = accountOf(context).trades.filter(
      (t) =>
        t.symbol === market.symbol &&
        (orderId === undefined || idKey(t.orderId) === orderId) &&
        (fromId === undefined || idKey(t.id) >= fromId) &&
        (!windowed || inWindow(window, t.time)),
    );
    const forward = fromId !== undefined || window.fromStart;
    const picked = forward ? rows.slice(0, limit) : rows.slice(Math.max(0, rows.length - limit));
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
