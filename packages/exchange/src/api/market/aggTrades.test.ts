import type { AggTrade } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { aggTrades } from './aggTrades.js';
import { call, limitOrder, marketOrder, rejection, sweep, T0, tradingVenue } from './testing.js';

describe('aggTrades', () => {
  test('default: fills of one taker at one price merge; a new price starts a new aggregate', () => {
    const { venue, maker, taker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96000.00'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.003', '96000.00'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96000.10'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.009'));
    const body = call(aggTrades, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<AggTrade[]>();
    expect(body).toEqual([
      { a: 1, p: '96000.00', q: '0.005', nq: '0.005', f: 1, l: 2, T: T0, m: false },
      { a: 2, p: '96000.10', q: '0.004', nq: '0.004', f: 3, l: 3, T: T0, m: false },
    ]);
    expect(aggTrades).toMatchObject({ security: 'NONE', weight: 20, command: false });
  });

  test('behavior: fromId, a time window, and limit', () => {
    const { venue, maker, taker } = tradingVenue();
    for (let i = 0; i < 4; i++) {
      venue.advanceTo(T0 + i * 60_000);
      venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.002', '95990.00'));
      venue.placeOrder(taker, marketOrder('BTCUSDT', 'SELL', '0.002'));
    }
    const ids = (params: Record<string, string>) =>
      call(aggTrades, venue, { symbol: 'BTCUSDT', ...params }).map((a) => a.a);
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ fromId: '2', limit: '2' })).toEqual([2, 3]);
    expect(ids({ startTime: String(T0 + 60_000), endTime: String(T0 + 120_000) })).toEqual([2, 3]);
    expect(ids({ limit: '1' })).toEqual([4]);
    expect(call(aggTrades, venue, { symbol: 'BTCUSDT', limit: '1' })[0]).toMatchObject({
      m: true,
      T: T0 + 180_000,
    });
  });

  test('behavior: Binance window and parameter errors', () => {
    const { venue } = sweep(1);
    const reject = (params: Record<string, string>) => rejection(() => call(aggTrades, venue, params));
    expect(reject({ symbol: 'BTCUSDT', startTime: String(T0), endTime: String(T0 + 3_600_001) })).toEqual({
      code: -1127,
      msg: 'More than 1 hours between startTime and endTime.',
    });
    expect(reject({ symbol: 'BTCUSDT', startTime: String(T0 + 1), endTime: String(T0) }).code).toBe(-1023);
    expect(reject({ symbol: 'BTCUSDT', fromId: '1', startTime: String(T0) }).code).toBe(-1128);
    expect(reject({ symbol: 'BTCUSDT', limit: '-1' }).code).toBe(-1130);
    expect(reject({}).code).toBe(-1102);
    expect(reject({ symbol: 'NOPE' }).code).toBe(-1121);
  });

  test('behavior: aggregate and trade ids above 2^53 come out as bigints', () => {
    const start = 2n ** 60n;
    const { venue } = sweep(3, { idStart: start });
    expect(call(aggTrades, venue, { symbol: 'BTCUSDT' })).toEqual([
      { a: start, p: '96000.00', q: '0.006', nq: '0.006', f: start, l: start + 2n, T: T0, m: false },
    ]);
    expect(call(aggTrades, venue, { symbol: 'BTCUSDT', fromId: String(start) })).toHaveLength(1);
  });
});
