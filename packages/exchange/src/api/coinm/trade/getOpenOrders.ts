import type { CoinmOrder } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { openOrdersWhere } from '../../trade/getOpenOrders.js';
import { coinmOrderView } from './coinmOrderView.js';
import { symbolOrPair } from './symbolOrPair.js';

/**
 * `GET /dapi/v1/openOrders` — open orders (conditional ones included) of a `symbol`, of a `pair`, or
 * of every symbol (weight 40).
 */
export const getOpenOrders = defineEndpoint<CoinmOrder[]>({
  name: 'getOpenOrders',
  security: 'USER_DATA',
  weight: (params) => ((params['symbol'] ?? '') === '' && (params['pair'] ?? '') === '' ? 40 : 1),
  command: false,
  handle(venue, context, params) {
    const matches = symbolOrPair(venue, new ParamReader(params), false);
    return openOrdersWhere(venue, accountOf(context), matches).map((order) =>
      coinmOrderView(venue, order, { withTime: true }),
    );
  },
});
