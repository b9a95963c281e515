import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { algoDetailToWire } from './algoViews.js';
import { algoFixture, codeOf } from './testing.js';
import { trailingStopTick } from './trailing.js';

describe('trailing stops', () => {
  test('default: a SELL trails the highest price and fires on the callback from it', () => {
    const { venue, print, place, expectFiresAt } = algoFixture();
    print('96000.00');
    const placed = place('SELL', 'TRAILING_STOP_MARKET', { callbackRate: '1' });
    // No activation price: active at once from the latest price, stop at 96000 × 0.99.
    expect(placed).toMatchObject({ activated: true, watermarkTick: 960000, triggerTick: 950400 });
    const view = algoDetailToWire(venue.market('BTCUSDT'), placed);
    expect(view).toMatchObject({ triggerPrice: '95040.00', activatePrice: '96000.00', callbackRate: '1' });
    print('97000.00');
    expect(placed).toMatchObject({ watermarkTick: 970000, triggerTick: 960300 });
    print('96500.00');
    expect(placed.watermarkTick).toBe(970000);
    expectFiresAt(placed, '96100.00', '96030.00');
    expect(placed.actualOrder).toMatchObject({
      type: 'MARKET',
      origType: 'TRAILING_STOP_MARKET',
      side: 'SELL',
      stopPrice: '96030.00',
    });
  });

  test('behavior: a BUY trails the lowest price and fires on the callback from it', () => {
    const { print, place, expectFiresAt } = algoFixture();
    print('96000.00');
    const placed = place('BUY', 'TRAILING_STOP_MARKET', { callbackRate: '2' });
    expect(placed.triggerTick).toBe(979200);
    print('95000.00');
    expect(placed).toMatchObject({ watermarkTick: 950000, triggerTick: 969000 });
    expectFiresAt(placed, '96899.90', '96900.00');
    expect(placed.actualOrder).toMatchObject({ side: 'BUY', stopPrice: '96900.00' });
  });

  test('behavior: an activation price starts the trailing only once it is reached', () => {
    const { print, place, expectFiresAt } = algoFixture();
    print('96000.00');
    const sell = place('SELL', 'TRAILING_STOP_MARKET', { callbackRate: '1', activatePrice: '97000.00' });
    const buy = place('BUY', 'TRAILING_STOP_MARKET', { callbackRate: '2', activatePrice: '95000.00' });
    expect(sell).toMatchObject({ activated: false, triggerTick: 0, activateTick: 970000 });
    print('96500.00');
    print('95500.00');
    expect(sell.activated || buy.activated).toBe(false);
    print('94800.00'); // activates the BUY: lowest 94800, stop 94800 × 1.02 = 96696
    expect(buy).toMatchObject({ activated: true, watermarkTick: 948000, triggerTick: 966960 });
    // The BUY fires at 97500 (≥ 96696), where the SELL activates.
    expectFiresAt(buy, '96000.00', '97500.00');
    expect(buy.status).toBe('FINISHED');
    expect(sell).toMatchObject({ activated: true, watermarkTick: 975000, triggerTick: 965250 });
    expectFiresAt(sell, '96600.00', '96520.00');
    expect(sell.actualOrder?.stopPrice).toBe('96525.00');
  });

  test('behavior: activation at or beyond the latest price would trigger at once: -2021', () => {
    const { algo, trader, print, place } = algoFixture();
    print('96000.00');
    const reject = (side: 'BUY' | 'SELL', activatePrice: string): number =>
      codeOf(() => place(side, 'TRAILING_STOP_MARKET', { callbackRate: '1', activatePrice }));
    expect(reject('BUY', '96000.00')).toBe(-2021);
    expect(reject('BUY', '96500.00')).toBe(-2021);
    expect(reject('SELL', '96000.00')).toBe(-2021);
    expect(reject('SELL', '95000.00')).toBe(-2021);
    expect(algo.openCount(trader)).toBe(0);
  });

  test('behavior: on MARK_PRICE the watermark follows the mark (off the tick grid)', () => {
    const { mark, place, expectFiresAt } = algoFixture();
    const placed = place('SELL', 'TRAILING_STOP_MARKET', { callbackRate: '0.5', workingType: 'MARK_PRICE' });
    expect(placed.triggerTick).toBe(955200);
    mark('97000.07');
    expect(placed).toMatchObject({ watermarkTick: 970000, triggerTick: 965150 });
    expectFiresAt(placed, '96515.01', '96515.00', mark);
  });

  test('behavior: the stop level rounds toward not firing', () => {
    const rate = Decimal.parse('0.3');
    // 1001 × 0.997 = 997.997 → 997 (SELL, down); 1001 × 1.003 = 1004.003 → 1005 (BUY, up)
    expect(trailingStopTick('SELL', 1001, rate)).toBe(997);
    expect(trailingStopTick('BUY', 1001, rate)).toBe(1005);
    expect(trailingStopTick('SELL', 1000, rate)).toBe(997);
    expect(trailingStopTick('BUY', 1000, rate)).toBe(1003);
  });
});
