import type { LeverageResponse } from '@basis/core';
import { setLeverage } from '../../venue/settings.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/leverage` (`symbol*`, `leverage*`): sets a symbol's initial leverage and returns
 * it with its notional cap. Rules and codes: {@link setLeverage}.
 */
export const changeLeverage = defineEndpoint<LeverageResponse>({
  name: 'changeLeverage',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const leverage = p.requiredInteger('leverage');
    return setLeverage(venue, accountOf(context), symbol, leverage);
  },
});
