import { type AlgoOrder, COINM_TIME_IN_FORCES } from '@basis/core';
import { algoToWire } from '../../../venue/algo/algoViews.js';
import { newAlgoOrder as usdmNewAlgoOrder } from '../../algo/newAlgoOrder.js';
import { parseAlgoOrder } from '../../algo/parseAlgoOrder.js';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/**
 * `POST /dapi/v1/algoOrder` — place a conditional order with the Algo Service (COIN-M since the CM/UM
 * integration of 2026-06-30): USD-M's parameters and answer, with COIN-M's limits on time in force
 * (no GTD or RPI: -1115; `goodTillDate` is ignored, as on `/dapi/v1/order`) and its order counter
 * (the 1-minute one only).
 */
export const newAlgoOrder = defineEndpoint<AlgoOrder>({
  ...usdmNewAlgoOrder,
  orders: { tenSeconds: 0, minute: 1 },
  handle(venue, context, params) {
    const input = {
      ...parseAlgoOrder(new ParamReader(params), COINM_TIME_IN_FORCES),
      goodTillDate: undefined,
    };
    const algo = venue.algo.place(accountOf(context), input);
    return algoToWire(venue.market(algo.symbol), algo);
  },
});
