import type { PositionRiskV3 } from '@basis/core';
import { positionRiskV3 } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `GET /fapi/v3/positionRisk` (`symbol` optional): the rows with a position or resting orders, with
 * margins, ADL quantile and open-order notionals. An unknown symbol is `-1121`.
 */
export const getPositionRiskV3 = defineEndpoint<PositionRiskV3[]>({
  name: 'getPositionRiskV3',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    return positionRiskV3(venue, accountOf(context), new ParamReader(params).string('symbol'));
  },
});
