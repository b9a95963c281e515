import type { AccountV3 } from '@basis/core';
import { accountV3 } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';

/**
 * `GET /fapi/v3/account`: the same totals and assets as v2, without the configuration fields, and
 * only the position rows with a position or resting orders.
 */
export const getAccountV3 = defineEndpoint<AccountV3>({
  name: 'getAccountV3',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context) {
    return accountV3(venue, accountOf(context));
  },
});
