import type { CoinmCommissionRate } from '@basis/core';
import { commissionRate } from '../../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/** `GET /dapi/v1/commissionRate` (`symbol*`): the account's maker and taker rates (COIN-M has no RPI rate). */
export const getCommissionRate = defineEndpoint<CoinmCommissionRate>({
  name: 'getCommissionRate',
  security: 'USER_DATA',
  weight: 20,
  command: false,
  handle(venue, context, params) {
    const symbol = new ParamReader(params).requiredString('symbol');
    const {
      symbol: name,
      makerCommissionRate,
      takerCommissionRate,
    } = commissionRate(venue, accountOf(context), symbol);
    return { symbol: name, makerCommissionRate, takerCommissionRate };
  },
});
