import type { CoinmForceOrder } from '@basis/core';
import { defineForceOrdersEndpoint, forceOrderRow } from '../../trade/getForceOrders.js';
import { coinmOrderView } from './coinmOrderView.js';

/**
 * `GET /dapi/v1/forceOrders` — the account's liquidation and ADL orders, newest first, in COIN-M's
 * order shape (`pair`, `cumBase`); weight 20 with a symbol, 50 without.
 */
export const getForceOrders = defineForceOrdersEndpoint<CoinmForceOrder>((venue, order) => {
  const wire = coinmOrderView(venue, order, { withTime: true });
  return forceOrderRow(wire, order.time, { pair: wire.pair }, { cumBase: wire.cumBase });
});
