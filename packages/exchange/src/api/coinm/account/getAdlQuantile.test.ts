import type { AdlQuantileEntry } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, fill, get, send, setMark, startCoinm } from './testing.js';

afterEach(closeAll);

describe('GET /dapi/v1/adlQuantile', () => {
  test('default: the symbols the account holds, ranked in coin against the other traders', () => {
    const f = startCoinm();
    expect(get<AdlQuantileEntry[]>(f, '/dapi/v1/adlQuantile')).toEqual([]);
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    setMark(f, 'BTCUSD_PERP', '55000');
    // The trader is the only long: the top quantile of the longs; BOTH shows the same.
    expect(get<AdlQuantileEntry[]>(f, '/dapi/v1/adlQuantile')).toEqual([
      { symbol: 'BTCUSD_PERP', adlQuantile: { LONG: 4, SHORT: 0, BOTH: 4 } },
    ]);
    expect(get<AdlQuantileEntry[]>(f, '/dapi/v1/adlQuantile', { symbol: 'ETHUSD_PERP' })).toEqual([]);
    expect(send(f, 'GET', '/dapi/v1/adlQuantile', { symbol: 'NOPE' }).body).toMatchObject({ code: -1121 });
  });
});
