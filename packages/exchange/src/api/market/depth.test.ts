import type { Depth } from '@basis/core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { toId } from '../../venue/idSequence.js';
import { depth } from './depth.js';
import { call, limitOrder, marketOrder, rejection, T0, tradingVenue } from './testing.js';

function bookedVenue(options: Parameters<typeof tradingVenue>[0] = {}) {
  const fixture = tradingVenue(options);
  const { venue, maker } = fixture;
  for (const [side, price] of [
    ['BUY', '95900.00'],
    ['BUY', '95950.00'],
    ['BUY', '95800.00'],
    ['SELL', '96100.00'],
    ['SELL', '96000.00'],
    ['SELL', '96050.00'],
  ] as const) {
    venue.placeOrder(maker, limitOrder('BTCUSDT', side, '0.010', price));
  }
  venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.005', '95950.00'));
  return fixture;
}

describe('depth', () => {
  test('default: bids descending, asks ascending, levels summed, Binance strings', () => {
    const { venue } = bookedVenue();
    const body = call(depth, venue, { symbol: 'BTCUSDT' });
    expectTypeOf(body).toEqualTypeOf<Depth>();
    expect(body).toEqual({
      lastUpdateId: toId(venue.market('BTCUSDT').updateId),
      E: T0,
      T: T0,
      bids: [
        ['95950.00', '0.015'],
        ['95900.00', '0.010'],
        ['95800.00', '0.010'],
      ],
      asks: [
        ['96000.00', '0.010'],
        ['96050.00', '0.010'],
        ['96100.00', '0.010'],
      ],
    });
  });

  test('behavior: an empty book has no levels', () => {
    const { venue } = tradingVenue();
    expect(call(depth, venue, { symbol: 'ETHUSDT' })).toMatchObject({ bids: [], asks: [] });
  });

  test('behavior: limit keeps the best levels of each side', () => {
    const { venue, maker } = tradingVenue();
    for (let i = 0; i < 8; i++) {
      venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.002', (95000 - i * 10).toFixed(2)));
      venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', (96000 + i * 10).toFixed(2)));
    }
    const body = call(depth, venue, { symbol: 'BTCUSDT', limit: '5' });
    expect(body.bids.map(([p]) => p)).toEqual(['95000.00', '94990.00', '94980.00', '94970.00', '94960.00']);
    expect(body.asks.map(([p]) => p)).toEqual(['96000.00', '96010.00', '96020.00', '96030.00', '96040.00']);
    expect(call(depth, venue, { symbol: 'BTCUSDT' }).bids).toHaveLength(8);
  });

  test('behavior: lastUpdateId is the book sequence and moves with every book change', () => {
    const { venue, maker, taker } = bookedVenue();
    const market = venue.market('BTCUSDT');
    const before = call(depth, venue, { symbol: 'BTCUSDT' }).lastUpdateId;
    expect(before).toBe(toId(market.updateId));
    expect(call(depth, venue, { symbol: 'BTCUSDT' }).lastUpdateId).toBe(before); // reading changes nothing
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.002', '95000.00'));
    const afterAdd = call(depth, venue, { symbol: 'BTCUSDT' }).lastUpdateId;
    expect(BigInt(afterAdd)).toBe(BigInt(before) + 1n);
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.004'));
    const afterTrade = call(depth, venue, { symbol: 'BTCUSDT' });
    expect(BigInt(afterTrade.lastUpdateId)).toBeGreaterThan(BigInt(afterAdd));
    expect(afterTrade.asks[0]).toEqual(['96000.00', '0.006']);
  });

  test('behavior: ids above 2^53 come out as bigints', () => {
    const start = 2n ** 60n;
    const { venue } = bookedVenue({ idStart: start });
    const body = call(depth, venue, { symbol: 'BTCUSDT' });
    expect(typeof body.lastUpdateId).toBe('bigint');
    expect(body.lastUpdateId).toBe(start + 7n);
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = tradingVenue();
    expect(rejection(() => call(depth, venue, {}))).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    });
    expect(rejection(() => call(depth, venue, { symbol: 'NOPEUSDT' }))).toEqual({
      code: -1121,
      msg: 'Invalid symbol.',
    });
    expect(rejection(() => call(depth, venue, { symbol: 'BTCUSDT', limit: '7' }))).toEqual({
      code: -4021,
      msg: "'7' is not valid depth limit.",
    });
    expect(rejection(() => call(depth, venue, { symbol: 'BTCUSDT', limit: 'ten' })).code).toBe(-1100);
    for (const limit of ['5', '10', '20', '50', '100', '500', '1000']) {
      expect(call(depth, venue, { symbol: 'BTCUSDT', limit }).bids).toEqual([]);
    }
  });

  test('behavior: weight by limit (§3.4)', () => {
    const weight = depth.weight as (p: Record<string, string>) => number;
    expect(
      [{}, { limit: '5' }, { limit: '50' }, { limit: '100' }, { limit: '500' }, { limit: '1000' }].map(
        weight,
      ),
    ).toEqual([10, 2, 2, 5, 10, 20]);
  });
});
