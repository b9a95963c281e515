import { AUTO_CLOSE_TYPES, type ForceOrder } from '@basis/core';
import type { OrderRecord } from '../../venue/orderRecord.js';
import type { Venue } from '../../venue/venue.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint, type RequestContext } from '../endpoint.js';
import { ParamReader, type RawParams } from '../params.js';

/**
 * The account's liquidation and ADL orders the parameters select (`symbol`, `autoCloseType`,
 * `startTime`, `endTime`, `limit` default 50, max 100), newest first. USD-M and COIN-M.
 */
export function forceOrdersOf(venue: Venue, context: RequestContext, params: RawParams): OrderRecord[] {
  const p = new ParamReader(params);
  const symbol = p.string('symbol');
  if (symbol !== undefined) venue.market(symbol);
  const kind = p.enumOf('autoCloseType', AUTO_CLOSE_TYPES);
  const start = p.integer('startTime');
  const end = p.integer('endTime');
  const limit = Math.min(p.integer('limit') ?? 50, 100);
  if (limit < 1) throw apiError(-1130, ['limit']);
  const rows = [...accountOf(context).orders.values()].filter((o) => {
    const liquidation = o.clientOrderId.startsWith('autoclose-');
    const adl = o.clientOrderId === 'adl_autoclose';
    if (!liquidation && !adl) return false;
    if (kind === 'LIQUIDATION' && !liquidation) return false;
    if (kind === 'ADL' && !adl) return false;
    if (symbol !== undefined && o.symbol !== symbol) return false;
    return (start === undefined || o.time >= start) && (end === undefined || o.time <= end);
  });
  rows.sort((a, b) => b.time - a.time || b.ref - a.ref);
  return rows.slice(0, limit);
}

/**
 * `GET /fapi/v1/forceOrders` — the account's liquidation (`autoclose-…`) and ADL (`adl_autoclose`)
 * orders, newest first; weight 20 with a symbol, 50 without.
 */
export const getForceOrders = defineEndpoint<ForceOrder[]>({
  name: 'getForceOrders',
  security: 'USER_DATA',
  weight: (params) => (params['symbol'] === undefined || params['symbol'] === '' ? 50 : 20),
  command: false,
  handle(venue, context, params) {
    return forceOrdersOf(venue, context, params).map((order) => {
      const wire = venue.orderView(order, { withTime: true });
      return {
        orderId: wire.orderId,
        symbol: wire.symbol,
        status: wire.status,
        clientOrderId: wire.clientOrderId,
        price: wire.price,
        avgPrice: wire.avgPrice,
        origQty: wire.origQty,
        executedQty: wire.executedQty,
        cumQuote: wire.cumQuote,
        timeInForce: wire.timeInForce,
        type: wire.type,
        reduceOnly: wire.reduceOnly,
        closePosition: wire.closePosition,
        side: wire.side,
        positionSide: wire.positionSide,
        stopPrice: wire.stopPrice,
        workingType: wire.workingType,
        origType: wire.origType,
        time: order.time,
        updateTime: wire.updateTime,
      };
    });
  },
});
