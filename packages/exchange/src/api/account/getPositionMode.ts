import type { PositionModeResponse } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v1/positionSide/dual`: `{"dualSidePosition": true}` in hedge mode. */
export const getPositionMode = defineEndpoint<PositionModeResponse>({
  name: 'getPositionMode',
  security: 'USER_DATA',
  weight: 30,
  command: false,
  handle(_venue, context) {
    return { dualSidePosition: accountOf(context).dualSidePosition };
  },
});
