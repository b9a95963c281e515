import type { ListenKeyResponse } from '@basis/core';
import { listenKeysOf } from '../../venue/listenKeys.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `PUT /fapi/v1/listenKey` (`listenKey` optional): extends the account's key to 60 minutes from now
 * and returns it; `-1125` when it has none (or `listenKey` is not it).
 */
export const keepaliveUserDataStream = defineEndpoint<ListenKeyResponse>({
  name: 'keepaliveUserDataStream',
  security: 'USER_STREAM',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const key = new ParamReader(params).string('listenKey');
    return { listenKey: listenKeysOf(venue).keepalive(accountOf(context).id, context.now, key) };
  },
});
