import type { ListenKeyResponse } from '@basis/core';
import { listenKeysOf } from '../../venue/listenKeys.js';
import { accountOf, defineEndpoint } from '../endpoint.js';

/**
 * `POST /fapi/v1/listenKey`: the account's active listen key, extended by 60 minutes, or a new one.
 * A command: a new key draws from the venue's RNG, so the journal must replay it.
 */
export const startUserDataStream = defineEndpoint<ListenKeyResponse>({
  name: 'startUserDataStream',
  security: 'USER_STREAM',
  weight: 1,
  command: true,
  handle(venue, context) {
    return { listenKey: listenKeysOf(venue).start(accountOf(context).id, context.now) };
  },
});
