import type { BalanceV3 } from '@basis/core';
import { balances } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v3/balance`: the same rows as v2. */
export const getBalanceV3 = defineEndpoint<BalanceV3[]>({
  name: 'getBalanceV3',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context) {
    return balances(venue, accountOf(context));
  },
});
