import type { CodeMsgAck } from '@basis/core';
import { setMultiAssetsMode } from '../../venue/settings.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { missing, ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/multiAssetsMargin` (`multiAssetsMargin*` "true" | "false") →
 * `{"code":200,"msg":"success"}`. Rules and codes: {@link setMultiAssetsMode}.
 */
export const changeMultiAssetsMode = defineEndpoint<CodeMsgAck>({
  name: 'changeMultiAssetsMode',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const on = new ParamReader(params).boolean('multiAssetsMargin');
    if (on === undefined) throw missing('multiAssetsMargin');
    return setMultiAssetsMode(venue, accountOf(context), on);
  },
});
