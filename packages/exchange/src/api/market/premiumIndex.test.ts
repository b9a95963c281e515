import { Decimal, type PremiumIndex } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { premiumIndex } from './premiumIndex.js';
import { call, rejection, T0, tradingVenue } from './testing.js';

const FUNDING_16H = Date.UTC(2026, 10, 24, 16);

describe('premiumIndex', () => {
  test('default: one object for a symbol, 8 decimals', () => {
    const { venue } = tradingVenue();
    const body = call(premiumIndex, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<PremiumIndex | PremiumIndex[]>();
    expect(body).toEqual({
      symbol: 'BTCUSDT',
      markPrice: '96000.00000000',
      indexPrice: '96000.00000000',
      estimatedSettlePrice: '96000.00000000',
      lastFundingRate: '0.00010000',
      interestRate: '0.00010000',
      nextFundingTime: FUNDING_16H,
      time: T0,
    } satisfies PremiumIndex);
  });

  test('behavior: without symbol, an array of every symbol', () => {
    const { venue } = tradingVenue();
    const body = call(premiumIndex, venue, {}) as PremiumIndex[];
    expect(Array.isArray(body)).toBe(true);
    expect(body.map((p) => p.symbol)).toEqual(DEFAULT_SYMBOLS.map((s) => s.symbol));
    expect(body.find((p) => p.symbol === 'DOGEUSDT')?.nextFundingTime).toBe(FUNDING_16H);
    expect(body.find((p) => p.symbol === 'XRPUSDT')?.markPrice).toBe('2.30000000');
  });

  test('behavior: the venue’s mark price rounds half-up to 8 decimals', () => {
    const { venue } = tradingVenue();
    const market = venue.market('ETHUSDT');
    market.markPrice = Decimal.parse('3400.123456785');
    market.lastFundingRate = Decimal.parse('-0.0000375');
    expect(call(premiumIndex, venue, { symbol: 'ETHUSDT' })).toMatchObject({
      markPrice: '3400.12345679',
      lastFundingRate: '-0.00003750',
    });
  });

  test('behavior: weight 1 with symbol, 10 without; unknown symbol -1121', () => {
    const weight = premiumIndex.weight as (p: Record<string, string>) => number;
    expect([weight({ symbol: 'BTCUSDT' }), weight({})]).toEqual([1, 10]);
    const { venue } = tradingVenue();
    expect(rejection(() => call(premiumIndex, venue, { symbol: 'NOPE' })).code).toBe(-1121);
  });
});
