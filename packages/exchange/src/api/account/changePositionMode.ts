import type { CodeMsgAck } from '@basis/core';
import { setPositionMode } from '../../venue/settings.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { missing, ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/positionSide/dual` (`dualSidePosition*` "true" hedge | "false" one-way) →
 * `{"code":200,"msg":"success"}`. Rules and codes: {@link setPositionMode}.
 */
export const changePositionMode = defineEndpoint<CodeMsgAck>({
  name: 'changePositionMode',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const dual = new ParamReader(params).boolean('dualSidePosition');
    if (dual === undefined) throw missing('dualSidePosition');
    return setPositionMode(venue, accountOf(context), dual);
  },
});
