import type { ServerTime } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v1/time` — the exchange's clock (the venue's time, virtual in a backtest). */
export const time = defineEndpoint<ServerTime>({
  name: 'time',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(_venue, context) {
    return { serverTime: context.now };
  },
});
