import type { RateLimit } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';

/** The account's ORDERS limiters: 300 per 10 seconds and 1200 per minute. */
export const ORDER_RATE_LIMITS: readonly RateLimit[] = Object.freeze([
  Object.freeze({ rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 } as const),
  Object.freeze({ rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 } as const),
]);

/** `GET /fapi/v1/rateLimit/order`: the account's ORDERS limiters. */
export const getOrderRateLimit = defineEndpoint<RateLimit[]>({
  name: 'getOrderRateLimit',
  security: 'USER_DATA',
  weight: 1,
  command: false,
  handle(_venue, context) {
    accountOf(context);
    return ORDER_RATE_LIMITS.map((l) => ({ ...l }));
  },
});
