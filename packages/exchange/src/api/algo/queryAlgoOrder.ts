import type { AlgoOrderDetail } from '@basis/core';
import { algoDetailToWire } from '../../venue/algo/algoViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseAlgoRef } from './parseAlgoOrder.js';

/**
 * `GET /fapi/v1/algoOrder` — one algo order by `algoId` or `clientAlgoId`, in any status while
 * retained (§4: unfilled ended orders 3 days, all 90 days), with its matching-engine outcome
 * (`actualOrderId` "" until triggered, `actualPrice`, `actualType`, `actualQty`); -2013 otherwise.
 */
export const queryAlgoOrder = defineEndpoint<AlgoOrderDetail>({
  name: 'queryAlgoOrder',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const algo = venue.algo.get(accountOf(context), parseAlgoRef(new ParamReader(params)));
    return algoDetailToWire(venue.market(algo.symbol), algo);
  },
});
