import type { Order } from '@basis/core';
import type { OrderRecord } from '../../venue/orderRecord.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint, type RequestContext } from '../endpoint.js';
import { ParamReader } from '../params.js';

const DAY = 86_400_000;
const WINDOW = 7 * DAY;

/**
 * The account's orders on the symbols `matches` accepts, oldest first: from `orderId` upwards, or
 * within `startTime`..`endTime` (less than 7 days; default the last 7 days), at most `limit` (500,
 * max 1000). USD-M and COIN-M (where `matches` may be a pair).
 */
export function allOrdersWhere(
  context: RequestContext,
  p: ParamReader,
  matches: (symbol: string) => boolean,
): OrderRecord[] {
  const orderId = p.id('orderId');
  const limit = Math.min(p.integer('limit') ?? 500, 1000);
  if (limit < 1) throw apiError(-1130, ['limit']);
  let start = p.integer('startTime');
  let end = p.integer('endTime');
  if (start !== undefined && end !== undefined) {
    if (start > end) throw apiError(-1023);
    if (end - start > WINDOW) throw apiError(-4165, ['7']);
  } else if (start !== undefined) {
    end = start + WINDOW;
  } else if (end !== undefined) {
    start = end - WINDOW;
  } else if (orderId === undefined) {
    end = context.now;
    start = end - WINDOW;
  }
  const rows = [];
  for (const order of accountOf(context).orders.values()) {
    if (!matches(order.symbol)) continue;
    if (orderId !== undefined && order.orderId < orderId) continue;
    if (start !== undefined && order.time < start) continue;
    if (end !== undefined && order.time > end) continue;
    rows.push(order);
  }
  // Ids compare as they are, number or bigint alike: no bigint is made per comparison.
  rows.sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
  return rows.slice(0, limit);
}

/** `GET /fapi/v1/allOrders` — orders of one symbol, oldest first (see {@link allOrdersWhere}). */
export const getAllOrders = defineEndpoint<Order[]>({
  name: 'getAllOrders',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    venue.market(symbol);
    return allOrdersWhere(context, p, (s) => s === symbol).map((order) =>
      venue.orderView(order, { withTime: true }),
    );
  },
});
