import type { OrderAmendment } from '@basis/core';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `GET /fapi/v1/orderAmendment` (also `/dapi/v1/orderAmendment`, whose `pair` is the contract's
 * pair) — price and quantity changes of modified orders, newest first.
 */
export const getOrderAmendments = defineEndpoint<OrderAmendment[]>({
  name: 'getOrderAmendments',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    venue.market(symbol);
    const orderId = p.id('orderId');
    const clientOrderId = p.string('origClientOrderId');
    const start = p.integer('startTime');
    const end = p.integer('endTime');
    const limit = Math.min(p.integer('limit') ?? 50, 100);
    if (limit < 1) throw apiError(-1130, ['limit']);
    const rows: OrderAmendment[] = [];
    const amendments = accountOf(context).amendments;
    for (let i = amendments.length - 1; i >= 0 && rows.length < limit; i--) {
      const a = amendments[i]!;
      if (a.symbol !== symbol) continue;
      if (orderId !== undefined && BigInt(a.orderId) !== orderId) continue;
      if (orderId === undefined && clientOrderId !== undefined && a.clientOrderId !== clientOrderId) continue;
      if ((start !== undefined && a.time < start) || (end !== undefined && a.time > end)) continue;
      rows.push({
        amendmentId: a.amendmentId,
        symbol: a.symbol,
        pair: venue.market(a.symbol).spec.pair,
        orderId: a.orderId,
        clientOrderId: a.clientOrderId,
        time: a.time,
        amendment: {
          price: { before: a.priceBefore, after: a.priceAfter },
          origQty: { before: a.qtyBefore, after: a.qtyAfter },
          count: a.count,
        },
      });
    }
    return rows;
  },
});
