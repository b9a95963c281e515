import { type CodeMsgAck, MARGIN_TYPES } from '@basis/core';
import { setMarginType } from '../../venue/settings.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/marginType` (`symbol*`, `marginType*` ISOLATED | CROSSED) →
 * `{"code":200,"msg":"success"}`. Rules and codes: {@link setMarginType}.
 */
export const changeMarginType = defineEndpoint<CodeMsgAck>({
  name: 'changeMarginType',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const marginType = p.requiredEnumOf('marginType', MARGIN_TYPES);
    return setMarginType(venue, accountOf(context), symbol, marginType);
  },
});
