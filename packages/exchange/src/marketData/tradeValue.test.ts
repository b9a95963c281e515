import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_COINM_PERPETUALS } from '../config/coinmSymbols.js';
import { DEFAULT_HISTORY, Market } from '../venue/market.js';
import { Venue } from '../venue/venue.js';
import { TradeValue } from './tradeValue.js';

const IDS = { orderId: 1n, tradeId: 1n, updateId: 1n };

describe('TradeValue', () => {
  test('default: a linear trade is worth price × qty exactly, in units of tick × step', () => {
    const value = TradeValue.of('0.10', '0.001');
    expect(value.inverse).toBe(false);
    expect(value.unit.toString()).toBe('0.00010');
    expect(value.decimal(960_001, 2_500).toString()).toBe('240000.25000'); // 96000.10 × 2.500
    // Beyond 2^53 units the product is a bigint, still exact.
    expect(value.units(90_000_000, 200_000_000)).toBe(18_000_000_000_000_000n);
  });

  test('behavior: an inverse trade is worth qty × contractSize / price, cut to 8 decimals as Market.valueOf', () => {
    for (const spec of DEFAULT_COINM_PERPETUALS) {
      const market = new Market(spec, IDS, DEFAULT_HISTORY);
      const value = market.klines.tradeValue!;
      expect(value.inverse).toBe(true);
      for (const [price, qty] of [
        ['96000.0', '3'],
        ['95950.5', '7'],
        ['1234.5', '999999'],
        ['3412.57', '20'],
        ['4529763.9', '1'],
      ] as const) {
        const tick = market.ticksOf(price); // onto the market's grid (ETH ticks 0.01, BTC 0.1)
        const steps = market.stepsOf(qty);
        expect(value.decimal(tick, steps).toString()).toBe(
          market.valueOf(market.qtyOf(steps), market.priceOf(tick)).toFixed(8),
        );
      }
    }
  });

  test('behavior: the harmonic mean price of inverse trades, the weighted mean of linear ones', () => {
    const inverse = TradeValue.of('0.1', '1', '100');
    // 11 contracts for 0.01146074 BTC: 1100 / 0.01146074 = 95979.8…
    expect(inverse.averagePrice(Decimal.parse('11'), Decimal.parse('0.01146074'), 1).toString()).toBe(
      '95979.8',
    );
    expect(inverse.averagePrice(Decimal.ZERO, Decimal.ZERO, 1).toString()).toBe('0.0');
    const linear = TradeValue.of('0.10', '0.001');
    expect(linear.averagePrice(Decimal.parse('3'), Decimal.parse('288000.30'), 2).toString()).toBe(
      '96000.10',
    );
  });

  test('behavior: backfilled and live COIN-M candles value trades in coin: contracts × 100 / base lies in [low, high]', () => {
    const start = Date.UTC(2026, 10, 24, 12);
    const venue = new Venue({
      product: 'coinm',
      startTime: start,
      seed: 2,
      synthetic: { backfillMinutes: 10 },
    });
    venue.advanceTo(start + 2 * 60_000);
    const market = venue.market('BTCUSD_PERP');
    const candles = market.klines.klines({ interval: '1m', now: venue.now }).filter((k) => k.count > 0);
    expect(candles.some((k) => k.openTime < start)).toBe(true);
    expect(candles.some((k) => k.openTime >= start)).toBe(true);
    for (const k of candles) {
      const mean = market.klines.tradeValue!.averagePrice(k.volume, k.quoteVolume, 1);
      // Each trade's value is cut down, so the mean may sit a hair above the high.
      expect(mean.gte(k.low)).toBe(true);
      expect(mean.lte(k.high.add('0.5'))).toBe(true);
    }
  });

  test('errors: sizes must be positive, and so must an inverse price', () => {
    expect(() => TradeValue.of('0', '1')).toThrow('must be positive');
    expect(() => TradeValue.of('0.1', '1', '0')).toThrow('must be positive');
    expect(() => TradeValue.of('0.1', '1', '100').units(0, 1)).toThrow('Price must be positive');
  });
});
