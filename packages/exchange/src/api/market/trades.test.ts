import { stringifyJson, type Trade } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { call, limitOrder, marketOrder, rejection, sweep, T0, tradingVenue } from './testing.js';
import { trades } from './trades.js';

describe('trades', () => {
  test('default: the recent trades, ascending, in Binance strings', () => {
    const { venue, maker, taker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.005', '95990.50'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'SELL', '0.003'));
    venue.advanceTo(T0 + 5_000);
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96010.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.004'));
    const body = call(trades, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<Trade[]>();
    expect(body).toEqual([
      {
        id: 1,
        price: '95990.50',
        qty: '0.003',
        quoteQty: '287.97',
        time: T0,
        isBuyerMaker: true,
        isRPITrade: false,
      },
      {
        id: 2,
        price: '96010.00',
        qty: '0.004',
        quoteQty: '384.04',
        time: T0 + 5_000,
        isBuyerMaker: false,
        isRPITrade: false,
      },
    ]);
    expect(trades).toMatchObject({ security: 'NONE', weight: 5, command: false });
  });

  test('behavior: limit default 500, max 1000, below 1 rejected', () => {
    const { venue } = sweep(1005);
    expect(call(trades, venue, { symbol: 'BTCUSDT' })).toHaveLength(500);
    expect(call(trades, venue, { symbol: 'BTCUSDT', limit: '3' }).map((t) => t.id)).toEqual([
      1003, 1004, 1005,
    ]);
    expect(call(trades, venue, { symbol: 'BTCUSDT', limit: '5000' })).toHaveLength(1000);
    expect(rejection(() => call(trades, venue, { symbol: 'BTCUSDT', limit: '0' }))).toEqual({
      code: -1130,
      msg: "Data sent for parameter 'limit' is not valid.",
    });
  });

  test('behavior: symbol is mandatory and must be listed', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(trades, venue, {})).code).toBe(-1102);
    expect(rejection(() => call(trades, venue, { symbol: 'btcusdt' })).code).toBe(-1121);
    expect(call(trades, venue, { symbol: 'ETHUSDT' })).toEqual([]);
  });

  test('behavior: ids above 2^53 come out as bigints', () => {
    const start = 2n ** 60n;
    const { venue } = sweep(2, { idStart: start });
    const body = call(trades, venue, { symbol: 'BTCUSDT' });
    expect(body.map((t) => t.id)).toEqual([start, start + 1n]);
    expect(stringifyJson(body[0])).toContain('"id":1152921504606846976,');
  });
});
