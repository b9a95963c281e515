import type { SymbolAdlRisk } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { symbolAdlRisk } from './symbolAdlRisk.js';
import { call, rejection, T0, tradingVenue } from './testing.js';

describe('symbolAdlRisk', () => {
  test('default: always low (the insurance fund absorbs every liquidation), updated every 30 min', () => {
    const { venue } = tradingVenue();
    const body = call(symbolAdlRisk, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<SymbolAdlRisk | SymbolAdlRisk[]>();
    expect(body).toEqual({ symbol: 'BTCUSDT', adlRisk: 'low', updateTime: T0 } satisfies SymbolAdlRisk);
    venue.advanceTo(T0 + 45 * 60_000);
    expect(call(symbolAdlRisk, venue, { symbol: 'BTCUSDT' })).toMatchObject({ updateTime: T0 + 30 * 60_000 });
  });

  test('behavior: array without symbol; unknown symbol -1121', () => {
    const { venue } = tradingVenue();
    expect((call(symbolAdlRisk, venue) as SymbolAdlRisk[]).every((r) => r.adlRisk === 'low')).toBe(true);
    expect(rejection(() => call(symbolAdlRisk, venue, { symbol: 'NOPE' })).code).toBe(-1121);
  });
});
