import type { FundingInfo } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { fundingInfo } from './fundingInfo.js';
import { call, tradingVenue } from './testing.js';

describe('fundingInfo', () => {
  test('default: only symbols with non-default funding settings (DOGE and LINK fund every 4 h)', () => {
    const { venue } = tradingVenue();
    const body = call(fundingInfo, venue);
    expectTypeOf(body).toEqualTypeOf<FundingInfo[]>();
    expect(body).toEqual([
      {
        symbol: 'DOGEUSDT',
        adjustedFundingRateCap: '0.02000000',
        adjustedFundingRateFloor: '-0.02000000',
        fundingIntervalHours: 4,
        disclaimer: false,
      },
      {
        symbol: 'LINKUSDT',
        adjustedFundingRateCap: '0.02000000',
        adjustedFundingRateFloor: '-0.02000000',
        fundingIntervalHours: 4,
        disclaimer: false,
      },
    ]);
    expect(fundingInfo).toMatchObject({ security: 'NONE', weight: 0, command: false });
  });

  test('behavior: an adjusted cap or floor is listed even at 8 h', () => {
    const btc = DEFAULT_SYMBOLS[0]!;
    const { venue } = tradingVenue({
      symbols: [
        btc,
        { ...btc, symbol: 'BLZUSDT', pair: 'BLZUSDT', fundingRateCap: '0.025', fundingRateFloor: '-0.025' },
        { ...btc, symbol: 'ABCUSDT', pair: 'ABCUSDT', fundingRateCap: '0.02', fundingRateFloor: '-0.03' },
      ],
    });
    expect(call(fundingInfo, venue)).toEqual([
      {
        symbol: 'BLZUSDT',
        adjustedFundingRateCap: '0.02500000',
        adjustedFundingRateFloor: '-0.02500000',
        fundingIntervalHours: 8,
        disclaimer: false,
      },
      {
        symbol: 'ABCUSDT',
        adjustedFundingRateCap: '0.02000000',
        adjustedFundingRateFloor: '-0.03000000',
        fundingIntervalHours: 8,
        disclaimer: false,
      },
    ]);
  });
});
