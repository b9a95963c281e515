import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../../config/defaultSymbols.js';
import { type TakerLongShortRatio, takerLongShortRatio } from './takerLongShortRatio.js';
import { call, limitOrder, marketOrder, rejection, T0, tradingVenue } from './testing.js';

const FIVE_MINUTES = 300_000;

describe('takerlongshortRatio', () => {
  test('default: taker buy and sell volume of each closed period', () => {
    const { venue, maker, taker } = tradingVenue();
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.003', '96000.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.003'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.002', '95990.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'SELL', '0.002'));
    venue.advanceTo(T0 + FIVE_MINUTES + 10_000);
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96010.00'));
    venue.placeOrder(taker, marketOrder('BTCUSDT', 'BUY', '0.004'));
    const body = call(takerLongShortRatio, venue, { symbol: 'BTCUSDT', period: '5m' });
    expectTypeOf(body).toEqualTypeOf<TakerLongShortRatio[]>();
    // The period in progress (T0 + 5 min) is not reported yet.
    expect(body).toEqual([{ buySellRatio: '1.5000', buyVol: '0.0030', sellVol: '0.0020', timestamp: T0 }]);
    venue.advanceTo(T0 + 2 * FIVE_MINUTES);
    expect(call(takerLongShortRatio, venue, { symbol: 'BTCUSDT', period: '5m' })).toEqual([
      { buySellRatio: '1.5000', buyVol: '0.0030', sellVol: '0.0020', timestamp: T0 },
      { buySellRatio: '0.0000', buyVol: '0.0040', sellVol: '0.0000', timestamp: T0 + FIVE_MINUTES },
    ]);
    expect(
      call(takerLongShortRatio, venue, { symbol: 'BTCUSDT', period: '5m', startTime: String(T0 + 1) }),
    ).toEqual([
      { buySellRatio: '0.0000', buyVol: '0.0040', sellVol: '0.0000', timestamp: T0 + FIVE_MINUTES },
    ]);
    expect(
      call(takerLongShortRatio, venue, {
        symbol: 'BTCUSDT',
        period: '5m',
        startTime: String(T0 + 3 * FIVE_MINUTES),
      }),
    ).toEqual([]);
    expect(takerLongShortRatio).toMatchObject({ security: 'NONE', weight: 0, command: false });
  });

  test('behavior: limit default 30, max 500, on the synthetic market', () => {
    const { venue } = tradingVenue({
      marketData: 'synthetic',
      synthetic: { backfillMinutes: 720 },
      symbols: DEFAULT_SYMBOLS.filter((s) => s.symbol === 'ETHUSDT'),
    });
    const rows = call(takerLongShortRatio, venue, { symbol: 'ETHUSDT', period: '5m' });
    expect(rows).toHaveLength(30);
    expect(rows.at(-1)?.timestamp).toBe(T0 - FIVE_MINUTES);
    expect(call(takerLongShortRatio, venue, { symbol: 'ETHUSDT', period: '5m', limit: '1000' })).toHaveLength(
      144,
    );
    for (const row of rows) {
      expect(row.buyVol).toMatch(/^\d+\.\d{4}$/);
      expect(row.sellVol).toMatch(/^\d+\.\d{4}$/);
      expect(row.buySellRatio).toMatch(/^\d+\.\d{4}$/);
    }
  });

  test('behavior: Binance parameter errors', () => {
    const { venue } = tradingVenue();
    const reject = (params: Record<string, string>) =>
      rejection(() => call(takerLongShortRatio, venue, params));
    expect(reject({ period: '5m' }).code).toBe(-1102);
    expect(reject({ symbol: 'BTCUSDT' }).msg).toBe(
      "Mandatory parameter 'period' was not sent, was empty/null, or malformed.",
    );
    expect(reject({ symbol: 'BTCUSDT', period: '1m' })).toEqual({
      code: -1130,
      msg: "Data sent for parameter 'period' is not valid.",
    });
    expect(reject({ symbol: 'NOPE', period: '5m' }).code).toBe(-1121);
    expect(
      reject({ symbol: 'BTCUSDT', period: '5m', startTime: String(T0), endTime: String(T0 - 1) }).code,
    ).toBe(-1023);
  });
});
