import type { SymbolConfig } from '@basis/core';
import { symbolConfig } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `GET /fapi/v1/symbolConfig` (`symbol` optional): margin type, leverage and notional cap per symbol. */
export const getSymbolConfig = defineEndpoint<SymbolConfig[]>({
  name: 'getSymbolConfig',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    return symbolConfig(venue, accountOf(context), new ParamReader(params).string('symbol'));
  },
});
