import { describe, expect, test } from 'vitest';
import { runBacktest } from '../backtest/runBacktest.js';
import type { OrderDenied } from '../strategy/events.js';
import { defineStrategy } from '../strategy/strategy.js';
import { checkRiskLimits, mergeRiskLimits, RiskLimitsError } from './limits.js';

describe('risk limits', () => {
  test('default: a run overrides the strategy field by field, maxPosition symbol by symbol', () => {
    const strategy = {
      maxOrderNotional: '1000',
      maxPosition: { BTCUSDT: '0.01', ETHUSDT: '1' },
      maxDrawdown: '0.2',
    };
    expect(mergeRiskLimits(strategy, { maxOrderNotional: '500', maxPosition: { BTCUSDT: '0.02' } })).toEqual({
      maxOrderNotional: '500',
      maxPosition: { BTCUSDT: '0.02', ETHUSDT: '1' },
      maxDrawdown: '0.2',
    });
    expect(mergeRiskLimits(strategy, undefined)).toBe(strategy);
    expect(mergeRiskLimits(undefined, { maxLeverage: 5 })).toEqual({ maxLeverage: 5 });
    expect(mergeRiskLimits(undefined, undefined)).toEqual({});
  });

  test('error: each bad limit is refused with its field and rule', () => {
    const refused = (limits: object): [string, string] => {
      try {
        checkRiskLimits(limits);
      } catch (error) {
        expect(error).toBeInstanceOf(RiskLimitsError);
        const e = error as RiskLimitsError;
        expect(e.shortMessage).toContain(e.field);
        return [e.field, e.rule];
      }
      throw new Error(`accepted ${JSON.stringify(limits)}`);
    };
    expect(refused({ maxOrderNotional: '-5' })).toEqual([
      'maxOrderNotional',
      'must be a positive decimal string like "1000"',
    ]);
    expect(refused({ maxOrderNotional: 1000 })[0]).toBe('maxOrderNotional');
    expect(refused({ maxPosition: { ETHUSDT: 'lots' } })[0]).toBe('maxPosition.ETHUSDT');
    expect(refused({ maxLeverage: 126 })).toEqual(['maxLeverage', 'must be a whole number from 1 to 125']);
    expect(refused({ maxLeverage: 2.5 })[0]).toBe('maxLeverage');
    expect(refused({ maxOpenOrders: 0 })[0]).toBe('maxOpenOrders');
    expect(refused({ orderRate: { count: 10, perMs: 0 } })[0]).toBe('orderRate.perMs');
    expect(refused({ orderRate: { count: Number.NaN, perMs: 1000 } })[0]).toBe('orderRate.count');
    expect(refused({ maxDrawdown: '1' })).toEqual([
      'maxDrawdown',
      'must be a fraction above 0 and below 1, like "0.1"',
    ]);
    expect(refused({ maxDrawdown: '10%' })[0]).toBe('maxDrawdown');
    expect(refused({ maxDailyLoss: '0' })[0]).toBe('maxDailyLoss');
    const fine = {
      maxOrderNotional: '1000.5',
      maxPosition: { '*': '0.5' },
      maxLeverage: 125,
      maxOpenOrders: 1,
      orderRate: { count: 10, perMs: 1000 },
      maxDrawdown: '0.999',
      maxDailyLoss: '250',
    };
    expect(checkRiskLimits(fine)).toBe(fine);
  });

  test("behavior: a strategy's own limits apply in a run, and the run's override them", async () => {
    const make = () =>
      defineStrategy(() => ({
        name: 'careful',
        risk: { maxOrderNotional: '100', maxOpenOrders: 5 },
        onStart(ctx) {
          // ~0.004 BTC at 50,000 is 200: over the strategy's own 100.
          ctx.submitOrder({
            symbol: 'BTCUSDT',
            side: 'BUY',
            type: 'LIMIT',
            price: '50000',
            quantity: '0.004',
          });
        },
        onOrderDenied(_ctx, event) {
          denied.push(event);
        },
      }));
    let denied: OrderDenied[] = [];
    const own = await runBacktest({ strategy: make(), durationMs: 5_000 });
    expect(denied.map((d) => d.rule)).toEqual(['maxOrderNotional']);
    expect(own.record.meta.risk).toEqual({ maxOrderNotional: '100', maxOpenOrders: 5 });

    denied = [];
    const loosened = await runBacktest({
      strategy: make(),
      durationMs: 5_000,
      risk: { maxOrderNotional: '1000' },
    });
    expect(denied).toEqual([]);
    expect(loosened.record.meta.risk).toEqual({ maxOrderNotional: '1000', maxOpenOrders: 5 });
  });

  test('error: a run with a bad limit does not start', async () => {
    let started = false;
    const strategy = defineStrategy(() => ({
      name: 'typo',
      onStart() {
        started = true;
      },
    }));
    await expect(runBacktest({ strategy, durationMs: 5_000, risk: { maxDrawdown: '10' } })).rejects.toThrow(
      RiskLimitsError,
    );
    expect(started).toBe(false);
  });
});
