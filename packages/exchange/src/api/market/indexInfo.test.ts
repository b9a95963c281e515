import { describe, expect, expectTypeOf, test } from 'vitest';
import { type IndexInfo, indexInfo } from './indexInfo.js';
import { call, rejection, tradingVenue } from './testing.js';

describe('indexInfo', () => {
  test('default: no composite index is listed', () => {
    const { venue } = tradingVenue();
    const body = call(indexInfo, venue);
    expectTypeOf(body).toEqualTypeOf<IndexInfo[]>();
    expect(body).toEqual([]);
    expect(call(indexInfo, venue, { symbol: 'BTCUSDT' })).toEqual([]);
  });

  test('behavior: an unknown symbol is -1121', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(indexInfo, venue, { symbol: 'DEFIUSDT' })).code).toBe(-1121);
  });
});
