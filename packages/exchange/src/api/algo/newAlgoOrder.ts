import type { AlgoOrder } from '@basis/core';
import { algoToWire } from '../../venue/algo/algoViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { parseAlgoOrder } from './parseAlgoOrder.js';

/**
 * `POST /fapi/v1/algoOrder` — place a conditional order (STOP, STOP_MARKET, TAKE_PROFIT,
 * TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET) with the Algo Service. The response is the algo order
 * as placed (§5.4): `algoStatus` NEW, `triggerTime` 0, `activatePrice`/`callbackRate` "" unless
 * trailing.
 */
export const newAlgoOrder = defineEndpoint<AlgoOrder>({
  name: 'newAlgoOrder',
  security: 'TRADE',
  weight: 0,
  orders: { tenSeconds: 1, minute: 1 },
  command: true,
  handle(venue, context, params) {
    const input = parseAlgoOrder(new ParamReader(params));
    const algo = venue.algo.place(accountOf(context), input);
    return algoToWire(venue.market(algo.symbol), algo);
  },
});
