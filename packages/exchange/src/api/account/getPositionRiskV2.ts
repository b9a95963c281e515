import type { PositionRiskV2 } from '@basis/core';
import { positionRiskV2 } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `GET /fapi/v2/positionRisk` (`symbol` optional): every symbol's rows, flat ones included, with
 * the liquidation and break-even prices. An unknown symbol is `-1121`.
 */
export const getPositionRiskV2 = defineEndpoint<PositionRiskV2[]>({
  name: 'getPositionRiskV2',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    return positionRiskV2(venue, accountOf(context), new ParamReader(params).string('symbol'));
  },
});
