import { ORDER_SIDES, type Order, REQUEST_PRICE_MATCHES } from '@basis/core';
import type { ModifyOrderInput } from '../../venue/modifyOrder.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseOrderRef } from './orderRef.js';

/** Parses a modification (`PUT /fapi/v1/order`, batch items, `order.modify`). USD-M needs quantity and price. */
export function parseModifyOrder(p: ParamReader): ModifyOrderInput {
  const target = parseModifyTarget(p);
  const quantity = p.requiredDecimal('quantity');
  const priceMatch = p.enumOf('priceMatch', REQUEST_PRICE_MATCHES);
  const price = priceMatch === undefined ? p.requiredDecimal('price') : p.decimal('price');
  return { ...target, quantity, price, priceMatch };
}

/** The order a modification names: `symbol`, `orderId`/`origClientOrderId` and `side` (USD-M and COIN-M). */
export function parseModifyTarget(p: ParamReader): Pick<ModifyOrderInput, 'symbol' | 'ref' | 'side'> {
  const symbol = p.requiredString('symbol');
  const ref = parseOrderRef(p);
  const side = p.requiredEnumOf('side', ORDER_SIDES);
  return { symbol, ref, side };
}

/**
 * `PUT /fapi/v1/order` — modify an open LIMIT order (price and quantity). It loses its time
 * priority; a failing filter leaves it untouched.
 */
export const modifyOrder = defineEndpoint<Order>({
  name: 'modifyOrder',
  security: 'TRADE',
  weight: 0,
  orders: { tenSeconds: 1, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const order = venue.modifyOrder(accountOf(context), parseModifyOrder(new ParamReader(params)));
    return venue.orderView(order, { withCumQty: true });
  },
});
