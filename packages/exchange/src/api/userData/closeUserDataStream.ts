import type { EmptyResponse } from '@basis/core';
import { listenKeysOf } from '../../venue/listenKeys.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `DELETE /fapi/v1/listenKey` (`listenKey` optional) → `{}`: closes the account's key (`-1125` when
 * `listenKey` is sent and is not the account's active key).
 */
export const closeUserDataStream = defineEndpoint<EmptyResponse>({
  name: 'closeUserDataStream',
  security: 'USER_STREAM',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const key = new ParamReader(params).string('listenKey');
    listenKeysOf(venue).close(accountOf(context).id, context.now, key);
    return {};
  },
});
