import type { AccountV2 } from '@basis/core';
import { accountV2 } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';

/**
 * `GET /fapi/v2/account`: the account's totals (single-asset mode: USDT), every asset, and every
 * symbol's position rows (BOTH in one-way mode, LONG and SHORT in hedge mode).
 */
export const getAccountV2 = defineEndpoint<AccountV2>({
  name: 'getAccountV2',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context) {
    return accountV2(venue, accountOf(context));
  },
});
