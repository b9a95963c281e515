import type { EmptyResponse } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { ping } from './ping.js';
import { call, tradingVenue } from './testing.js';

describe('ping', () => {
  test('default: answers {} with weight 1, no key needed', () => {
    const { venue } = tradingVenue();
    expect(call(ping, venue)).toEqual({});
    expectTypeOf(call(ping, venue)).toEqualTypeOf<EmptyResponse>();
    expect(ping).toMatchObject({ security: 'NONE', weight: 1, command: false });
  });
});
