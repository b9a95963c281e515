import type { LeverageBracket } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { getLeverageBracket } from './getLeverageBracket.js';
import { accountVenue, call, rejects } from './testing.js';

describe('getLeverageBracket', () => {
  test('default: every symbol as an array; with symbol a single object; numbers, not strings', () => {
    const { venue, trader } = accountVenue();
    const all = call(getLeverageBracket, venue, trader) as LeverageBracket[];
    expect(all.map((b) => b.symbol)).toEqual([...venue.markets.keys()]);
    const one = call(getLeverageBracket, venue, trader, { symbol: 'SOLUSDT' }) as LeverageBracket;
    expect(one.symbol).toBe('SOLUSDT');
    expect(one).not.toHaveProperty('notionalCoef');
    expect(one.brackets[1]).toEqual({
      bracket: 2,
      initialLeverage: 50,
      notionalCap: 50000,
      notionalFloor: 10000,
      maintMarginRatio: 0.01,
      cum: 50,
    });
    expect(rejects(() => call(getLeverageBracket, venue, trader, { symbol: 'NOPE' }))).toBe(-1121);
  });
});
