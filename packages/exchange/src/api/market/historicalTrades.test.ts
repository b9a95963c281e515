import type { Trade } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { historicalTrades } from './historicalTrades.js';
import { call, rejection, sweep } from './testing.js';

describe('historicalTrades', () => {
  test('default: the most recent 100 trades; MARKET_DATA, weight 20', () => {
    const { venue } = sweep(120);
    const body = call(historicalTrades, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<Trade[]>();
    expect(body).toHaveLength(100);
    expect(body[0]).toMatchObject({
      id: 21,
      price: '96000.00',
      qty: '0.002',
      quoteQty: '192.00',
      isBuyerMaker: false,
    });
    expect(body.at(-1)?.id).toBe(120);
    expect(historicalTrades).toMatchObject({ security: 'MARKET_DATA', weight: 20, command: false });
  });

  test('behavior: fromId is inclusive; limit max 500', () => {
    const { venue } = sweep(600);
    expect(
      call(historicalTrades, venue, { symbol: 'BTCUSDT', fromId: '7', limit: '3' }).map((t) => t.id),
    ).toEqual([7, 8, 9]);
    expect(call(historicalTrades, venue, { symbol: 'BTCUSDT', fromId: '1', limit: '900' })).toHaveLength(500);
    expect(call(historicalTrades, venue, { symbol: 'BTCUSDT', fromId: '5000' })).toEqual([]);
  });

  test('behavior: fromId above 2^53 is exact', () => {
    const start = 2n ** 60n;
    const { venue } = sweep(3, { idStart: start });
    const body = call(historicalTrades, venue, { symbol: 'BTCUSDT', fromId: String(start + 1n) });
    expect(body.map((t) => t.id)).toEqual([start + 1n, start + 2n]);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = sweep(1);
    expect(rejection(() => call(historicalTrades, venue, {})).code).toBe(-1102);
    expect(rejection(() => call(historicalTrades, venue, { symbol: 'NOPE' })).code).toBe(-1121);
    expect(rejection(() => call(historicalTrades, venue, { symbol: 'BTCUSDT', fromId: '1.5' })).code).toBe(
      -1100,
    );
  });
});
