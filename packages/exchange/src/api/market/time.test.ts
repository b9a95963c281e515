import type { ServerTime } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { call, T0, tradingVenue } from './testing.js';
import { time } from './time.js';

describe('time', () => {
  test('default: serverTime is the venue time', () => {
    const { venue } = tradingVenue();
    const body = call(time, venue);
    expectTypeOf(body).toEqualTypeOf<ServerTime>();
    expect(body).toEqual({ serverTime: T0 });
  });

  test('behavior: follows the venue clock, not the wall clock', () => {
    const { venue } = tradingVenue();
    venue.advanceTo(T0 + 90_000);
    expect(call(time, venue).serverTime).toBe(T0 + 90_000);
  });
});
