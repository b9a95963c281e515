import { Decimal, type FundingRate } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import type { Venue } from '../../venue/venue.js';
import { fundingRate } from './fundingRate.js';
import { call, rejection, T0, tradingVenue } from './testing.js';

const EIGHT_HOURS = 8 * 3_600_000;

/** `count` settled fundings of `symbol`, every 8 h, the last at T0; rate i × 0.00001. */
function settle(venue: Venue, symbol: string, count: number): void {
  const market = venue.market(symbol);
  for (let i = 1; i <= count; i++) {
    market.fundingHistory.push({
      fundingRate: Decimal.parse('0.00001').mul(i),
      fundingTime: T0 - (count - i) * EIGHT_HOURS,
      markPrice: Decimal.parse('96000.123456789'),
    });
  }
}

function times(rows: readonly FundingRate[]): number[] {
  return rows.map((r) => (r.fundingTime - T0) / EIGHT_HOURS);
}

describe('fundingRate', () => {
  test('default: settled rates of a symbol, ascending, 8 decimals', () => {
    const { venue } = tradingVenue();
    settle(venue, 'BTCUSDT', 2);
    const body = call(fundingRate, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<FundingRate[]>();
    expect(body).toEqual([
      {
        symbol: 'BTCUSDT',
        fundingRate: '0.00001000',
        fundingTime: T0 - EIGHT_HOURS,
        markPrice: '96000.12345679',
      },
      { symbol: 'BTCUSDT', fundingRate: '0.00002000', fundingTime: T0, markPrice: '96000.12345679' },
    ]);
    expect(fundingRate).toMatchObject({ security: 'NONE', weight: 0, command: false });
  });

  test('behavior: without a time range, the most recent `limit` (default 100, at most 200)', () => {
    const { venue } = tradingVenue();
    settle(venue, 'BTCUSDT', 250);
    const rows = (params: Record<string, string>) =>
      call(fundingRate, venue, { symbol: 'BTCUSDT', ...params });
    expect(rows({})).toHaveLength(100);
    expect(times(rows({})).at(-1)).toBe(0);
    expect(times(rows({ limit: '3' }))).toEqual([-2, -1, 0]);
    expect(rows({ limit: '1000' })).toHaveLength(200);
  });

  test('behavior: startTime gives the first `limit` from it; endTime alone the last up to it', () => {
    const { venue } = tradingVenue();
    settle(venue, 'BTCUSDT', 10);
    const at = (k: number) => String(T0 + k * EIGHT_HOURS);
    const rows = (params: Record<string, string>) =>
      times(call(fundingRate, venue, { symbol: 'BTCUSDT', ...params }));
    expect(rows({ startTime: at(-5), limit: '2' })).toEqual([-5, -4]);
    expect(rows({ startTime: at(-5), endTime: at(-3) })).toEqual([-5, -4, -3]);
    expect(rows({ endTime: at(-7), limit: '2' })).toEqual([-8, -7]);
    expect(rows({ startTime: String(T0 + 1) })).toEqual([]);
  });

  test('behavior: without symbol, every symbol by time (ties in listing order)', () => {
    const { venue } = tradingVenue();
    settle(venue, 'ETHUSDT', 2);
    settle(venue, 'BTCUSDT', 2);
    const body = call(fundingRate, venue, {});
    expect(body.map((r) => `${r.symbol}@${(r.fundingTime - T0) / EIGHT_HOURS}`)).toEqual([
      'BTCUSDT@-1',
      'ETHUSDT@-1',
      'BTCUSDT@0',
      'ETHUSDT@0',
    ]);
  });

  test('behavior: the venue’s own settlements are listed (DOGEUSDT funds every 4 h)', () => {
    const { venue } = tradingVenue({ symbols: DEFAULT_SYMBOLS.filter((s) => s.symbol === 'DOGEUSDT') });
    venue.advanceTo(T0 + 4 * 3_600_000);
    expect(call(fundingRate, venue, { symbol: 'DOGEUSDT' })).toEqual([
      // No premium on a quiet book: the rate is the interest part, 0.01% per 8 h scaled to 4 h.
      {
        symbol: 'DOGEUSDT',
        fundingRate: '0.00005000',
        fundingTime: T0 + 4 * 3_600_000,
        markPrice: '0.25000000',
      },
    ]);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = tradingVenue();
    const reject = (params: Record<string, string>) => rejection(() => call(fundingRate, venue, params));
    expect(reject({ symbol: 'NOPE' }).code).toBe(-1121);
    expect(reject({ startTime: String(T0 + 1), endTime: String(T0) }).code).toBe(-1023);
    expect(reject({ limit: '0' }).code).toBe(-1130);
    expect(reject({ startTime: 'yesterday' }).code).toBe(-1100);
  });
});
