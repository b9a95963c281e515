import type { CancelAlgoOrderResponse } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseAlgoRef } from './parseAlgoOrder.js';

/**
 * `DELETE /fapi/v1/algoOrder` — cancel an open algo order by `algoId` or `clientAlgoId`. Answers
 * `{"algoId","clientAlgoId","code":"200","msg":"success"}` (code as a string, unlike other acks);
 * -2011 when the order is unknown or no longer waiting for its trigger.
 */
export const cancelAlgoOrder = defineEndpoint<CancelAlgoOrderResponse>({
  name: 'cancelAlgoOrder',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const algo = venue.algo.cancel(accountOf(context), parseAlgoRef(new ParamReader(params)));
    return { algoId: algo.algoId, clientAlgoId: algo.clientAlgoId, code: '200', msg: 'success' };
  },
});
