import type { Kline } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { continuousKlines } from './continuousKlines.js';
import { klines } from './klines.js';
import { klineWeight } from './query.js';
import { call, rejection, sweep } from './testing.js';

describe('continuousKlines', () => {
  test('default: PERPETUAL of a pair is the perpetual symbol’s klines', () => {
    const { venue } = sweep(3);
    const body = call(continuousKlines, venue, {
      pair: 'BTCUSDT',
      contractType: 'PERPETUAL',
      interval: '1m',
    });
    expectTypeOf(body).toEqualTypeOf<Kline[]>();
    expect(body).toHaveLength(1);
    expect(body).toEqual(call(klines, venue, { symbol: 'BTCUSDT', interval: '1m' }));
    expect(continuousKlines).toMatchObject({ security: 'NONE', weight: klineWeight, command: false });
  });

  test('behavior: a pair without a contract of that type has no candles', () => {
    const { venue } = sweep(1);
    expect(
      call(continuousKlines, venue, { pair: 'BTCUSDT', contractType: 'CURRENT_QUARTER', interval: '1m' }),
    ).toEqual([]);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = sweep(1);
    const reject = (params: Record<string, string>) => rejection(() => call(continuousKlines, venue, params));
    expect(reject({ contractType: 'PERPETUAL', interval: '1m' }).msg).toBe(
      "Mandatory parameter 'pair' was not sent, was empty/null, or malformed.",
    );
    expect(reject({ pair: 'BTCUSDT', interval: '1m' }).code).toBe(-1102);
    expect(reject({ pair: 'BTCUSDT', contractType: 'perpetual', interval: '1m' })).toEqual({
      code: -1130,
      msg: "Data sent for parameter 'contractType' is not valid.",
    });
    expect(reject({ pair: 'BTCUSDT', contractType: 'PERPETUAL', interval: '7m' }).code).toBe(-1120);
    expect(reject({ pair: 'NOPEUSDT', contractType: 'PERPETUAL', interval: '1m' }).code).toBe(-1121);
  });
});
