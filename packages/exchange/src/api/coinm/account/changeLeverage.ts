import type { CoinmLeverageResponse } from '@basis/core';
import { setLeverage } from '../../../venue/settings.js';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';

/**
 * `POST /dapi/v1/leverage` (`symbol*`, `leverage*`): sets a symbol's initial leverage (shared by
 * LONG and SHORT) → `{leverage, maxQty, symbol}`, `maxQty` being the leverage's cap in coin. Rules
 * and codes: {@link setLeverage}.
 */
export const changeLeverage = defineEndpoint<CoinmLeverageResponse>({
  name: 'changeLeverage',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const leverage = p.requiredInteger('leverage');
    const set = setLeverage(venue, accountOf(context), symbol, leverage);
    return { leverage: set.leverage, maxQty: set.maxNotionalValue, symbol: set.symbol };
  },
});
