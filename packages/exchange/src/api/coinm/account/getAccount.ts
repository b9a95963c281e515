import type { CoinmAccount } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { coinmAccount } from './views.js';

/**
 * `GET /dapi/v1/account` (v1 only): every coin's balances and every symbol's position rows (BOTH in
 * one-way mode; BOTH, LONG and SHORT in hedge mode), with `maxQty` and `notionalValue` in coin.
 */
export const getAccount = defineEndpoint<CoinmAccount>({
  name: 'getAccount',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context) {
    return coinmAccount(venue, accountOf(context));
  },
});
