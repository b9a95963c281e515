import type { BalanceV2 } from '@basis/core';
import { balances } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v2/balance`: one row per asset. */
export const getBalanceV2 = defineEndpoint<BalanceV2[]>({
  name: 'getBalanceV2',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context) {
    return balances(venue, accountOf(context));
  },
});
