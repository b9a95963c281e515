import type { CoinmPositionRisk } from '@basis/core';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { coinmPositionRisk } from './views.js';

/**
 * `GET /dapi/v1/positionRisk` (`marginAsset`, `pair`, both optional): the rows of every symbol, or
 * of those settling in `marginAsset` / belonging to `pair`, flat ones included. An unknown pair is
 * `-1121`.
 */
export const getPositionRisk = defineEndpoint<CoinmPositionRisk[]>({
  name: 'getPositionRisk',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    return coinmPositionRisk(venue, accountOf(context), {
      marginAsset: p.string('marginAsset'),
      pair: p.string('pair'),
    });
  },
});
