import type { CountdownCancelAllResponse } from '@basis/core';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/countdownCancelAll` — a dead-man switch: unless called again within
 * `countdownTime` ms, every open order of the symbol is canceled. 0 disarms it.
 */
export const countdownCancelAll = defineEndpoint<CountdownCancelAllResponse>({
  name: 'countdownCancelAll',
  security: 'TRADE',
  weight: 10,
  command: true,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    venue.market(symbol);
    const countdownTime = p.requiredInteger('countdownTime');
    if (countdownTime < 0) throw apiError(-1130, ['countdownTime']);
    venue.setCountdown(accountOf(context), symbol, countdownTime);
    return { symbol, countdownTime: String(countdownTime) };
  },
});
