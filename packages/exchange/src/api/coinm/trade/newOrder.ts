import type { CoinmOrder } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { parseCoinmNewOrder } from './parseCoinmOrder.js';
import { placeCoinmOrder } from './placeCoinmOrder.js';

/**
 * `POST /dapi/v1/order` — place a LIMIT or MARKET order, or a conditional one (STOP, STOP_MARKET,
 * TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET), which gets an orderId and waits for its
 * trigger. COIN-M counts new orders on the 1-minute order limiter only, at no IP weight.
 */
export const newOrder = defineEndpoint<CoinmOrder>({
  name: 'newOrder',
  security: 'TRADE',
  weight: 0,
  orders: { tenSeconds: 0, minute: 1 },
  command: true,
  handle(venue, context, params) {
    return placeCoinmOrder(venue, accountOf(context), parseCoinmNewOrder(new ParamReader(params)));
  },
});
