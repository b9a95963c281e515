import type { CoinmBalance } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { coinmBalances } from './views.js';

/** `GET /dapi/v1/balance`: one row per coin, with `withdrawAvailable`. */
export const getBalance = defineEndpoint<CoinmBalance[]>({
  name: 'getBalance',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context) {
    return coinmBalances(venue, accountOf(context));
  },
});
