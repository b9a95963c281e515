import type { CoinmForceOrder } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { forceOrdersOf } from '../../trade/getForceOrders.js';
import { coinmOrderView } from './coinmOrderView.js';

/**
 * `GET /dapi/v1/forceOrders` — the account's liquidation and ADL orders, newest first, in COIN-M's
 * order shape (`pair`, `cumBase`); weight 20 with a symbol, 50 without.
 */
export const getForceOrders = defineEndpoint<CoinmForceOrder[]>({
  name: 'getForceOrders',
  security: 'USER_DATA',
  weight: (params) => (params['symbol'] === undefined || params['symbol'] === '' ? 50 : 20),
  command: false,
  handle(venue, context, params) {
    return forceOrdersOf(venue, context, params).map((order) => {
      const wire = coinmOrderView(venue, order, { withTime: true });
      return {
        orderId: wire.orderId,
        symbol: wire.symbol,
        pair: wire.pair,
        status: wire.status,
        clientOrderId: wire.clientOrderId,
        price: wire.price,
        avgPrice: wire.avgPrice,
        origQty: wire.origQty,
        executedQty: wire.executedQty,
        cumBase: wire.cumBase,
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
