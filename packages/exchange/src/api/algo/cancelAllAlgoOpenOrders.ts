import type { CodeMsgAck } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `DELETE /fapi/v1/algoOpenOrders` — cancel every open algo order of the account on `symbol*`.
 * Answers `{"code":200,"msg":"The operation of cancel all open order is done."}` even when there
 * was none.
 */
export const cancelAllAlgoOpenOrders = defineEndpoint<CodeMsgAck>({
  name: 'cancelAllAlgoOpenOrders',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const symbol = new ParamReader(params).requiredString('symbol');
    venue.algo.cancelAlgos(accountOf(context), symbol);
    return { code: 200, msg: 'The operation of cancel all open order is done.' };
  },
});
