import { AUTO_CLOSE_TYPES, type ForceOrder } from '@basis/core';
import type { OrderRecord } from '../../venue/orderRecord.js';
import type { Venue } from '../../venue/venue.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint, type Endpoint, type RequestContext } from '../endpoint.js';
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

/** The force-order fields both products print alike, from the order view of either. */
type CommonForceOrderFields = Omit<ForceOrder, 'cumQuote'>;

/**
 * A force-order row in Binance's field order. The products differ in two places, which the caller
 * fills: `afterSymbol` (COIN-M's `pair`; nothing on USD-M) and `filledValue` after `executedQty`
 * (USD-M `cumQuote`, COIN-M `cumBase`).
 */
export function forceOrderRow<AfterSymbol extends object, FilledValue extends object>(
  wire: Omit<CommonForceOrderFields, 'time'>,
  time: number,
  afterSymbol: AfterSymbol,
  filledValue: FilledValue,
): CommonForceOrderFields & AfterSymbol & FilledValue {
  return {
    orderId: wire.orderId,
    symbol: wire.symbol,
    ...afterSymbol,
    status: wire.status,
    clientOrderId: wire.clientOrderId,
    price: wire.price,
    avgPrice: wire.avgPrice,
    origQty: wire.origQty,
    executedQty: wire.executedQty,
    ...filledValue,
    timeInForce: wire.timeInForce,
    type: wire.type,
    reduceOnly: wire.reduceOnly,
    closePosition: wire.closePosition,
    side: wire.side,
    positionSide: wire.positionSide,
    stopPrice: wire.stopPrice,
    workingType: wire.workingType,
    origType: wire.origType,
    time,
    updateTime: wire.updateTime,
  };
}

/**
 * `GET …/forceOrders` of one product: the rows {@link forceOrdersOf} selects, each printed by `rowOf`
 * (the products share the selection and differ only in the row); weight 20 with a symbol, 50 without.
 */
export function defineForceOrdersEndpoint<Row>(
  rowOf: (venue: Venue, order: OrderRecord) => Row,
): Endpoint<Row[]> {
  return defineEndpoint<Row[]>({
    name: 'getForceOrders',
    security: 'USER_DATA',
    weight: (params) => (params['symbol'] === undefined || params['symbol'] === '' ? 50 : 20),
    command: false,
    handle(venue, context, params) {
      return forceOrdersOf(venue, context, params).map((order) => rowOf(venue, order));
    },
  });
}

/**
 * `GET /fapi/v1/forceOrders` — the account's liquidation (`autoclose-…`) and ADL (`adl_autoclose`)
 * orders, newest first; weight 20 with a symbol, 50 without.
 */
export const getForceOrders = defineForceOrdersEndpoint<ForceOrder>((venue, order) => {
  const wire = venue.orderView(order, { withTime: true });
  return forceOrderRow(wire, order.time, {}, { cumQuote: wire.cumQuote });
});
