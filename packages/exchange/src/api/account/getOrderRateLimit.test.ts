import { describe, expect, test } from 'vitest';
import { getOrderRateLimit } from './getOrderRateLimit.js';
import { accountVenue, call } from './testing.js';

describe('getOrderRateLimit', () => {
  test('default: the ORDERS limiters, 300 per 10 s and 1200 per minute', () => {
    const { venue, trader } = accountVenue();
    expect(call(getOrderRateLimit, venue, trader)).toEqual([
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
      { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
    ]);
  });
});
