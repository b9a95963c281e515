import type { CodeMsgAck } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `DELETE /fapi/v1/allOpenOrders` — cancel every regular open order of a symbol (algo orders stay). */
export const cancelAllOpenOrders = defineEndpoint<CodeMsgAck>({
  name: 'cancelAllOpenOrders',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const symbol = new ParamReader(params).requiredString('symbol');
    venue.cancelAllOrders(accountOf(context), symbol);
    return { code: 200, msg: 'The operation of cancel all open order is done.' };
  },
});
