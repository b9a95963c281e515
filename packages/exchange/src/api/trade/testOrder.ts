import {
  ALGO_ORDER_TYPES,
  Decimal,
  NEW_ORDER_RESP_TYPES,
  ORDER_SIDES,
  ORDER_TYPES,
  type Order,
  POSITION_SIDES,
  REQUEST_PRICE_MATCHES,
  SELF_TRADE_PREVENTION_MODES,
  TIME_IN_FORCES,
  WORKING_TYPES,
} from '@basis/core';
import { checkPrice, checkQuantity } from '../../venue/filters.js';
import { validateOrder } from '../../venue/placeOrder.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/order/test` — validates an order with the pre-2025-12 parameter set (all seven
 * types, stopPrice, workingType, ...) and never sends it to the matching engine. Answers the order
 * as it would be accepted, with orderId 0 ([U]: Binance's exact test body is unconfirmed).
 */
export const testOrder = defineEndpoint<Order>({
  name: 'testOrder',
  security: 'TRADE',
  weight: 0,
  command: false,
  handle(venue, context, params) {
    const account = accountOf(context);
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const market = venue.market(symbol);
    const side = p.requiredEnumOf('side', ORDER_SIDES);
    const type = p.requiredEnumOf('type', ORDER_TYPES);
    const positionSide = p.enumOf('positionSide', POSITION_SIDES);
    const timeInForce = p.enumOf('timeInForce', TIME_IN_FORCES);
    const quantity = p.decimal('quantity');
    const price = p.decimal('price');
    const stopPrice = p.decimal('stopPrice');
    const workingType = p.enumOf('workingType', WORKING_TYPES) ?? 'CONTRACT_PRICE';
    const reduceOnly = p.boolean('reduceOnly');
    const closePosition = p.boolean('closePosition') ?? false;
    const priceMatch = p.enumOf('priceMatch', REQUEST_PRICE_MATCHES);
    const stpMode = p.enumOf('selfTradePreventionMode', SELF_TRADE_PREVENTION_MODES);
    const clientOrderId = p.string('newClientOrderId');
    p.enumOf('newOrderRespType', NEW_ORDER_RESP_TYPES);
    if (type === 'LIMIT' || type === 'MARKET') {
      const checked = validateOrder(
        venue,
        account,
        {
          symbol,
          side,
          positionSide,
          type,
          timeInForce,
          quantity,
          price,
          reduceOnly,
          newClientOrderId: clientOrderId,
          newOrderRespType: 'ACK',
          priceMatch,
          selfTradePreventionMode: stpMode,
          goodTillDate: p.integer('goodTillDate'),
        },
        true,
      );
      return venue.orderView(checked.record, { withCumQty: true });
    }
    // Conditional types: the filters that apply before the trigger.
    if (!(ALGO_ORDER_TYPES as readonly string[]).includes(type)) throw apiError(-1116);
    const trailing = type === 'TRAILING_STOP_MARKET';
    if (!trailing && stopPrice === undefined) throw apiError(-1102, ['stopPrice']);
    if (stopPrice !== undefined) checkPrice(market, stopPrice);
    if ((type === 'STOP' || type === 'TAKE_PROFIT') && price === undefined && priceMatch === undefined) {
      throw apiError(-1102, ['price']);
    }
    if (price !== undefined) checkPrice(market, price);
    if (closePosition && quantity !== undefined) throw apiError(-4137);
    if (!closePosition && quantity === undefined) throw apiError(-1102, ['quantity']);
    const qtySteps =
      quantity === undefined
        ? 0
        : checkQuantity(market, quantity, !type.startsWith('STOP') && type !== 'TAKE_PROFIT');
    return venue.orderView(
      {
        orderId: 0,
        ref: 0,
        symbol,
        accountId: account.id,
        clientOrderId: clientOrderId ?? '',
        side,
        positionSide: positionSide ?? 'BOTH',
        type,
        origType: type,
        timeInForce: timeInForce ?? 'GTC',
        priceTick: price === undefined ? 0 : checkPrice(market, price),
        origQty: qtySteps,
        executedQty: 0,
        cumQuote: Decimal.ZERO,
        status: 'NEW',
        reduceOnly: reduceOnly ?? false,
        closePosition,
        stopPrice: stopPrice === undefined ? '0' : stopPrice.toString(),
        workingType,
        priceProtect: p.boolean('priceProtect') ?? false,
        priceMatch: priceMatch ?? 'NONE',
        selfTradePreventionMode: stpMode ?? 'EXPIRE_MAKER',
        goodTillDate: 0,
        time: context.now,
        updateTime: context.now,
        modifyCount: 0,
        expireReason: 0,
        reserved: Decimal.ZERO,
      },
      { withCumQty: true },
    );
  },
});
