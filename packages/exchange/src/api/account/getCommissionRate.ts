import type { CommissionRate } from '@basis/core';
import { commissionRate } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `GET /fapi/v1/commissionRate` (`symbol*`): the account's maker, taker and RPI rates. */
export const getCommissionRate = defineEndpoint<CommissionRate>({
  name: 'getCommissionRate',
  security: 'USER_DATA',
  weight: 20,
  command: false,
  handle(venue, context, params) {
    return commissionRate(venue, accountOf(context), new ParamReader(params).requiredString('symbol'));
  },
});
