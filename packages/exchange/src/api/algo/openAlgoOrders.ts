import type { AlgoOrderDetail } from '@basis/core';
import { algoDetailToWire } from '../../venue/algo/algoViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { checkAlgoTypeFilter } from './parseAlgoOrder.js';

/**
 * `GET /fapi/v1/openAlgoOrders` — the account's algo orders waiting for their trigger, on `symbol`
 * or on every symbol (weight 40 then), optionally only `algoId`; oldest first.
 */
export const openAlgoOrders = defineEndpoint<AlgoOrderDetail[]>({
  name: 'openAlgoOrders',
  security: 'USER_DATA',
  weight: (params) => (params.symbol === undefined || params.symbol === '' ? 40 : 1),
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    checkAlgoTypeFilter(p);
    const symbol = p.string('symbol');
    if (symbol !== undefined) venue.market(symbol);
    const algoId = p.id('algoId');
    return venue.algo
      .open(accountOf(context), symbol)
      .filter((a) => algoId === undefined || BigInt(a.algoId) === algoId)
      .map((a) => algoDetailToWire(venue.market(a.symbol), a));
  },
});
